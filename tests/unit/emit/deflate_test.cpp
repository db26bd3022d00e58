// The writers' DEFLATE: round trips through zlib, and a result that holds only its bytes.
#include <gtest/gtest.h>

#include <zlib.h>

#include <string>

#include "emit/deflate.h"

using namespace dossier;

namespace {

std::string inflate_all(const std::string& in, int window_bits) {
  z_stream s{};
  inflateInit2(&s, window_bits);
  std::string out(1 << 22, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(in.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&s, Z_FINISH);
  out.resize(s.total_out);
  inflateEnd(&s);
  return rc == Z_STREAM_END ? out : "(inflate failed)";
}

std::string page_like(std::size_t lines) {
  std::string text;
  for (std::size_t i = 0; i < lines; ++i) {
    text += "72 " + std::to_string(700 - i % 50 * 14) + " Td [(" + std::to_string(i * 7919) +
            " words of a paragraph) -250 (and more)] TJ\n";
  }
  return text;
}

}  // namespace

TEST(Deflate, RoundTripsInBothWrappers) {
  for (const std::size_t lines : {0u, 1u, 40u, 30000u}) {  // the last is past the kept buffer
    const std::string text = page_like(lines);
    EXPECT_EQ(inflate_all(emit::deflate(text, emit::DeflateWrapper::Zlib), 15), text) << lines;
    EXPECT_EQ(inflate_all(emit::deflate(text, emit::DeflateWrapper::Raw), -15), text) << lines;
  }
}

// A long PDF keeps every page's compressed contents until it is saved: each must hold its
// bytes only, not the room the compressor's bound asked for (about twice as much).
TEST(Deflate, TheResultHoldsOnlyItsBytes) {
  const std::string text = page_like(400);
  const std::string z = emit::deflate(text, emit::DeflateWrapper::Zlib);
  ASSERT_LT(z.size() * 2, text.size());
  EXPECT_LE(z.capacity(), z.size() + 16);
}
