#include "cli/read_text.h"

#include <fstream>
#include <sstream>

namespace dossier::cli {

std::optional<std::string> read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace dossier::cli
