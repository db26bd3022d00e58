#include "ingest/ingest.h"
#include "model/utf8.h"

namespace dossier::ingest {

namespace {
// Names a line end for the fix record, with escapes so it stays readable.
const char* describe(std::string_view ending) {
  if (ending == "\r\n") return "\\r\\n";
  if (ending == "\r") return "\\r";
  if (ending == "\f") return "\\f";
  if (ending == "\u2028") return "\\u2028";
  return "\\u2029";
}
}  // namespace

void unify_line_ends(std::string& text, std::vector<model::Fix>& fixes) {
  // Fast path: most inputs already use LF only, which memchr (vectorized) tells quickly.
  const std::string_view view = text;
  bool any = view.find('\r') != std::string_view::npos || view.find('\f') != std::string_view::npos;
  for (std::size_t at = view.find('\xE2'); !any && at != std::string_view::npos;
       at = view.find('\xE2', at + 1)) {
    any = view.substr(at, 3) == "\u2028" || view.substr(at, 3) == "\u2029";
  }
  if (!any) return;
  std::string out;
  out.reserve(text.size());
  bool recorded = false;
  int line = 1, col = 1;
  for (std::size_t i = 0; i < text.size();) {
    std::string_view ending;
    const char c = text[i];
    if (c == '\r') {
      ending = (i + 1 < text.size() && text[i + 1] == '\n') ? std::string_view(text).substr(i, 2)
                                                            : std::string_view(text).substr(i, 1);
    } else if (c == '\f') {
      ending = std::string_view(text).substr(i, 1);
    } else if (c == '\xE2' && text.compare(i, 3, "\u2028") == 0) {
      ending = std::string_view(text).substr(i, 3);
    } else if (c == '\xE2' && text.compare(i, 3, "\u2029") == 0) {
      ending = std::string_view(text).substr(i, 3);
    }
    if (!ending.empty()) {
      if (!recorded) {
        fixes.push_back({model::FixKind::LineEnd, {line, col}, describe(ending), "\\n"});
        recorded = true;
      }
      out += '\n';
      i += ending.size();
      ++line, col = 1;
      continue;
    }
    out += c;
    if (c == '\n') {
      ++line, col = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++col;
    }
    ++i;
  }
  text = std::move(out);
}

}  // namespace dossier::ingest
