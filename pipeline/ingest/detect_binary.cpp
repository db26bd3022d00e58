#include <algorithm>

#include "ingest/ingest.h"
#include "model/byte_scan.h"

namespace dossier::ingest {

bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 8192));
  // It runs on every source: memchr finds a NUL fastest, and the controls are counted
  // sixteen bytes at a time.
  if (head.find('\0') != std::string_view::npos) return true;
  return !head.empty() && model::bytes::count_binary_controls(head) * 10 > head.size();
}

}  // namespace dossier::ingest
