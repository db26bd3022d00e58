#include "normalize/dictionary.h"

#include <hunspell.hxx>

#include <filesystem>
#include <memory>
#include <string>

namespace dossier::normalize {

namespace {
constexpr const char* kAff = "/usr/share/hunspell/en_US.aff";
constexpr const char* kDic = "/usr/share/hunspell/en_US.dic";

// One instance per thread: Hunspell keeps working buffers and is not safe to share.
Hunspell* english() {
  thread_local std::unique_ptr<Hunspell> speller = [] {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(kAff, ec) ||
        !std::filesystem::is_regular_file(kDic, ec)) {
      return std::unique_ptr<Hunspell>();
    }
    return std::make_unique<Hunspell>(kAff, kDic);
  }();
  return speller.get();
}
}  // namespace

bool dictionary_knows(std::string_view word) {
  Hunspell* speller = english();
  return speller && !word.empty() && speller->spell(std::string(word));
}

}  // namespace dossier::normalize
