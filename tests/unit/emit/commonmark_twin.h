// The Markdown writer's tree checked against cmark-gfm's own: a TwinTree makes every change to a
// CommonMarkTree and, the way the writer once did, to a cmark node tree, so both renderings of
// one document can be compared; random_document() makes documents of every node kind with
// the characters CommonMark escaping turns on, from a string of choices (random bytes in the
// unit test, the fuzzer's input in its target).
#pragma once

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "emit/md/commonmark_tree.h"
#include "emit/md/render_commonmark.h"
#include "model/cmark_extensions.h"

namespace dossier::fixtures {

class TwinTree {
 public:
  struct Node {
    emit::md::CommonMarkTree::Id mine;
    cmark_node* theirs;
  };

  TwinTree() : doc_(cmark_node_new(CMARK_NODE_DOCUMENT)) { model::register_cmark_extensions(); }
  ~TwinTree() {
    cmark_node_free(doc_);
    for (cmark_node* n : detached_) cmark_node_free(n);
  }
  TwinTree(const TwinTree&) = delete;
  TwinTree& operator=(const TwinTree&) = delete;

  Node root() const { return {emit::md::CommonMarkTree::root(), doc_}; }

  Node append(Node parent, emit::md::NodeKind kind, std::string_view literal = {}) {
    const std::string text(literal.substr(0, literal.find('\0')));
    const bool has_literal = kind == emit::md::NodeKind::Text || kind == emit::md::NodeKind::Code ||
                             kind == emit::md::NodeKind::RawInline ||
                             kind == emit::md::NodeKind::CodeBlock;
    const Node made{
        has_literal ? mine_.append(parent.mine, kind, literal) : mine_.append(parent.mine, kind),
        nullptr};
    // Text after text joins it in both trees (see CommonMarkTree::append).
    cmark_node* last = cmark_node_last_child(parent.theirs);
    if (kind == emit::md::NodeKind::Text && last && cmark_node_get_type(last) == CMARK_NODE_TEXT) {
      const std::string joined = std::string(cmark_node_get_literal(last)) + text;
      cmark_node_set_literal(last, joined.c_str());
      return {made.mine, last};
    }
    cmark_node* node = make(kind);
    if (has_literal) cmark_node_set_literal(node, text.c_str());
    if (kind == emit::md::NodeKind::CodeBlock) cmark_node_set_fence_info(node, "");
    if (!cmark_node_append_child(parent.theirs, node)) detached_.push_back(node);
    return {made.mine, node};
  }

  void set_heading_level(Node n, int level) {
    mine_.set_heading_level(n.mine, level);
    cmark_node_set_heading_level(n.theirs, level);
  }
  void set_list(Node n, bool ordered, int start, bool tight) {
    mine_.set_list(n.mine, ordered, start, tight);
    cmark_node_set_list_type(n.theirs, ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST);
    if (ordered) cmark_node_set_list_start(n.theirs, start);
    cmark_node_set_list_tight(n.theirs, tight ? 1 : 0);
  }
  void set_url(Node n, const std::string& url) {
    mine_.set_url(n.mine, url);
    cmark_node_set_url(n.theirs, url.c_str());
  }
  void set_table_alignments(Node n, const std::string& align) {
    mine_.set_table_alignments(n.mine, align);
    std::vector<uint8_t> bytes(align.begin(), align.end());
    const auto columns = static_cast<uint16_t>(bytes.size());
    cmark_gfm_extensions_set_table_columns(n.theirs, columns);
    cmark_gfm_extensions_set_table_alignments(n.theirs, columns, bytes.data());
  }
  void set_header_row(Node n) {
    mine_.set_header_row(n.mine);
    cmark_gfm_extensions_set_table_row_is_header(n.theirs, 1);
  }
  void set_task(Node n, bool checked) {
    mine_.set_task(n.mine, checked);
    cmark_node_set_syntax_extension(n.theirs, cmark_find_syntax_extension("tasklist"));
    cmark_gfm_extensions_set_tasklist_item_checked(n.theirs, checked);
  }

  std::string mine() const {
    std::string out;
    emit::md::render_commonmark(mine_, out);
    return out;
  }
  std::string theirs() const {
    char* rendered = cmark_render_commonmark(doc_, CMARK_OPT_DEFAULT, 0);
    std::string out(rendered);
    std::free(rendered);
    return out;
  }

