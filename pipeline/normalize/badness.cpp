#include "normalize/badness.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "model/letters.h"
#include "normalize/code_pages.h"

namespace dossier::normalize {

namespace {

bool is_c1(char32_t c) {
  return c >= 0x80 && c <= 0x9F;
}

// Punctuation and signs that legitimately follow an accented capital ("MARQUÉ…", "NESTLÉ®",
// "10 Å—", "AHÅ™"): as continuation images they are weak evidence at the end of a word.
bool is_soft_follower(char32_t c) {
  switch (c) {
    case 0x2026:
    case 0x2019:
    case 0x2018:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201A:
    case 0x2039:
    case 0x203A:
    case 0x2013:
    case 0x2014:
    case 0x2122:
    case 0x00AE:
    case 0x00A9:
    case 0x00BF:
    case 0x00A1:
    case 0x00B7:
    case 0x00B4:
    case 0x00A0:
    case 0x00AD:
    case 0x00AC:
      return true;
    default:
      return false;
  }
}

bool is_letter(char32_t c) {
  return model::letters::is_alpha(c);
}
bool is_lower(char32_t c) {
  return model::letters::is_lower(c);
}
bool is_upper(char32_t c) {
  return model::letters::is_upper(c);
}
bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019;
}

// Letters from blocks that real text almost never uses, but decoded mojibake often lands in.
bool is_rare_letter(char32_t c) {
  switch (c) {
    // Latin Extended-A letters no major living orthography uses.
    case 0x0108:
    case 0x0109:
    case 0x011C:
    case 0x011D:
    case 0x0124:
    case 0x0125:
    case 0x0128:
    case 0x0129:
    case 0x012C:
    case 0x012D:
    case 0x0114:
    case 0x0115:
    case 0x0134:
    case 0x0135:
    case 0x0138:
    case 0x013F:
    case 0x0140:
    case 0x014A:
    case 0x014B:
    case 0x014E:
    case 0x014F:
    case 0x015C:
    case 0x015D:
    case 0x0166:
    case 0x0167:
    case 0x0168:
    case 0x0169:
    case 0x017F:
      return true;
    // Spacing modifier letters, except those Windows code pages carry (ˆ ˇ ˘ ˙ ˛ ˜ ˝).
    case 0x02C6:
    case 0x02C7:
    case 0x02D8:
    case 0x02D9:
    case 0x02DB:
    case 0x02DC:
    case 0x02DD:
      return false;
    default:
      break;
  }
  return (c >= 0x0180 && c <= 0x02FF) || (c >= 0x0460 && c <= 0x052F) ||
         (c >= 0x1D00 && c <= 0x1DBF);
}

bool is_superscript_or_fraction(char32_t c) {
  return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE);
}

UScriptCode script_of(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_FAILURE(status) ? USCRIPT_COMMON : s;
}

// Two adjacent letters of different scripts (Latin with Greek is common in science: allowed).
// A letter of a script other than Latin that stands alone: no neighbour of its own script.
bool is_lonely_foreign_letter(char32_t p, char32_t c, char32_t n) {
  if (c < 0x80 || !is_letter(c)) return false;
  const UScriptCode sc = script_of(c);
  // Greek letters stand alone in science and maths ("√π", "γ-rays").
  if (sc <= USCRIPT_INHERITED || sc == USCRIPT_LATIN || sc == USCRIPT_GREEK) return false;
  const auto same = [&](char32_t x) { return is_letter(x) && script_of(x) == sc; };
  return !same(p) && !same(n);
}

bool mixes_scripts(char32_t a, char32_t b) {
  if (a < 0x80 && b < 0x80) return false;
  if (!is_letter(a) || !is_letter(b)) return false;
  const UScriptCode sa = script_of(a), sb = script_of(b);
  if (sa == sb || sa <= USCRIPT_INHERITED || sb <= USCRIPT_INHERITED) return false;
  const auto latin_greek = [](UScriptCode x, UScriptCode y) {
    return x == USCRIPT_LATIN && y == USCRIPT_GREEK;
  };
  return !latin_greek(sa, sb) && !latin_greek(sb, sa);
}

// A combining mark of a specific script on a base of another script or on no letter at all.
bool is_stray_mark(char32_t prev, char32_t c) {
  if (u_charType(static_cast<UChar32>(c)) != U_NON_SPACING_MARK) return false;
  const UScriptCode sc = script_of(c);
  if (sc <= USCRIPT_INHERITED) return false;
  return !is_letter(prev) || script_of(prev) != sc;
}

