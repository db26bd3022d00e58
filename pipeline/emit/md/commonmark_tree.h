// The node tree briefing.md is written from: the nodes of cmark-gfm's document model that the
// Markdown writer uses, in flat storage reused from one piece of the document to the next.
// render_commonmark() (render_commonmark.h) writes it as cmark-gfm's CommonMark renderer
// writes the same cmark tree, byte for byte; tests build both trees and compare.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::emit::md {

enum class NodeKind : std::uint8_t {
  Document,
  BlockQuote,
  List,
  Item,
  CodeBlock,
  Paragraph,
  Heading,
  ThematicBreak,
  Table,  // GFM's table extension, as are its rows and cells
  TableRow,
  TableCell,
  Text,
  LineBreak,
  Code,
  RawInline,  // written as it stands (cmark's inline HTML)
  Emphasis,
  Strong,
  Strikethrough,  // GFM's extension
  Link,
  Image,
};

// Text and what marks it up inside a block (cmark's inline node types).
bool is_inline(NodeKind kind);

class CommonMarkTree {
 public:
  using Id = std::uint32_t;
  static constexpr Id kNone = UINT32_MAX;

  struct Node {
    NodeKind kind;
    bool tight = false;    // list
    bool ordered = false;  // list
    bool header = false;   // table row
    bool task = false;     // item: a GFM task item
    bool checked = false;  // task item
    int number = 0;        // heading level, list start, item's place in its list, table columns
    Id parent = kNone, first_child = kNone, last_child = kNone, prev = kNone, next = kNone;
    // The node's literal (text, code, raw inline, code block), URL (link, image) or column
    // alignments (table: 0, 'l', 'c' or 'r' each) in the tree's character store.
    std::uint32_t at = 0, size = 0;
  };

  CommonMarkTree() { clear(); }

  // Back to an empty document, keeping the storage.
  void clear();
  static constexpr Id root() { return 0; }
  bool empty() const { return nodes_[0].first_child == kNone; }

  // A new last child of `parent`. A child cmark would not accept there (a line break in a
  // table cell) is made but left out of the tree, as cmark leaves it. Text appended right
  // after text joins it: cmark renders a run of texts as one only inside a link's text, and
  // one text is what a reader of the file sees.
  Id append(Id parent, NodeKind kind);
  // A text, code, raw inline or code block with its literal (cut at a NUL, as cmark's C strings
  // are).
  Id append(Id parent, NodeKind kind, std::string_view literal);

  // As cmark's setters: a heading level outside 1–6 and a negative list start are refused.
  void set_heading_level(Id heading, int level);
  void set_list(Id list, bool ordered, int start, bool tight);
  void set_url(Id node, std::string_view url);
  void set_table_alignments(Id table, std::string_view alignments);
  void set_task(Id item, bool checked);
  void set_header_row(Id row) { nodes_[row].header = true; }

  const Node& node(Id id) const { return nodes_[id]; }
  std::string_view chars(const Node& node) const { return {chars_.data() + node.at, node.size}; }

 private:
  Id make(NodeKind kind);
  void store(Node& node, std::string_view text);

  std::vector<Node> nodes_;
  std::string chars_;
};

}  // namespace dossier::emit::md
