#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "model/ascii.h"
#include "structure/structure.h"

namespace dossier::structure {

namespace {

std::string ascii_lower(std::string s) {
  for (char& c : s) c = model::ascii::to_lower(c);
  return s;
}

// Whether `lowered` (already in lower case) begins with `pattern` in any ASCII case: patterns
// are compared as written, not lowered into a copy for every line.
bool starts_with_any_case(std::string_view lowered, std::string_view pattern) {
  if (lowered.size() < pattern.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (lowered[i] != model::ascii::to_lower(pattern[i])) return false;
  }
  return true;
}

// A line as ICU reads it, converted when the first regex asks and then kept for the others.
class RegexLine {
 public:
  explicit RegexLine(const std::string& line) : line_(line) {}
  const icu::UnicodeString& text() {
    if (!text_) text_ = icu::UnicodeString::fromUTF8(line_);
    return *text_;
  }

 private:
  const std::string& line_;
  std::optional<icu::UnicodeString> text_;
};

bool regex_matches(const std::string& pattern, RegexLine& line) {
  // A matcher per pattern and thread, compiled once and reset to each line: rules are checked
  // against every line of every source, and a matcher made per line cost more than the match.
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::RegexMatcher>> matchers;
  auto [it, inserted] = matchers.try_emplace(pattern);
  UErrorCode status = U_ZERO_ERROR;
  if (inserted) {
    it->second = std::make_unique<icu::RegexMatcher>(icu::UnicodeString::fromUTF8(pattern),
                                                     UREGEX_CASE_INSENSITIVE, status);
    if (U_FAILURE(status)) it->second.reset();
  }
  if (!it->second) return false;  // an invalid pattern matches nothing
  status = U_ZERO_ERROR;
  icu::RegexMatcher& matcher = *it->second;
  matcher.reset(line.text());
  const bool found = matcher.matches(status);
  // The matcher reads the line in place: it lets go of it before the line goes.
  static const icu::UnicodeString kNoLine;
  matcher.reset(kNoLine);
  return U_SUCCESS(status) && found;
}

bool matches(const BoilerplateRule& rule, RegexLine& line, const std::string& lowered) {
  for (const auto& pattern : rule.patterns) {
    switch (rule.match) {
      case MatchKind::Exact:
        if (lowered.size() == pattern.size() && starts_with_any_case(lowered, pattern)) {
          return true;
        }
        break;
      case MatchKind::Prefix:
        if (starts_with_any_case(lowered, pattern)) return true;
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
  RegexLine regex_line(line);
  for (const auto& rule : rules) {
    if (matches(rule, regex_line, lowered)) return &rule;
  }
  return nullptr;
}

}  // namespace dossier::structure
