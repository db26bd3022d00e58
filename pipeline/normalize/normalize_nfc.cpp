#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {
const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
  return *instance;
}

bool is_ascii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}
}  // namespace

void normalize_nfc(LineText& line, std::vector<model::Fix>& fixes) {
  if (is_ascii(line.text())) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(line.text());
  if (nfc().isNormalized(source, status) || U_FAILURE(status)) return;
  status = U_ZERO_ERROR;
  const icu::UnicodeString normalized = nfc().normalize(source, status);
  if (U_FAILURE(status)) return;
  std::string after;
  normalized.toUTF8String(after);
  // Record only the span that changed: common prefix and suffix stay out of the fix.
  const std::string& before = line.text();
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) {
    ++prefix;
  }
  while (prefix > 0 && (static_cast<unsigned char>(before[prefix]) & 0xC0) == 0x80) --prefix;
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  while (suffix > 0 &&
         (static_cast<unsigned char>(before[before.size() - suffix]) & 0xC0) == 0x80) {
    --suffix;
  }
  line.replace(prefix, before.size() - suffix,
               std::string_view(after).substr(prefix, after.size() - suffix - prefix),
               model::FixKind::Nfc, fixes);
}

}  // namespace dossier::normalize
