#include "normalize/dictionary.h"

#include <hunspell.hxx>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace dossier::normalize {

namespace {
constexpr const char* kAff = "/usr/share/hunspell/en_US.aff";
constexpr const char* kDic = "/usr/share/hunspell/en_US.dic";

// One instance for all threads, made on first use: loading the dictionary takes about 140
// million instructions, which each thread of the pool used to spend again. Hunspell keeps
// working buffers, so threads take turns; a lookup is rare (only a hyphen at a line end asks).
struct English {
  English() {
    std::error_code ec;
    if (std::filesystem::is_regular_file(kAff, ec) && std::filesystem::is_regular_file(kDic, ec)) {
      speller = std::make_unique<Hunspell>(kAff, kDic);
    }
  }
  std::mutex mutex;
  std::unique_ptr<Hunspell> speller;
};

English& english() {
  static English shared;
  return shared;
}
}  // namespace

bool dictionary_knows(std::string_view word) {
  if (word.empty()) return false;
  English& e = english();
  if (!e.speller) return false;
  std::lock_guard lock(e.mutex);
  return e.speller->spell(std::string(word));
}

}  // namespace dossier::normalize
