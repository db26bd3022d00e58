// CommonMark text for a CommonMarkTree, the bytes cmark-gfm's renderer writes for the same
// tree (cmark_render_commonmark with the default options and no line width), at a fraction of
// its cost: it escapes whatever a reader could take for syntax, but character by character
// through its general renderer, which was a tenth of a whole build's instructions.
#pragma once

#include <string>

#include "emit/md/commonmark_tree.h"

namespace dossier::emit::md {

// Replaces `out` with the document's text (ending in a newline, as cmark's does).
void render_commonmark(const CommonMarkTree& tree, std::string& out);

}  // namespace dossier::emit::md
