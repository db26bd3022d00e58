#include <algorithm>

#include "ingest/ingest.h"

namespace dossier::ingest {

bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 8192));
  std::size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return !head.empty() && controls * 10 > head.size();
}

}  // namespace dossier::ingest
