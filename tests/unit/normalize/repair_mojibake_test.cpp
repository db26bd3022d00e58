#include <gtest/gtest.h>

#include "normalize/line_text.h"
#include "normalize/normalize.h"

using namespace dossier;

namespace {
std::string repaired(const std::string& text) {
  std::vector<model::Fix> fixes;
  return normalize::repair_characters(text, {}, fixes);
}
}  // namespace

TEST(Mojibake, RepairsUtf8ReadAsWindows1252) {
  EXPECT_EQ(repaired("the regionâ€™s wheat"), "the region’s wheat");
  EXPECT_EQ(repaired("HÃ´tel de Police, cafÃ©"), "Hôtel de Police, café");
  EXPECT_EQ(repaired("Ä°stanbul and HÄ±rsÄ±z"), "İstanbul and Hırsız");
}

TEST(Mojibake, RepairsDoubleAndTripleEncoding) {
  EXPECT_EQ(repaired("Iggy Pop (nÃƒÂ© Jim Osterberg)"), "Iggy Pop (né Jim Osterberg)");
  EXPECT_EQ(repaired("doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t"), "doesn’t");
}

TEST(Mojibake, RepairsOtherCodePages) {
  EXPECT_EQ(repaired("РґРѕСЂРѕРіРµ"), "дороге");                                    // Windows-1251
  EXPECT_EQ(repaired("LiĂ¨ge Avenue de l'HĂ´pital"), "Liège Avenue de l'Hôpital");  // 1250
  EXPECT_EQ(repaired("Le Vigne di Zam√≤"), "Le Vigne di Zamò");                     // MacRoman
}

TEST(Mojibake, RepairsALostThirdByteAsAClosingQuote) {
  // ” is E2 80 9D; Windows-1252 has no character for 9D, so it is dropped.
  EXPECT_EQ(repaired("â€œBread, not flags.â€ he said"), "“Bread, not flags.” he said");
  EXPECT_EQ(repaired("not of flags.â€"), "not of flags.”");
}

TEST(Mojibake, RepairsANoBreakSpaceThatBecameASpace) {
  EXPECT_EQ(repaired("voilÃ le travail"), "voilà le travail");
  EXPECT_EQ(repaired("com atenÃ§Ã£o Ã s crianÃ§as"), "com atenção às crianças");
}

TEST(Mojibake, RepairsMixedTextRunByRun) {
  EXPECT_EQ(repaired("DivisÃ£o - SÃ©rie F > Classificação"), "Divisão - Série F > Classificação");
}

TEST(Mojibake, C1ControlsBecomeWindows1252Punctuation) {
  EXPECT_EQ(repaired("\u0084Handwerk\u0093 and parlé\u0085"), "„Handwerk“ and parlé…");
}

TEST(Mojibake, LeavesLegitimateTextAlone) {
  for (const std::string text :
       {"SÃO PAULO, C O N C L U S Ã O", "Þórður Guðjónsson, Ðakovo", "Ελληνικά και ¨ανατροφή¨",
        "Москва, ВІКІ, ПоздравЂаво", "5×£35, 2012—∞, (-1/2)! = √π", "NESTLÉ®, MARQUÉ…, 10 Å—",
        "ZZAJÉ’s list, L’épisode", "HÅØYA ER BLÅØYD", "Erdoğan, İkbal Dürre, Fırtına",
        "Bremer/Mccoy – DrÃ¥ber", "€5 and ¥300 and £4"}) {
    EXPECT_EQ(repaired(text), text);
  }
}

TEST(Mojibake, RecordsEachRepairAtItsInputColumn) {
  std::vector<model::Fix> fixes;
  normalize::repair_characters("It’s fine, but â€œthisâ€ is not", {}, fixes, 7);
  ASSERT_EQ(fixes.size(), 2u);
  EXPECT_EQ(fixes[0].kind, model::FixKind::Mojibake);
  EXPECT_EQ(fixes[0].at, (model::Position{7, 16}));
  EXPECT_EQ(fixes[0].before, "â€œ");
  EXPECT_EQ(fixes[0].after, "“");
  EXPECT_EQ(fixes[1].before, "â€");
  EXPECT_EQ(fixes[1].after, "”");
}

TEST(Mojibake, IsIdempotent) {
  for (const std::string text : {"nÃƒÂ© Jim", "regionâ€™s", "РґРѕСЂРѕРіРµ", "voilÃ le"}) {
    const std::string once = repaired(text);
    EXPECT_EQ(repaired(once), once) << text;
  }
}
