// A source's pages as an earlier build laid them out and drew them, kept among the rendered
// pieces (piece_cache.h) so a rebuild copies them instead of laying the source out again.
// Its pages show their page numbers, so they are used as they are only where they land on the
// same pages again; elsewhere the source is laid out anew (its page count, which does not
// depend on where it lands, still holds). The glyphs its layout measured are kept too: the
// fonts embed the glyphs measured, so a copied source marks the same ones.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "emit/pdf/content.h"
#include "emit/pdf/layout.h"

namespace dossier::emit::pdf {

// The code points measured in each face, sorted, each once.
using GlyphSet = std::array<std::vector<char32_t>, kFaceCount>;

// Records the code points a layout measures: 2^16 bits a face (a code point above the BMP
// is measured as a space), allocated on a face's first use.
class GlyphRecorder {
 public:
  void add(Face face, std::string_view text);
  GlyphSet take();  // what was recorded, sorted; the recorder is empty afterwards

 private:
  std::array<std::vector<std::uint64_t>, kFaceCount> bits_;
};

struct CachedSection {
  std::size_t first_page = 0;                           // 0-based: where the pages' folios put it
  std::vector<Page> pages;                              // drawn: content, links, faces
  std::vector<std::pair<std::string, Anchor>> anchors;  // pages counted from the section's first
  GlyphSet glyphs;
};

// Drawn pages (their content, links and faces) with their anchors and glyphs.
std::string pack_section(std::size_t first_page, const std::vector<Page>& pages,
                         const Anchors& anchors, const GlyphSet& glyphs);
// Nothing when `bytes` is not a whole packed section.
std::optional<CachedSection> unpack_section(std::string_view bytes);

}  // namespace dossier::emit::pdf
