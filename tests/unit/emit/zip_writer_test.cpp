// The EPUB's ZIP entries made as their data comes: held and deflated whole while short (the
// same bytes as any entry), compressed as they come past the limit, readable either way.
#include <gtest/gtest.h>
#include <zlib.h>

#include <sstream>
#include <string>

#include "emit/epub/zip_writer.h"
#include "zip_reader.h"

using namespace dossier;

namespace {

// XHTML-like text, fed in chunks of uneven sizes as pugixml's writer feeds it.
std::string long_text(std::size_t rows) {
  std::string text = "<table>";
  for (std::size_t i = 0; i < rows; ++i) {
    text += "<tr id=\"F" + std::to_string(i) + "\"><td>" + std::to_string(i * 7919 % 1000) +
            "%</td><td>rates in region " + std::to_string(i % 97) + "</td></tr>\n";
  }
  return text + "</table>";
}

emit::ZipWriter::Entry streamed(const std::string& text, std::size_t hold) {
  emit::ZipWriter::StreamedEntry entry(hold);
  for (std::size_t at = 0, step = 1; at < text.size(); at += step, step = step * 3 % 8191 + 1) {
    entry.append(std::string_view(text).substr(at, step));
  }
  return entry.finish("EPUB/figures.xhtml");
}

std::string zip_of(const emit::ZipWriter::Entry& entry) {
  std::ostringstream out;
  emit::ZipWriter zip(1700000000, out);
  zip.add(entry);
  EXPECT_TRUE(zip.finish());
  return out.str();
}

}  // namespace

TEST(ZipWriter, AShortStreamedEntryIsTheWholeDeflatedEntry) {
  const std::string text = long_text(2000);
  for (const std::size_t hold : {text.size(), text.size() + 1, std::size_t{1} << 20}) {
    const auto entry = streamed(text, hold);
    const auto whole = emit::ZipWriter::deflated_entry("EPUB/figures.xhtml", text);
    EXPECT_EQ(entry.payload, whole.payload);
    EXPECT_EQ(entry.crc, whole.crc);
    EXPECT_EQ(entry.size, whole.size);
    EXPECT_EQ(entry.method, 8);
  }
}

TEST(ZipWriter, ALongStreamedEntryReadsBackWhole) {
  const std::string text = long_text(40000);  // 2.6 MB
  ASSERT_GT(text.size(), std::size_t{2} << 20);
  for (const std::size_t hold : {std::size_t{0}, std::size_t{4096}, text.size() - 1}) {
    const auto entry = streamed(text, hold);
    EXPECT_EQ(entry.size, text.size());
    EXPECT_EQ(entry.crc, crc32(0, reinterpret_cast<const Bytef*>(text.data()),
                               static_cast<uInt>(text.size())));
    EXPECT_LT(entry.payload.size(), text.size() / 4);  // compressed, not stored
    const auto entries = fixtures::read_zip(zip_of(entry));
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].name, "EPUB/figures.xhtml");
    EXPECT_EQ(entries[0].method, 8);
    EXPECT_TRUE(entries[0].data == text) << "hold " << hold;
  }
}

TEST(ZipWriter, AnEmptyStreamedEntryIsAnEmptyFile) {
  for (const std::size_t hold : {std::size_t{0}, std::size_t{16}}) {
    emit::ZipWriter::StreamedEntry entry(hold);
    const auto entries = fixtures::read_zip(zip_of(entry.finish("EPUB/empty.xhtml")));
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_TRUE(entries[0].data.empty());
  }
}
