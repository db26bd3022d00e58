// Markdown fidelity, one construct per file (tests/golden/markdown/NN-*.md): each source's
// chapter as dossier writes it into the HTML page must equal NN-*.html beside it. The expected
// files were written by dossier and read by eye; after an intended change, regenerate them
// with DOSSIER_UPDATE_GOLDEN=1 and review the diff. Every file must also balance the ledger.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "cli/pipeline.h"
#include "cli/settings.h"
#include "emit/html/xhtml.h"
#include "model/ledger.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

const fs::path kFolder = fs::path(DOSSIER_PROJECT_DIR) / "tests/golden/markdown";

std::string chapter_html(const fs::path& file, std::string& problems) {
  model::Diagnostics diag;
  const cli::Job job = cli::ad_hoc_job({file.string()}, diag);
  const auto settings = cli::pipeline_settings(job, DOSSIER_PROJECT_DIR, diag);
  const model::Briefing b = cli::assemble_briefing(job, settings, {"2025-05-15", 1747267200}, diag);
  for (const auto& gap : model::check_ledger(b.sources.at(0))) {
    problems += "ledger: " + model::describe_gap(gap) + "\n";
  }
  model::Source source = b.sources.at(0);
  source.path = file.filename().string();  // the title shown without the checkout's folder
  pugi::xml_document doc;
  const emit::HrefFor href = [](const std::string&, const std::string& anchor) {
    return "#" + anchor;
  };
  // Images by their file name (the page itself uses data: URIs), when the build could read them.
  const emit::ImageHref image_href = [](const model::Source& s, const std::string& src) {
    return s.images.contains(src) ? src : std::string();
  };
  emit::append_source_chapter(doc, source, emit::Words(), href, nullptr, image_href);
  std::ostringstream out;
  emit::save_polyglot(doc, out);  // as the HTML page writes it
  return out.str();
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(MarkdownGolden, EachConstructGivesItsHtml) {
  const bool update = std::getenv("DOSSIER_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kFolder)) {
    if (e.path().extension() == ".md") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 15u);
  for (const auto& md : files) {
    std::string problems;
    const std::string html = chapter_html(md, problems);
    EXPECT_EQ(problems, "") << md.filename();
    fs::path expected = md;
    expected.replace_extension(".html");
    if (update) std::ofstream(expected, std::ios::binary) << html;
    ASSERT_TRUE(fs::exists(expected)) << expected << " is missing (DOSSIER_UPDATE_GOLDEN=1)";
    EXPECT_EQ(html, read(expected)) << md.filename();
  }
}
