// A laid-out page's text as PDF content operators, written directly rather than through
// libharu's text calls: those measure every string again and position each run by itself, and
// were most of the drawing time of a long briefing. Plain text in, operators out, so it is
// testable without libharu.
//
// One BT…ET block a page; a font operator only when the face or size changes; consecutive
// runs on one baseline in one face (the words of a justified line) become one TJ whose
// numbers are the gaps between them. Text is written as the UTF-8 encoder's codes: 16-bit
// Unicode BMP code points (Identity-H over libharu's CIDToGIDMap); a code point above the BMP
// becomes a space, as libharu's encoder does.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>

#include "emit/pdf/layout.h"

namespace dossier::emit::pdf {

inline constexpr std::size_t kFaceCount = 5;

// A run's advance width in 1/1000 em (the font's own widths, as a viewer sums them).
using RunAdvance = std::function<double(Face face, std::string_view text)>;

// Appends the page's text operators to `out`; `font_names` are the page's resource names
// ("F1") by face, and a run whose face has no name is left out.
void write_page_text(const Page& page, const std::array<std::string, kFaceCount>& font_names,
                     const RunAdvance& advance, std::string& out);

// Appends the page's rules as stroked paths in black.
void write_page_rules(const Page& page, std::string& out);

// "12.5", "-3", "0.07": at most two decimals, no trailing zeros.
void append_number(double value, std::string& out);

}  // namespace dossier::emit::pdf
