// The build cache on disk: one pack of records; each build sees what the last one used.
#include "cli/source_cache.h"
#include "test_folder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace dossier;
namespace fs = std::filesystem;

namespace {

model::SourceRecord record(const std::string& id, const std::string& text) {
  model::SourceRecord r;
  r.source.id = id;
  r.source.text = text;
  r.source.path = id + ".txt";
  return r;
}

class SourceCacheTest : public fixtures::TestFolder {
 protected:
  // One build that stores these records and ends.
  void build_storing(const std::vector<std::pair<std::string, model::SourceRecord>>& records,
                     const std::string& rules = "rules-1") {
    cli::SourceCache cache(folder_, rules);
    for (const auto& [key, r] : records) cache.store(key, r);
    cache.prune();
  }
};

TEST_F(SourceCacheTest, FindsWhatAnEarlierBuildStored) {
  {
    cli::SourceCache cache(folder_, "rules-1");
    EXPECT_FALSE(cache.find("a"));
  }
  build_storing({{"a", record("S1", "alpha")}, {"b", record("S2", "beta")}});
  EXPECT_TRUE(fs::is_regular_file(folder_ / "sources.pack"));
  cli::SourceCache cache(folder_, "rules-1");
  const auto a = cache.find("a");
  ASSERT_TRUE(a);
  EXPECT_EQ(*a, record("S1", "alpha"));
  const auto b = cache.find("b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->source.text, "beta");
  EXPECT_FALSE(cache.find("c"));
  EXPECT_EQ(cache.hits(), 2u);
  EXPECT_EQ(cache.misses(), 1u);
}

TEST_F(SourceCacheTest, KeepsOnlyWhatTheLastBuildUsed) {
  build_storing({{"a", record("S1", "alpha")}, {"b", record("S2", "beta")}});
  {
    cli::SourceCache cache(folder_, "rules-1");
    EXPECT_TRUE(cache.find("a"));  // b is not asked for: the source left the job
    cache.prune();
  }
  cli::SourceCache cache(folder_, "rules-1");
  EXPECT_TRUE(cache.find("a"));
  EXPECT_FALSE(cache.find("b"));
}

TEST_F(SourceCacheTest, OtherRulesMiss) {
  build_storing({{"a", record("S1", "alpha")}});
  cli::SourceCache cache(folder_, "rules-2");
  EXPECT_FALSE(cache.find("a"));
}

TEST_F(SourceCacheTest, ADamagedRecordIsAMissAndTheOthersStillHit) {
  build_storing(
      {{"a", record("S1", std::string(1000, 'a'))}, {"b", record("S2", std::string(1000, 'b'))}});
  {  // one byte of the first record's text changed
    std::fstream pack(folder_ / "sources.pack", std::ios::in | std::ios::out | std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(pack)), {});
    const std::size_t at = bytes.find(std::string(1000, 'a'));
    ASSERT_NE(at, std::string::npos);
    pack.seekp(static_cast<std::streamoff>(at + 500));
    pack.put('x');
  }
  cli::SourceCache cache(folder_, "rules-1");
  EXPECT_FALSE(cache.find("a"));
  EXPECT_TRUE(cache.find("b"));
}

TEST_F(SourceCacheTest, AnUnfinishedPackLeavesTheOldOneInPlace) {
  build_storing({{"a", record("S1", "alpha")}});
  {
    cli::SourceCache cache(folder_, "rules-1");
    cache.store("b", record("S2", "beta"));
    // no prune: the build stopped before its end
  }
  for (const auto& entry : fs::directory_iterator(folder_)) {
    EXPECT_EQ(entry.path().filename(), "sources.pack");  // no temporary left behind
  }
  cli::SourceCache cache(folder_, "rules-1");
  EXPECT_TRUE(cache.find("a"));
  EXPECT_FALSE(cache.find("b"));
}

TEST_F(SourceCacheTest, PruneDeletesOlderVersionsResults) {
  fs::create_directories(folder_);
  std::ofstream(folder_ / "0123456789abcdef.dsrc") << "old";
  cli::SourceCache cache(folder_, "rules-1");
  cache.store("a", record("S1", "alpha"));
  cache.prune();
  EXPECT_FALSE(fs::exists(folder_ / "0123456789abcdef.dsrc"));
  EXPECT_TRUE(fs::exists(folder_ / "sources.pack"));
}

}  // namespace
