// dossier's answer to libharu's glyph lookup (glyph_table.h): libharu's own calls reach it, and
// it gives libharu's glyph for every code point of every face the PDF writer uses.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_fontdef.h>

#include "emit/pdf/content.h"
#include "emit/pdf/fonts.h"
#include "emit/pdf/glyph_table.h"
#include "emit/pdf/haru_memory.h"

using namespace dossier;

namespace {

void ignore_error(HPDF_STATUS, HPDF_STATUS, void*) {}

TEST(GlyphTable, LibharuCallsReachDossiersLookup) {
  void* reached = ::dlsym(RTLD_DEFAULT, "HPDF_TTFontDef_GetGlyphid");
  void* libharus = ::dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid");
  ASSERT_NE(libharus, nullptr);
  EXPECT_EQ(reached, reinterpret_cast<void*>(&HPDF_TTFontDef_GetGlyphid));
  EXPECT_NE(reached, libharus);
}

TEST(GlyphTable, EveryCodePointOfEveryFaceIsTheGlyphLibharuFinds) {
  const emit::pdf::HaruMemory memory;
  HPDF_Doc doc = memory.new_document(ignore_error, nullptr);
  ASSERT_NE(doc, nullptr);
  int fonts = 0;
  for (const char* family : {"DejaVu Serif", "DejaVu Sans", "DejaVu Sans Mono"}) {
    for (std::size_t f = 0; f < emit::pdf::kFaceCount; ++f) {
      const auto file = emit::pdf::font_file(family, static_cast<emit::pdf::Face>(f));
      if (!file) continue;
      HPDF_FontDef font = HPDF_GetTTFontDefFromFile(doc, file->c_str(), HPDF_TRUE);
      ASSERT_NE(font, nullptr) << *file;
      ++fonts;
      std::size_t differ = 0, found = 0;
      for (unsigned code = 0; code < 0x10000; ++code) {
        const auto c = static_cast<HPDF_UINT16>(code);
        const HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(font, c);
        differ += glyph != emit::pdf::libharu_glyph_id(font, c);
        found += glyph != 0;
      }
      EXPECT_EQ(differ, 0u) << *file;
      EXPECT_GT(found, 1000u) << *file;  // the table was read, not all misses
    }
  }
  EXPECT_GE(fonts, 4);
}

}  // namespace
