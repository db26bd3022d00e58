// Fuzz target for ingest: any bytes decode (or are refused as binary or empty) without
// crashing; what decodes is valid UTF-8 with LF line ends, and valid UTF-8 input without a BOM
// or CR comes back unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "model/utf8.h"

using namespace dossier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  model::Diagnostics diag;
  auto decoded = ingest::decode_bytes(bytes, "fuzz.txt", diag);
  if (!decoded) {
    const auto& d = decoded.error();
    fuzz::check(d.severity == model::Severity::Error, "a refusal is an error");
    fuzz::check(d.path == "fuzz.txt", "a refusal names the file");
    return 0;
  }
  const std::string& text = decoded.value().text;
  fuzz::check(model::utf8::is_valid(text), "decoded text is valid UTF-8");
  fuzz::check(text.find('\r') == std::string::npos, "decoded text has LF line ends");
  const bool plain_utf8 = model::utf8::is_valid(bytes) && !bytes.starts_with("\xEF\xBB\xBF") &&
                          bytes.find('\r') == std::string_view::npos &&
                          bytes.find("\xE2\x80\xA8") == std::string_view::npos &&
                          bytes.find("\xE2\x80\xA9") == std::string_view::npos &&
                          bytes.find('\f') == std::string_view::npos;
  if (plain_utf8 && !ingest::looks_binary(bytes) && diag.all().empty()) {
    fuzz::check(text == bytes, "valid UTF-8 is kept as it is", text);
  }
  for (const auto& d : diag.all()) {
    fuzz::check(d.line >= 0 && d.col >= 0, "diagnostic positions are not negative");
  }
  return 0;
}
