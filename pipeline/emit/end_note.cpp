#include "emit/end_note.h"

#include <cstdio>
#include <map>

#include "model/utf8.h"

namespace dossier::emit {

namespace {
bool is_routine(model::FixKind kind) {
  return kind == model::FixKind::Reflow || kind == model::FixKind::Whitespace ||
         kind == model::FixKind::LineEnd || kind == model::FixKind::Markup ||
         kind == model::FixKind::Template;
}
}  // namespace

EndNote end_note_for(const model::Source& source) {
  EndNote note;
  std::map<model::FixKind, int> counts;
  for (const auto& fix : source.fixes) {
    ++counts[fix.kind];
    if (!is_routine(fix.kind)) note.listed.push_back(&fix);
  }
  for (const auto& [kind, n] : counts) note.counts.emplace_back(model::to_string(kind), n);
  note.removals = &source.removals;
  return note;
}

namespace {

// `text` with invisible and control characters spelled out, appended to `out`. Printable
// ASCII, most of any fix, is copied as it is without decoding.
void append_visible(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += text[i++];
      continue;
    }
    const model::utf8::Decoded d = model::utf8::decode(text, i);
    i += d.length;
    const char32_t cp = d.cp;
    const bool invisible = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD ||
                           (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
    if (invisible) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
      out += buf;
    } else {
      model::utf8::append(out, cp);
    }
  }
}

}  // namespace

std::string visible(const std::string& text) {
  std::string out;
  append_visible(text, out);
  return out;
}

std::string describe_fix(const model::Fix& fix) {
  // Written into one string: every format's end notes describe every listed fix.
  const std::string_view kind = model::to_string(fix.kind);
  std::string out;
  out.reserve(32 + kind.size() + fix.before.size() + fix.after.size());
  out += std::to_string(fix.at.line);
  out += ':';
  out += std::to_string(fix.at.col);
  out += ' ';
  out += kind;
  out += ": \"";
  append_visible(fix.before, out);
  out += "\" -> \"";
  append_visible(fix.after, out);
  out += '"';
  return out;
}

std::string paragraph_number(std::string_view block_id) {
  const auto dash = block_id.rfind("-p");
  return std::string(dash == std::string_view::npos ? block_id : block_id.substr(dash + 2));
}

std::string paragraph_label(std::string_view block_id) {
  const auto dash = block_id.rfind("-p");
  if (dash == std::string_view::npos) return std::string(block_id);
  std::string label(block_id.substr(0, dash));
  label += " \u00B6";
  label += block_id.substr(dash + 2);
  return label;
}

}  // namespace dossier::emit
