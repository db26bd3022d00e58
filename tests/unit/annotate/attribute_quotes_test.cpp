// Quote speakers: one test per reporting pattern, and the cases that must stay unknown.
#include <gtest/gtest.h>

#include "annotate/annotate_fixtures.h"

using namespace dossier;
using fixtures::briefing_of;
using fixtures::source_of;
using fixtures::speaker_of;

TEST(QuoteSpeaker, SaidThenNameAfterTheQuotation) {
  const auto b = briefing_of({source_of(
      {"“Every talk so far has failed,” said Olga Oliker, director of a research programme."})});
  EXPECT_EQ(speaker_of(b, "Every talk"), "Olga Oliker");
}

TEST(QuoteSpeaker, NameThenVerbAfterTheQuotation) {
  const auto b =
      briefing_of(source_of({"Alexander Baunov, a senior fellow at a think tank, spoke "
                             "on Monday.",
                             "“The army will continue its offensive,” Baunov noted."}));
  EXPECT_EQ(speaker_of(b, "The army"), "Alexander Baunov");
}

TEST(QuoteSpeaker, VerbThenTitleAndName) {
  const auto b = briefing_of({source_of(
      {"“This conflict cannot be resolved on the battlefield,” argued Indian Prime Minister "
       "Narendra Modi."})});
  EXPECT_EQ(speaker_of(b, "This conflict"), "Narendra Modi");
}

TEST(QuoteSpeaker, NameAndVerbBeforeTheQuotation) {
  const auto b = briefing_of({source_of(
      {"Jailed nationalist Igor Girkin, a key commander of separatist forces, said that “any "
       "meeting would be disastrous for everyone.”"})});
  EXPECT_EQ(speaker_of(b, "any meeting"), "Igor Girkin");
}

TEST(QuoteSpeaker, NameColonQuotation) {
  const auto b =
      briefing_of(source_of({"Tatiana Stanovaya, founder of a consultancy, was asked "
                             "about the talks.",
                             "Stanovaya: “Nobody in Moscow expects a deal this year.”"}));
  EXPECT_EQ(speaker_of(b, "Nobody in Moscow"), "Tatiana Stanovaya");
}

TEST(QuoteSpeaker, SubjectThenColonQuotation) {
  const auto b =
      briefing_of({source_of({"Helen Park, a marine insurance broker, was sceptical: “Good faith "
                              "does not pay a claim.”"})});
  EXPECT_EQ(speaker_of(b, "Good faith"), "Helen Park");
}

TEST(QuoteSpeaker, AParagraphEndingInAColonIntroducesTheNext) {
  const auto b = briefing_of(source_of(
      {"Associate Professor İkbal Dürre shared her assessment of the talks with the paper:",
       "“There had been expectations that peace could swiftly be achieved, but no longer."}));
  EXPECT_EQ(speaker_of(b, "There had been"), "İkbal Dürre");
}

TEST(QuoteSpeaker, AccordingToWithATitle) {
  const auto b =
      briefing_of({source_of({"According to NATO envoy Helen Park, “both sides agree on the "
                              "numbers and nothing else.”"})});
  EXPECT_EQ(speaker_of(b, "both sides"), "Helen Park");
}

TEST(QuoteSpeaker, VerbWithASubjectEarlierInTheClause) {
  const auto b = briefing_of({source_of(
      {"The United States and Europe echoed this, with U.S. Secretary of State Antony Blinken "
       "emphasizing, “Nothing about Ukraine without Ukraine.”"})});
  EXPECT_EQ(speaker_of(b, "Nothing about"), "Antony Blinken");
}

TEST(QuoteSpeaker, PronounResolvesToThePersonNamedLastInTheParagraph) {
  const auto b = briefing_of({source_of(
      {"Ukrainian President Volodymyr Zelenskyy responded to Vladimir Putin’s offer with "
       "defiance. “Every proposal must be based on reality,” he stated."})});
  // Putin is named later, but only in a possessive: not a referent.
  EXPECT_EQ(speaker_of(b, "Every proposal"), "Volodymyr Zelenskyy");
}

TEST(QuoteSpeaker, PronounResolvesIntoThePreviousParagraph) {
  const auto b =
      briefing_of(source_of({"“It is important to understand this,” said Boris "
                             "Bondarev, a former diplomat.",
                             "“This war is not only against Ukraine,” he said."}));
  EXPECT_EQ(speaker_of(b, "This war"), "Boris Bondarev");
}

TEST(QuoteSpeaker, NamesInsideQuotationsAreNotReferents) {
  const auto b = briefing_of(source_of(
      {"“His aim is to weaken Boris Bondarev and everyone like him,” Tatiana Stanovaya said.",
       "“He does not believe a word of it,” she said."}));
  EXPECT_EQ(speaker_of(b, "He does not"), "Tatiana Stanovaya");
}

TEST(QuoteSpeaker, ASecondVerbSharesTheSentenceSubject) {
  const auto b = briefing_of({source_of(
      {"The Kremlin declined to say who Russia would send after Boris Bondarev proposed talks, "
       "but said Moscow “continues to prepare for the talks.”"})});
  EXPECT_EQ(speaker_of(b, "continues to"), "Kremlin");
}

TEST(QuoteSpeaker, AnUnattributedQuotationContinuesTheSpeaker) {
  const auto b = briefing_of({source_of(
      {"“The line is disingenuous,” said Olga Oliker, a director at the group. “The core "
       "precondition remains the acceptance of losses.”"})});
  EXPECT_EQ(speaker_of(b, "The core precondition"), "Olga Oliker");
}

TEST(QuoteSpeaker, ContinuationStopsWhenSomeoneElseIsNamed) {
  const auto b = briefing_of({source_of(
      {"“The line is disingenuous,” said Olga Oliker, a director at the group. Boris Bondarev "
       "was asked about it. “Nobody believes the line any more.”"})});
  EXPECT_EQ(speaker_of(b, "Nobody believes"), "");
}

TEST(QuoteSpeaker, NoSpeakerStaysNull) {
  const auto b = briefing_of(
      {source_of({"The sign on the office door read “Closed for the whole winter season.”"})});
  EXPECT_EQ(speaker_of(b, "Closed for"), "");
}

TEST(QuoteSpeaker, APronounWithNoOneNamedStaysNull) {
  const auto b = briefing_of({source_of({"“We will see what happens next week,” he said."})});
  EXPECT_EQ(speaker_of(b, "We will see"), "");
}

TEST(QuoteSpeaker, AScareQuoteWithAVerbIsAttributed) {
  const auto b = briefing_of(
      {source_of({"Kremlin spokesperson Dmitry Peskov later clarified that Russia views a truce as "
                  "“premature” for now."})});
  EXPECT_EQ(speaker_of(b, "premature"), "Dmitry Peskov");
}
