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

// Held while a parser reads a document. cmark-gfm keeps the characters that open inline syntax
// in one table for the whole process, and each parse adds its extensions' characters (the
// strikethrough's "~") before reading inlines and takes them out after: a parse finishing on
// one thread would take "~" from a parse under way on another, whose struck text would keep
// its tildes. Parsing is a small part of reading a Markdown source, so parses take turns.
inline std::mutex& cmark_parse_mutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace dossier::model
