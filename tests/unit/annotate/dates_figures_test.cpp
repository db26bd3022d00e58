// Dates with their precision and resolution; figures with what they measure.
#include <gtest/gtest.h>

#include "annotate/annotate_fixtures.h"

using namespace dossier;
using fixtures::source_of;

namespace {
model::Source annotated(const std::vector<std::string>& paragraphs,
                        std::optional<std::string> date = std::nullopt) {
  annotate::AnnotateOptions options;
  options.gazetteer = fixtures::small_gazetteer();
  return annotate::annotate(source_of(paragraphs, std::move(date)), 0, options);
}

struct D {
  std::string text;
  std::optional<std::string> iso;
  std::string precision;
  bool operator==(const D&) const = default;
};
std::vector<D> dates(const model::Source& s) {
  std::vector<D> out;
  for (const auto& d : s.dates) out.push_back({d.text, d.iso, d.precision});
  return out;
}
}  // namespace

TEST(Dates, FullPartialAndRanges) {
  const auto s =
      annotated({"Talks began on April 22, 2025, after a pause since March 2022 and "
                 "the 2014–2015 accords; on 3 March 2025 Abiy spoke; in 2023 "
                 "nothing moved."});
  EXPECT_EQ(dates(s), (std::vector<D>{{"April 22, 2025", "2025-04-22", "day"},
                                      {"March 2022", "2022-03", "month"},
                                      {"2014–2015", "2014/2015", "range"},
                                      {"3 March 2025", "2025-03-03", "day"},
                                      {"2023", "2023", "year"}}));
}

TEST(Dates, RelativeDatesResolveAgainstTheSourceDate) {
  // 2025-04-22 is a Tuesday.
  const auto s = annotated({"Zelensky spoke on Monday night, and talks resume on Thursday. "
                            "Last week Rubio warned; the support runs out in June. Today, and "
                            "last July, and last year."},
                           "2025-04-22");
  EXPECT_EQ(dates(s), (std::vector<D>{{"Monday", "2025-04-21", "relative"},
                                      {"Thursday", "2025-04-24", "relative"},
                                      {"Last week", "2025-W16", "relative"},
                                      {"June", "2025-06", "relative"},
                                      {"Today", "2025-04-22", "relative"},
                                      {"last July", "2024-07", "relative"},
                                      {"last year", "2024", "relative"}}));
}

TEST(Dates, WithoutASourceDateRelativeDatesStayText) {
  const auto s = annotated({"The meeting on Thursday may decide; you may go in May 2024."});
  EXPECT_EQ(dates(s), (std::vector<D>{{"Thursday", std::nullopt, "relative"},
                                      {"May 2024", "2024-05", "month"}}));
}

TEST(Figures, PercentagesCountsMoneyAndDurations) {
  const auto s = annotated(
      {"Russia holds nearly 20% of Ukrainian territory. Civilian casualties exceed 30,000, and "
       "18 million Ukrainians need aid. Tens of thousands fled. A 30-day ceasefire costs $60 "
       "million; the fund needs about 500 million dollars for 3–5 years and three calm months."});
  std::vector<
      std::tuple<std::string, double, std::optional<std::string>, std::optional<std::string>>>
      got;
  for (const auto& f : s.figures) got.emplace_back(f.text, f.value, f.unit, f.about);
  using T = decltype(got)::value_type;
  EXPECT_EQ(got[0], T("nearly 20% of Ukrainian territory", 20, "%", "Ukrainian territory"));
  EXPECT_EQ(got[1], T("30,000", 30000, std::nullopt, "Civilian casualties"));
  EXPECT_EQ(got[2], T("18 million Ukrainians", 18e6, std::nullopt, "Ukrainians"));
  EXPECT_EQ(std::get<1>(got[3]), 10000);  // tens of thousands: at least ten thousand
  EXPECT_EQ(got[4], T("30-day ceasefire", 30, "day", "ceasefire"));
  EXPECT_EQ(std::get<1>(got[5]), 60e6);
  EXPECT_EQ(std::get<2>(got[5]), "USD");
  EXPECT_EQ(std::get<1>(got[6]), 500e6);
  EXPECT_EQ(got[7], T("3–5 years", 3, "year", std::nullopt));
  EXPECT_EQ(got[8], T("three calm months", 3, "month", std::nullopt));
  EXPECT_EQ(got.size(), 9u);
}