 private:
  static cmark_node* make(emit::md::NodeKind kind) {
    using K = emit::md::NodeKind;
    const auto with = [](cmark_node_type type, const char* extension) {
      return cmark_node_new_with_ext(type, cmark_find_syntax_extension(extension));
    };
    switch (kind) {
      case K::Document:
        return cmark_node_new(CMARK_NODE_DOCUMENT);
      case K::BlockQuote:
        return cmark_node_new(CMARK_NODE_BLOCK_QUOTE);
      case K::List:
        return cmark_node_new(CMARK_NODE_LIST);
      case K::Item:
        return cmark_node_new(CMARK_NODE_ITEM);
      case K::CodeBlock:
        return cmark_node_new(CMARK_NODE_CODE_BLOCK);
      case K::Paragraph:
        return cmark_node_new(CMARK_NODE_PARAGRAPH);
      case K::Heading:
        return cmark_node_new(CMARK_NODE_HEADING);
      case K::ThematicBreak:
        return cmark_node_new(CMARK_NODE_THEMATIC_BREAK);
      case K::Table:
        return with(CMARK_NODE_TABLE, "table");
      case K::TableRow:
        return with(CMARK_NODE_TABLE_ROW, "table");
      case K::TableCell: {
        // As the writer made cells: a cell made with the extension leaks its data when freed.
        cmark_node* cell = cmark_node_new(CMARK_NODE_TABLE_CELL);
        cmark_node_set_syntax_extension(cell, cmark_find_syntax_extension("table"));
        return cell;
      }
      case K::Text:
        return cmark_node_new(CMARK_NODE_TEXT);
      case K::LineBreak:
        return cmark_node_new(CMARK_NODE_LINEBREAK);
      case K::Code:
        return cmark_node_new(CMARK_NODE_CODE);
      case K::RawInline:
        return cmark_node_new(CMARK_NODE_HTML_INLINE);
      case K::Emphasis:
        return cmark_node_new(CMARK_NODE_EMPH);
      case K::Strong:
        return cmark_node_new(CMARK_NODE_STRONG);
      case K::Strikethrough:
        return with(CMARK_NODE_STRIKETHROUGH, "strikethrough");
      case K::Link:
        return cmark_node_new(CMARK_NODE_LINK);
      case K::Image:
        return cmark_node_new(CMARK_NODE_IMAGE);
    }
    return nullptr;
  }

