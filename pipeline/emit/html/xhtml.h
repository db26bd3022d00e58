// XHTML trees shared by the HTML and EPUB writers: page shells rendered from Mustache
// templates and parsed by pugixml, and the briefing's content built as element trees.
// Nothing here pastes markup into strings.
#pragma once

#include <functional>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "emit/briefing_view.h"
#include "emit/emit.h"
#include "model/digest.h"

namespace dossier::emit {

// Where a link to an anchor of a source goes: "#S1-p3" in one file, "S1.xhtml#S1-p3" in EPUB.
using HrefFor = std::function<std::string(const std::string& source_id, const std::string& anchor)>;

// Template values for the page shells: briefing metadata, the words table and the version.
struct ShellValues {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string date;
  std::string language;
  std::string version;
  std::string page_title;  // this page's own title (EPUB chapters)
};
ShellValues shell_values(const model::Briefing& briefing, const EmitOptions& options);

// Renders templates/NAME with Mustache and parses the result as XML.
model::Result<bool> render_shell(const EmitOptions& options, const std::string& name,
                                 const ShellValues& values, pugi::xml_document& doc);

// A page shell for many pages that differ only in their title (EPUB chapters): rendered and
// parsed once, then copied for each page with its title put where the template placed
// {{page_title}}. Rendering each page's shell anew read the template file, ran Mustache and
// parsed XML for every source.
class PageShell {
 public:
  model::Result<bool> render(const EmitOptions& options, const std::string& name,
                             ShellValues values);
  // `doc` becomes a copy of the shell with this page's title.
  void copy_to(pugi::xml_document& doc, const std::string& page_title) const;
  // The shell as text, for the key of a page kept between builds.
  std::string text() const;

