// The record pack under the build caches: a build appends what it makes and an index of what it
// used, a stopped build leaves the pack as it was, dead records are compacted away, and a
// second build finding the pack locked reads it and leaves it alone.
#include "model/record_pack.h"

#include "model/little_endian.h"
#include "test_folder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <string>

using namespace dossier;
namespace fs = std::filesystem;

namespace {

// A record as the pack holds it: its hash and size (little-endian), then its bytes.
std::string record_bytes(std::uint64_t hash, const std::string& record) {
  std::string bytes;
  model::append_le(bytes, hash);
  model::append_le(bytes, record.size());
  return bytes + record;
}

class RecordPackTest : public fixtures::TestFolder {
 protected:
  std::string bytes() const {
    std::ifstream in(folder_ / "test.pack", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  void write(const std::string& bytes) const {
    std::ofstream(folder_ / "test.pack", std::ios::binary) << bytes;
  }
  // One build: reuses `reused` (each must be found), keeps `kept` as hash i → record.
  void build(std::initializer_list<std::uint64_t> reused,
             std::initializer_list<std::pair<std::uint64_t, std::string>> kept) const {
    model::RecordPack pack(folder_, "test.pack");
    for (const std::uint64_t hash : reused) {
      ASSERT_TRUE(pack.find(hash)) << hash;
      pack.reuse(hash);
    }
    for (const auto& [hash, record] : kept) pack.keep(hash, record);
    pack.commit();
  }
  std::string found(std::uint64_t hash) const {
    model::RecordPack pack(folder_, "test.pack");
    return pack.find(hash).value_or("(none)");
  }
};

TEST_F(RecordPackTest, ARebuildAppendsWhatItMadeAndLeavesTheRestInPlace) {
  const std::string big(100000, 'a');
  build({}, {{1, big}, {2, "beta"}, {3, "gamma"}});
  const std::string first = bytes();
  build({1, 3}, {{4, "delta"}});
  const std::string second = bytes();
  // The first build's records are where they were; the second added one record and an index.
  ASSERT_GT(second.size(), first.size());
  EXPECT_LT(second.size(), first.size() + 200);
  const std::size_t records_end = first.find("gamma") + 5;
  EXPECT_EQ(second.substr(0, records_end), first.substr(0, records_end));
  EXPECT_EQ(found(1), big);
  EXPECT_EQ(found(2), "(none)");  // the second build did not use it
  EXPECT_EQ(found(3), "gamma");
  EXPECT_EQ(found(4), "delta");
}

TEST_F(RecordPackTest, AStoppedBuildLeavesThePackAsItWas) {
  build({}, {{1, "alpha"}});
  const std::string before = bytes();
  {
    model::RecordPack pack(folder_, "test.pack");
    pack.keep(2, std::string(3000000, 'b'));  // past the write buffer: on disk already
    pack.keep(3, "gamma");
  }  // no commit
  EXPECT_EQ(bytes(), before);
  EXPECT_EQ(found(1), "alpha");
  EXPECT_EQ(found(2), "(none)");
}

TEST_F(RecordPackTest, RecordsAfterTheLastIndexAreIgnoredAndDropped) {
  // As a killed build leaves them: whole records and a torn one after the index.
  build({}, {{1, "alpha"}});
  const std::string before = bytes();
  write(before + record_bytes(2, "beta") + "torn");
  EXPECT_EQ(found(1), "alpha");
  EXPECT_EQ(found(2), "(none)");
  build({1}, {});
  EXPECT_EQ(found(1), "alpha");
  EXPECT_EQ(bytes().find("beta"), std::string::npos);
  EXPECT_EQ(bytes().find("torn"), std::string::npos);
}

TEST_F(RecordPackTest, DeadRecordsAreCompactedAwayOnceTheyOutweighHalfTheLiveOnes) {
  const std::string a(10000, 'a'), b(3000, 'b');
  build({}, {{1, a}, {2, b}});
  const std::string first = bytes();
  build({1}, {{3, "c"}});  // b is dead: about 3,000 bytes against 10,000 live, kept in place
  EXPECT_GT(bytes().size(), first.size());
  EXPECT_NE(bytes().find(b), std::string::npos);
  build({3}, {{4, "d"}});  // a is dead too: compacted
  const std::string compacted = bytes();
  EXPECT_LT(compacted.size(), 200u);
  EXPECT_EQ(compacted.find("aaaa"), std::string::npos);
  EXPECT_EQ(compacted.find("bbbb"), std::string::npos);
  EXPECT_EQ(found(3), "c");
  EXPECT_EQ(found(4), "d");
  EXPECT_EQ(found(1), "(none)");
  for (const auto& entry : fs::directory_iterator(folder_)) {
    EXPECT_EQ(entry.path().filename(), "test.pack");  // no temporary left behind
  }
}

TEST_F(RecordPackTest, ABuildFindingThePackLockedReadsItAndLeavesItAlone) {
  build({}, {{1, "alpha"}});
  model::RecordPack first(folder_, "test.pack");
  {
    model::RecordPack second(folder_, "test.pack");
    EXPECT_EQ(second.find(1).value_or(""), "alpha");
    second.keep(2, "beta");
    second.commit();
  }
  first.reuse(1);
  first.keep(3, "gamma");
  first.commit();
  EXPECT_EQ(found(1), "alpha");
  EXPECT_EQ(found(2), "(none)");
  EXPECT_EQ(found(3), "gamma");
}

TEST_F(RecordPackTest, APackWithoutAnIndexCountsEveryRecord) {
  // An older dossier's pack, or one whose index is damaged.
  fs::create_directories(folder_);
  const std::string alpha(1000, 'a');  // outweighs the others: no compaction below
  write("dossier-pack-1\n" + record_bytes(1, alpha) + record_bytes(2, "beta") +
        record_bytes(2, "beta, again"));  // the later one counts
  EXPECT_EQ(found(1), alpha);
  EXPECT_EQ(found(2), "beta, again");
  build({1}, {});
  std::string indexed = bytes();
  EXPECT_EQ(found(2), "(none)");
  indexed[indexed.size() - 30] ^= 1;  // in the index's entries
  write(indexed);
  EXPECT_EQ(found(1), alpha);
  EXPECT_EQ(found(2), "beta, again");
}

TEST_F(RecordPackTest, ABuildWithNothingToKeepRemovesThePack) {
  build({}, {{1, "alpha"}});
  ASSERT_TRUE(fs::exists(folder_ / "test.pack"));
  build({}, {});
  EXPECT_FALSE(fs::exists(folder_ / "test.pack"));
}

TEST_F(RecordPackTest, NotAPackIsReplacedByANewOne) {
  fs::create_directories(folder_);
  write("something else entirely");
  EXPECT_EQ(found(1), "(none)");
  build({}, {{1, "alpha"}});
  EXPECT_EQ(found(1), "alpha");
}

}  // namespace
