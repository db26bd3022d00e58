#include "normalize/line_text.h"

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

}  // namespace dossier::normalize
