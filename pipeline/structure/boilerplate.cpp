#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>

#include "structure/structure.h"

namespace dossier::structure {

namespace {

std::string ascii_lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool regex_matches(const std::string& pattern, const std::string& line) {
  // Compiled once per pattern and thread: rules are checked against every line of every source.
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::RegexPattern>> compiled;
  auto [it, inserted] = compiled.try_emplace(pattern);
  UErrorCode status = U_ZERO_ERROR;
  if (inserted) {
    UParseError parse_error;
    it->second.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern),
                                                UREGEX_CASE_INSENSITIVE, parse_error, status));
    if (U_FAILURE(status)) it->second.reset();
  }
  if (!it->second) return false;  // an invalid pattern matches nothing
  status = U_ZERO_ERROR;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(line);
  std::unique_ptr<icu::RegexMatcher> matcher(it->second->matcher(text, status));
  if (U_FAILURE(status)) return false;
  const bool found = matcher->matches(status);
  return U_SUCCESS(status) && found;
}

bool matches(const BoilerplateRule& rule, const std::string& line, const std::string& lowered) {
  for (const auto& pattern : rule.patterns) {
    switch (rule.match) {
      case MatchKind::Exact:
        if (lowered == ascii_lower(pattern)) return true;
        break;
      case MatchKind::Prefix:
        if (lowered.starts_with(ascii_lower(pattern))) return true;
        break;
      case MatchKind::Regex:
        if (regex_matches(pattern, line)) return true;
        break;
    }
  }
  return false;
}

}  // namespace

const BoilerplateRule* match_boilerplate(const std::vector<BoilerplateRule>& rules,
                                         const std::string& line) {
  const std::string lowered = ascii_lower(line);
  for (const auto& rule : rules) {
    if (matches(rule, line, lowered)) return &rule;
  }
  return nullptr;
}

}  // namespace dossier::structure
