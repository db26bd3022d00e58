#include "emit/md/commonmark_tree.h"

namespace dossier::emit::md {

namespace {

// Which children cmark_node_append_child accepts (the extensions' rules for their own nodes).
bool can_contain(NodeKind parent, NodeKind child) {
  switch (parent) {
    case NodeKind::Document:
    case NodeKind::BlockQuote:
    case NodeKind::Item:
      return !is_inline(child) && child != NodeKind::Item;
    case NodeKind::List:
      return child == NodeKind::Item;
    case NodeKind::Table:
      return child == NodeKind::TableRow;
    case NodeKind::TableRow:
      return child == NodeKind::TableCell;
    case NodeKind::TableCell:
      return is_inline(child) && child != NodeKind::LineBreak;
    case NodeKind::Paragraph:
    case NodeKind::Heading:
    case NodeKind::Emphasis:
    case NodeKind::Strong:
    case NodeKind::Strikethrough:
    case NodeKind::Link:
    case NodeKind::Image:
      return is_inline(child);
    default:
      return false;
  }
}

}  // namespace

bool is_inline(NodeKind kind) {
  switch (kind) {
    case NodeKind::Text:
    case NodeKind::LineBreak:
    case NodeKind::Code:
    case NodeKind::RawInline:
    case NodeKind::Emphasis:
    case NodeKind::Strong:
    case NodeKind::Strikethrough:
    case NodeKind::Link:
    case NodeKind::Image:
      return true;
    default:
      return false;
  }
}

void CommonMarkTree::clear() {
  nodes_.clear();
  chars_.clear();
  nodes_.push_back(Node{NodeKind::Document});
}

CommonMarkTree::Id CommonMarkTree::make(NodeKind kind) {
  Node node{kind};
  if (kind == NodeKind::Heading) node.number = 1;
  nodes_.push_back(node);
  return static_cast<Id>(nodes_.size() - 1);
}

void CommonMarkTree::store(Node& node, std::string_view text) {
  node.at = static_cast<std::uint32_t>(chars_.size());
  node.size = static_cast<std::uint32_t>(text.size());
  chars_.append(text);
}

CommonMarkTree::Id CommonMarkTree::append(Id parent, NodeKind kind) {
  const Id id = make(kind);
  if (!can_contain(nodes_[parent].kind, kind)) return id;
  Node& p = nodes_[parent];
  Node& child = nodes_[id];
  child.parent = parent;
  child.prev = p.last_child;
  if (p.last_child == kNone) {
    p.first_child = id;
  } else {
    nodes_[p.last_child].next = id;
  }
  p.last_child = id;
  if (kind == NodeKind::Item)
    child.number = child.prev == kNone ? 0 : nodes_[child.prev].number + 1;
  return id;
}

CommonMarkTree::Id CommonMarkTree::append(Id parent, NodeKind kind, std::string_view literal) {
  literal = literal.substr(0, literal.find('\0'));
  const Id last = nodes_[parent].last_child;
  if (kind == NodeKind::Text && last != kNone && nodes_[last].kind == NodeKind::Text &&
      can_contain(nodes_[parent].kind, kind)) {
    Node& text = nodes_[last];
    if (text.at + text.size != chars_.size()) {
      const std::string earlier(chars(text));
      store(text, earlier);
    }
    chars_.append(literal);
    text.size += static_cast<std::uint32_t>(literal.size());
    return last;
  }
  const Id id = append(parent, kind);
  store(nodes_[id], literal);
  return id;
}

void CommonMarkTree::set_heading_level(Id heading, int level) {
  if (level >= 1 && level <= 6) nodes_[heading].number = level;
}

void CommonMarkTree::set_list(Id list, bool ordered, int start, bool tight) {
  Node& node = nodes_[list];
  node.ordered = ordered;
  if (start >= 0) node.number = start;
  node.tight = tight;
}

void CommonMarkTree::set_url(Id node, std::string_view url) {
  store(nodes_[node], url.substr(0, url.find('\0')));
}

void CommonMarkTree::set_table_alignments(Id table, std::string_view alignments) {
  Node& node = nodes_[table];
  node.number = static_cast<int>(alignments.size());
  store(node, alignments);
}

void CommonMarkTree::set_task(Id item, bool checked) {
  nodes_[item].task = true;
  nodes_[item].checked = checked;
}

}  // namespace dossier::emit::md
