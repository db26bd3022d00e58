// One pass over a line's bytes that tells which repairs could apply to it, so that most
// lines of clean text skip most steps. A trigger may be set needlessly, never missed.
// Internal to normalize.
#pragma once

#include <string_view>

namespace dossier::normalize {

struct LineTriggers {
  bool non_ascii = false;       // any byte ≥ 0x80
  bool latin1_letters = false;  // U+00C0–U+00FF or Cyrillic/Greek/box: mojibake candidates
  bool c1 = false;              // U+0080–U+009F
  bool ampersand = false;
  bool invisible = false;        // controls, soft hyphen, zero-width, BOM, U+FFFE/F
  bool compatibility = false;    // ligatures, full-width forms, no-break spaces
  bool beyond_nfc_safe = false;  // a code point ≥ U+0300 outside General Punctuation
  bool quotes = false;           // " ‘ ’ “ ”
  bool other_script = false;     // Greek or Cyrillic letters
  bool spacing = false;          // tabs, double spaces, spaces at the edges
  bool punctuation = false;      // " ," or " ." and the like, or a full stop before a capital
  bool operator==(const LineTriggers&) const = default;
};

// Sixteen bytes at a time where the machine allows (SSE2), the rest a byte at a time.
LineTriggers scan_line(std::string_view line);
// The same, a byte at a time throughout: the reference the tests hold scan_line to.
LineTriggers scan_line_bytewise(std::string_view line);

}  // namespace dossier::normalize
