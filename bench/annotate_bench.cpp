// annotate + crossref on 1,000 generated articles (issue target: under a second on this
// machine). Ingest, normalize and structure run once, outside the timing; the benchmark times
// annotating every source on one thread, then cross-referencing them all.
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "annotate/annotate.h"
#include "cli/entity_file.h"
#include "crossref/crossref.h"
#include "structured_articles.h"

namespace {

using namespace dossier;

constexpr std::size_t kArticles = 1000;

const std::vector<model::Source>& structured() {
  static const std::vector<model::Source> sources = bench::structured_articles(kArticles);
  return sources;
}

annotate::AnnotateOptions options() {
  auto gazetteer = std::make_shared<annotate::Gazetteer>();
  model::Diagnostics diag;
  cli::load_entities(std::string(DOSSIER_PROJECT_DIR) + "/config/entities.yaml", *gazetteer, diag);
  annotate::AnnotateOptions o;
  o.gazetteer = gazetteer;
  return o;
}

void BM_Annotate1000(benchmark::State& state) {
  const auto& sources = structured();
  const auto opts = options();
  std::size_t names = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < sources.size(); ++i) {
      names += annotate::annotate(sources[i], i, opts).names.size();
    }
  }
  state.counters["articles"] = static_cast<double>(sources.size());
  state.counters["names"] = static_cast<double>(names) / static_cast<double>(state.iterations());
}

void BM_AnnotateAndCrossref1000(benchmark::State& state) {
  const auto& sources = structured();
  const auto opts = options();
  std::size_t entities = 0;
  for (auto _ : state) {
    std::vector<model::Source> annotated;
    annotated.reserve(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      annotated.push_back(annotate::annotate(sources[i], i, opts));
    }
    crossref::BriefingInfo info;
    info.title = "bench";
    info.date = "2025-05-15";
    entities += crossref::cross_reference(info, std::move(annotated)).entities.size();
  }
  state.counters["articles"] = static_cast<double>(sources.size());
  state.counters["entities"] =
      static_cast<double>(entities) / static_cast<double>(state.iterations());
}

}  // namespace

BENCHMARK(BM_Annotate1000)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);
BENCHMARK(BM_AnnotateAndCrossref1000)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

BENCHMARK_MAIN();
