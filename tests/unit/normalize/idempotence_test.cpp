// Normalizing normalized text changes nothing: on the example sources and ../shared/corpus.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/ingest.h"
#include "normalize/normalize.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

std::string normalized_text(const std::string& bytes) {
  model::Diagnostics diag;
  auto decoded = ingest::decode_bytes(bytes, "t", diag);
  EXPECT_TRUE(decoded.ok());
  model::Source s;
  s.text = decoded.value().text;
  s = normalize::normalize(std::move(s), {});
  std::string out;
  for (const auto& l : s.lines) out += l.text + "\n";
  return out;
}

void expect_idempotent(const fs::path& folder) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string once = normalized_text(bytes.str());
    EXPECT_EQ(normalized_text(once), once) << entry.path();
    ++files;
  }
  EXPECT_GT(files, 0);
}

}  // namespace

TEST(Idempotence, ExampleSources) {
  expect_idempotent(fs::path(DOSSIER_PROJECT_DIR) / "config/sources");
}

TEST(Idempotence, SharedCorpus) {
  const fs::path corpus = fs::path(DOSSIER_SHARED_DIR) / "corpus";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "no " << corpus;
  expect_idempotent(corpus);
}
