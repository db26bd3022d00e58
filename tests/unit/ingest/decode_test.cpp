#include <gtest/gtest.h>

#include "ingest/ingest.h"

using namespace dossier;
using model::DiagCode;
using model::FixKind;

namespace {
ingest::DecodedText decode_ok(std::string_view bytes, model::Diagnostics& diag) {
  auto r = ingest::decode_bytes(bytes, "t.txt", diag);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : model::format_diagnostic(r.error()));
  return r.ok() ? r.value() : ingest::DecodedText{};
}
}  // namespace

TEST(Decode, PlainUtf8PassesThroughWithoutFixes) {
  model::Diagnostics diag;
  const auto d = decode_ok(
      "Erdo\xC4\x9F"
      "an and \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\n",
      diag);
  EXPECT_EQ(d.text, "Erdoğan and Москва\n");
  EXPECT_TRUE(d.fixes.empty());
  EXPECT_EQ(diag.all().size(), 0u);
}

TEST(Decode, Utf8BomIsRemovedAndRecorded) {
  model::Diagnostics diag;
  const auto d = decode_ok("\xEF\xBB\xBFHello", diag);
  EXPECT_EQ(d.text, "Hello");
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].kind, FixKind::Decode);
}

TEST(Decode, Utf16LittleEndianWithBom) {
  model::Diagnostics diag;
  const std::string bytes(
      "\xFF\xFE"
      "F\0\x31\x01r\0",
      8);  // "Fır"
  EXPECT_EQ(decode_ok(bytes, diag).text, "Fır");
}

TEST(Decode, Utf16BigEndianSurrogatePair) {
  model::Diagnostics diag;
  const std::string bytes("\xFE\xFF\xD8\x3D\xDE\x00", 6);  // U+1F600
  EXPECT_EQ(decode_ok(bytes, diag).text, "\U0001F600");
}

TEST(Decode, Utf16WithoutBomFoundByZeroBytePattern) {
  model::Diagnostics diag;
  std::string bytes;
  for (char c : std::string("Plain text in UTF-16.")) bytes += std::string{c, '\0'};
  const auto d = decode_ok(bytes, diag);
  EXPECT_EQ(d.text, "Plain text in UTF-16.");
  EXPECT_EQ(d.encoding, "utf-16le");
}

TEST(Decode, IsolatedInvalidByteBecomesReplacementWithPositionedWarning) {
  model::Diagnostics diag;
  const auto d = decode_ok(
      "caf\xC3\xA9 ok\nab\xFF"
      "cd \xC3\xA9",
      diag);
  EXPECT_EQ(d.text, "café ok\nab\uFFFDcd é");
  const auto all = diag.all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].code, DiagCode::InvalidBytes);
  EXPECT_EQ(all[0].line, 2);
  EXPECT_EQ(all[0].col, 3);
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].before, "\\xFF");
}

TEST(Decode, TruncatedSequenceAtEndOfFileIsReported) {
  model::Diagnostics diag;
  const auto d = decode_ok("d\xC3\xA9j\xC3\xA0 vu \xE2\x80", diag);
  EXPECT_EQ(d.text, "déjà vu \uFFFD");
  ASSERT_EQ(diag.all().size(), 1u);
  EXPECT_NE(diag.all()[0].message.find("truncated"), std::string::npos);
  EXPECT_EQ(diag.all()[0].col, 9);
}

TEST(Decode, Windows1252FileIsDecodedWithOneWarning) {
  model::Diagnostics diag;
  const auto d = decode_ok(
      "It\x92s \x93quoted\x94 \x80"
      "5 caf\xE9",
      diag);
  EXPECT_EQ(d.text, "It’s “quoted” €5 café");
  EXPECT_EQ(d.encoding, "windows-1252");
  ASSERT_EQ(diag.all().size(), 1u);
  EXPECT_EQ(diag.all()[0].code, DiagCode::LegacyEncoding);
}

TEST(Decode, EmptyFileIsAnError) {
  model::Diagnostics diag;
  auto r = ingest::decode_bytes("", "e.txt", diag);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, DiagCode::EmptyInput);
  EXPECT_EQ(model::format_diagnostic(r.error()), "e.txt:1:1: error: file is empty");
}

TEST(Decode, WhitespaceOnlyFileIsAnError) {
  model::Diagnostics diag;
  auto r = ingest::decode_bytes(" \n\t\r\n\xC2\xA0\n", "w.txt", diag);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "file holds only whitespace");
}

TEST(Decode, BinaryFilesAreRejected) {
  model::Diagnostics diag;
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  auto r = ingest::decode_bytes(png, "x.png", diag);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, DiagCode::BinaryInput);
}

TEST(Decode, FewControlBytesAreNotBinary) {
  EXPECT_FALSE(ingest::looks_binary("A line\twith a tab\fand a form feed\x1B."));
  EXPECT_TRUE(ingest::looks_binary("\x01\x02\x03\x04 ab"));
}

TEST(LineEnds, CrlfCrAndSeparatorsBecomeLfRecordedOnce) {
  std::string text = "one\r\ntwo\rthree\u2028four\ffive";
  std::vector<model::Fix> fixes;
  ingest::unify_line_ends(text, fixes);
  EXPECT_EQ(text, "one\ntwo\nthree\nfour\nfive");
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0].kind, FixKind::LineEnd);
  EXPECT_EQ(fixes[0].at, (model::Position{1, 4}));
}

TEST(LineEnds, LfOnlyTextIsUntouched) {
  std::string text = "a\nb\n";
  std::vector<model::Fix> fixes;
  ingest::unify_line_ends(text, fixes);
  EXPECT_EQ(text, "a\nb\n");
  EXPECT_TRUE(fixes.empty());
}
