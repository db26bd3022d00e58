// The character repairs after mojibake, each with text it must leave alone.
#include <gtest/gtest.h>

#include "normalize/line_text.h"
#include "normalize/normalize.h"

using namespace dossier;
using model::FixKind;

namespace {
std::string repaired(const std::string& text, normalize::CharacterRepairs repairs = {}) {
  std::vector<model::Fix> fixes;
  return normalize::repair_characters(text, repairs, fixes);
}
std::vector<model::Fix> fixes_of(const std::string& text) {
  std::vector<model::Fix> fixes;
  normalize::repair_characters(text, {}, fixes);
  return fixes;
}
}  // namespace

TEST(Entities, DecodesNamedDecimalAndHexReferences) {
  EXPECT_EQ(repaired("Trump&rsquo;s &amp; Putin&#8217;s &#x201C;talks&#x201D; &eacute;t&eacute;"),
            "Trump’s & Putin’s “talks” été");
  EXPECT_EQ(fixes_of("a &amp; b")[0].kind, FixKind::EntityRef);
}

TEST(Entities, MapsWindows1252NumbersAsBrowsersDo) {
  EXPECT_EQ(repaired("it&#146;s"), "it’s");
}

TEST(Entities, LeavesUnknownReferencesAndMarkupAlone) {
  EXPECT_EQ(repaired("AT&T; R&D; &madeup; &#0; &#xD800;"), "AT&T; R&D; &madeup; &#0; &#xD800;");
  EXPECT_EQ(repaired("<b>bold</b> &amp; more"), "<b>bold</b> &amp; more");
}

TEST(Compatibility, SplitsLigaturesAndNarrowsFullWidth) {
  EXPECT_EQ(repaired("signiﬁcant ﬂow, ＡＢＣ１２３！"), "significant flow, ABC123!");
  EXPECT_EQ(fixes_of("ﬁne")[0].kind, FixKind::Ligature);
}

TEST(Compatibility, NoBreakSpaceBecomesASpaceUnlessItBindsANumber) {
  EXPECT_EQ(repaired("said\u00A0Putin at 10\u00A0km and \u20AC\u00A05"),
            "said Putin at 10\u00A0km and \u20AC\u00A05");
}

TEST(Quotes, DoubledOpeningQuoteBecomesOne) {
  EXPECT_EQ(repaired("Moscow ‘“continues to prepare.”"), "Moscow “continues to prepare.”");
  EXPECT_EQ(repaired("‘“He does not believe,” she said."), "“He does not believe,” she said.");
  EXPECT_EQ(fixes_of("‘“He”")[0].kind, FixKind::Quotes);
}

TEST(Quotes, StrayClosingQuoteAtLineStartGoes) {
  EXPECT_EQ(repaired("” The next paragraph."), "The next paragraph.");
  EXPECT_EQ(repaired("’90s music"), "’90s music");
}

TEST(Quotes, NestedQuotesAreLeftAlone) {
  EXPECT_EQ(repaired("“He said ‘no’ twice,” she said."), "“He said ‘no’ twice,” she said.");
}

TEST(Quotes, AsciiPunctuationStraightensOnRequest) {
  normalize::CharacterRepairs ascii;
  ascii.ascii_punctuation = true;
  EXPECT_EQ(repaired("“It’s ‘fine’,” he said.", ascii), "\"It's 'fine',\" he said.");
  EXPECT_EQ(repaired("“It’s”"), "“It’s”");
}

TEST(Homoglyphs, CyrillicLetterInsideALatinWordBecomesLatin) {
  EXPECT_EQ(repaired("\u0421ollaborator"), "Collaborator");  // Cyrillic ES
  EXPECT_EQ(repaired("P\u0430ris"), "Paris");                // Cyrillic a
  const auto fixes = fixes_of("\u0421ollaborator");
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0].kind, FixKind::Homoglyph);
  EXPECT_EQ(fixes[0].at.col, 1);
}

TEST(Homoglyphs, LatinLetterInsideACyrillicWordBecomesCyrillic) {
  EXPECT_EQ(repaired("Mосква"), "Москва");  // Latin M
}

TEST(Homoglyphs, WordsInOneScriptAndScienceAreNeverChanged) {
  for (const std::string text :
       {"Москва and Moskva", "ВІКІ", "IL2RγcKO mice", "μg/ml", "Ελληνικά", "Erdoğan İkbal"}) {
    EXPECT_EQ(repaired(text), text);
  }
}

TEST(PunctuationSpacing, RemovesSpaceBeforePunctuationAndAddsAfterFullStop) {
  normalize::NormalizeOptions options;
  model::Source s;
  s.text = "Talks resume , officials said .The Kremlin agreed ! Wait ... and 10 :30 is fine.\n";
  s = normalize::normalize(std::move(s), options);
  EXPECT_EQ(s.lines[0].text,
            "Talks resume, officials said. The Kremlin agreed! Wait ... and 10 :30 is fine.");
}

TEST(PunctuationSpacing, LeavesAbbreviationsAndAddressesAlone) {
  model::Source s;
  s.text = "The U.S.Army and e.g.Paris; see example.org.Next or www.site.Com today.\n";
  s = normalize::normalize(std::move(s), {});
  EXPECT_EQ(s.lines[0].text,
            "The U.S.Army and e.g.Paris; see example.org.Next or www.site.Com today.");
}
