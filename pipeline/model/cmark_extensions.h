// cmark-gfm's GFM extensions (tables, strikethrough, autolinks, task lists…) must be
// registered once before use. The library's own ensure-registered call is not thread-safe:
// Markdown sources are read on several threads at once, and two threads registering together
// corrupt its plugin list (seen as a leak under LeakSanitizer). Every caller goes through this.
#pragma once

#include <cmark-gfm-core-extensions.h>

#include <mutex>

// The node types of the table and strikethrough extensions: exported by
// libcmark-gfm-extensions, declared only in headers Debian does not install. The Markdown
// writer needs them to build tables and struck text.
extern "C" {
CMARK_GFM_EXTENSIONS_EXPORT extern cmark_node_type CMARK_NODE_TABLE;
CMARK_GFM_EXTENSIONS_EXPORT extern cmark_node_type CMARK_NODE_TABLE_ROW;
CMARK_GFM_EXTENSIONS_EXPORT extern cmark_node_type CMARK_NODE_TABLE_CELL;
CMARK_GFM_EXTENSIONS_EXPORT extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}

namespace dossier::model {

inline void register_cmark_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace dossier::model
