// What every fuzz target uses: a check that aborts (so libFuzzer keeps the input) with a
// message, and the nothing-lost ledger as an invariant.
#pragma once

#include <cstdlib>
#include <iostream>
#include <string_view>

#include "model/ledger.h"

namespace dossier::fuzz {

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (ok) return;
  std::cerr << "fuzz check failed: " << what;
  if (!detail.empty()) std::cerr << ": " << detail;
  std::cerr << "\n";
  std::abort();
}

// Every input character is in a block, a metadata line, a removal or a fix.
inline void check_ledger(const model::Source& source) {
  for (const auto& gap : model::check_ledger(source)) {
    check(false, "the ledger balances", model::describe_gap(gap));
  }
}

}  // namespace dossier::fuzz
