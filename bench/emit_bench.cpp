// The five writers on 1,000 generated articles, each on one thread (and the PDF also on two),
// into a sink that only counts bytes: the work of emitting alone, without the disk and
// without the other writers sharing the cores as they do in a build. The briefing is made
// once, outside the timing, by the stages before emit.
#include <benchmark/benchmark.h>

#include <memory>
#include <ostream>
#include <streambuf>
#include <vector>

#include "annotate/annotate.h"
#include "cli/entity_file.h"
#include "cli/job.h"
#include "crossref/crossref.h"
#include "emit/emit.h"
#include "structured_articles.h"

namespace {

using namespace dossier;

constexpr std::size_t kArticles = 1000;

const model::Briefing& briefing() {
  static const model::Briefing made = [] {
    auto gazetteer = std::make_shared<annotate::Gazetteer>();
    model::Diagnostics diag;
    cli::load_entities(std::string(DOSSIER_PROJECT_DIR) + "/config/entities.yaml", *gazetteer,
                       diag);
    annotate::AnnotateOptions annotate_options;
    annotate_options.gazetteer = gazetteer;
    std::vector<model::Source> sources = bench::structured_articles(kArticles);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      sources[i] = annotate::annotate(sources[i], i, annotate_options);
    }
    crossref::BriefingInfo info;
    info.title = "Benchmark briefing";
    info.date = "2025-05-15";
    return crossref::cross_reference(info, std::move(sources));
  }();
  return made;
}

emit::EmitOptions options(unsigned threads) {
  emit::EmitOptions o;
  o.templates = emit::TemplateSet({std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates"});
  model::Diagnostics diag;
  if (auto words = o.templates.read("strings.yaml")) {
    o.words = emit::Words(cli::load_words(words.value(), "strings.yaml", diag));
  }
  o.timestamp = 1747267200;
  o.version = "bench";
  o.threads = threads;
  return o;
}

// Counts what is written and keeps none of it.
class CountingSink : public std::streambuf {
 public:
  std::size_t bytes = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++bytes;
    return traits_type::not_eof(c);
  }
};

void run_writer(benchmark::State& state, emit::Writer write) {
  const auto& b = briefing();
  const auto o = options(static_cast<unsigned>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    CountingSink sink;
    std::ostream out(&sink);
    if (!write(b, o, out)) state.SkipWithError("the writer failed");
    bytes = sink.bytes;
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["articles"] = static_cast<double>(b.sources.size());
}

void BM_Html(benchmark::State& state) {
  run_writer(state, emit::write_html);
}
void BM_Epub(benchmark::State& state) {
  run_writer(state, emit::write_epub);
}
void BM_Pdf(benchmark::State& state) {
  run_writer(state, emit::write_pdf);
}
void BM_Markdown(benchmark::State& state) {
  run_writer(state, emit::write_markdown);
}
void BM_Json(benchmark::State& state) {
  run_writer(state, emit::write_json);
}

}  // namespace

// The argument is the writer's thread count.
BENCHMARK(BM_Html)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);
BENCHMARK(BM_Epub)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);
BENCHMARK(BM_Pdf)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->UseRealTime();
BENCHMARK(BM_Markdown)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);
BENCHMARK(BM_Json)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

BENCHMARK_MAIN();
