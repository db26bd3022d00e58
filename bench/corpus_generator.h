// Deterministic article generator for benchmarks: realistic sizes (400–1,500 words), names
// with non-ASCII letters, quotations, figures; and a damaged variant with the artifacts
// dossier repairs (hard wraps, hyphenated line ends, mojibake, entity references, invisible
// characters, boilerplate lines, CRLF line ends). Same seed, same text.
#pragma once

#include <cstdint>
#include <string>

namespace dossier::bench {

struct GeneratorOptions {
  std::uint64_t seed = 1;
  bool damaged = false;
};

// One article.
std::string generate_article(std::uint64_t index, const GeneratorOptions& options);

// Articles concatenated (separated by blank lines) until at least `bytes` long.
std::string generate_corpus(std::size_t bytes, const GeneratorOptions& options);

}  // namespace dossier::bench
