#include "ingest/ingest.h"

namespace dossier::ingest {

model::Result<model::Source> read_source(model::Source source, const IngestOptions& options,
                                         model::Diagnostics& diag) {
  auto bytes = read_file(source.resolved_path, source.path, options.max_source_size);
  if (!bytes) {
    model::Diagnostic error = bytes.error();
    if (error.code == model::DiagCode::TooLarge) error.message += " (--max-source-size)";
    return error;
  }
  auto decoded = decode_bytes(bytes.value(), source.path, diag);
  if (!decoded) return decoded.error();
  source.text = std::move(decoded.value().text);
  source.fixes = std::move(decoded.value().fixes);
  return source;
}

}  // namespace dossier::ingest