 private:
  pugi::xml_document shell_;
};

// The element with this id attribute, or a null node.
pugi::xml_node find_by_id(const pugi::xml_node& root, const char* id);

// The list of sources with links to their chapters (cover and contents).
void append_source_list(pugi::xml_node list, const model::Briefing& briefing, const Words& words,
                        const HrefFor& href);

// Where an image of a source is found from the page: a data: URI in HTML, a file in the EPUB;
// empty when the image could not be read (the build reported it).
using ImageHref = std::function<std::string(const model::Source& source, const std::string& src)>;

// Which addresses written in a source (its links, its url) become live links; the others
// stay text. Never javascript:, data: or file:. An HTML page may sit beside the files a
// relative address names; a book holds only its own files, so in the EPUB only web and mail
// addresses are live (a relative one sends readers, and epubcheck, to a file that is not there).
enum class SourceLinks { WebAndRelative, WebOnly };

// One source as a chapter: header, metadata, numbered blocks (names linked to the index when
// `view` is given; images as figures where `image_href` places them), end note.
void append_source_chapter(pugi::xml_node parent, const model::Source& source, const Words& words,
                           const HrefFor& href, const BriefingView* view = nullptr,
                           const ImageHref& image_href = {},
                           SourceLinks links = SourceLinks::WebAndRelative);

// The reference parts (xhtml_parts.cpp). Each is a <section> with the part's id; HrefFor maps
// a part name to where its anchors live ("#…" in HTML, "index.xhtml#…" in EPUB).
inline constexpr const char* kPartPeople = "people";
inline constexpr const char* kPartQuotes = "quotes";
inline constexpr const char* kPartTimeline = "timeline";
inline constexpr const char* kPartFigures = "figures";
inline constexpr const char* kPartIndex = "index";
inline constexpr const char* kPartConflicts = "conflicts";  // EPUB only, when they are many
// A reference part in steps, so that a long one can be written a slice of entries at a time
// (ten thousand articles' figures or index took hundreds of megabytes as one tree): `head`
// appends the part up to the element that holds its list and returns that element (null when
// the part lists nothing), `entries` appends entries [first, last) to it, and `links` tells
// how many paragraph links entry `i` holds (an index entry can hold tens of thousands).
// `bytes` is about how long entry `i` is written out, and `continued` the head of a later file
// of a part split over several (EPUB) that starts at entry `first`: the part's heading and
// list, without what only the first file shows (the figures' conflicts), with what the entry
// needs above it (the speaker of a quotation past a speaker's first).
struct PartSteps {
  pugi::xml_node (*head)(pugi::xml_node parent, const BriefingView& view, const Words& words,
                         const HrefFor& href);
  void (*entries)(pugi::xml_node list, const BriefingView& view, const Words& words,
                  const HrefFor& href, std::size_t first, std::size_t last);
  std::size_t (*count)(const BriefingView& view);
  std::size_t (*links)(const BriefingView& view, std::size_t i);
  std::size_t (*bytes)(const BriefingView& view, std::size_t i);
  pugi::xml_node (*continued)(pugi::xml_node parent, const BriefingView& view, const Words& words,
                              const HrefFor& href, std::size_t first);
};
extern const PartSteps kKeyEntitiesPart, kQuotesPart, kTimelinePart, kFiguresPart, kIndexPart;
// The figures part in two, for an EPUB whose conflicts are too long for one file: the
// conflicts alone, then the figures without them.
extern const PartSteps kConflictsPart, kFiguresOnlyPart;
// The key entities and the index for an EPUB, in pieces of at most BriefingView::kPieceLinks
// paragraph links (the same as the whole parts but for an entry with more, whose next pieces
// are further <dd> elements), so that a name mentioned in tens of thousands of paragraphs can
// run on over files.
extern const PartSteps kKeyEntityPiecesPart, kIndexPiecesPart;

// Appends `part` whole, as one tree.
void append_part(const PartSteps& part, pugi::xml_node parent, const BriefingView& view,
                 const Words& words, const HrefFor& href);

// The slices write_part writes `part` in, as [first, last) entries: a few hundred entries or
// a few thousand links, whichever comes first (one entry with more links is a slice alone).
// Small trees, and few calls into the serializer: by entries alone, the index of 10,000
// generated articles, 200 names with 800,000 paragraph links, was one slice, a 160 MB tree.
inline constexpr std::size_t kSliceEntries = 256;
inline constexpr std::size_t kSliceLinks = 4096;
using EntryRange = std::pair<std::size_t, std::size_t>;
inline constexpr EntryRange kAllEntries{0, static_cast<std::size_t>(-1)};
std::vector<EntryRange> part_slices(const PartSteps& part, const BriefingView& view,
                                    EntryRange entries = kAllEntries);

// Where write_part finds the slices of a part that an earlier build wrote, and keeps those it
// writes now: each slice under `key` (the part's part_key in its format, piece_cache.h) with
// its entries and depth.
struct PartPieces {
  PieceCache& cache;
  model::Digest key;
};

// Writes `part` as it would stand `depth` levels deep in a page, the same bytes as its whole
// tree saved with the page, a slice of its entries at a time. With `entries`, only those
// entries, under the part's head, or its continued head when they do not start at the first
// (a long part split over several EPUB files). With `pieces`, a slice found there is copied.
void write_part(const PartSteps& part, const BriefingView& view, const Words& words,
                const HrefFor& href, pugi::xml_writer& out, unsigned depth,
                EntryRange entries = kAllEntries, const PartPieces* pieces = nullptr);

// Contents entries for the parts that come before the sources, or after them (the index).
void append_part_links(pugi::xml_node list, const Words& words, const HrefFor& href,
                       bool before_sources);

// Serializes as polyglot XHTML: non-void elements never self-close. EPUB's XHTML files
// carry an XML declaration; the HTML page does not.
void save_polyglot(pugi::xml_document& doc, std::ostream& out, bool xml_declaration = false);
void save_polyglot(pugi::xml_document& doc, pugi::xml_writer& out, bool xml_declaration = false);

// The same for the children of `holder`, written as if they stood `depth` levels deep in a
// page: a page can then be written a part at a time, each part's tree freed after it.
void save_polyglot_fragment(pugi::xml_node holder, std::ostream& out, unsigned depth);
void save_polyglot_fragment(pugi::xml_node holder, pugi::xml_writer& out, unsigned depth);

// The depth at which `node`'s children stand in its document: the `depth` to write fragments
// that go in its place.
unsigned children_depth(pugi::xml_node node);

// Where the comment `<!--mark-->` is in a saved page, as the span [first, second) that what
// goes in its place replaces: its whole line, indentation and all, when it stands alone there
// (in a block container), else the comment alone. Nothing when the mark is not there.
std::optional<std::pair<std::size_t, std::size_t>> mark_span(const std::string& text,
                                                             const std::string& mark);

// A pugixml writer that appends to a string (an ostringstream grows and then copies).
class StringXmlWriter : public pugi::xml_writer {
 public:
  explicit StringXmlWriter(std::string& out) : out_(out) {}
  void write(const void* data, size_t size) override {
    out_.append(static_cast<const char*>(data), size);
  }

 private:
  std::string& out_;
};

}  // namespace dossier::emit
