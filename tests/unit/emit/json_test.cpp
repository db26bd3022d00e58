// The streaming JSON writer against nlohmann::json's dump(2), which defined briefing.json's
// layout before the writer streamed it, and the briefing's JSON read back.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "emit/emit.h"
#include "emit/json/json_writer.h"
#include "test_briefing.h"

namespace dossier::emit {
namespace {

using Tree = nlohmann::ordered_json;

// Feeds a tree to the writer, value by value.
void replay(JsonWriter& w, const Tree& t) {
  switch (t.type()) {
    case Tree::value_t::object:
      w.begin_object();
      for (const auto& [k, v] : t.items()) {
        w.key(k);
        replay(w, v);
      }
      w.end_object();
      break;
    case Tree::value_t::array:
      w.begin_array();
      for (const auto& v : t) replay(w, v);
      w.end_array();
      break;
    case Tree::value_t::string:
      w.value(t.get<std::string>());
      break;
    case Tree::value_t::boolean:
      w.value(t.get<bool>());
      break;
    case Tree::value_t::number_integer:
      w.value(t.get<long long>());
      break;
    case Tree::value_t::number_unsigned:
      w.value(t.get<unsigned long long>());
      break;
    case Tree::value_t::number_float:
      w.value(t.get<double>());
      break;
    default:
      w.null();
  }
}

std::string streamed(const Tree& t) {
  std::ostringstream out;
  {
    JsonWriter w(out);
    replay(w, t);
  }
  return out.str();
}

std::string dumped(const Tree& t) {
  return t.dump(2, ' ', false, Tree::error_handler_t::replace) + "\n";
}

TEST(JsonWriter, MatchesTheTreeDumpByteForByte) {
  std::string controls;
  for (char c = 1; c < 0x20; ++c) controls += c;
  Tree t = {
      {"plain", "text"},
      {"escapes", "quote \" backslash \\ slash / tab\tnewline\n" + controls + "\x7f"},
      {"unicode", "Zelenskyy Зеленський – “quoted” 𝄞"},
      {"empty_string", ""},
      {"numbers",
       {0, -1, 42, 9007199254740993LL, -9223372036854775807LL - 1, 18446744073709551615ULL}},
      {"doubles",
       {0.0, 2.0, 0.1, -3.25, 1e20, 1e-7, 123456789012345678.0, 1e15, 1e16,
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}},
      {"flags", {true, false}},
      {"nothing", nullptr},
      {"empty_array", Tree::array()},
      {"empty_object", Tree::object()},
      {"nested", {{"a", {{"b", {1, {{"c", Tree::array({Tree::object()})}}}}}}}},
  };
  EXPECT_EQ(streamed(t), dumped(t));
}

TEST(JsonWriter, ReplacesInvalidUtf8AsTheTreeDumpDid) {
  const Tree t = {{"bad", std::string("ok \xC3 then \xE2\x80 end \xFF")}};
  const std::string out = streamed(t);
  EXPECT_EQ(out, dumped(t));
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(JsonWriter, ATopLevelScalarAndEmptyContainers) {
  for (const Tree& t : {Tree("x"), Tree(7), Tree::array(), Tree::object(), Tree(nullptr)}) {
    EXPECT_EQ(streamed(t), dumped(t)) << t.dump();
  }
}

TEST(JsonWriter, LargeOutputLeavesInPiecesAndArrivesWhole) {
  Tree t = Tree::array();
  for (int i = 0; i < 20000; ++i) t.push_back({{"i", i}, {"text", std::string(40, 'a' + i % 26)}});
  const std::string out = streamed(t);
  EXPECT_GT(out.size(), std::size_t{1} << 20);
  EXPECT_EQ(out, dumped(t));
}

TEST(BriefingJson, ReadsBackWithTheSchemaFields) {
  const model::Briefing b = fixtures::small_briefing();
  const std::string text = briefing_json(b, "9.9");
  const Tree j = Tree::parse(text);
  EXPECT_EQ(j["dossier_version"], "9.9");
  EXPECT_EQ(j["title"], b.title);
  EXPECT_EQ(j["subtitle"], *b.subtitle);
  EXPECT_TRUE(j["author"].is_null());
  ASSERT_EQ(j["sources"].size(), b.sources.size());
  const auto& s = j["sources"][0];
  EXPECT_EQ(s["title"], *b.sources[0].meta.title);
  EXPECT_TRUE(s["url"].is_null());
  ASSERT_EQ(s["blocks"].size(), b.sources[0].blocks.size());
  EXPECT_EQ(s["blocks"][0]["text"], b.sources[0].blocks[0].text);
  EXPECT_EQ(j["entities"].size(), b.entities.size());
  EXPECT_EQ(j["figures"].size(), b.figures.size());
  // The streamed file and the returned text are the same bytes.
  std::ostringstream out;
  write_briefing_json(b, "9.9", out);
  EXPECT_EQ(out.str(), text);
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace dossier::emit
