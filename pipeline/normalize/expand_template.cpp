#include "normalize/expand_template.h"

#include <algorithm>
#include <set>

#include "model/utf8.h"

namespace dossier::normalize {

namespace {

using Json = nlohmann::json;

constexpr int kMaxDepth = 32;  // sections inside sections

enum class Kind { Text, Variable, Section, Inverted, Comment, Refused };

struct Node {
  Kind kind = Kind::Text;
  std::size_t begin = 0;  // bytes of the input the node stands for (a standalone tag's line too)
  std::size_t end = 0;
  std::size_t tag = 0;  // where its tag starts, for messages
  std::string name;
  std::vector<Node> children;
};

// Byte offsets → input line and column.
class Positions {
 public:
  Positions(std::string_view text, int first_line) : text_(text), first_line_(first_line) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  int line(std::size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return first_line_ + static_cast<int>(it - starts_.begin()) - 1;
  }
  model::Position at(std::size_t offset) const {
    const int l = line(offset);
    const std::size_t start = starts_[static_cast<std::size_t>(l - first_line_)];
    return {l, 1 + static_cast<int>(model::utf8::length(text_.substr(start, offset - start)))};
  }

 private:
  std::string_view text_;
  int first_line_;
  std::vector<std::size_t> starts_;
};

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

// What a tag is by the character after its "{{"; a closing tag ("/") is told apart by the
// parser, and a variable is anything without a sigil, "&" or "{".
Kind kind_of(char sigil) {
  switch (sigil) {
    case '#':
      return Kind::Section;
    case '^':
      return Kind::Inverted;
    case '!':
      return Kind::Comment;
    case '>':
    case '=':
      return Kind::Refused;
    default:
      return Kind::Variable;
  }
}

class Parser {
 public:
  Parser(std::string_view text, const Positions& pos, const std::string& path,
         model::Diagnostics& diag)
      : text_(text), pos_(pos), path_(path), diag_(diag) {}

  std::vector<Node> parse() {
    std::vector<std::vector<Node>*> open = {&root_};
    std::vector<Node*> sections;
    std::size_t at = 0, literal = 0;
    while (true) {
      const std::size_t tag = text_.find("{{", at);
      if (tag == std::string_view::npos) break;
      Node node;
      node.tag = tag;
      const char sigil = tag + 2 < text_.size() ? text_[tag + 2] : '\0';
      const bool triple = sigil == '{';
      const std::string_view closing = triple ? "}}}" : "}}";
      const std::size_t close = text_.find(closing, tag + 2);
      if (close == std::string_view::npos) break;  // no tag: the rest is text
      const bool closing_tag = sigil == '/';
      node.kind = kind_of(sigil);
      // The name follows the sigil ({{#name}}, {{/name}}, {{&name}}, {{{name}}}).
      const std::size_t name_begin =
          tag + 2 +
          (std::string_view("#^/&{").find(sigil) != std::string_view::npos && sigil != '\0');
      node.name = trimmed(text_.substr(name_begin, close - name_begin));
      node.begin = tag;
      node.end = close + closing.size();
      if (node.kind != Kind::Variable || closing_tag) stand_alone(node);
      // The literal text before the tag.
      if (node.begin > literal)
        open.back()->push_back({Kind::Text, literal, node.begin, 0, {}, {}});
      literal = at = node.end;
      if (node.kind == Kind::Refused) {
        error(tag, sigil == '>' ? "partials are not available in sources (a source never reads "
                                  "another file)"
                                : "changing the tag delimiters is not supported");
      }
      if (closing_tag) {
        if (sections.empty()) {
          error(tag, "'{{/" + node.name + "}}' closes no section");
          node.kind = Kind::Refused;
          open.back()->push_back(std::move(node));
          continue;
        }
        Node& section = *sections.back();
        if (section.name != node.name) {
          error(tag, "'{{/" + node.name + "}}' closes the section '" + section.name + "'");
        }
        section.end = node.end;
        sections.pop_back();
        open.pop_back();
        continue;
      }
      if (node.kind == Kind::Variable && node.name.empty()) {
        error(tag, "an empty tag");
        node.kind = Kind::Refused;
      }
      const bool opens = node.kind == Kind::Section || node.kind == Kind::Inverted;
      if (opens && static_cast<int>(sections.size()) >= kMaxDepth) {
        error(tag, "sections nested more than " + std::to_string(kMaxDepth) + " deep");
        node.kind = Kind::Refused;
      }
      const bool section = opens && node.kind != Kind::Refused;
      open.back()->push_back(std::move(node));
      if (!section) continue;
      // Only the open section's children grow until it closes, so these stay valid.
      Node& added = open.back()->back();
      sections.push_back(&added);
      open.push_back(&added.children);
    }
    if (literal < text_.size())
      open.back()->push_back({Kind::Text, literal, text_.size(), 0, {}, {}});
    for (Node* s : sections) {
      error(s->tag, "the section '" + s->name + "' is not closed");
      s->end = text_.size();
    }
    return std::move(root_);
  }

