// What cmark-gfm reads back from Markdown: the literal text of every paragraph and heading,
// in order (soft breaks as spaces). Shared by the Markdown emitter tests.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <vector>

namespace dossier::fixtures {

inline std::vector<std::string> paragraphs_read_back(const std::string& markdown) {
  std::vector<std::string> out;
  cmark_node* doc = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  cmark_iter* it = cmark_iter_new(doc);
  std::string current;
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) current += cmark_node_get_literal(n);
    if (t == CMARK_NODE_SOFTBREAK) current += ' ';
    if ((t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) && ev == CMARK_EVENT_EXIT) {
      out.push_back(current);
      current.clear();
    }
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  return out;
}

}  // namespace dossier::fixtures
