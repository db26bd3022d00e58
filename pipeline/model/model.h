// The document model: the only values that cross a stage boundary.
//
// ingest fills Source::text and the decode fixes; normalize turns text into Source::lines and
// records character and line fixes; structure turns lines into metadata, blocks and removals;
// annotate gives ids; crossref gathers sources into a Briefing; emitters read only the Briefing.
// Things refer to each other by id (S1, S1-p4, E-…), never by pointer, so every value can be
// copied, compared in a test and dumped as JSON. A worked example lives in README.md beside this
// file.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::model {

// A place in the decoded input. Lines and columns count from 1; columns count code points.
struct Position {
  int line = 0;
  int col = 0;
  bool operator==(const Position&) const = default;
};

enum class FixKind {
  Decode,       // bytes → UTF-8: BOM, UTF-16/32, Windows-1252 fallback, invalid bytes
  LineEnd,      // CRLF, CR, U+2028/2029, form feed → LF (once per file)
  ControlChar,  // C0/C1 controls, zero-width and other invisible characters removed
  Whitespace,   // spaces trimmed or folded
  Nfc,          // Unicode normalization form C
  Reflow,       // a hard line wrap joined into its paragraph
  Dehyphenate,  // a hyphenated line end joined
  Mojibake,     // UTF-8 read as a legacy code page, repaired
  Quotes,       // doubled or mismatched quote marks
  Homoglyph,    // a look-alike letter from another script
  EntityRef,    // an HTML character reference left in plain text
  Ligature,     // ﬁ ﬂ and full-width forms
  Markup,       // Markdown syntax consumed by the reader
  Template,     // a Mustache tag or section of a report's Markdown, expanded from the job's data
};

// One repair, positioned in the decoded input (before any other fix ran).
struct Fix {
  FixKind kind = FixKind::Decode;
  Position at;
  std::string before;
  std::string after;
  bool operator==(const Fix&) const = default;
};

// Text taken out as site furniture, with the rule that took it.
struct Removal {
  int first_line = 0;
  int last_line = 0;
  std::string text;
  std::string rule;
  bool operator==(const Removal&) const = default;
};

// A line of the input read into metadata instead of a block (headline, standfirst, byline,
// section label, translation note, front matter), with the field it went to. The ledger
// counts its text; outputs show the metadata it became.
struct MetadataLine {
  int first_line = 0;
  int last_line = 0;
  std::string text;
  std::string field;
  bool operator==(const MetadataLine&) const = default;
};

// A logical line of normalized text and where it started in the input. normalize produces
// these; structure consumes them.
struct Line {
  std::string text;
  Position origin;
  int last_line = 0;  // the input line it ends on (reflow joins lines)
  bool operator==(const Line&) const = default;
};

enum class BlockKind {
  Heading,
  Paragraph,
  Blockquote,
  List,
  ListItem,
  Code,
  Table,
  Image,
  Footnote,
  ThematicBreak,
  Caption,
  TableRow,   // a Table's child; the first row of a table is its header row
  TableCell,  // a TableRow's child
};

enum class SpanKind { Emphasis, Strong, Code, Link, Strikethrough, FootnoteRef };

// Inline formatting over a block's text, in code points; spans nest but never cross. A
// footnote reference is a point (start == end) where the note's number is shown.
struct Span {
  SpanKind kind = SpanKind::Emphasis;
  int start = 0;
  int end = 0;
  std::string href;  // links: the address; footnote references: the note's number
  bool operator==(const Span&) const = default;
};

struct Block {
  std::string id;  // S1-p4; nested blocks share their parent's id
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;     // heading level (1–6); List blocks: 1 numbered, 0 bullets; 0 otherwise
  std::string text;  // plain UTF-8 inline text; '\n' where a Markdown line break was hard
  std::vector<Span> spans;  // emphasis, links, … over `text` (Markdown sources)
  Position origin;          // where the block starts in the input
  int last_line = 0;
  std::vector<Block> children;
  std::vector<std::string> see_also;
  std::string src;  // Image blocks: the image file as the source names it; `text` is its alt text
  int start = 1;    // numbered List blocks: the first item's number; Footnote blocks: its number
  std::optional<bool> checked;  // ListItem blocks of a task list: done or not
  bool loose = false;           // List blocks: items set apart by blank lines
  std::string align;  // Table blocks: a column's alignment each, 'l', 'c', 'r' or ' ' (none)
  bool operator==(const Block&) const = default;
};

struct SourceMeta {
  std::optional<std::string> title;
  std::optional<std::string> subtitle;
  std::optional<std::string> outlet;
  std::vector<std::string> authors;
  std::optional<std::string> date;  // ISO 8601, YYYY-MM-DD
  std::optional<std::string> url;
  std::optional<std::string> language;
  std::optional<std::string> translated_from;
  std::optional<std::string> category;
  std::optional<std::string> original_title;
  bool operator==(const SourceMeta&) const = default;
};

struct Quote {
  std::string id;  // Q1
  std::string block;
  std::vector<std::string> blocks;
  std::string text;
  std::optional<std::string> speaker;  // an entity id, or none when no speaker is found
  // annotate: the name (index into Source::names) that identifies the speaker; crossref turns
  // it into `speaker`. A pronoun's speaker points at the name it stands for.
  std::optional<std::size_t> speaker_name;
  bool operator==(const Quote&) const = default;
};

