// What the fuzz targets share: a check that aborts (so libFuzzer keeps the input) with a
// message, the nothing-lost ledger as an invariant, the input as a Markdown source, and the
// emitters' options.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

#include "emit/emit.h"
#include "ingest/ingest.h"
#include "model/ledger.h"

namespace dossier::fuzz {

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (ok) return;
  std::cerr << "fuzz check failed: " << what;
  if (!detail.empty()) std::cerr << ": " << detail;
  std::cerr << "\n";
  std::abort();
}

// Every input character is in a block, a metadata line, a removal or a fix.
inline void check_ledger(const model::Source& source) {
  for (const auto& gap : model::check_ledger(source)) {
    check(false, "the ledger balances", model::describe_gap(gap));
  }
}

// The input decoded as the text of a Markdown source named fuzz.md; nothing when ingest
// refuses it (binary, empty).
inline std::optional<model::Source> markdown_source(std::string_view bytes,
                                                    model::Diagnostics& diag) {
  auto decoded = ingest::decode_bytes(bytes, "fuzz.md", diag);
  if (!decoded) return std::nullopt;
  model::Source source;
  source.path = "fuzz.md";
  source.text = std::move(decoded.value().text);
  source.format = model::SourceFormat::Markdown;
  return source;
}

// The project's templates, a fixed time, one thread.
inline const emit::EmitOptions& emit_options() {
  static const emit::EmitOptions o = [] {
    emit::EmitOptions o;
    o.templates = emit::TemplateSet({std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates"});
    o.timestamp = 1747267200;
    o.version = "fuzz";
    o.threads = 1;
    return o;
  }();
  return o;
}

}  // namespace dossier::fuzz
