#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "ingest/ingest.h"

namespace dossier::ingest {

model::Result<std::string> read_file(const std::string& file, const std::string& label,
                                     std::uintmax_t limit) {
  const auto fail = [&](model::DiagCode code, std::string message) {
    return model::Diagnostic{model::Severity::Error, code, label, 0, 0, std::move(message)};
  };
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) {
    return fail(model::DiagCode::Unreadable, std::string("cannot read: ") + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return fail(model::DiagCode::Unreadable, "is a directory, not a file");
  // Checked before reading, so a huge file is refused without filling memory.
  if (static_cast<std::uintmax_t>(info.st_size) > limit) {
    return fail(model::DiagCode::TooLarge, "file is " + std::to_string(info.st_size) +
                                               " bytes, over the limit of " +
                                               std::to_string(limit));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return fail(model::DiagCode::Unreadable, std::string("cannot open: ") + std::strerror(errno));
  }
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(info.st_size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return fail(model::DiagCode::Unreadable, "read error");
  return bytes;
}

}  // namespace dossier::ingest
