// Alias merging across sources, and the names that must not merge.
#include <gtest/gtest.h>

#include <algorithm>

#include "annotate/annotate_fixtures.h"
#include "crossref/merge_entities.h"

using namespace dossier;
using fixtures::briefing_of;
using fixtures::entity_named;
using fixtures::source_of;

namespace {
bool has_alias(const model::Entity* e, const std::string& alias) {
  return e && std::find(e->aliases.begin(), e->aliases.end(), alias) != e->aliases.end();
}
int people(const model::Briefing& b) {
  return static_cast<int>(std::count_if(b.entities.begin(), b.entities.end(), [](const auto& e) {
    return e.type == model::EntityType::Person;
  }));
}
}  // namespace

TEST(MergeEntities, TransliterationVariantsAreOnePerson) {
  const auto b = briefing_of({
      source_of({"Ukrainian President Volodymyr Zelenskyy spoke in Kyiv."}),
      source_of({"President Volodymyr Zelensky said talks were possible."}),
      source_of({"President Volodymyr Zelenskiy answered on Monday."}),
  });
  const auto* e = entity_named(b, "Volodymyr Zelenskyy");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mentions.size(), 3u);
  EXPECT_TRUE(has_alias(e, "Volodymyr Zelensky"));
  EXPECT_TRUE(has_alias(e, "Volodymyr Zelenskiy"));
  EXPECT_EQ(people(b), 1);
}

TEST(MergeEntities, DiacriticsDoNotMakeANewPerson) {
  const auto b = briefing_of({
      source_of({"Turkish President Recep Tayyip Erdoğan opened the session."}),
      source_of({"President Recep Tayyip Erdogan offered to host the talks."}),
  });
  EXPECT_EQ(people(b), 1);
  EXPECT_TRUE(has_alias(entity_named(b, "Recep Tayyip Erdoğan"), "Recep Tayyip Erdogan"));
}

TEST(MergeEntities, ASurnameJoinsTheFullNameInItsSourceAndAcrossSources) {
  const auto b = briefing_of({
      source_of({"Alexander Baunov, a senior fellow at a think tank, said little.",
                 "Later Baunov said more."}),
      source_of({"The plan, Baunov noted, has no end date."}),
  });
  const auto* e = entity_named(b, "Alexander Baunov");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mentions.size(), 3u);
  EXPECT_TRUE(has_alias(e, "Baunov"));
  EXPECT_EQ(e->roles, (std::vector<std::string>{"senior fellow at a think tank"}));
}

TEST(MergeEntities, APossessiveIsAMentionButNotAnAlias) {
  const auto b = briefing_of(
      {source_of({"President Vladimir Putin spoke on Monday.", "Critics doubted Putin’s offer."})});
  const auto* e = entity_named(b, "Vladimir Putin");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->mentions.size(), 2u);
  EXPECT_EQ(e->mentions[1].end - e->mentions[1].start, 5);  // "Putin", not "Putin’s"
  EXPECT_EQ(e->aliases, (std::vector<std::string>{"Putin"}));
}

TEST(MergeEntities, AnEditorsBracketCompletesAPatronymic) {
  const auto b = briefing_of({
      source_of({"President Vladimir Putin spoke on Monday."}),
      source_of({"It would be a disaster for Vladimir Vladimirovich [Putin] himself."}),
  });
  EXPECT_EQ(people(b), 1);
  EXPECT_TRUE(has_alias(entity_named(b, "Vladimir Putin"), "Vladimir Vladimirovich"));
}

TEST(MergeEntities, APatronymicJoinsTheOnePersonWithThatGivenName) {
  const auto b = briefing_of({
      source_of({"President Vladimir Putin spoke on Monday."}),
      source_of({"Vladimir Vladimirovich said nothing about it."}),
  });
  EXPECT_EQ(people(b), 1);
}

TEST(MergeEntities, TwoPeopleWithOneSurnameStayTwo) {
  const auto b = briefing_of({
      source_of({"Grain trader Daniel Park said cargoes could sail by June."}),
      source_of({"Helen Park, a marine insurance broker, said premiums would rise."}),
  });
  EXPECT_NE(entity_named(b, "Daniel Park"), nullptr);
  EXPECT_NE(entity_named(b, "Helen Park"), nullptr);
  EXPECT_EQ(people(b), 2);
}

TEST(MergeEntities, AnAmbiguousLoneSurnameIsNotGivenToEitherPerson) {
  const auto b = briefing_of({
      source_of({"Grain trader Daniel Park said cargoes could sail by June."}),
      source_of({"Helen Park, a marine insurance broker, said premiums would rise."}),
      source_of({"Park said the market would wait."}),
  });
  EXPECT_EQ(entity_named(b, "Daniel Park")->mentions.size(), 1u);
  EXPECT_EQ(entity_named(b, "Helen Park")->mentions.size(), 1u);
}

TEST(MergeEntities, WithinASourceALoneSurnameIsTheNearestNamedBefore) {
  const auto b = briefing_of({source_of({
      "Helen Park, a broker, said premiums would rise.",
      "Daniel Park, a trader, said cargoes would wait.",
      "Park added that June was the earliest date.",
  })});
  EXPECT_EQ(entity_named(b, "Daniel Park")->mentions.size(), 2u);
  EXPECT_EQ(entity_named(b, "Helen Park")->mentions.size(), 1u);
}

TEST(MergeEntities, ALoneGivenNameJoinsTheOnePersonWithIt) {
  const auto b = briefing_of({
      source_of({"President Donald Trump said he would call."}),
      source_of({"The aim is to keep the aging Donald in the illusion of a deal."}),
  });
  EXPECT_EQ(entity_named(b, "Donald Trump")->mentions.size(), 2u);
}

