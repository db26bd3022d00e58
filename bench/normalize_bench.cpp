// ingest + normalize throughput on generated articles, clean and damaged (issue targets:
// 200 MB/s per core clean, 50 MB/s damaged). Each benchmark processes a corpus of at least
// 100 MB, one article at a time as the pipeline does, on one thread.
#include <benchmark/benchmark.h>

#include <vector>

#include "corpus_generator.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"

namespace {

using namespace dossier;

constexpr std::size_t kCorpusBytes = std::size_t{100} << 20;

const std::vector<std::string>& articles(bool damaged) {
  static std::vector<std::string> sets[2];
  auto& set = sets[damaged];
  if (set.empty()) {
    std::size_t total = 0;
    for (std::uint64_t i = 0; total < kCorpusBytes; ++i) {
      set.push_back(bench::generate_article(i, {7, damaged}));
      total += set.back().size();
    }
  }
  return set;
}

void ingest_and_normalize(benchmark::State& state, bool damaged) {
  const auto& corpus = articles(damaged);
  std::size_t bytes = 0;
  for (const auto& a : corpus) bytes += a.size();
  for (auto _ : state) {
    std::size_t lines = 0;
    for (const auto& article : corpus) {
      model::Diagnostics diag;
      auto decoded = ingest::decode_bytes(article, "bench", diag);
      model::Source source;
      source.text = std::move(decoded.value().text);
      source.fixes = std::move(decoded.value().fixes);
      source = normalize::normalize(std::move(source), {});
      lines += source.lines.size();
    }
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
  state.counters["articles"] = static_cast<double>(corpus.size());
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_IngestNormalizeClean(benchmark::State& state) {
  ingest_and_normalize(state, false);
}
void BM_IngestNormalizeDamaged(benchmark::State& state) {
  ingest_and_normalize(state, true);
}

BENCHMARK(BM_IngestNormalizeClean)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);
BENCHMARK(BM_IngestNormalizeDamaged)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

}  // namespace

BENCHMARK_MAIN();