 private:
  // A tag alone on its line stands for the whole line, line end included.
  void stand_alone(Node& node) const {
    std::size_t line_begin = node.begin;
    while (line_begin > 0 && (text_[line_begin - 1] == ' ' || text_[line_begin - 1] == '\t')) {
      --line_begin;
    }
    if (line_begin > 0 && text_[line_begin - 1] != '\n') return;
    std::size_t line_end = node.end;
    while (line_end < text_.size() && (text_[line_end] == ' ' || text_[line_end] == '\t')) {
      ++line_end;
    }
    if (line_end < text_.size() && text_[line_end] != '\n') return;
    node.begin = line_begin;
    node.end = line_end < text_.size() ? line_end + 1 : line_end;
  }

  void error(std::size_t offset, const std::string& message) {
    const model::Position p = pos_.at(offset);
    diag_.error(model::DiagCode::Template, path_, p.line, p.col, message);
  }

  std::string_view text_;
  const Positions& pos_;
  const std::string& path_;
  model::Diagnostics& diag_;
  std::vector<Node> root_;
};

bool truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_array() || v.is_string()) return !v.empty();
  return true;
}

class Renderer {
 public:
  Renderer(std::string_view text, const Positions& pos, const std::string& path,
           model::Diagnostics& diag, std::size_t max_output)
      : text_(text), pos_(pos), path_(path), diag_(diag), max_output_(max_output) {}

  void render(const std::vector<Node>& nodes, std::vector<const Json*>& stack, std::string& out) {
    for (const Node& node : nodes) {
      if (out.size() > max_output_) {
        if (!too_large_) {
          const std::string limit = max_output_ >= (std::size_t{1} << 20)
                                        ? std::to_string(max_output_ >> 20) + " MiB"
                                        : std::to_string(max_output_) + " bytes";
          error(node.tag, "expands to more than " + limit + "; the rest is left out");
        }
        too_large_ = true;
        return;
      }
      switch (node.kind) {
        case Kind::Text:
          out.append(text_.substr(node.begin, node.end - node.begin));
          break;
        case Kind::Variable:
          if (const Json* v = lookup(node, stack)) append_value(node, *v, out);
          break;
        case Kind::Section:
          if (const Json* v = lookup(node, stack, false)) {
            if (v->is_array()) {
              for (const Json& item : *v) {
                stack.push_back(&item);
                render(node.children, stack, out);
                stack.pop_back();
              }
            } else if (truthy(*v)) {
              stack.push_back(v);
              render(node.children, stack, out);
              stack.pop_back();
            }
          }
          break;
        case Kind::Inverted:
          if (const Json* v = lookup(node, stack, false); !v || !truthy(*v)) {
            render(node.children, stack, out);
          }
          break;
        case Kind::Comment:
        case Kind::Refused:
          break;
      }
    }
  }