double rarity_at(char32_t p, char32_t c, char32_t n) {
  double score = 0;
  if (is_rare_letter(c)) score += 1.5;
  if (mixes_scripts(c, n)) score += 2;
  if (p < 0x80 && mixes_scripts(p, c)) score += 2;
  if (is_stray_mark(p, c)) score += 2;
  if (is_lonely_foreign_letter(p, c, n)) score += 1.5;
  if (is_superscript_or_fraction(c) && is_letter(n)) score += 1;
  // A lowercase non-ASCII letter ending an uppercase run ("MģÄM", "SÖģ").
  if (is_lower(c) && is_upper(p) && !is_lower(n)) score += 1;
  return score;
}

struct Score {
  double rarity = 0;   // odd characters, whatever their origin
  double pattern = 0;  // byte-image patterns that only mojibake produces
};

Score score_at(std::u32string_view t, std::size_t i, bool with_rarity = true) {
  const char32_t c = t[i];
  if (c < 0x80) return {};  // "Ã" + space is scored at the Ã
  const char32_t p = i > 0 ? t[i - 1] : 0;
  const char32_t n = i + 1 < t.size() ? t[i + 1] : 0;
  const char32_t n2 = i + 2 < t.size() ? t[i + 2] : 0;
  const char32_t n3 = i + 3 < t.size() ? t[i + 3] : 0;
  double score = 0;
  if (with_rarity) score += rarity_at(p, c, n);

  const ByteRoles r = byte_roles(c);
  if (!(r.lead2 | r.lead3 | r.lead4)) return {score, is_c1(c) ? 3.0 : 0.0};
  const ByteRoles rn = byte_roles(n);
  const auto& pages = code_pages();
  double pattern = 0;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    const auto bit = static_cast<std::uint16_t>(1u << k);
    if (pages[k].leads_need_word && (p == 0 || p == ' ')) continue;
    const bool next_cont = rn.cont & bit;
    if ((r.lead3 & bit) && next_cont && is_soft_follower(n) && is_soft_follower(n2)) {
      pattern = std::max(pattern, 0.5);  // "á´´", "ë…”": punctuation after a letter
    } else if ((r.lead3 & bit) && next_cont && (byte_roles(n2).cont & bit)) {
      pattern = std::max(pattern, 2.0);  // "â€™"
    } else if ((r.lead4 & bit) && next_cont && (byte_roles(n2).cont & bit) &&
               (byte_roles(n3).cont & bit)) {
      pattern = std::max(pattern, 2.0);  // "ðŸ“…"
    } else if ((r.lead2 & bit) && next_cont) {
      const bool possessive = is_apostrophe(n) && is_letter(n2);  // "ZZAJÉ’s", "Ã’s"
      if (possessive) continue;
      // Â and Ã are never word-final letters in Windows-1252 text ("OÃ™"); elsewhere an
      // accented capital before punctuation is ordinary ("NICIODATĂ™", "MARQUÉ…").
      const bool soft_end = is_soft_follower(n) && !is_letter(n2) && k != 0;
      if (soft_end) continue;
      if ((r.strong & bit) && !(pages[k].name == "windows-1251" && is_letter(n))) {
        pattern = std::max(pattern, 2.0);  // "Ã©", "Â£", "Ă¨", "Г©"
      } else if (!is_soft_follower(n) || (r.strong & bit)) {
        pattern = std::max(pattern, 1.0);  // "Ä±", "Å¡", "Рґ"
      }
    } else if ((r.lead2 | r.lead3) & bit && n == 0xFFFD) {
      pattern = std::max(pattern, 1.0);  // a lead whose continuation was lost: "Ä�"
    }
  }
  // "Ã" before a space that was a no-break space: "voilÃ le", "jusqu'Ã nos", "Ã s".
  if (c == 0x00C3 && n == ' ' &&
      (is_lower(p) || is_apostrophe(p) || ((p == 0 || p == ' ') && is_lower(n2)))) {
    pattern = std::max(pattern, 2.0);
  }
  if (c == 0x00E2 && n == 0x20AC) pattern = std::max(pattern, 2.0);  // "â€" of any kind
  return {score, pattern + (is_c1(c) ? 3.0 : 0.0)};
}

}  // namespace

double badness_around(std::u32string_view text, std::size_t begin, std::size_t end) {
  // Patterns look at most three characters ahead and one behind.
  const std::size_t from = begin >= 3 ? begin - 3 : 0;
  const std::size_t to = std::min(text.size(), end + 1);
  double total = 0;
  for (std::size_t i = from; i < to; ++i) {
    const Score s = score_at(text, i);
    total += s.rarity + s.pattern;
  }
  return total;
}

double badness(std::u32string_view text) {
  double total = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < 0x80) continue;
    const Score s = score_at(text, i);
    total += s.rarity + s.pattern;
  }
  return total;
}

bool has_mojibake_pattern(std::u32string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] >= 0x80 && score_at(text, i, false).pattern > 0) return true;
  }
  return false;
}

}  // namespace dossier::normalize
