#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "ingest/ingest.h"

namespace dossier::ingest {

using model::DiagCode;
using model::Diagnostic;
using model::Severity;

model::Result<model::Source> read_source(model::Source source, const IngestOptions& options,
                                         model::Diagnostics& diag) {
  const auto fail = [&](DiagCode code, std::string message) {
    return Diagnostic{Severity::Error, code, source.path, 0, 0, std::move(message)};
  };
  struct stat info {};
  if (::stat(source.resolved_path.c_str(), &info) != 0) {
    return fail(DiagCode::Unreadable, std::string("cannot read: ") + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return fail(DiagCode::Unreadable, "is a directory, not a file");
  if (static_cast<std::size_t>(info.st_size) > options.max_source_size) {
    return fail(DiagCode::TooLarge,
                "file is " + std::to_string(info.st_size) + " bytes, over the limit of " +
                    std::to_string(options.max_source_size) + " (--max-source-size)");
  }
  std::ifstream in(source.resolved_path, std::ios::binary);
  if (!in) return fail(DiagCode::Unreadable, std::string("cannot open: ") + std::strerror(errno));
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(info.st_size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return fail(DiagCode::Unreadable, "read error");

  auto decoded = decode_bytes(bytes, source.path, diag);
  if (!decoded) return decoded.error();
  source.text = std::move(decoded.value().text);
  source.fixes = std::move(decoded.value().fixes);
  return source;
}

}  // namespace dossier::ingest
