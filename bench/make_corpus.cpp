// Writes N generated articles into a folder (article-00001.txt, …) for whole-pipeline runs.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "corpus_generator.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_corpus DIR COUNT [--damaged] [--seed N]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const long count = std::stol(argv[2]);
  dossier::bench::GeneratorOptions options;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--damaged") options.damaged = true;
    if (arg == "--seed" && i + 1 < argc) options.seed = std::stoull(argv[++i]);
  }
  std::filesystem::create_directories(dir);
  for (long i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "article-%05ld.txt", i + 1);
    std::ofstream(dir / name, std::ios::binary)
        << dossier::bench::generate_article(static_cast<std::uint64_t>(i), options);
  }
  std::cout << "wrote " << count << " articles to " << dir.string() << "\n";
  return 0;
}
