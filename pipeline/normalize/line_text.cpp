#include "normalize/line_text.h"

#include <algorithm>

#include "model/utf8.h"

namespace dossier::normalize {

namespace utf8 = model::utf8;

void LineText::materialize() {
  if (!origins_.empty() || text_.empty()) return;
  const std::size_t n = utf8::length(text_);
  origins_.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) origins_.push_back({line_, first_col_ + static_cast<int>(i)});
}

model::Position LineText::position_at(std::size_t offset) const {
  const std::size_t index = utf8::length(std::string_view(text_).substr(0, offset));
  if (origins_.empty()) return {line_, first_col_ + static_cast<int>(index)};
  if (index < origins_.size()) return origins_[index];
  return {origins_.back().line, origins_.back().col + 1};
}

void LineText::replace(std::size_t begin, std::size_t end, std::string_view replacement,
                       model::FixKind kind, std::vector<model::Fix>& fixes) {
  const model::Position at = position_at(begin);
  fixes.push_back({kind, at, text_.substr(begin, end - begin), std::string(replacement)});
  materialize();
  const std::size_t first = utf8::length(std::string_view(text_).substr(0, begin));
  const std::size_t removed = utf8::length(std::string_view(text_).substr(begin, end - begin));
  const std::size_t added = utf8::length(replacement);
  origins_.erase(origins_.begin() + static_cast<std::ptrdiff_t>(first),
                 origins_.begin() + static_cast<std::ptrdiff_t>(first + removed));
  origins_.insert(origins_.begin() + static_cast<std::ptrdiff_t>(first), added, at);
  text_.replace(begin, end - begin, replacement);
}

void LineText::join(std::string_view glue, const LineText& next) {
  materialize();
  const model::Position at = position_at(text_.size());  // where the line break stood
  origins_.insert(origins_.end(), utf8::length(glue), at);
  if (next.origins_.empty()) {
    const std::size_t n = utf8::length(next.text_);
    for (std::size_t i = 0; i < n; ++i) {
      origins_.push_back({next.line_, next.first_col_ + static_cast<int>(i)});
    }
  } else {
    origins_.insert(origins_.end(), next.origins_.begin(), next.origins_.end());
  }
  text_ += glue;
  text_ += next.text_;
  last_line_ = next.last_line_;
}

namespace {

struct Edit {
  std::size_t begin, end;  // code points of the old text
  std::u32string replacement;
};

// The changed spans between two texts: walk both, and after a difference find the nearest
// point where four characters agree again (repairs shrink or grow text locally).
std::vector<Edit> changed_spans(std::u32string_view a, std::u32string_view b) {
  constexpr std::size_t kAgree = 4, kWindow = 32;
  std::vector<Edit> edits;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j;
      continue;
    }
    std::size_t ni = a.size(), nj = b.size();
    bool found = false;
    for (std::size_t span = 1; span <= 2 * kWindow && !found; ++span) {
      for (std::size_t di = 0; di <= span && !found; ++di) {
        const std::size_t dj = span - di;
        if (di > kWindow || dj > kWindow || i + di > a.size() || j + dj > b.size()) continue;
        const std::size_t n = std::min({kAgree, a.size() - i - di, b.size() - j - dj});
        const bool at_ends = i + di == a.size() && j + dj == b.size();
        if ((n == kAgree || at_ends || n == a.size() - i - di) &&
            a.substr(i + di, n) == b.substr(j + dj, n) && (n > 0 || at_ends)) {
          ni = i + di, nj = j + dj, found = true;
        }
      }
    }
    edits.push_back({i, ni, std::u32string(b.substr(j, nj - j))});
    i = ni, j = nj;
  }
  return edits;
}

}  // namespace

void LineText::replace_all(std::string_view after, model::FixKind kind,
                           std::vector<model::Fix>& fixes) {
  const std::u32string a = utf8::decode_all(text_), b = utf8::decode_all(after);
  const std::vector<Edit> edits = changed_spans(a, b);
  if (edits.empty()) return;
  // One pass over the old text: unchanged characters keep their origins, each replacement
  // takes the origin of the first character it replaces.
  materialize();
  const model::Position end_position = position_at(text_.size());
  std::string text;
  text.reserve(after.size());
  std::vector<model::Position> origins;
  origins.reserve(b.size());
  std::size_t k = 0;
  for (const Edit& edit : edits) {
    for (; k < edit.begin; ++k) {
      utf8::append(text, a[k]);
      origins.push_back(origins_[k]);
    }
    const model::Position at = edit.begin < origins_.size() ? origins_[edit.begin] : end_position;
    fixes.push_back({kind, at,
                     utf8::encode(std::u32string_view(a).substr(edit.begin, edit.end - edit.begin)),
                     utf8::encode(edit.replacement)});
    for (char32_t c : edit.replacement) {
      utf8::append(text, c);
      origins.push_back(at);
    }
    k = edit.end;
  }
  for (; k < a.size(); ++k) {
    utf8::append(text, a[k]);
    origins.push_back(origins_[k]);
  }
  text_ = std::move(text);
  origins_ = std::move(origins);
}

}  // namespace dossier::normalize
