// Page text as content operators: fonts set once, a justified line as one TJ, BMP codes.
#include <gtest/gtest.h>

#include <string>

#include "emit/pdf/content.h"

using namespace dossier::emit::pdf;

namespace {

const std::array<std::string, kFaceCount> kNames = {"F1", "F2", "F3", "F4", "F5"};

// Every code point is half an em wide.
double half_em(Face, std::string_view text) {
  double n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n * 500;
}

std::string content_of(const Page& page) {
  std::string out;
  write_page_text(page, kNames, half_em, out);
  return out;
}

}  // namespace

TEST(PdfContent, NumbersHaveAtMostTwoDecimalsAndNoTrailingZeros) {
  std::string out;
  for (double v : {12.5, -3.0, 0.07, 100.004, -0.5, 0.0}) {
    append_number(v, out);
    out += ' ';
  }
  EXPECT_EQ(out, "12.5 -3 0.07 100 -0.5 0 ");
}

TEST(PdfContent, WordsOfOneLineBecomeOneTjWithTheGapsBetweenThem) {
  Page page;
  // At 10 pt a letter is 5 pt wide: "ab" ends at 110, the next word starts 4 pt later.
  page.runs = {{100, 700, Face::Body, 10, "ab"}, {114, 700, Face::Body, 10, "cd"}};
  EXPECT_EQ(content_of(page), "BT\n/F1 10 Tf\n100 700 Td [<00610062> -400 <00630064>] TJ\nET\n");
}

TEST(PdfContent, ANewBaselineOrFaceStartsANewRunRelativeToTheLastLine) {
  Page page;
  page.runs = {{100, 700, Face::Body, 10, "a"},
               {100, 686, Face::Body, 10, "b"},
               {110, 686, Face::BodyBold, 10, "c"}};
  EXPECT_EQ(content_of(page),
            "BT\n/F1 10 Tf\n100 700 Td [<0061>] TJ\n0 -14 Td [<0062>] TJ\n"
            "/F2 10 Tf\n10 0 Td [<0063>] TJ\nET\n");
}

TEST(PdfContent, CodesAreBmpCodePointsAndAstralOnesBecomeSpaces) {
  Page page;
  page.runs = {{0, 0, Face::Body, 9, "é€😀"}};
  EXPECT_EQ(content_of(page), "BT\n/F1 9 Tf\n0 0 Td [<00e920ac0020>] TJ\nET\n");
}

TEST(PdfContent, AnEmptyPageWritesNothing) {
  EXPECT_EQ(content_of(Page{}), "");
}