// Where a name or other annotation sits: code points into a top-level block's text.
struct Mention {
  std::string block;
  int start = 0;
  int end = 0;
  bool operator==(const Mention&) const = default;
};

enum class EntityType { Person, Organization, Place, Event };

// A name found in one source, before crossref merges names into entities across sources.
struct NameMention {
  Mention at;
  std::string text;  // as written, without a possessive ending: "Putin" for "Putin’s"
  // The fullest form this source gives the same person: "Vladimir Putin" for a later "Putin",
  // "Vladimir Putin" for "Vladimir Vladimirovich [Putin]". Equal to `text` otherwise.
  std::string full;
  std::optional<EntityType> type;    // unknown for a lone capitalized word with no cue
  std::optional<std::string> known;  // the gazetteer's name when the gazetteer knows it
  std::optional<std::string> role;   // "Kremlin spokesperson", "director of …"
  bool person_cue = false;           // a title, apposition, speech verb or "who" marks a person
  bool operator==(const NameMention&) const = default;
};

struct DateMention {
  std::string block;
  std::string text;
  std::optional<std::string> iso;
  std::string precision;  // day|month|year|range|relative
  int start = 0;          // code points into the block's text
  int end = 0;
  bool operator==(const DateMention&) const = default;
};

struct Figure {
  std::string id;  // F1
  std::string block;
  std::string text;
  double value = 0;
  std::optional<std::string> unit;
  std::optional<std::string> about;
  int start = 0;  // code points into the block's text
  int end = 0;
  // What is measured, normalized for comparison across sources ("% ukraine territory");
  // empty when `about` is unknown. Figures with equal measures and different values conflict.
  std::string measure;
  bool operator==(const Figure&) const = default;
};

enum class SourceStatus { Ok, Failed };
enum class SourceFormat { PlainText, Markdown };

struct Source {
  std::string id;             // S1, S2, … in job order
  std::string path;           // as shown to readers: relative to the job file, or as given
  std::string resolved_path;  // where ingest reads it; never written to outputs
  SourceFormat format = SourceFormat::PlainText;
  SourceStatus status = SourceStatus::Ok;
  SourceMeta meta;          // detected metadata
  SourceMeta given;         // metadata from the job file; wins over detection
  std::string text;         // decoded input (UTF-8, LF line ends)
  std::vector<Line> lines;  // normalized lines; consumed by structure
  std::vector<Block> blocks;
  std::vector<Fix> fixes;
  std::vector<Removal> removals;
  std::vector<MetadataLine> metadata_lines;
  std::optional<std::string> translation_note;  // the note's text, read into metadata
  // Found by annotate; crossref numbers, merges and gathers them.
  std::vector<Quote> quotes;
  std::vector<NameMention> names;
  std::vector<DateMention> dates;
  std::vector<Figure> figures;
  // The bytes of each image an Image block names, by `src`; read by ingest after the
  // per-source stages on every build (never cached, so a changed image is always seen).
  std::map<std::string, std::string> images;
  bool operator==(const Source&) const = default;
};

// Cross-source records, made by crossref.
struct Entity {
  std::string id;  // E-vladimir-putin
  std::string name;
  EntityType type = EntityType::Person;
  std::vector<std::string> aliases;
  std::vector<std::string> roles;
  std::vector<Mention> mentions;
  bool operator==(const Entity&) const = default;
};

struct Conflict {
  std::string about;
  std::vector<std::string> figures;
  std::vector<std::string> blocks;
  bool operator==(const Conflict&) const = default;
};

struct Briefing {
  std::string title;
  std::optional<std::string> subtitle;
  std::optional<std::string> author;
  std::string date;  // YYYY-MM-DD, resolved once by the caller
  std::string language = "en";
  std::vector<Source> sources;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<DateMention> dates;
  std::vector<Figure> figures;
  std::vector<Conflict> conflicts;
  bool operator==(const Briefing&) const = default;
};

// Names used in JSON, --explain and the end notes.
const char* to_string(FixKind kind);
const char* to_string(BlockKind kind);
const char* to_string(EntityType type);
const char* to_string(SpanKind kind);
const char* to_string(SourceStatus status);

// Fixes in the order of their input positions (line, then column).
inline bool in_reading_order(const Fix& a, const Fix& b) {
  return a.at.line != b.at.line ? a.at.line < b.at.line : a.at.col < b.at.col;
}

// The title a reader sees for a source: its given or detected title, else its path.
std::string display_title(const Source& source);

// The text field a metadata key names (title, subtitle or standfirst, outlet, date, url,
// language, translated_from, category, original_title), or nullptr. Authors are a list and
// are not among them. Job files and front matter read their keys through this one table.
std::optional<std::string>* text_field(SourceMeta& meta, std::string_view key);

// Every field that `top` has replaces the one in `base` (authors when it has any).
void overlay(SourceMeta& base, const SourceMeta& top);

// Given metadata wins over detected metadata, field by field.
SourceMeta merged_meta(const Source& source);

// Gives back the room a source's lists grew into and do not use (a list that doubles keeps a
// quarter of its room spare on average): every source is held until the outputs are written.
void release_spare_capacity(Source& source);

}  // namespace dossier::model