 private:
  // The value a name stands for: "." is the current item; the first part of a dotted name is
  // looked up from the innermost context out, the rest inside what it found. A variable must
  // be defined; a section over a name that is not is false (an optional field of an item).
  const Json* lookup(const Node& node, const std::vector<const Json*>& stack,
                     bool required = true) {
    if (node.name == ".") return stack.back();
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
      const std::size_t dot = node.name.find('.', start);
      parts.push_back(node.name.substr(start, dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    const Json* found = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend() && !found; ++it) {
      if ((*it)->is_object() && (*it)->contains(parts[0])) found = &(**it)[parts[0]];
    }
    for (std::size_t k = 1; found && k < parts.size(); ++k) {
      found = found->is_object() && found->contains(parts[k]) ? &(*found)[parts[k]] : nullptr;
    }
    if (!found && required) error(node.tag, "'" + node.name + "' is not defined in the job's data");
    return found;
  }

  void append_value(const Node& node, const Json& v, std::string& out) {
    if (v.is_string()) {
      out += v.get<std::string>();
    } else if (v.is_boolean()) {
      out += v.get<bool>() ? "true" : "false";
    } else if (v.is_number()) {
      out += v.dump();
    } else if (!v.is_null()) {
      error(node.tag, "'" + node.name + "' is a " + (v.is_array() ? "list" : "map") +
                          ", not a value: use a section {{#" + node.name + "}}…{{/" + node.name +
                          "}}");
    }
  }

  // One message per tag, however often a section repeats it.
  void error(std::size_t offset, const std::string& message) {
    if (!reported_.insert(offset).second) return;
    const model::Position p = pos_.at(offset);
    diag_.error(model::DiagCode::Template, path_, p.line, p.col, message);
  }

  std::string_view text_;
  const Positions& pos_;
  const std::string& path_;
  model::Diagnostics& diag_;
  std::set<std::size_t> reported_;
  std::size_t max_output_;
  bool too_large_ = false;
};

// Appends `piece` to the lines being built, each new line coming from input line `line`.
void append_lines(std::string_view piece, int line, std::vector<ExpandedLine>& lines) {
  for (std::size_t start = 0;;) {
    const std::size_t end = piece.find('\n', start);
    lines.back().text.append(piece.substr(start, end - start));
    if (end == std::string_view::npos) return;
    lines.push_back({"", line});
    start = end + 1;
  }
}

}  // namespace

bool has_template_tags(std::string_view text) {
  return text.find("{{") != std::string_view::npos;
}

std::vector<ExpandedLine> expand_template(std::string_view text, int first_line,
                                          const nlohmann::json& data, const std::string& path,
                                          std::vector<model::Fix>& fixes, model::Diagnostics& diag,
                                          std::size_t max_output) {
  const Positions pos(text, first_line);
  const std::vector<Node> nodes = Parser(text, pos, path, diag).parse();
  Renderer renderer(text, pos, path, diag, max_output);
  std::vector<ExpandedLine> lines = {{"", first_line}};
  std::vector<const Json*> stack = {&data};
  for (const Node& node : nodes) {
    // A line that starts here comes from the input line the node starts on.
    if (lines.back().text.empty()) lines.back().line = pos.line(node.begin);
    if (node.kind == Kind::Text) {
      // Literal text keeps its own lines.
      std::string_view piece = text.substr(node.begin, node.end - node.begin);
      for (std::size_t start = 0;;) {
        const std::size_t end = piece.find('\n', start);
        lines.back().text.append(piece.substr(start, end - start));
        if (end == std::string_view::npos) break;
        lines.push_back({"", pos.line(node.begin + end + 1)});
        start = end + 1;
      }
      continue;
    }
    std::string out;
    renderer.render({node}, stack, out);
    const model::Position at = pos.at(node.begin);
    append_lines(out, at.line, lines);
    fixes.push_back({model::FixKind::Template, at,
                     std::string(text.substr(node.begin, node.end - node.begin)), std::move(out)});
  }
  return lines;
}

}  // namespace dossier::normalize
