// The nothing-lost ledger (DESIGN.md §8.9): every non-whitespace code point of a source's
// decoded input is in one of its blocks, in a line read into metadata, in a removal, or was
// changed by a recorded fix. `dossier build --verify-ledger` runs this check on every source.
//
// The check works per region: the smallest runs of input lines that no block, metadata line
// or removal crosses. In each region the input's code points must equal, as a multiset, the
// code points of the blocks, metadata lines and removals there with every fix on those lines
// undone (its `after` taken away, its `before` put back). A dropped word, a duplicated line or
// a fix that changed more than it says shows up as a gap in its region.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace dossier::model {

struct LedgerGap {
  int first_line = 0;  // the region's input lines
  int last_line = 0;
  std::string missing;  // input code points nothing accounts for, in input order
  std::string extra;    // output code points the input does not hold
  bool operator==(const LedgerGap&) const = default;
};

// The regions where the ledger does not balance; empty when nothing was lost.
std::vector<LedgerGap> check_ledger(const Source& source);

// A one-line explanation of a gap: `lines 4–6: missing "said"; extra "sad"`.
std::string describe_gap(const LedgerGap& gap);

// The text of every block with no children, in document order (a container's own text is
// its children's text joined, so only leaves count).
void collect_leaf_texts(const Block& block, std::vector<std::string_view>& out);

// Whitespace for the ledger: Unicode White_Space, which fixes may fold freely.
bool is_ledger_space(char32_t cp);

}  // namespace dossier::model
