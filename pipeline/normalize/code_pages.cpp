#include "normalize/code_pages.h"

#include <unicode/ucnv.h>

#include <memory>

namespace dossier::normalize {

namespace {

CodePage load(const char* icu_name, const char* name, bool c1_as_bytes) {
  CodePage page;
  page.name = name;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(icu_name, &status);
  if (U_FAILURE(status)) return page;
  for (int b = 0; b < 256; ++b) {
    const char byte = static_cast<char>(b);
    UChar out[4];
    status = U_ZERO_ERROR;
    ucnv_reset(conv);
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    const int32_t n = ucnv_toUChars(conv, out, 4, &byte, 1, &status);
    if (U_SUCCESS(status) && n == 1 && out[0] != 0xFFFD && out[0] != 0x1A) {
      page.to_unicode[static_cast<std::size_t>(b)] = out[0];
    } else if (c1_as_bytes && b >= 0x80 && b < 0xA0) {
      page.to_unicode[static_cast<std::size_t>(b)] =
          static_cast<char32_t>(b);  // sloppy: as Latin-1
    }
  }
  ucnv_close(conv);
  for (int b = 255; b >= 0; --b) {
    const char32_t c = page.to_unicode[static_cast<std::size_t>(b)];
    if ((c || b == 0) && c < 0x10000) page.to_byte[c] = static_cast<std::int16_t>(b);
  }
  if (c1_as_bytes) {
    // Text decoded as Latin-1 keeps C1 controls where Windows-1252 has punctuation.
    for (char32_t c = 0x80; c < 0xA0; ++c) {
      if (page.to_byte[c] < 0) page.to_byte[c] = static_cast<std::int16_t>(c);
    }
  }
  return page;
}

std::vector<CodePage> build() {
  std::vector<CodePage> pages;
  pages.push_back(load("windows-1252", "windows-1252", true));
  pages.push_back(load("windows-1250", "windows-1250", false));
  pages.push_back(load("windows-1251", "windows-1251", false));
  pages.push_back(load("windows-1257", "windows-1257", false));
  pages.back().strong_c2_c3 = false;  // its Ā/Ć leads are ordinary Baltic letters
  pages.push_back(load("ISO-8859-2", "iso-8859-2", false));
  pages.push_back(load("macintosh", "macroman", false));
  pages.back().leads_need_word = true;
  pages.push_back(load("ibm-437", "cp437", false));
  return pages;
}

struct RoleTable {
  std::vector<ByteRoles> bmp = std::vector<ByteRoles>(0x10000);
  RoleTable() {
    const auto& pages = code_pages();
    for (std::size_t k = 0; k < pages.size(); ++k) {
      const auto bit = static_cast<std::uint16_t>(1u << k);
      for (int b = 0x80; b < 0x100; ++b) {
        const char32_t c = pages[k].to_unicode[static_cast<std::size_t>(b)];
        if (c == 0 || c >= 0x10000) continue;
        ByteRoles& r = bmp[c];
        if (b < 0xC0) r.cont |= bit;
        // Windows-1257's Ā and Ć (C2, C3) are plain Baltic letters, not evidence.
        const bool plain_letter = !pages[k].strong_c2_c3 && (b == 0xC2 || b == 0xC3);
        if (b >= 0xC2 && b <= 0xDF && !plain_letter) r.lead2 |= bit;
        if (b >= 0xE0 && b <= 0xEF) r.lead3 |= bit;
        if (b >= 0xF0 && b <= 0xF4) r.lead4 |= bit;
        if ((b == 0xC2 || b == 0xC3) && pages[k].strong_c2_c3) r.strong |= bit;
      }
    }
    // Windows-1252 as Latin-1: every C1 control is the image of its own byte.
    for (char32_t c = 0x80; c < 0xA0; ++c) bmp[c].cont |= 1;
  }
};

}  // namespace

const std::vector<CodePage>& code_pages() {
  static const std::vector<CodePage> pages = build();
  return pages;
}

ByteRoles byte_roles(char32_t c) {
  static const RoleTable table;
  return c < 0x10000 ? table.bmp[c] : ByteRoles{};
}

}  // namespace dossier::normalize
