// Byte-level decoding: BOMs, UTF-16/32, UTF-8 with repair, and the Windows-1252 fallback.
#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "ingest/ingest.h"
#include "model/byte_scan.h"
#include "model/utf8.h"

namespace dossier::ingest {

using model::DiagCode;
using model::Diagnostic;
using model::Fix;
using model::FixKind;
using model::Severity;
namespace utf8 = model::utf8;

namespace {

constexpr int kMaxByteWarnings = 10;

// Windows-1252 bytes 0x80–0x9F; its five undefined bytes map to the C1 controls (as Latin-1).
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", b);
  return buf;
}

enum class Unit { Utf8, Utf16LE, Utf16BE, Utf32LE, Utf32BE };

struct Bom {
  Unit unit;
  std::size_t length;
  const char* name;
};

Bom detect_bom(std::string_view b) {
  const auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\x00\x00"sv)) return {Unit::Utf32LE, 4, "utf-32le"};
  if (starts("\x00\x00\xFE\xFF"sv)) return {Unit::Utf32BE, 4, "utf-32be"};
  if (starts("\xEF\xBB\xBF"sv)) return {Unit::Utf8, 3, "utf-8"};
  if (starts("\xFF\xFE"sv)) return {Unit::Utf16LE, 2, "utf-16le"};
  if (starts("\xFE\xFF"sv)) return {Unit::Utf16BE, 2, "utf-16be"};
  return {Unit::Utf8, 0, "utf-8"};
}

// UTF-16 without a BOM: mostly-ASCII text puts a zero in every other byte.
std::optional<Unit> detect_bomless_utf16(std::string_view b) {
  const std::size_t n = std::min<std::size_t>(b.size(), 8192) & ~std::size_t{1};
  if (n < 4) return std::nullopt;
  std::size_t even_zero = 0, odd_zero = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even_zero += b[i] == 0;
    odd_zero += b[i + 1] == 0;
  }
  const std::size_t pairs = n / 2;
  if (odd_zero * 10 >= pairs * 7 && even_zero * 20 <= pairs) return Unit::Utf16LE;
  if (even_zero * 10 >= pairs * 7 && odd_zero * 20 <= pairs) return Unit::Utf16BE;
  return std::nullopt;
}

// Tracks line and column while decoding, for positioned warnings.
struct Cursor {
  int line = 1;
  int col = 1;
  void advance(char32_t cp) {
    if (cp == '\n') {
      ++line, col = 1;
    } else {
      ++col;
    }
  }
};

struct Damage {
  int count = 0;
  Cursor first;
};

void warn_invalid(model::Diagnostics& diag, const std::string& path, const Cursor& at,
                  const std::string& what, Damage& damage) {
  if (damage.count == 0) damage.first = at;
  if (++damage.count <= kMaxByteWarnings) {
    diag.warning(DiagCode::InvalidBytes, path, at.line, at.col,
                 "invalid " + what + " replaced by U+FFFD");
  }
}

void finish_damage(model::Diagnostics& diag, const std::string& path, const Damage& damage) {
  if (damage.count > kMaxByteWarnings) {
    diag.warning(DiagCode::InvalidBytes, path, damage.first.line, damage.first.col,
                 std::to_string(damage.count - kMaxByteWarnings) +
                     " more invalid byte sequences replaced by U+FFFD");
  }
}

std::string decode_wide(std::string_view b, Unit unit, const std::string& path,
                        model::Diagnostics& diag, std::vector<Fix>& fixes) {
  std::string out;
  out.reserve(b.size());
  Cursor at;
  Damage damage;
  const bool wide32 = unit == Unit::Utf32LE || unit == Unit::Utf32BE;
  const bool little = unit == Unit::Utf16LE || unit == Unit::Utf32LE;
  const std::size_t width = wide32 ? 4 : 2;
  const auto unit_at = [&](std::size_t i) -> char32_t {
    char32_t v = 0;
    for (std::size_t k = 0; k < width; ++k) {
      const auto byte = static_cast<unsigned char>(b[i + (little ? width - 1 - k : k)]);
      v = (v << 8) | byte;
    }
    return v;
  };
  const auto emit = [&](char32_t cp, const std::string& bad) {
    if (!bad.empty()) {
      warn_invalid(diag, path, at, bad, damage);
      fixes.push_back({FixKind::Decode, {at.line, at.col}, bad, "\uFFFD"});
      cp = utf8::kReplacement;
    }
    utf8::append(out, cp);
    at.advance(cp);
  };
  std::size_t i = 0;
  for (; i + width <= b.size(); i += width) {
    char32_t v = unit_at(i);
    if (wide32) {
      const bool bad = v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF);
      emit(v, bad ? "UTF-32 code unit" : "");
      continue;
    }
    if (v >= 0xD800 && v <= 0xDBFF && i + 4 <= b.size()) {
      const char32_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        emit(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00), "");
        i += 2;
        continue;
      }
    }
    emit(v, (v >= 0xD800 && v <= 0xDFFF) ? "UTF-16 surrogate" : "");
  }
  if (i < b.size()) emit(0, "truncated code unit at end of file");
  finish_damage(diag, path, damage);
  return out;
}

struct Utf8Census {
  std::size_t invalid = 0;      // invalid sequences
  std::size_t multibyte = 0;    // valid sequences of 2–4 bytes
  std::size_t legacy_like = 0;  // invalid sequences that read well as Windows-1252
};

