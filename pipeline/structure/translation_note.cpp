#include "structure/translation_note.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

namespace dossier::structure {

namespace {

// Groups of a whole-line ICU match, as UTF-8; empty when the line does not match.
std::vector<std::string> match_groups(const char* pattern, const std::string& line,
                                      bool ignore_case = true) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  thread_local std::map<const char*, std::unique_ptr<icu::RegexPattern>> compiled;
  auto& p = compiled[pattern];
  if (!p) {
    p.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern),
                                       ignore_case ? UREGEX_CASE_INSENSITIVE : 0, parse_error,
                                       status));
    if (U_FAILURE(status)) return {};
  }
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(line);
  std::unique_ptr<icu::RegexMatcher> m(p->matcher(text, status));
  if (U_FAILURE(status) || !m->find(status) || U_FAILURE(status)) return {};
  std::vector<std::string> groups;
  for (int32_t g = 0; g <= m->groupCount(); ++g) {
    std::string s;
    m->group(g, status).toUTF8String(s);
    groups.push_back(s);
  }
  return groups;
}

const std::map<std::string, std::string> kLanguages = {
    {"arabic", "ar"},  {"chinese", "zh"},    {"dutch", "nl"},     {"english", "en"},
    {"french", "fr"},  {"german", "de"},     {"greek", "el"},     {"hebrew", "he"},
    {"italian", "it"}, {"japanese", "ja"},   {"korean", "ko"},    {"persian", "fa"},
    {"polish", "pl"},  {"portuguese", "pt"}, {"romanian", "ro"},  {"russian", "ru"},
    {"spanish", "es"}, {"turkish", "tr"},    {"ukrainian", "uk"},
};

const std::map<std::string, int> kMonths = {{"january", 1},  {"february", 2},  {"march", 3},
                                            {"april", 4},    {"may", 5},       {"june", 6},
                                            {"july", 7},     {"august", 8},    {"september", 9},
                                            {"october", 10}, {"november", 11}, {"december", 12}};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::optional<std::string> iso_date_of(const std::string& text) {
  auto g = match_groups("^\\s*([A-Za-z]+)\\s+(\\d{1,2}),?\\s+(\\d{4})\\s*$", text);
  int month = 0, day = 0, year = 0;
  if (!g.empty() && kMonths.count(lower(g[1]))) {
    month = kMonths.at(lower(g[1])), day = std::stoi(g[2]), year = std::stoi(g[3]);
  } else {
    g = match_groups("^\\s*(\\d{1,2})\\s+([A-Za-z]+),?\\s+(\\d{4})\\s*$", text);
    if (g.empty() || !kMonths.count(lower(g[2]))) return std::nullopt;
    month = kMonths.at(lower(g[2])), day = std::stoi(g[1]), year = std::stoi(g[3]);
  }
  if (day < 1 || day > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

std::optional<TranslationNote> read_translation_note(const std::string& line) {
  const auto g = match_groups(
      "^(?:Note:\\s*)?This (?:text|article|story|interview) (?:has been|was) translated from "
      "the original (\\p{L}+)(?: version| text| article)?(?: titled ['\"“‘]?(.+?)['\"”’]?)?"
      "(?:,)?(?: (?:published|first published|which appeared) (?:in|by) (.+?))?"
      "(?: on ([\\p{L}\\d ,]+?))?\\.?\\s*$",
      line);
  if (g.empty()) return std::nullopt;
  TranslationNote note;
  const auto it = kLanguages.find(lower(g[1]));
  if (it != kLanguages.end()) note.language = it->second;
  if (!g[2].empty()) note.original_title = g[2];
  if (!g[3].empty()) {
    std::string outlet = g[3];
    for (const char* suffix : {" newspaper", " daily", " magazine", " website"}) {
      if (outlet.size() > std::string(suffix).size() && lower(outlet).ends_with(suffix)) {
        outlet.resize(outlet.size() - std::string(suffix).size());
      }
    }
    note.outlet = outlet;
  }
  if (!g[4].empty()) note.date = iso_date_of(g[4]);
  return note;
}

std::optional<std::string> writes_byline(const std::string& standfirst) {
  const auto g = match_groups(
      "(?:,|\\.|;|—|–)\\s*writes ((?:\\p{Lu}[\\p{L}'’.-]*)(?: \\p{Lu}[\\p{L}'’.-]*){1,3})\\.?\\s*$",
      standfirst, false);
  if (g.empty()) return std::nullopt;
  std::string name = g[1];
  while (!name.empty() && name.back() == '.') name.pop_back();
  return name;
}

}  // namespace dossier::structure
