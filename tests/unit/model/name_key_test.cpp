#include "model/name_key.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "model/utf8.h"

namespace model = dossier::model;

TEST(NameKey, FoldsSpellingsOfOneName) {
  EXPECT_EQ(model::name_key(std::string_view("Volodymyr Zelenskyy")),
            model::name_key(std::string_view("Volodymyr Zelensky")));
  EXPECT_EQ(model::name_key(std::string_view("Recep Tayyip Erdoğan")), "recep taiip erdogan");
  EXPECT_EQ(model::name_key(std::string_view("  U.S.\tState\nDepartment ")), "us state department");
  EXPECT_EQ(model::surname_key("Dmitry Peskov"), "peskov");
}

// A name in ASCII takes a path of its own (no decoding, no ICU): it must give the key the
// code-point path gives, for every ASCII character in every position.
TEST(NameKey, AsciiNamesGetTheKeyOfTheGeneralPath) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 0x7F);
  std::uniform_int_distribution<int> length(0, 24);
  const std::string common = "  aAyYiIjJ-.'\t\n\r\v\f\x1c\x1f skiyyiaeyij";
  std::uniform_int_distribution<std::size_t> pick(0, common.size() - 1);
  for (int n = 0; n < 20000; ++n) {
    std::string name;
    const int size = length(random);
    for (int i = 0; i < size; ++i) {
      name += static_cast<char>(n % 2 ? byte(random) : common[pick(random)]);
    }
    const std::u32string code_points = model::utf8::decode_all(name);
    ASSERT_EQ(model::name_key(std::string_view(name)), model::name_key(code_points))
        << "name: \"" << name << "\"";
  }
}
