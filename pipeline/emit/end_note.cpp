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

std::string visible(const std::string& text) {
  std::string out;
  model::utf8::for_each(text, [&](char32_t cp, std::size_t) {
    const bool invisible = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD ||
                           (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
    if (invisible) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
      out += buf;
    } else {
      model::utf8::append(out, cp);
    }
  });
  return out;
}

std::string describe_fix(const model::Fix& fix) {
  return std::to_string(fix.at.line) + ":" + std::to_string(fix.at.col) + " " +
         model::to_string(fix.kind) + ": \"" + visible(fix.before) + "\" -> \"" +
         visible(fix.after) + "\"";
}

std::string paragraph_number(const std::string& block_id) {
  const auto dash = block_id.rfind("-p");
  return dash == std::string::npos ? block_id : block_id.substr(dash + 2);
}

std::string paragraph_label(const std::string& block_id) {
  const auto dash = block_id.rfind("-p");
  if (dash == std::string::npos) return block_id;
  return block_id.substr(0, dash) + " \u00B6" + block_id.substr(dash + 2);
}

}  // namespace dossier::emit
