// Every occurrence of one piece of text in a string replaced by another.
#pragma once

#include <string>
#include <string_view>

namespace dossier::model {

// Left to right; the text put in is not searched again, so `to` may contain `from`.
inline void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

}  // namespace dossier::model