bool is_ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// A byte that Windows-1252 text uses: typographic punctuation, or an accented letter touching
// an ASCII letter ("caf\xE9", "\xE9t\xE9").
bool reads_as_windows_1252(std::string_view b, std::size_t i) {
  const auto c = static_cast<unsigned char>(b[i]);
  if (c == 0x80 || c == 0x85 || (c >= 0x91 && c <= 0x97) || c == 0x99) return true;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  return (i > 0 && is_ascii_letter(b[i - 1])) || (i + 1 < b.size() && is_ascii_letter(b[i + 1]));
}

Utf8Census take_census(std::string_view b) {
  Utf8Census census;
  for (std::size_t i = 0; i < b.size();) {
    i = model::bytes::first_non_ascii(b, i);  // most of any text is ASCII
    if (i == b.size()) break;
    const utf8::Decoded d = utf8::decode(b, i);
    if (d.valid) {
      ++census.multibyte;
    } else {
      ++census.invalid;
      census.legacy_like += reads_as_windows_1252(b, i);
    }
    i += d.length;
  }
  return census;
}

// More broken sequences than good ones, and most of them read as Windows-1252 text.
bool is_legacy_text(const Utf8Census& c) {
  return c.invalid > c.multibyte && c.legacy_like * 3 >= c.invalid * 2;
}

std::string decode_cp1252(std::string_view b) {
  std::string out;
  out.reserve(b.size() + b.size() / 8);
  for (unsigned char c : b) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0xA0) {
      utf8::append(out, kCp1252High[c - 0x80]);
    } else {
      utf8::append(out, c);
    }
  }
  return out;
}

std::string repair_utf8(std::string_view b, const std::string& path, model::Diagnostics& diag,
                        std::vector<Fix>& fixes) {
  std::string out;
  out.reserve(b.size());
  Cursor at;
  Damage damage;
  for (std::size_t i = 0; i < b.size();) {
    const utf8::Decoded d = utf8::decode(b, i);
    if (d.valid) {
      out.append(b.data() + i, d.length);
    } else {
      std::string bad;
      for (std::size_t k = 0; k < d.length; ++k)
        bad += hex_byte(static_cast<unsigned char>(b[i + k]));
      const bool at_end = i + d.length >= b.size() && d.length > 1;
      warn_invalid(diag, path, at,
                   (at_end ? "truncated UTF-8 sequence at end of file " : "UTF-8 bytes ") + bad,
                   damage);
      fixes.push_back({FixKind::Decode, {at.line, at.col}, bad, "\uFFFD"});
      utf8::append(out, utf8::kReplacement);
    }
    at.advance(d.cp);
    i += d.length;
  }
  finish_damage(diag, path, damage);
  return out;
}

bool is_blank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    const char32_t cp = d.cp;
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
                       cp == '\v' || cp == 0xA0 || cp == 0xFEFF || cp == 0x200B ||
                       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
                       cp == 0x3000 || cp == 0x202F || cp == 0x205F;
    if (!space) return false;  // the first visible character settles it
    i += d.length;
  }
  return true;
}

}  // namespace

model::Result<DecodedText> decode_bytes(std::string_view bytes, const std::string& path,
                                        model::Diagnostics& diag) {
  const auto fail = [&](DiagCode code, std::string message) {
    return Diagnostic{Severity::Error, code, path, 1, 1, std::move(message)};
  };
  if (bytes.empty()) return fail(DiagCode::EmptyInput, "file is empty");

  DecodedText result;
  const Bom bom = detect_bom(bytes);
  std::string_view body = bytes.substr(bom.length);
  Unit unit = bom.unit;
  result.encoding = bom.name;
  if (bom.length > 0) {
    result.fixes.push_back({FixKind::Decode, {1, 1}, "\uFEFF", ""});
  } else if (auto wide = detect_bomless_utf16(body)) {
    unit = *wide;
    result.encoding = unit == Unit::Utf16LE ? "utf-16le" : "utf-16be";
  }
  if (unit != Unit::Utf8) {
    if (bom.length == 0)
      result.fixes.push_back({FixKind::Decode, {1, 1}, result.encoding, "utf-8"});
    result.text = decode_wide(body, unit, path, diag, result.fixes);
    if (looks_binary(result.text)) {
      return fail(DiagCode::BinaryInput, "looks like a binary file (decoded " + result.encoding +
                                             " holds NUL or control characters), not text");
    }
  } else {
    if (looks_binary(body)) {
      return fail(DiagCode::BinaryInput,
                  "looks like a binary file (NUL or control bytes), not text");
    }
    const Utf8Census census = take_census(body);
    if (census.invalid == 0) {
      result.text.assign(body);
    } else if (is_legacy_text(census)) {
      result.encoding = "windows-1252";
      result.text = decode_cp1252(body);
      result.fixes.push_back({FixKind::Decode, {1, 1}, "windows-1252", "utf-8"});
      diag.warning(DiagCode::LegacyEncoding, path, 1, 1,
                   "not valid UTF-8; decoded as Windows-1252");
    } else {
      result.text = repair_utf8(body, path, diag, result.fixes);
    }
  }
  if (is_blank(result.text)) {
    return fail(DiagCode::EmptyInput,
                result.text.empty() ? "file is empty" : "file holds only whitespace");
  }
  unify_line_ends(result.text, result.fixes);
  return result;
}

}  // namespace dossier::ingest
