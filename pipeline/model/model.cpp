#include "model/model.h"

namespace dossier::model {

const char* to_string(FixKind kind) {
  switch (kind) {
    case FixKind::Decode:
      return "decode";
    case FixKind::LineEnd:
      return "line-end";
    case FixKind::ControlChar:
      return "control-char";
    case FixKind::Whitespace:
      return "whitespace";
    case FixKind::Nfc:
      return "nfc";
    case FixKind::Reflow:
      return "reflow";
    case FixKind::Dehyphenate:
      return "dehyphenate";
    case FixKind::Mojibake:
      return "mojibake";
    case FixKind::Quotes:
      return "quotes";
    case FixKind::Homoglyph:
      return "homoglyph";
    case FixKind::EntityRef:
      return "entity-ref";
    case FixKind::Ligature:
      return "ligature";
    case FixKind::Markup:
      return "markup";
    case FixKind::Template:
      return "template";
  }
  return "unknown";
}

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Heading:
      return "heading";
    case BlockKind::Paragraph:
      return "paragraph";
    case BlockKind::Blockquote:
      return "blockquote";
    case BlockKind::List:
      return "list";
    case BlockKind::ListItem:
      return "list_item";
    case BlockKind::Code:
      return "code";
    case BlockKind::Table:
      return "table";
    case BlockKind::Image:
      return "image";
    case BlockKind::Footnote:
      return "footnote";
    case BlockKind::ThematicBreak:
      return "thematic_break";
    case BlockKind::Caption:
      return "caption";
    case BlockKind::TableRow:
      return "table_row";
    case BlockKind::TableCell:
      return "table_cell";
  }
  return "unknown";
}

const char* to_string(EntityType type) {
  switch (type) {
    case EntityType::Person:
      return "person";
    case EntityType::Organization:
      return "organization";
    case EntityType::Place:
      return "place";
    case EntityType::Event:
      return "event";
  }
  return "unknown";
}

const char* to_string(SpanKind kind) {
  switch (kind) {
    case SpanKind::Emphasis:
      return "emphasis";
    case SpanKind::Strong:
      return "strong";
    case SpanKind::Code:
      return "code";
    case SpanKind::Link:
      return "link";
    case SpanKind::Strikethrough:
      return "strikethrough";
    case SpanKind::FootnoteRef:
      return "footnote_ref";
  }
  return "unknown";
}

const char* to_string(SourceStatus status) {
  return status == SourceStatus::Ok ? "ok" : "failed";
}

namespace {
template <typename T>
void prefer(std::optional<T>& out, const std::optional<T>& given) {
  if (given) out = given;
}
}  // namespace

std::optional<std::string>* text_field(SourceMeta& meta, std::string_view key) {
  if (key == "title") return &meta.title;
  if (key == "subtitle" || key == "standfirst") return &meta.subtitle;
  if (key == "outlet") return &meta.outlet;
  if (key == "date") return &meta.date;
  if (key == "url") return &meta.url;
  if (key == "language") return &meta.language;
  if (key == "translated_from") return &meta.translated_from;
  if (key == "category") return &meta.category;
  if (key == "original_title") return &meta.original_title;
  return nullptr;
}

void overlay(SourceMeta& base, const SourceMeta& top) {
  prefer(base.title, top.title);
  prefer(base.subtitle, top.subtitle);
  prefer(base.outlet, top.outlet);
  if (!top.authors.empty()) base.authors = top.authors;
  prefer(base.date, top.date);
  prefer(base.url, top.url);
  prefer(base.language, top.language);
  prefer(base.translated_from, top.translated_from);
  prefer(base.category, top.category);
  prefer(base.original_title, top.original_title);
}

SourceMeta merged_meta(const Source& source) {
  SourceMeta meta = source.meta;
  overlay(meta, source.given);
  return meta;
}

std::string display_title(const Source& source) {
  if (source.given.title) return *source.given.title;
  if (source.meta.title) return *source.meta.title;
  return source.path;
}

namespace {

void release_spare_capacity(std::vector<Block>& blocks) {
  blocks.shrink_to_fit();
  for (Block& block : blocks) {
    block.spans.shrink_to_fit();
    block.see_also.shrink_to_fit();
    release_spare_capacity(block.children);
  }
}

}  // namespace

void release_spare_capacity(Source& source) {
  release_spare_capacity(source.blocks);
  source.lines.shrink_to_fit();
  source.fixes.shrink_to_fit();
  source.removals.shrink_to_fit();
  source.metadata_lines.shrink_to_fit();
  source.quotes.shrink_to_fit();
  for (Quote& quote : source.quotes) quote.blocks.shrink_to_fit();
  source.names.shrink_to_fit();
  source.dates.shrink_to_fit();
  source.figures.shrink_to_fit();
}

}  // namespace dossier::model
