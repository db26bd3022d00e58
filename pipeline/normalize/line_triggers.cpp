#include "normalize/line_triggers.h"

namespace dossier::normalize {

LineTriggers scan_line(std::string_view s) {
  LineTriggers t;
  const std::size_t n = s.size();
  t.spacing = n > 0 && (s.front() == ' ' || s.back() == ' ');
  for (std::size_t i = 0; i < n; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b < 0x20 || b == 0x7F) {
        if (b == '\t') {
          t.spacing = true;
        } else {
          t.invisible = true;
        }
      } else if (b == ' ') {
        if (i + 1 < n && s[i + 1] == ' ') t.spacing = true;
      } else if (b == '&') {
        t.ampersand = true;
      } else if (b == '"') {
        t.quotes = true;
      }
      continue;
    }
    t.non_ascii = true;
    if ((b & 0xC0) == 0x80) continue;  // continuation bytes were judged with their lead
    const auto b1 = i + 1 < n ? static_cast<unsigned char>(s[i + 1]) : 0;
    const auto b2 = i + 2 < n ? static_cast<unsigned char>(s[i + 2]) : 0;
    if (b == 0xC2) {
      if (b1 < 0xA0) t.c1 = true;
      if (b1 == 0xAD) t.invisible = true;
      if (b1 == 0xA0) t.compatibility = true;
      t.latin1_letters = true;  // Â-led sequences are mojibake images too
    } else if (b == 0xC3 || (b >= 0xC4 && b <= 0xC9) || b == 0xCB) {
      t.latin1_letters = true;
    } else if (b == 0xCC || (b == 0xCD && b1 < 0xB0)) {
      t.beyond_nfc_safe = true;  // combining diacritical marks
    } else if (b >= 0xCD && b <= 0xD3) {
      t.other_script = true;
      t.latin1_letters = true;
      t.beyond_nfc_safe = true;
    } else if (b == 0xE2) {
      if (b1 == 0x80) {
        if (b2 == 0x98 || b2 == 0x99 || b2 == 0x9C || b2 == 0x9D) t.quotes = true;
        if (b2 == 0x8B || b2 == 0x8C || b2 == 0x8E || b2 == 0x8F || b2 == 0xAA) t.invisible = true;
        if (b2 == 0xAF || b2 == 0x87) t.compatibility = true;
        if (b2 == 0xA8 || b2 == 0xA9) t.invisible = true;
      } else if (b1 == 0x81) {
        if (b2 == 0xA0) t.invisible = true;
      } else {
        t.beyond_nfc_safe = true;
        t.latin1_letters = true;  // box drawing and signs of CP437/MacRoman images
      }
    } else if (b == 0xEF) {
      if (b1 == 0xBB && b2 == 0xBF) t.invisible = true;
      if (b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)) t.invisible = true;
      if (b1 == 0xAC || b1 == 0xBC || b1 == 0xBD) t.compatibility = true;
      t.beyond_nfc_safe = true;
    } else if (b == 0xE3 && b1 == 0x80 && b2 == 0x80) {
      t.compatibility = true;  // ideographic space
      t.beyond_nfc_safe = true;
    } else {
      t.beyond_nfc_safe = true;
      t.latin1_letters = true;
    }
  }
  return t;
}

}  // namespace dossier::normalize
