#include "emit/pdf/break_lines.h"

#include <cmath>
#include <limits>
#include <vector>

namespace dossier::emit::pdf {

namespace {

constexpr double kLinePenalty = 10;        // Knuth's l: fewer lines are better
constexpr double kFlaggedDemerits = 3000;  // two hyphenated lines in a row
constexpr double kFitnessDemerits = 100;   // a tight line next to a loose one

struct Node {
  std::size_t at = 0;     // the break's item (0 for the paragraph's start)
  std::size_t start = 0;  // the first item of the line after the break
  std::size_t line = 0;
  int fitness = 1;
  double width = 0, stretch = 0, shrink = 0;  // totals up to the break
  double demerits = 0;
  double ratio = 0;
  int previous = -1;  // index into the node store
  bool flagged = false;
};

struct Scratch {
  std::vector<double> sum_w, sum_y, sum_z;
  std::vector<Node> store;
  std::vector<int> active, still_active;
};

int fitness_of(double ratio) {
  if (ratio < -0.5) return 0;  // tight
  if (ratio <= 0.5) return 1;  // normal
  if (ratio <= 1) return 2;    // loose
  return 3;                    // very loose
}

}  // namespace

std::optional<std::vector<LineBreak>> break_lines(const std::vector<BreakItem>& items, double width,
                                                  double tolerance) {
  using Kind = BreakItem::Kind;
  // Running totals of width, stretch and shrink before each item.
  const std::size_t n = items.size();
  // A briefing breaks tens of thousands of paragraphs: each thread keeps its working arrays
  // from one to the next instead of allocating them again.
  thread_local Scratch scratch;
  auto& [sum_w, sum_y, sum_z, store, active, still_active] = scratch;
  sum_w.assign(n + 1, 0);
  sum_y.assign(n + 1, 0);
  sum_z.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& it = items[i];
    const bool counts = it.kind != Kind::Penalty;
    sum_w[i + 1] = sum_w[i] + (counts ? it.width : 0);
    sum_y[i + 1] = sum_y[i] + (it.kind == Kind::Glue ? it.stretch : 0);
    sum_z[i + 1] = sum_z[i] + (it.kind == Kind::Glue ? it.shrink : 0);
  }
  // After a break, the glue and penalties that follow it are dropped up to the next box.
  const auto after_break = [&](std::size_t b) {
    std::size_t i = b;
    if (items[b].kind == Kind::Glue || items[b].kind == Kind::Penalty) ++i;
    while (i < n && items[i].kind != Kind::Box) {
      if (items[i].kind == Kind::Penalty && items[i].penalty <= kForcedBreak) break;
      ++i;
    }
    return i;
  };

  store.assign(1, Node{});
  active.assign(1, 0);
  for (std::size_t b = 0; b < n; ++b) {
    const auto& item = items[b];
    const bool legal = (item.kind == Kind::Glue && b > 0 && items[b - 1].kind == Kind::Box) ||
                       (item.kind == Kind::Penalty && item.penalty < kNoBreak);
    if (!legal) continue;
    const bool forced = item.kind == Kind::Penalty && item.penalty <= kForcedBreak;
    // The best way to reach this break, per fitness class.
    double best_demerits[4];
    int best_from[4];
    double best_ratio[4];
    for (int f = 0; f < 4; ++f) best_demerits[f] = std::numeric_limits<double>::infinity();
    still_active.clear();
    for (std::size_t k = 0; k < active.size(); ++k) {
      const int a = active[k];
      const Node& node = store[static_cast<std::size_t>(a)];
      const std::size_t start = node.start;
      double w = sum_w[b] - sum_w[start];
      if (item.kind == Kind::Penalty) w += item.width;
      const double y = sum_y[b] - sum_y[start];
      const double z = sum_z[b] - sum_z[start];
      double ratio;
      if (w < width) {
        ratio = y > 0 ? (width - w) / y : std::numeric_limits<double>::infinity();
      } else if (w > width) {
        ratio = z > 0 ? (width - w) / z : -std::numeric_limits<double>::infinity();
      } else {
        ratio = 0;
      }
      // The active nodes are in the order of their breaks, so the lines from the later ones
      // are shorter still: once one is too short to stretch to the width, so are all the
      // rest, which stay active for the breaks to come. (Most active nodes are these: the
      // breaks of the last line's length.)
      if (ratio > tolerance && !forced) {
        still_active.insert(still_active.end(), active.begin() + static_cast<std::ptrdiff_t>(k),
                            active.end());
        break;
      }
      if (ratio < -1 || forced) {
        // Too long from here on (or the paragraph ends): this node can start no more lines.
      } else {
        still_active.push_back(a);
      }
      if (ratio < -1 || ratio > tolerance) {
        // The last line may be short: its glue is the infinite fill at the end.
        if (!(forced && ratio > tolerance)) continue;
      }
      const double r = forced && ratio > 0 ? 0 : ratio;
      const double magnitude = std::fabs(r);
      const double badness = 100 * magnitude * magnitude * magnitude;
      double d = (kLinePenalty + badness) * (kLinePenalty + badness);
      if (item.kind == Kind::Penalty && item.penalty >= 0) {
        d += item.penalty * item.penalty;
      } else if (item.kind == Kind::Penalty && !forced) {
        d -= item.penalty * item.penalty;
      }
      if (item.flagged && node.flagged) d += kFlaggedDemerits;
      const int fitness = fitness_of(r);
      if (std::abs(fitness - node.fitness) > 1) d += kFitnessDemerits;
      d += node.demerits;
      if (d < best_demerits[fitness]) {
        best_demerits[fitness] = d;
        best_from[fitness] = a;
        best_ratio[fitness] = r;
      }
    }
    active.swap(still_active);
    for (int f = 0; f < 4; ++f) {
      if (best_demerits[f] == std::numeric_limits<double>::infinity()) continue;
      Node node;
      node.at = b;
      node.start = after_break(b);
      node.fitness = f;
      node.line = store[static_cast<std::size_t>(best_from[f])].line + 1;
      node.demerits = best_demerits[f];
      node.ratio = best_ratio[f];
      node.previous = best_from[f];
      node.flagged = item.flagged;
      store.push_back(node);
      active.push_back(static_cast<int>(store.size()) - 1);
    }
    if (active.empty()) return std::nullopt;
  }
  // The best node that ends at the final forced break.
  int best = -1;
  for (std::size_t i = 1; i < store.size(); ++i) {
    if (store[i].at != n - 1) continue;
    if (best < 0 || store[i].demerits < store[static_cast<std::size_t>(best)].demerits) {
      best = static_cast<int>(i);
    }
  }
  if (best < 0) return std::nullopt;
  std::vector<LineBreak> breaks;
  for (int i = best; i > 0; i = store[static_cast<std::size_t>(i)].previous) {
    breaks.push_back(
        {store[static_cast<std::size_t>(i)].at, store[static_cast<std::size_t>(i)].ratio});
  }
  return std::vector<LineBreak>(breaks.rbegin(), breaks.rend());
}

}  // namespace dossier::emit::pdf