  emit::md::CommonMarkTree mine_;
  cmark_node* doc_;
  std::vector<cmark_node*> detached_;
};

// Choices read from bytes; past the end every choice is 0 (no more children).
class Choices {
 public:
  explicit Choices(std::string_view bytes) : bytes_(bytes) {}
  unsigned pick(unsigned n) {
    if (at_ >= bytes_.size()) return 0;
    return static_cast<unsigned char>(bytes_[at_++]) % n;
  }
  bool left() const { return at_ < bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

namespace twin_detail {

using K = emit::md::NodeKind;

// Pieces of text that escaping turns on: syntax characters, digits before "." or ")", line
// starts, controls, non-ASCII letters (one whose code point ends in a digit's byte), a URL,
// an entity, bytes that are not UTF-8.
inline std::string text(Choices& c) {
  static const char* const pieces[] = {"a",
                                       "Zq",
                                       "1",
                                       "09",
                                       " ",
                                       "\t",
                                       "-",
                                       "+",
                                       "=",
                                       ".",
                                       ")",
                                       "(",
                                       "*",
                                       "_",
                                       "&",
                                       "|",
                                       "`",
                                       "~",
                                       "!",
                                       "[",
                                       "]",
                                       "<",
                                       ">",
                                       "#",
                                       "\\",
                                       "\n",
                                       "\x01",
                                       "é",
                                       "İ",
                                       "İ.",
                                       "—",
                                       "“q”",
                                       "\x7f",
                                       "http:",
                                       "mailto:x",
                                       "&amp;",
                                       "ĳ",
                                       "\"",
                                       "\xff",
                                       "\xc0\x80",
                                       "\xed\xa0\x80",
                                       "    ",
                                       "``",
                                       "\r",
                                       "x@y.z"};
  std::string out;
  const unsigned count = c.pick(6);
  for (unsigned k = 0; k < count; ++k) out += pieces[c.pick(sizeof pieces / sizeof *pieces)];
  return out;
}

inline void inlines(TwinTree& t, TwinTree::Node parent, Choices& c, int depth) {
  const unsigned count = c.pick(5);
  for (unsigned k = 0; k < count && c.left(); ++k) {
    switch (c.pick(depth > 3 ? 5 : 10)) {
      case 0:
      case 1:
        t.append(parent, K::Text, text(c));
        break;
      case 2:
        t.append(parent, K::LineBreak);
        break;
      case 3:
        t.append(parent, K::Code, text(c));
        break;
      case 4:
        t.append(parent, K::RawInline, text(c));
        break;
      case 5:
        inlines(t, t.append(parent, K::Emphasis), c, depth + 1);
        break;
      case 6:
        inlines(t, t.append(parent, K::Strong), c, depth + 1);
        break;
      case 7:
        inlines(t, t.append(parent, K::Strikethrough), c, depth + 1);
        break;
      case 8:
      case 9: {
        const auto node = t.append(parent, c.pick(3) == 0 ? K::Image : K::Link);
        const std::string url = text(c);
        t.set_url(node, url);
        // Often a link whose text is its URL: written as an autolink when it has a scheme.
        if (c.pick(2) == 0) {
          t.append(node, K::Text, url);
        } else {
          inlines(t, node, c, depth + 1);
        }
        break;
      }
    }
  }
}

inline void blocks(TwinTree& t, TwinTree::Node parent, Choices& c, int depth) {
  const unsigned count = c.pick(4) + (depth == 0 ? 1 : 0);
  for (unsigned k = 0; k < count && c.left(); ++k) {
    switch (c.pick(depth > 3 ? 4 : 9)) {
      case 0:
        inlines(t, t.append(parent, K::Paragraph), c, 0);
        break;
      case 1: {
        const auto h = t.append(parent, K::Heading);
        t.set_heading_level(h, static_cast<int>(c.pick(9)) - 1);
        inlines(t, h, c, 0);
        break;
      }
      case 2:
        t.append(parent, K::CodeBlock, text(c));
        break;
      case 3:
        t.append(parent, K::ThematicBreak);
        break;
      case 4:
        blocks(t, t.append(parent, K::BlockQuote), c, depth + 1);
        break;
      case 5:
      case 6: {
        const auto list = t.append(parent, K::List);
        t.set_list(list, c.pick(2) == 0, static_cast<int>(c.pick(14)) - 2, c.pick(2) == 0);
        const unsigned items = c.pick(4);
        for (unsigned i = 0; i < items; ++i) {
          const auto item = t.append(list, K::Item);
          blocks(t, item, c, depth + 1);
          if (c.pick(4) == 0) t.set_task(item, c.pick(2) == 0);
        }
        break;
      }
      case 7: {
        const auto table = t.append(parent, K::Table);
        static const char aligns[] = {0, 'l', 'c', 'r', 'x'};
        std::string align;
        for (unsigned n = c.pick(4); n > 0; --n) align += aligns[c.pick(5)];
        t.set_table_alignments(table, align);
        const unsigned rows = c.pick(4);
        for (unsigned r = 0; r < rows; ++r) {
          const auto row = t.append(table, K::TableRow);
          if (r == 0 && c.pick(4) != 0) t.set_header_row(row);
          for (unsigned n = c.pick(4); n > 0; --n) inlines(t, t.append(row, K::TableCell), c, 0);
        }
        break;
      }
      case 8:
        // A block where it does not belong (cmark refuses it; so must the writer's tree).
        inlines(t, t.append(parent, c.pick(2) ? K::Item : K::Text, "x"), c, 0);
        break;
    }
  }
}

}  // namespace twin_detail

// A document of every kind of node the writer makes, chosen by `choices`.
inline void random_document(TwinTree& tree, std::string_view choices) {
  Choices c(choices);
  twin_detail::blocks(tree, tree.root(), c, 0);
}

}  // namespace dossier::fixtures
