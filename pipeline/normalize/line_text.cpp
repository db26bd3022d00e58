#include "normalize/line_text.h"

#include <algorithm>

#include "model/utf8.h"

namespace dossier::normalize {

namespace utf8 = model::utf8;

void LineText::materialize_columns() {
  if (!columns_.empty() || text_.empty()) return;
  const std::size_t n = utf8::length(text_);
  columns_.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) columns_.push_back(first_col_ + static_cast<int>(i));
}

int LineText::column_at(std::size_t offset) const {
  const std::size_t index = utf8::length(std::string_view(text_).substr(0, offset));
  if (columns_.empty()) return first_col_ + static_cast<int>(index);
  if (index < columns_.size()) return columns_[index];
  return columns_.empty() ? first_col_ : columns_.back() + 1;
}

void LineText::replace(std::size_t begin, std::size_t end, std::string_view replacement,
                       model::FixKind kind, std::vector<model::Fix>& fixes) {
  const int col = column_at(begin);
  fixes.push_back({kind, {line_, col}, text_.substr(begin, end - begin), std::string(replacement)});
  materialize_columns();
  const std::size_t first = utf8::length(std::string_view(text_).substr(0, begin));
  const std::size_t removed = utf8::length(std::string_view(text_).substr(begin, end - begin));
  const std::size_t added = utf8::length(replacement);
  columns_.erase(columns_.begin() + static_cast<std::ptrdiff_t>(first),
                 columns_.begin() + static_cast<std::ptrdiff_t>(first + removed));
  columns_.insert(columns_.begin() + static_cast<std::ptrdiff_t>(first), added, col);
  text_.replace(begin, end - begin, replacement);
}

namespace {

std::u32string code_points(std::string_view s) {
  std::u32string out;
  utf8::for_each(s, [&](char32_t c, std::size_t) { out += c; });
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

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
  const std::u32string a = code_points(text_), b = code_points(after);
  const std::vector<Edit> edits = changed_spans(a, b);
  // Apply from the end so earlier byte offsets stay valid; record in reading order.
  std::vector<std::size_t> offsets(a.size() + 1, 0);
  for (std::size_t k = 0, byte = 0; k < a.size(); ++k) {
    offsets[k] = byte;
    byte += utf8::encode(a[k]).size();
    offsets[k + 1] = byte;
  }
  std::vector<model::Fix> recorded;
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    replace(offsets[it->begin], offsets[it->end], to_utf8(it->replacement), kind, recorded);
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

}  // namespace dossier::normalize
