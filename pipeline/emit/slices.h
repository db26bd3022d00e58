// Long lists written a slice at a time: the reference parts of ten thousand articles list
// hundreds of thousands of paragraph references, and one entry can hold tens of thousands.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace dossier::emit {

// [first, last) ranges that cover `count` entries in order, each ending once it holds
// `max_entries` entries or at least `max_weight` of weight(i): an entry heavier than that is a
// slice alone, or ends the slice it joins. A slice holds one entry at least, whatever the
// limits.
template <class Weight>
std::vector<std::pair<std::size_t, std::size_t>> slices(std::size_t count, std::size_t max_entries,
                                                        std::size_t max_weight, Weight weight) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t first = 0; first < count;) {
    std::size_t last = first, total = 0;
    do {
      total += weight(last++);
    } while (last < count && last - first < max_entries && total < max_weight);
    out.emplace_back(first, last);
    first = last;
  }
  return out;
}

}  // namespace dossier::emit
