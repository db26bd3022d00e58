// libharu's glyph lookup, answered from a table. When it makes a TrueType font for a document,
// libharu maps every one of the 65,536 code points to its glyph with HPDF_TTFontDef_GetGlyphid,
// which searches the font's cmap segments one by one each time: 238 million instructions for
// the four faces of a briefing, a tenth of a rebuild and most of a small job's PDF. dossier
// defines that function itself (libharu calls it through the dynamic linker, so the
// executable's definition is the one it reaches): a font's table is built in one pass over its
// segments, with libharu's own arithmetic, and read after that. Only fonts of the document
// the PDF writer's arena holds are tabled (their addresses are not reused while it lives);
// anything else, and any cmap this does not read (format 0, none at all), goes to libharu's
// own function. The tests compare every code point of every face with libharu's answer.
#pragma once

#include <hpdf.h>

namespace dossier::emit::pdf {

// While a document of the arena is alive (HaruMemory calls these); stopping forgets tables.
void start_glyph_tables();
void stop_glyph_tables();

// libharu's own lookup, for the tests.
HPDF_UINT16 libharu_glyph_id(HPDF_FontDef font, HPDF_UINT16 code);

}  // namespace dossier::emit::pdf
