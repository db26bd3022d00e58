// Fuzz target for the build cache, which dossier reads back from disk: a source's result
// (model::read_source), a source's kept PDF pages (pdf::unpack_section) and the pack file that
// holds them (model::RecordPack, its index read from the end or record by record). Damaged
// bytes are refused, never read past; what is read back writes out and reads back the same.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "emit/pdf/section_cache.h"
#include "fuzz_check.h"
#include "model/little_endian.h"
#include "model/record_pack.h"
#include "model/serialize.h"

using namespace dossier;

namespace {

// The bytes as a pack file: every record found under a hash the bytes hold is within the
// file, and a build that reuses them all and keeps one more leaves a pack in which the next
// build finds the same records.
void check_pack(std::string_view bytes) {
  static const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("dossier-fuzz-pack-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "fuzz.pack", std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::vector<std::pair<std::uint64_t, std::string>> found;
  {
    model::RecordPack pack(folder, "fuzz.pack");
    for (std::size_t at = 0; at + 8 <= bytes.size(); ++at) {
      const std::uint64_t hash = model::read_le(bytes.substr(at));
      if (auto record = pack.find(hash)) {
        fuzz::check(record->size() <= bytes.size(), "a record lies within the pack");
        pack.reuse(hash);
        found.emplace_back(hash, std::move(*record));
      }
    }
    pack.keep(1, "one more");
    pack.commit();
  }
  model::RecordPack pack(folder, "fuzz.pack");
  for (const auto& [hash, record] : found) {
    if (hash == 1) continue;
    fuzz::check(pack.find(hash) == record, "a reused record is found by the next build");
  }
  fuzz::check(pack.find(1) == std::string("one more"), "a kept record is found by the next build");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.starts_with("dossier-pack-1\n")) check_pack(bytes);
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
