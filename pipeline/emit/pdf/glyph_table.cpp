#include "emit/pdf/glyph_table.h"

#include <dlfcn.h>
#include <hpdf_fontdef.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>

namespace dossier::emit::pdf {

namespace {

constexpr std::size_t kCodes = 0x10000;

struct Table {
  std::atomic<HPDF_FontDef> font{nullptr};
  std::unique_ptr<HPDF_UINT16[]> glyphs;
  unsigned covered = 0;  // codes below this are in `glyphs`
};

// A document has five faces at most; a sixth font would go to libharu's own lookup.
std::array<Table, 8> tables;
std::mutex tables_lock;
std::atomic<bool> tabling{false};

using Lookup = HPDF_UINT16 (*)(HPDF_FontDef, HPDF_UINT16);

Lookup libharu_lookup() {
  static const auto lookup =
      reinterpret_cast<Lookup>(::dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid"));
  return lookup;
}

// The glyph of `code` in segment `i` of a format 4 cmap, as libharu computes it (its index
// arithmetic in unsigned int, wrapping as it does), except that an index at the end of the
// glyph array gives no glyph where libharu would read past the array.
HPDF_UINT16 glyph_in_segment(const HPDF_TTF_CmapRange& cmap, unsigned i, unsigned code) {
  if (cmap.start_count[i] > code) return 0;
  if (cmap.id_range_offset[i] == 0) return static_cast<HPDF_UINT16>(code + cmap.id_delta[i]);
  const unsigned segments = cmap.seg_count_x2 / 2u;
  const unsigned at = cmap.id_range_offset[i] / 2u + (code - cmap.start_count[i]) - (segments - i);
  if (at >= cmap.glyph_id_array_count) return 0;
  return static_cast<HPDF_UINT16>(cmap.glyph_id_array[at] + cmap.id_delta[i]);
}

// Each code belongs to the first segment whose end is at or above it, as libharu's search
// finds: one pass gives every code its segment, whatever the segments' order.
void fill(Table& table, const HPDF_TTF_CmapRange& cmap) {
  table.glyphs = std::make_unique<HPDF_UINT16[]>(kCodes);
  const unsigned segments = cmap.seg_count_x2 / 2u;
  unsigned next = 0;
  for (unsigned i = 0; i < segments && next < kCodes; ++i) {
    for (unsigned code = next; code <= cmap.end_count[i]; ++code) {
      table.glyphs[code] = glyph_in_segment(cmap, i, code);
    }
    if (cmap.end_count[i] >= next) next = cmap.end_count[i] + 1u;
  }
  table.covered = next;  // beyond the last segment libharu reads past its arrays: its own call
}

const Table* table_for(HPDF_FontDef font) {
  for (const Table& table : tables) {
    if (table.font.load(std::memory_order_acquire) == font) return &table;
  }
  std::lock_guard lock(tables_lock);
  for (Table& table : tables) {
    const HPDF_FontDef held = table.font.load(std::memory_order_relaxed);
    if (held == font) return &table;
    if (held) continue;
    fill(table, static_cast<HPDF_TTFontDefAttr>(font->attr)->cmap);
    table.font.store(font, std::memory_order_release);
    return &table;
  }
  return nullptr;
}

}  // namespace

void start_glyph_tables() {
  tabling.store(true, std::memory_order_release);
}

void stop_glyph_tables() {
  tabling.store(false, std::memory_order_release);
  std::lock_guard lock(tables_lock);
  for (Table& table : tables) {
    table.font.store(nullptr, std::memory_order_relaxed);
    table.glyphs.reset();
    table.covered = 0;
  }
}

HPDF_UINT16 libharu_glyph_id(HPDF_FontDef font, HPDF_UINT16 code) {
  // Without a libharu of its own beside the program (linked statically), there is none to ask.
  const Lookup lookup = libharu_lookup();
  return lookup ? lookup(font, code) : 0;
}

}  // namespace dossier::emit::pdf

// The definition libharu's calls reach (see glyph_table.h).
extern "C" HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef font, HPDF_UINT16 code) {
  using namespace dossier::emit::pdf;
  const auto* attr = static_cast<const HPDF_TTFontDefAttr_Rec*>(font->attr);
  if (tabling.load(std::memory_order_acquire) && attr->cmap.format == 4 &&
      attr->cmap.seg_count_x2 != 0) {
    if (const Table* table = table_for(font); table && code < table->covered) {
      return table->glyphs[code];
    }
  }
  return libharu_glyph_id(font, code);
}
