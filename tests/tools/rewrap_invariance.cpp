// Re-wrap invariance (issue: layout recovery): clean articles (the example sources and
// ../shared/corpus after dossier) are hard-wrapped at 60, 72 and 80 columns, with and without
// hyphenated breaks, with and without blank lines between paragraphs; dossier must recover
// the same title and blocks. Prints the share of identical results per kind of variant.
// Fails when any variant with blank lines differs (those are unambiguous).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/job.h"
#include "cli/pipeline.h"
#include "cli/settings.h"
#include "model/utf8.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

model::Source structured(const std::string& text, const cli::PipelineSettings& settings) {
  model::Source s;
  s.path = "rewrap";
  model::Diagnostics diag;
  s.text = ingest::decode_bytes(text, "rewrap", diag).value().text;
  return structure::structure(normalize::normalize(std::move(s), settings.normalize),
                              settings.structure, diag);
}

// Wraps at `width` code points; long plain words are split with a hyphen when asked.
std::string wrap(const std::string& text, std::size_t width, bool hyphenate) {
  std::string out;
  std::size_t column = 0;
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    std::size_t len = model::utf8::length(word);
    if (column > 0 && column + 1 + len > width) {
      bool plain = word.size() >= 9;
      for (char c : word) plain = plain && std::islower(static_cast<unsigned char>(c));
      const std::size_t room = width > column + 1 ? width - column - 1 : 0;
      if (hyphenate && plain && room >= 5) {
        const std::size_t cut = std::min(room - 1, word.size() - 4);
        out += ' ' + word.substr(0, cut) + "-\n";
        word = word.substr(cut);
        len = word.size();
      } else {
        out += '\n';
      }
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += len;
  }
  return out;
}

std::vector<std::string> fingerprint(const model::Source& s) {
  std::vector<std::string> out = {s.meta.title.value_or("-")};
  for (const auto& b : s.blocks)
    out.push_back(std::string(model::to_string(b.kind)) + ": " + b.text);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: rewrap_invariance PROJECT_DIR SHARED_DIR\n";
    return 2;
  }
  const fs::path project = argv[1], shared = argv[2];
  model::Diagnostics diag;
  cli::Job job;
  const auto settings = cli::pipeline_settings(job, project, diag);
  std::vector<fs::path> files;
  for (const fs::path& dir : {project / "config/sources", shared / "corpus"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  int same_blank = 0, total_blank = 0, same_tight = 0, total_tight = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream raw;
    raw << in.rdbuf();
    const model::Source clean = structured(raw.str(), settings);
    const auto expected = fingerprint(clean);
    for (std::size_t width : {60, 72, 80}) {
      for (bool hyphenate : {false, true}) {
        for (bool blank : {true, false}) {
          std::string text;
          if (clean.meta.category) text += *clean.meta.category + "\n\n";
          text += *clean.meta.title + "\n\n";
          for (const auto& b : clean.blocks) {
            const bool prose = b.kind == model::BlockKind::Paragraph;
            text += (prose ? wrap(b.text, width, hyphenate) : b.text) + (blank ? "\n\n" : "\n");
          }
          const auto got = fingerprint(structured(text, settings));
          const bool same = got == expected;
          if (!same && std::getenv("REWRAP_VERBOSE")) {
            std::size_t k = 0;
            while (k < got.size() && k < expected.size() && got[k] == expected[k]) ++k;
            std::cout << "    first difference at block " << k << ":\n      got:  "
                      << (k < got.size()
                              ? got[k].substr(got[k].size() > 120 ? got[k].size() - 120 : 0)
                              : "(none)")
                      << "\n      want: "
                      << (k < expected.size()
                              ? expected[k].substr(
                                    expected[k].size() > 120 ? expected[k].size() - 120 : 0)
                              : "(none)")
                      << "\n";
          }
          (blank ? total_blank : total_tight) += 1;
          (blank ? same_blank : same_tight) += same;
          if (!same) {
            std::cout << "  differs: " << file.filename().string() << " width " << width
                      << (hyphenate ? " hyphenated" : "") << (blank ? "" : " no blank lines")
                      << "\n";
          }
        }
      }
    }
  }
  std::cout << "with blank lines: " << same_blank << "/" << total_blank << " identical\n"
            << "without blank lines: " << same_tight << "/" << total_tight << " identical\n";
  std::cout << same_blank + same_tight << " passed, " << (total_blank - same_blank) << " failed\n";
  return same_blank == total_blank ? 0 : 1;
}
