// Fuzz target for the build cache's records, which dossier reads back from disk: a source's
// result (model::read_source) and a source's kept PDF pages (pdf::unpack_section). Damaged
// bytes are refused, never read past; what is read back writes out and reads back the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "emit/pdf/section_cache.h"
#include "fuzz_check.h"
#include "model/serialize.h"

using namespace dossier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const auto record = model::read_source(bytes)) {
    const std::string again = model::write_source(*record, "key");
    const auto back = model::read_source(again, std::string_view("key"));
    fuzz::check(back && *back == *record, "a source record read back writes out the same");
  }
  if (const auto section = emit::pdf::unpack_section(bytes)) {
    for (const auto& page : section->pages) {
      for (const auto& link : page.links) {
        fuzz::check(page.target_of(link).size() == link.target_size, "a link's target is there");
      }
    }
    emit::pdf::Anchors anchors(section->anchors.begin(), section->anchors.end());
    const auto back = emit::pdf::unpack_section(
        emit::pdf::pack_section(section->first_page, section->pages, anchors, section->glyphs));
    fuzz::check(
        back && back->pages.size() == section->pages.size() && back->glyphs == section->glyphs,
        "kept pages read back pack and read back the same");
  }
  return 0;
}
