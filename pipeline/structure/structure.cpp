#include "structure/structure.h"

#include <optional>

#include "model/utf8.h"
#include "structure/front_matter.h"
#include "structure/line_shape.h"
#include "structure/markdown.h"
#include "structure/translation_note.h"

namespace dossier::structure {

using model::Block;
using model::BlockKind;
using model::Line;

namespace {

struct Candidate {
  const Line* line;
  LineShape shape;
};

constexpr std::size_t kHeaderWindow = 4;  // the headline is among the first lines kept
constexpr std::size_t kEdgeLines = 5;     // "top" and "bottom" rules look this far in

// Records that `line` went into the metadata field `field`, for the nothing-lost ledger.
void read_into(model::Source& source, const Line& line, const char* field) {
  source.metadata_lines.push_back({line.origin.line, line.last_line, line.text, field});
}

Block make_block(BlockKind kind, const Line& line, int level = 0) {
  Block b;
  b.kind = kind;
  b.level = level;
  b.text = line.text;
  b.origin = line.origin;
  b.last_line = line.last_line;
  return b;
}

std::vector<Candidate> remove_boilerplate(const std::vector<Line>& lines,
                                          const StructureOptions& options,
                                          std::vector<model::Removal>& removals) {
  std::size_t non_blank = 0;
  for (const auto& line : lines) non_blank += !line.text.empty();
  std::vector<Candidate> kept;
  std::size_t index = 0;
  for (const auto& line : lines) {
    if (line.text.empty()) continue;
    const bool top = index < kEdgeLines, bottom = index + kEdgeLines >= non_blank;
    ++index;
    const BoilerplateRule* rule = match_boilerplate(options.boilerplate, line.text);
    if (rule && (rule->where == Where::Anywhere || (rule->where == Where::Top && top) ||
                 (rule->where == Where::Bottom && bottom))) {
      removals.push_back({line.origin.line, line.last_line, line.text, rule->name});
      continue;
    }
    kept.push_back({&line, shape_of(line.text)});
  }
  return kept;
}

// The end of an article: a translation note becomes metadata, and a lone word after the last
// paragraph (a share-button label, a tag) is removed. Returns how many kept lines remain.
std::size_t read_footer(const std::vector<Candidate>& kept, std::size_t body_start,
                        model::Source& source) {
  std::size_t end = kept.size();
  if (end > body_start) {
    const Candidate& last = kept[end - 1];
    if (last.shape.words == 1 && last.shape.letters > 1 && last.shape.digits == 0 &&
        last.line->text.size() <= 40 && end - body_start >= 2) {
      source.removals.push_back(
          {last.line->origin.line, last.line->last_line, last.line->text, "trailing-word"});
      --end;
    }
  }
  if (end > body_start) {
    if (const auto note = read_translation_note(kept[end - 1].line->text)) {
      model::SourceMeta& m = source.meta;
      if (note->language) m.translated_from = note->language;
      if (note->original_title) m.original_title = note->original_title;
      if (note->outlet && !m.outlet) m.outlet = note->outlet;
      if (note->date && !m.date) m.date = note->date;
      source.translation_note = kept[end - 1].line->text;
      read_into(source, *kept[end - 1].line, "translation-note");
      --end;
    }
  }
  return end;
}

std::optional<std::size_t> find_headline(const std::vector<Candidate>& kept) {
  for (std::size_t k = 0; k < kept.size() && k < kHeaderWindow; ++k) {
    if (is_headline(kept[k].shape) && byline_name(kept[k].line->text).empty() &&
        !is_photo_credit(kept[k].line->text)) {
      return k;
    }
  }
  return std::nullopt;
}

// Reads the header (label, standfirst, headline, byline, credit) and returns the index of the
// first body line. Lines of the header become metadata or caption blocks.
std::size_t read_header(const std::vector<Candidate>& kept, model::Source& source) {
  const auto headline = find_headline(kept);
  if (!headline) return 0;
  model::SourceMeta& meta = source.meta;
  for (std::size_t k = 0; k < *headline; ++k) {
    const Line& line = *kept[k].line;
    if (!meta.category && k + 1 == *headline && is_section_label(kept[k].shape)) {
      meta.category = line.text;
      read_into(source, line, "category");
    } else if (!meta.subtitle && kept[k].shape.words > 6) {
      meta.subtitle = line.text;
      read_into(source, line, "standfirst");
    } else {
      source.blocks.push_back(make_block(BlockKind::Paragraph, line));
    }
  }
  std::size_t next = *headline + 1;
  std::string title = kept[*headline].line->text;
  read_into(source, *kept[*headline].line, "title");
  // A headline broken over two lines: the next line follows directly and is title-like too.
  if (next < kept.size() && kept[next].line->origin.line == kept[*headline].line->last_line + 1 &&
      is_title_case_heading(kept[*headline].shape) && is_headline(kept[next].shape) &&
      kept[next].shape.words <= 12) {
    const Line& first = *kept[*headline].line;
    source.fixes.push_back(
        {model::FixKind::Reflow,
         {first.last_line, static_cast<int>(model::utf8::length(first.text)) + 1},
         "\n",
         " "});
    title += ' ' + kept[next].line->text;
    read_into(source, *kept[next].line, "title");
    ++next;
  }
  meta.title = title;
  // Byline and photo credit sit just under the headline.
  const auto is_byline = [&](std::size_t k) {
    return k < kept.size() && (!byline_name(kept[k].line->text).empty() ||
                               is_bare_name(kept[k].line->text, kept[k].shape));
  };
  for (std::size_t k = next; k < kept.size() && k < next + 3; ++k) {
    const Line& line = *kept[k].line;
    if (!meta.subtitle && k == next && kept[k].shape.words > 6 && is_byline(k + 1)) {
      meta.subtitle = line.text;  // a standfirst between the headline and the byline
      read_into(source, line, "standfirst");
    } else if (std::string name = byline_name(line.text); !name.empty() && meta.authors.empty()) {
      meta.authors.push_back(name);
      read_into(source, line, "byline");
    } else if (is_photo_credit(line.text)) {
      source.blocks.push_back(make_block(BlockKind::Caption, line));
    } else if (meta.authors.empty() && is_bare_name(line.text, kept[k].shape)) {
      meta.authors.push_back(line.text);
      read_into(source, line, "byline");
    } else {
      return k;
    }
    next = k + 1;
  }
  return next;
}

// The lines are consumed: their memory goes back now (clear() would keep it for the life of
// the build, some 50 MB for 10,000 sources).
void release_lines(model::Source& source) {
  std::vector<model::Line>().swap(source.lines);
}

}  // namespace

model::Source structure(model::Source source, const StructureOptions& options,
                        model::Diagnostics& diag) {
  // Front matter is read last into the metadata: it wins over what detection finds.
  model::Source front;
  front.path = source.path;
  const std::size_t front_lines = read_front_matter(source.lines, front, diag);
  for (std::size_t k = 0; k < front_lines; ++k) read_into(source, source.lines[k], "front-matter");
  if (source.format == model::SourceFormat::Markdown) {
    source.meta.title = front.meta.title;  // a given title keeps a first "# heading" a heading
    read_markdown(source, front_lines, diag);
    model::overlay(source.meta, front.meta);
    release_lines(source);
    return source;
  }
  if (front_lines > 0)
    source.lines.erase(source.lines.begin(),
                       source.lines.begin() + static_cast<std::ptrdiff_t>(front_lines));
  const std::vector<Candidate> kept = remove_boilerplate(source.lines, options, source.removals);
  std::size_t k = read_header(kept, source);
  if (source.meta.authors.empty() && source.meta.subtitle) {
    if (auto name = writes_byline(*source.meta.subtitle)) source.meta.authors.push_back(*name);
  }
  const std::size_t end = read_footer(kept, k, source);
  for (; k < end; ++k) {
    const Line& line = *kept[k].line;
    const LineShape& shape = kept[k].shape;
    const bool has_next = k + 1 < end;
    if (is_photo_credit(line.text)) {
      source.blocks.push_back(make_block(BlockKind::Caption, line));
    } else if (has_next && (is_all_caps_heading(shape) || is_title_case_heading(shape) ||
                            is_label_heading(line.text, shape))) {
      source.blocks.push_back(make_block(BlockKind::Heading, line, 2));
    } else {
      source.blocks.push_back(make_block(BlockKind::Paragraph, line));
    }
  }
  model::overlay(source.meta, front.meta);
  release_lines(source);
  return source;
}

}  // namespace dossier::structure
