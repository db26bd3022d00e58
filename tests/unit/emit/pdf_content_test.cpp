// Page text as content operators: fonts set once, a justified line as one TJ, BMP codes as
// two-byte literal strings.
#include <gtest/gtest.h>

#include <string>

#include "emit/pdf/content.h"

using namespace dossier::emit::pdf;
using namespace std::string_literals;  // the strings hold NUL bytes

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
  page.add_run(100, 700, Face::Body, 10, "ab");
  page.add_run(114, 700, Face::Body, 10, "cd");
  EXPECT_EQ(content_of(page), "BT\n/F1 10 Tf\n100 700 Td [(\0a\0b) -400 (\0c\0d)] TJ\nET\n"s);
}

TEST(PdfContent, ANewBaselineOrFaceStartsANewRunRelativeToTheLastLine) {
  Page page;
  page.add_run(100, 700, Face::Body, 10, "a");
  page.add_run(100, 686, Face::Body, 10, "b");
  page.add_run(110, 686, Face::BodyBold, 10, "c");
  EXPECT_EQ(content_of(page),
            "BT\n/F1 10 Tf\n100 700 Td [(\0a)] TJ\n0 -14 Td [(\0b)] TJ\n"
            "/F2 10 Tf\n10 0 Td [(\0c)] TJ\nET\n"s);
}

TEST(PdfContent, CodesAreBmpCodePointsAndAstralOnesBecomeSpaces) {
  Page page;
  page.add_run(0, 0, Face::Body, 9, "é€😀");
  EXPECT_EQ(content_of(page), "BT\n/F1 9 Tf\n0 0 Td [(\0\xe9\x20\xac\0 )] TJ\nET\n"s);
}

TEST(PdfContent, ParenthesesBackslashesAndLineEndBytesAreEscaped) {
  Page page;
  // "(a)\\" and U+280D (bytes 28 0D) and U+5C0A (bytes 5C 0A): a reader would end the string
  // at an unescaped ")" and read CR as LF.
  page.add_run(0, 0, Face::Body, 9, "(a)\\\u280D\u5C0A");
  EXPECT_EQ(content_of(page),
            "BT\n/F1 9 Tf\n0 0 Td [(\0\\(\0a\0\\)\0\\\\\\(\\r\\\\\\n)] TJ\nET\n"s);
}

TEST(PdfContent, AnEmptyPageWritesNothing) {
  EXPECT_EQ(content_of(Page{}), "");
}
