#include "emit/pdf/hyphenate.h"

#include <hyphen.h>

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace dossier::emit::pdf {

namespace {

constexpr const char* kPatterns = "/usr/share/hyphen/hyph_en_US.dic";
constexpr std::size_t kShortestWord = 6;

struct DictFree {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};

HyphenDict* patterns() {
  thread_local std::unique_ptr<HyphenDict, DictFree> dict = [] {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(kPatterns, ec)) {
      return std::unique_ptr<HyphenDict, DictFree>();
    }
    return std::unique_ptr<HyphenDict, DictFree>(hnj_hyphen_load(kPatterns));
  }();
  return dict.get();
}

// Words recur (a long briefing hyphenates the same few thousand again and again), so each
// thread keeps the points it has found; the table is dropped when it grows past kCacheSize.
constexpr std::size_t kCacheSize = 1 << 16;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

std::vector<std::size_t> find_points(std::string_view word) {
  std::vector<std::size_t> points;
  HyphenDict* dict = patterns();
  if (!dict) return points;
  const std::string w(word);
  std::string hyphens(w.size() + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate3(dict, w.c_str(), static_cast<int>(w.size()), hyphens.data(), nullptr, &rep,
                        &pos, &cut, 2, 3, 2, 3);
  for (std::size_t i = 1; i + 3 < w.size() + 1; ++i) {
    // hyphens[i] odd: a break after byte i
    if ((hyphens[i] - '0') % 2 == 1 && i + 1 >= 2 && w.size() - (i + 1) >= 3) {
      points.push_back(i + 1);
    }
  }
  if (rep) {
    for (std::size_t i = 0; i < w.size(); ++i) free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
  return points;
}

}  // namespace

const std::vector<std::size_t>& hyphenation_points(std::string_view word) {
  static const std::vector<std::size_t> kNone;
  if (word.size() < kShortestWord) return kNone;
  for (char c : word) {
    if (c < 'a' || c > 'z') return kNone;
  }
  thread_local std::unordered_map<std::string, std::vector<std::size_t>, StringHash,
                                  std::equal_to<>>
      cache;
  if (const auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() >= kCacheSize) cache.clear();
  return cache.emplace(std::string(word), find_points(word)).first->second;
}

const char* hyphenation_patterns() {
  return kPatterns;
}

}  // namespace dossier::emit::pdf