TEST(MergeEntities, ACapitalizedWordWithNoCueIsNoEntity) {
  const auto b = briefing_of(
      {source_of({"Analysts say the Easter truce held, and Meanwhile is not a name either."})});
  EXPECT_EQ(entity_named(b, "Analysts"), nullptr);
  EXPECT_EQ(entity_named(b, "Easter"), nullptr);
}

TEST(MergeEntities, HeadNounsMakeOrganizationsPlacesAndEvents) {
  const auto b = briefing_of({source_of(
      {"Olga Oliker of the International Crisis Group spoke at the Munich Security Conference "
       "about the Grand Ethiopian Renaissance Dam."})});
  const auto* group = entity_named(b, "International Crisis Group");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->type, model::EntityType::Organization);
  ASSERT_NE(entity_named(b, "Munich Security Conference"), nullptr);
  EXPECT_EQ(entity_named(b, "Munich Security Conference")->type, model::EntityType::Event);
  ASSERT_NE(entity_named(b, "Grand Ethiopian Renaissance Dam"), nullptr);
  EXPECT_EQ(entity_named(b, "Grand Ethiopian Renaissance Dam")->type, model::EntityType::Place);
}

TEST(MergeEntities, GazetteerAliasesAndDemonymsInRoles) {
  const auto b = briefing_of({source_of(
      {"The Russian Federation and Russia are one place, and so are the US and the United "
       "States.",
       "Russian President Vladimir Putin spoke; Kremlin spokesperson Dmitry Peskov did not."})});
  EXPECT_EQ(entity_named(b, "Russia")->mentions.size(), 2u);
  EXPECT_EQ(entity_named(b, "United States")->mentions.size(), 2u);
  EXPECT_EQ(entity_named(b, "Vladimir Putin")->roles,
            (std::vector<std::string>{"Russian President"}));
  EXPECT_EQ(entity_named(b, "Dmitry Peskov")->roles,
            (std::vector<std::string>{"Kremlin spokesperson"}));
}

TEST(MergeEntities, IdsAreSlugsAndUnique) {
  const auto b = briefing_of({source_of({"Associate Professor İkbal Dürre spoke."})});
  ASSERT_NE(entity_named(b, "İkbal Dürre"), nullptr);
  EXPECT_EQ(entity_named(b, "İkbal Dürre")->id, "E-ikbal-durre");
}

// Once cross-referenced, the briefing's lists are the only copies of each source's quotes,
// figures and dates, and its names live on as entities; the sources' own lists are released
// (they were a quarter of a 10,000-article model's memory).
TEST(CrossReference, TheBriefingHoldsTheOnlyCopiesOfQuotesFiguresAndDates) {
  const auto b = briefing_of({
      source_of({"\"We will rebuild the port,\" Volodymyr Zelenskyy said on 12 May 2025.",
                 "Exports fell 40% to 3 million tonnes."}),
      source_of({"President Volodymyr Zelensky visited Odesa on 14 May 2025."}),
  });
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(b.quotes[0].id, "Q1");
  ASSERT_TRUE(b.quotes[0].speaker.has_value());
  EXPECT_FALSE(b.figures.empty());
  EXPECT_GE(b.dates.size(), 2u);
  ASSERT_NE(entity_named(b, "Volodymyr Zelenskyy"), nullptr);
  EXPECT_EQ(entity_named(b, "Volodymyr Zelenskyy")->mentions.size(), 2u);
  for (const auto& source : b.sources) {
    EXPECT_TRUE(source.names.empty() && source.names.capacity() == 0) << source.id;
    EXPECT_TRUE(source.quotes.empty() && source.quotes.capacity() == 0) << source.id;
    EXPECT_TRUE(source.figures.empty() && source.figures.capacity() == 0) << source.id;
    EXPECT_TRUE(source.dates.empty() && source.dates.capacity() == 0) << source.id;
  }
}

// Entities are made on several threads; the table must not depend on how many.
TEST(MergeEntities, TheTableIsTheSameOnOneThreadAndOnMany) {
  const std::vector<std::string> paragraphs = {
      "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv with Dmitry Peskov.",
      "President Volodymyr Zelensky said talks in Geneva were possible.",
      "Alexander Baunov, a senior fellow at a think tank, said little. Later Baunov said more.",
      "Turkish President Recep Tayyip Erdoğan met Recep Tayyip Erdogan's aides in Ankara.",
      "Kremlin spokesperson Dmitry Peskov told reporters in Moscow the plan had no end date.",
      "Associate Professor İkbal Dürre spoke after Abiy Ahmed. Abiy told parliament nothing."};
  annotate::AnnotateOptions options;
  options.gazetteer = fixtures::small_gazetteer();
  std::vector<model::Source> sources;
  for (std::size_t i = 0; i < 60; ++i) {
    // Each source a different mix, so clusters gather mentions from many sources.
    std::vector<std::string> text;
    for (std::size_t k = 0; k <= i % paragraphs.size(); ++k) {
      text.push_back(paragraphs[(i + k) % paragraphs.size()]);
    }
    sources.push_back(annotate::annotate(source_of(text), i, options));
  }
  const crossref::EntityTable one = crossref::merge_entities(sources, 1);
  ASSERT_GE(one.entities.size(), 8u);
  for (unsigned threads : {2u, 4u, 7u}) {
    const crossref::EntityTable many = crossref::merge_entities(sources, threads);
    EXPECT_EQ(many.entities, one.entities) << threads << " threads";
    EXPECT_EQ(many.entity_of, one.entity_of) << threads << " threads";
  }
}