TEST(Figures, YearsAndDatesAreNotFigures) {
  const auto s = annotated({"On April 22, 2025, as in 2014, nothing was counted."});
  EXPECT_TRUE(s.figures.empty());
}

TEST(Figures, MeasuresFoldDemonymsPluralsAndGenericNouns) {
  const auto a = annotated({"Russia holds about 18% of Ukraine."});
  const auto b = annotated({"Russia occupies nearly 20% of Ukrainian territory."});
  ASSERT_EQ(a.figures.size(), 1u);
  ASSERT_EQ(b.figures.size(), 1u);
  EXPECT_EQ(a.figures[0].measure, b.figures[0].measure);
}

TEST(Conflicts, SameMeasureDifferentValuesInTwoSources) {
  const auto brief = fixtures::briefing_of({
      source_of({"Russia holds about 18% of Ukraine, officials say."}),
      source_of({"Russia occupies nearly 20% of Ukrainian territory."}),
      source_of({"Russia occupies 20% of Ukrainian territory, and 20% of Ukrainian territory "
                 "is mined."}),
  });
  ASSERT_EQ(brief.conflicts.size(), 1u);
  EXPECT_EQ(brief.conflicts[0].figures, (std::vector<std::string>{"F1", "F2", "F3", "F4"}));
  EXPECT_EQ(brief.conflicts[0].blocks, (std::vector<std::string>{"S1-p1", "S2-p1", "S3-p1"}));
}

TEST(Conflicts, AgreeingOrSingleSourceFiguresAreNoConflict) {
  const auto agree = fixtures::briefing_of({
      source_of({"Premiums run at about 3% of a hull's value."}),
      source_of({"Premiums are 3% of a hull's value."}),
  });
  EXPECT_TRUE(agree.conflicts.empty());
  const auto one = fixtures::briefing_of(
      {source_of({"Premiums run at 3% of a hull's value; some say 5% of a hull's value."})});
  EXPECT_TRUE(one.conflicts.empty());
}

TEST(Conflicts, AMeasureJoinsTheOneLargerMeasureHoldingItsWords) {
  const auto brief = fixtures::briefing_of({
      source_of({"Egypt says its share of the Nile flow has fallen by 12% since 2021."}),
      source_of({"Egypt's share of the Nile flow has fallen by about 8% since 2021."}),
  });
  ASSERT_EQ(brief.conflicts.size(), 1u);
  EXPECT_EQ(brief.conflicts[0].blocks, (std::vector<std::string>{"S1-p1", "S2-p1"}));
}

TEST(SeeAlso, ParagraphsOfOtherSourcesSharingARareName) {
  const auto brief = fixtures::briefing_of({
      source_of({"Olga Oliker, a director at a think tank, said the talks would fail.",
                 "Nothing else here is shared at all."}),
      source_of({"Ships kept waiting in port.", "Olga Oliker, a director, spoke again."}),
  });
  EXPECT_EQ(brief.sources[0].blocks[0].see_also, (std::vector<std::string>{"S2-p2"}));
  EXPECT_EQ(brief.sources[1].blocks[1].see_also, (std::vector<std::string>{"S1-p1"}));
  EXPECT_TRUE(brief.sources[0].blocks[1].see_also.empty());
}

TEST(Timeline, DatedEntriesInOrderThenUndated) {
  const auto brief = fixtures::briefing_of({
      source_of({"It began in March 2022 and ended on Thursday."}),
      source_of({"Before that, in 2014, the first accords were signed."}),
  });
  ASSERT_EQ(brief.dates.size(), 3u);
  EXPECT_EQ(brief.dates[0].text, "2014");
  EXPECT_EQ(brief.dates[1].text, "March 2022");
  EXPECT_EQ(brief.dates[2].text, "Thursday");
}
