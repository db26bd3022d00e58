// Generated damaged articles taken through ingest, normalize and structure: where the
// benchmarks of the later stages start.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "corpus_generator.h"
#include "ingest/ingest.h"
#include "model/model.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

namespace dossier::bench {

inline std::vector<model::Source> structured_articles(std::size_t count) {
  std::vector<model::Source> out;
  out.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    model::Diagnostics diag;
    auto decoded = ingest::decode_bytes(generate_article(i, {7, true}), "bench", diag);
    model::Source s;
    s.text = std::move(decoded.value().text);
    s.given.date = "2025-05-13";
    s = normalize::normalize(std::move(s), {});
    out.push_back(structure::structure(std::move(s), {}, diag));
  }
  return out;
}

}  // namespace dossier::bench
