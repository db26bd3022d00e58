// Quotations in one source's blocks, with where their marks stand (annotate-internal).
#pragma once

#include <cstddef>
#include <vector>

#include "annotate/block_text.h"
#include "model/model.h"

namespace dossier::annotate {

struct FoundQuote {
  model::Quote quote;
  std::size_t first_block = 0;  // indices into the BlockText list
  std::size_t last_block = 0;
  int open = 0;   // the opening mark in the first block (code points)
  int close = 0;  // the closing mark in the last block, or the block's end when unclosed
  bool closed = true;
};

// “…” and "…", one per quotation even when it runs over several paragraphs (no closing mark
// at a paragraph's end, an opening mark at the next one's start). A quotation left open at
// the end of a paragraph that the next does not continue ends with its paragraph. Quoted
// phrases under four words are scare quotes unless a speech verb stands near them.
std::vector<FoundQuote> find_quotes(const std::vector<BlockText>& blocks);

}  // namespace dossier::annotate
