#include "emit/end_note.h"

#include <gtest/gtest.h>

namespace emit = dossier::emit;
namespace model = dossier::model;

TEST(EndNote, DescribesAFixWithInvisibleCharactersSpelledOut) {
  model::Fix fix;
  fix.kind = model::FixKind::ControlChar;
  fix.at = {12, 7};
  fix.before = "co\u00ADoperate\u200B \t\x7F\u0085";
  fix.after = "cooperate ";
  EXPECT_EQ(emit::describe_fix(fix), std::string("12:7 ") + model::to_string(fix.kind) +
                                         ": \"coU+00ADoperateU+200B U+0009U+007FU+0085\" -> "
                                         "\"cooperate \"");
}

TEST(EndNote, KeepsVisibleTextAndMarksBrokenBytes) {
  EXPECT_EQ(emit::visible("Zelenskyy’s “plan” – 5 €"), "Zelenskyy’s “plan” – 5 €");
  EXPECT_EQ(emit::visible(std::string("a\xC3") + "b\xFF"), "a\uFFFDb\uFFFD");
  EXPECT_EQ(emit::visible(std::string("\0\x1F\uFEFF\u2060", 8)), "U+0000U+001FU+FEFFU+2060");
  EXPECT_EQ(emit::visible(""), "");
}
