// Legacy single-byte code pages that UTF-8 text is commonly mis-decoded through, built from
// ICU's converter data. Internal to normalize (mojibake repair and its badness measure).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dossier::normalize {

struct CodePage {
  std::string name;
  std::array<char32_t, 256> to_unicode{};  // 0 where the byte is unmapped
  std::vector<std::int16_t> to_byte = std::vector<std::int16_t>(0x10000, -1);  // BMP → byte
  // Whether the images of the UTF-8 lead bytes C2 and C3 are strong evidence of mojibake
  // (Â/Ã in Windows-1252, Ă in 1250, В/Г in 1251, ¬/√ in MacRoman, ┬/├ in CP437).
  bool strong_c2_c3 = true;
  // MacRoman's √ and ¬ are also math signs: they count only inside a word.
  bool leads_need_word = false;

  // The byte for `c`, or -1 when the page has none.
  int byte_of(char32_t c) const { return c < 0x10000 ? to_byte[c] : -1; }
  std::optional<std::uint8_t> encode(char32_t c) const {
    const int b = byte_of(c);
    if (b < 0) return std::nullopt;
    return static_cast<std::uint8_t>(b);
  }
};

// Windows-1252 first (with every C1 control as its own byte, as Latin-1 has it), then
// Windows-1250, -1251, -1257, ISO-8859-2, MacRoman and CP437.
const std::vector<CodePage>& code_pages();

// What a character can be the image of, in any of the code pages (a bit per page).
struct ByteRoles {
  std::uint16_t cont = 0;    // a UTF-8 continuation byte 80–BF
  std::uint16_t lead2 = 0;   // C2–DF
  std::uint16_t lead3 = 0;   // E0–EF
  std::uint16_t lead4 = 0;   // F0–F4
  std::uint16_t strong = 0;  // C2 or C3 in a page where that is strong evidence
};
ByteRoles byte_roles(char32_t c);

}  // namespace dossier::normalize
