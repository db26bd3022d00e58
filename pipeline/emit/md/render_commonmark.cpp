// The renderer keeps cmark's state as it goes (the prefix of nested quotes and list items, the
// line breaks owed before the next output, whether a line has begun and whether only digits
// are on it), since what needs escaping depends on it: "-" at the start of a line would begin
// a list, "3." after a digit at the start of one would too. What cmark does character by
// character this does for runs of characters that cannot matter, and per character only
// where cmark's decisions depend on them.
#include "emit/md/render_commonmark.h"

#include <array>
#include <cstdio>

#include "model/ascii.h"
#include "model/utf8.h"

namespace dossier::emit::md {

namespace {

using Id = CommonMarkTree::Id;
using Node = CommonMarkTree::Node;
constexpr Id kNone = CommonMarkTree::kNone;

// cmark's character classes beyond model::ascii's: its white space includes \v and \f, and
// its punctuation is ASCII's.
bool is_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
bool is_punct(unsigned char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
bool is_digit(unsigned char c) {
  return model::ascii::is_digit(static_cast<char>(c));
}
bool is_alpha(unsigned char c) {
  return model::ascii::is_alpha(static_cast<char>(c));
}

enum class Escaping { Literal, Normal, Url };

// Bytes that a run can pass through unexamined once a line has content: in literal output all
// ASCII but the line break; in text all ASCII but controls and what cmark always escapes or
// escapes before a letter ("&"). The pipe, escaped in table cells, is checked apart.
struct PlainBytes {
  std::array<bool, 256> literal{}, normal{};
  constexpr PlainBytes() {
    for (int c = 0; c < 0x80; ++c) {
      literal[c] = c != '\n';
      normal[c] = c >= 0x20;
    }
    for (unsigned char c : std::string_view("*_[]#<>\\`~!&")) normal[c] = false;
  }
};
constexpr PlainBytes kPlain;

// "scheme:" at the start, as an autolink's URL must have.
bool has_scheme(std::string_view url) {
  std::size_t k = 0;
  if (url.empty() || !is_alpha(static_cast<unsigned char>(url[0]))) return false;
  for (k = 1; k < url.size() && k <= 32; ++k) {
    const auto c = static_cast<unsigned char>(url[k]);
    if (c == ':') return k >= 2;
    if (!is_alpha(c) && !is_digit(c) && c != '.' && c != '+' && c != '-') return false;
  }
  return false;
}

bool is_table_part(NodeKind kind) {
  return kind == NodeKind::Table || kind == NodeKind::TableRow || kind == NodeKind::TableCell;
}

// A node of GFM's extensions (tables, strikethrough, task items): written by the extension.
bool is_extension(const CommonMarkTree::Node& node) {
  return is_table_part(node.kind) || node.kind == NodeKind::Strikethrough || node.task;
}

// What an autolink shows of its URL.
std::string_view without_mailto(std::string_view url) {
  return url.substr(0, 7) == "mailto:" ? url.substr(7) : url;
}

class Renderer {
 public:
  Renderer(const CommonMarkTree& tree, std::string& out) : tree_(tree), out_(out) {}

  void run() {
    out_.clear();
    Id id = CommonMarkTree::root();
    bool entering = true;
    while (true) {
      const Node& node = tree_.node(id);
      const bool leaf = is_leaf(node.kind);
      const bool descend = visit(id, entering);
      if (entering && !leaf && descend) {
        if (node.first_child != kNone) {
          id = node.first_child;
        } else {
          entering = false;
        }
        continue;
      }
      if (id == CommonMarkTree::root()) break;
      if (node.next != kNone) {
        id = node.next;
        entering = true;
      } else {
        id = node.parent;
        entering = false;
      }
    }
    if (out_.empty() || out_.back() != '\n') out_ += '\n';
  }

 private:
  static bool is_leaf(NodeKind kind) {
    switch (kind) {
      case NodeKind::CodeBlock:
      case NodeKind::ThematicBreak:
      case NodeKind::Text:
      case NodeKind::LineBreak:
      case NodeKind::Code:
      case NodeKind::RawInline:
        return true;
      default:
        return false;
    }
  }

  const Node& parent_of(const Node& node) const { return tree_.node(node.parent); }

  void cr() { need_cr_ = std::max(need_cr_, 1); }
  void blank_line() { need_cr_ = std::max(need_cr_, 2); }

  // Whether '|' in what `id` writes is escaped: cmark asks the nearest extension node (the
  // node itself or an ancestor), and only the table's escapes it, in what is not the table's.
  bool escapes_pipe(Id id) const {
    const NodeKind own = tree_.node(id).kind;
    for (Id at = id; at != kNone; at = tree_.node(at).parent) {
      const Node& node = tree_.node(at);
      if (is_extension(node)) return is_table_part(node.kind) && !is_table_part(own);
    }
    return false;
  }

  // The line breaks owed, then `text` as `escaping` says.
  void put(Id id, std::string_view text, Escaping escaping) {
    const bool pipe = escapes_pipe(id);
    if (in_tight_list_item_ && need_cr_ > 1) need_cr_ = 1;
    // Owed breaks already in the output count towards what is owed.
    long k = static_cast<long>(out_.size()) - 1;
    while (need_cr_ > 0) {
      if (k < 0 || out_[static_cast<std::size_t>(k)] == '\n') {
        --k;
      } else {
        out_ += '\n';
        if (need_cr_ > 1) out_ += prefix_;
      }
      begin_line_ = true;
      begin_content_ = true;
      --need_cr_;
    }
    const bool literal = escaping == Escaping::Literal;
    const auto& plain = literal ? kPlain.literal : kPlain.normal;
    std::size_t i = 0;
    while (i < text.size()) {
      if (!begin_line_ && !begin_content_ && escaping != Escaping::Url) {
        std::size_t end = i;
        while (end < text.size() && plain[static_cast<unsigned char>(text[end])] &&
               !(pipe && text[end] == '|')) {
          ++end;
        }
        out_.append(text, i, end - i);
        i = end;
        if (i == text.size()) break;
      }
      if (begin_line_) out_ += prefix_;
      // Bytes that are not UTF-8 end what cmark writes of a string (model::utf8 and cmark
      // accept the same sequences).
      const model::utf8::Decoded d = model::utf8::decode(text, i);
      if (!d.valid) return;
      const char32_t c = d.cp;
      const std::size_t length = d.length;
      if (pipe && c == '|') out_ += '\\';
      const unsigned char next =
          i + length < text.size() ? static_cast<unsigned char>(text[i + length]) : 0;
      if (literal && c == '\n') {
        out_ += '\n';
        begin_line_ = true;
        begin_content_ = true;
      } else {
        if (literal) {
          out_.append(text, i, length);
        } else {
          put_escaped(c, next, escaping, text.substr(i, length));
        }
        begin_line_ = false;
        // cmark tests the code point's low byte.
        begin_content_ = begin_content_ && is_digit(static_cast<unsigned char>(c));
      }
      i += length;
    }
  }

  void put_escaped(char32_t c, unsigned char next, Escaping escaping, std::string_view bytes) {
    const bool follows_digit = !out_.empty() && is_digit(static_cast<unsigned char>(out_.back()));
    bool escape = false;
    if (c < 0x80 && escaping == Escaping::Normal) {
      switch (c) {
        case '*':
        case '_':
        case '[':
        case ']':
        case '#':
        case '<':
        case '>':
        case '\\':
        case '`':
        case '~':
        case '!':
          escape = true;
          break;
        case '&':
          escape = is_alpha(next);
          break;
        case '-':
        case '+':
        case '=':
          escape = begin_content_ && !follows_digit;
          break;
        case '.':
        case ')':
          escape = begin_content_ && follows_digit && (next == 0 || is_space(next));
          break;
        default:
          escape = c < 0x20;
      }
    } else if (c < 0x80 && escaping == Escaping::Url) {
      const auto b = static_cast<unsigned char>(c);
      escape = b == '`' || b == '<' || b == '>' || is_space(b) || b == '\\' || b == ')' || b == '(';
    }
    if (!escape) {
      out_.append(bytes);
      return;
    }
    const auto b = static_cast<unsigned char>(c);
    char encoded[16];
    if (escaping == Escaping::Url && is_space(b)) {
      std::snprintf(encoded, sizeof encoded, "%%%2X", static_cast<unsigned>(b));
      out_ += encoded;
    } else if (is_punct(b)) {
      out_ += '\\';
      out_ += static_cast<char>(b);
    } else {
      std::snprintf(encoded, sizeof encoded, "&#%u;", static_cast<unsigned>(b));
      out_ += encoded;
    }
  }

  void literal(Id id, std::string_view text) { put(id, text, Escaping::Literal); }

  // A link written as "<url>": its URL has a scheme and its text is the URL (less "mailto:").
  bool is_autolink(const Node& link) const {
    const std::string_view url = tree_.chars(link);
    if (url.empty() || !has_scheme(url) || link.first_child == kNone) return false;
    // cmark reads the first child's literal, which for a link or an image is its URL (the
    // two share storage in cmark's node), and for emphasis is empty.
    const Node& first = tree_.node(link.first_child);
    const bool has_chars = first.kind == NodeKind::Text || first.kind == NodeKind::Code ||
                           first.kind == NodeKind::RawInline || first.kind == NodeKind::Link ||
                           first.kind == NodeKind::Image;
    const std::string_view text = has_chars ? tree_.chars(first) : std::string_view();
    return text == without_mailto(url);
  }

  // Whether the blank lines owed are written as one line break: the node's nearest block is an
  // item of a tight list or that item's child. Not on entering a list's first item, so the
  // blank line before a list is kept.
  void track_tight_list_item(Id id, bool entering) {
    const Node& node = tree_.node(id);
    if (node.kind == NodeKind::Item && node.prev == kNone && entering) return;
    Id block = id;
    while (block != kNone && is_inline(tree_.node(block).kind)) block = tree_.node(block).parent;
    const auto tight_item = [&](Id item) {
      return item != kNone && tree_.node(item).kind == NodeKind::Item &&
             parent_of(tree_.node(item)).tight;
    };
    in_tight_list_item_ =
        block != kNone && (tight_item(block) || tight_item(tree_.node(block).parent));
  }

  // One event of the walk; false to skip the node's children (and its exit).
  bool visit(Id id, bool entering) {
    const Node& node = tree_.node(id);
    track_tight_list_item(id, entering);
    // GFM's extensions write their own nodes, once the renderer has kept track of tight list items.
    if (is_extension(node)) {
      visit_extension(id, node, entering);
      return true;
    }
    switch (node.kind) {
      case NodeKind::Document:
        break;
      case NodeKind::BlockQuote:
        if (entering) {
          literal(id, "> ");
          begin_content_ = true;
          prefix_ += "> ";
        } else {
          prefix_.resize(prefix_.size() - 2);
          blank_line();
        }
        break;
      case NodeKind::List:
        if (!entering && node.next != kNone) {
          const NodeKind next = tree_.node(node.next).kind;
          if (next == NodeKind::CodeBlock || next == NodeKind::List) {
            // So that what follows is not read as more of the list.
            cr();
            literal(id, "<!-- end list -->");
            blank_line();
          }
        }
        break;
      case NodeKind::Item:
        visit_item(id, node, entering);
        break;
      case NodeKind::Heading:
        if (entering) {
          literal(id, std::string_view("######", static_cast<std::size_t>(node.number)));
          literal(id, " ");
          begin_content_ = true;
        } else {
          blank_line();
        }
        break;
      case NodeKind::CodeBlock:
        visit_code_block(id, node);
        break;
      case NodeKind::ThematicBreak:
        blank_line();
        literal(id, "-----");
        blank_line();
        break;
      case NodeKind::Paragraph:
        if (!entering) blank_line();
        break;
      case NodeKind::Text:
        put(id, tree_.chars(node), Escaping::Normal);
        break;
      case NodeKind::LineBreak:
        literal(id, "  ");
        cr();
        break;
      case NodeKind::Code:
        visit_code(id, tree_.chars(node));
        break;
      case NodeKind::RawInline:
        literal(id, tree_.chars(node));
        break;
      case NodeKind::Emphasis: {
        // Emphasis alone inside emphasis is "_", since "**" would read as strong.
        const bool only_child_of_emphasis =
            parent_of(node).kind == NodeKind::Emphasis && node.prev == kNone && node.next == kNone;
        literal(id, only_child_of_emphasis ? "_" : "*");
        break;
      }
      case NodeKind::Strong:
        literal(id, "**");
        break;
      default:  // the extensions' nodes, written above
        break;
      case NodeKind::Link:
        if (is_autolink(node)) {
          literal(id, "<");
          literal(id, without_mailto(tree_.chars(node)));
          literal(id, ">");
          return false;
        }
        [[fallthrough]];
      case NodeKind::Image:
        if (entering) {
          literal(id, node.kind == NodeKind::Image ? "![" : "[");
        } else {
          literal(id, "](");
          put(id, tree_.chars(node), Escaping::Url);
          literal(id, ")");
        }
        break;
    }
    return true;
  }

  void visit_extension(Id id, const Node& node, bool entering) {
    switch (node.kind) {
      case NodeKind::Table:
        blank_line();
        break;
      case NodeKind::TableRow:
        if (entering) {
          cr();
          literal(id, "|");
        }
        break;
      case NodeKind::TableCell:
        visit_cell(id, node, entering);
        break;
      case NodeKind::Strikethrough:
        literal(id, "~~");
        break;
      default:  // a task item
        if (entering) {
          cr();
          literal(id, node.checked ? "- [x] " : "- [ ] ");
          prefix_ += "  ";
        } else {
          prefix_.resize(prefix_.size() - 2);
          cr();
        }
        break;
    }
  }

  void visit_item(Id id, const Node& item, bool entering) {
    const Node& list = parent_of(item);
    std::string marker = "  - ";
    if (list.ordered) {
      // (Wider than int: a list may start anywhere up to INT_MAX; CommonMark's at 999,999,999.)
      const long long number = static_cast<long long>(list.number) + item.number;
      // At least four wide, so one-digit and two-digit items line up.
      marker = std::to_string(number) + (number < 10 ? ".  " : ". ");
    }
    if (entering) {
      literal(id, marker);
      begin_content_ = true;
      prefix_.append(marker.size(), ' ');
    } else {
      prefix_.resize(prefix_.size() - marker.size());
      cr();
    }
  }

  void visit_code_block(Id id, const Node& block) {
    const bool first_in_item =
        block.prev == kNone && block.parent != kNone && parent_of(block).kind == NodeKind::Item;
    if (!first_in_item) blank_line();
    const std::string_view code = tree_.chars(block);
    const auto space_at = [&](std::size_t k) {
      return is_space(static_cast<unsigned char>(code[k]));
    };
    // Indented when that reads back the same: no leading or doubled trailing blank.
    if (code.size() > 2 && !space_at(0) &&
        !(space_at(code.size() - 1) && space_at(code.size() - 2)) && !first_in_item) {
      literal(id, "    ");
      prefix_ += "    ";
      literal(id, code);
      prefix_.resize(prefix_.size() - 4);
    } else {
      std::size_t longest = 0, run = 0;
      for (char c : code) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
      }
      const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
      literal(id, fence);
      literal(id, " ");
      cr();
      literal(id, code);
      cr();
      literal(id, fence);
    }
    blank_line();
  }

  void visit_cell(Id id, const Node& cell, bool entering) {
    if (entering) {
      literal(id, " ");
      return;
    }
    literal(id, " |");
    const Node& row = parent_of(cell);
    if (!row.header || cell.next != kNone) return;
    // After the header row, the delimiter row with each column's alignment.
    const Node& table = parent_of(row);
    cr();
    literal(id, "|");
    for (char align : tree_.chars(table)) {
      switch (align) {
        case 0:
          literal(id, " --- |");
          break;
        case 'l':
          literal(id, " :-- |");
          break;
        case 'c':
          literal(id, " :-: |");
          break;
        case 'r':
          literal(id, " --: |");
          break;
        default:
          break;
      }
    }
    cr();
  }

  // Inline code: fenced by the shortest run of backticks the code does not hold, padded when
  // it begins or ends with a backtick or a space.
  void visit_code(Id id, std::string_view code) {
    std::uint32_t used = 1;
    int run = 0;
    for (std::size_t k = 0; k <= code.size(); ++k) {
      if (k < code.size() && code[k] == '`') {
        ++run;
      } else {
        if (run > 0 && run < 32) used |= 1u << run;
        run = 0;
      }
    }
    std::size_t ticks = 0;
    while (ticks < 32 && (used & 1u)) {
      used >>= 1;
      ++ticks;
    }
    const bool pad = code.empty() || code.front() == '`' || code.back() == '`' ||
                     code.front() == ' ' || code.back() == ' ';
    const std::string fence(ticks, '`');
    literal(id, fence);
    if (pad) literal(id, " ");
    literal(id, code);
    if (pad) literal(id, " ");
    literal(id, fence);
  }

  const CommonMarkTree& tree_;
  std::string& out_;
  std::string prefix_;
  int need_cr_ = 0;
  bool begin_line_ = true;
  bool begin_content_ = true;
  bool in_tight_list_item_ = false;
};

}  // namespace

void render_commonmark(const CommonMarkTree& tree, std::string& out) {
  Renderer(tree, out).run();
}

}  // namespace dossier::emit::md
