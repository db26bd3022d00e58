// Long lists cut into slices bounded by entries and by weight (emit/slices.h).
#include "emit/slices.h"

#include <gtest/gtest.h>

using namespace dossier;

namespace {
using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
}  // namespace

TEST(Slices, EndAtTheEntryLimitOrOnceTheWeightIsReached) {
  const std::vector<std::size_t> weights = {1, 1, 5, 1, 1, 1, 1, 9, 1};
  const auto weight = [&](std::size_t i) { return weights[i]; };
  // At most three entries, or once 4 is reached: the heavy entries end the slices they join.
  EXPECT_EQ(emit::slices(weights.size(), 3, 4, weight), (Ranges{{0, 3}, {3, 6}, {6, 8}, {8, 9}}));
  EXPECT_EQ(emit::slices(weights.size(), 100, 1000, weight), (Ranges{{0, 9}}));
  EXPECT_TRUE(emit::slices(0, 3, 4, weight).empty());
}

// Limits of zero still make progress, one entry a slice (they never end in an endless loop).
TEST(Slices, EverySliceHoldsAnEntryWhateverTheLimits) {
  const auto one = [](std::size_t) { return std::size_t{1}; };
  EXPECT_EQ(emit::slices(3, 0, 10, one), (Ranges{{0, 1}, {1, 2}, {2, 3}}));
  EXPECT_EQ(emit::slices(3, 10, 0, one), (Ranges{{0, 1}, {1, 2}, {2, 3}}));
}
