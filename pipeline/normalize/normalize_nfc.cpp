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
  line.replace_all(after, model::FixKind::Nfc, fixes);
}

}  // namespace dossier::normalize
