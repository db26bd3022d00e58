#include <cstring>
#include <kainjow/mustache.hpp>
#include <optional>
#include <sstream>
#include <string_view>

#include "emit/html/xhtml.h"
#include "model/replace_all.h"

namespace dossier::emit {

namespace {

// What an element is to the writer: void (written <br />), holding phrasing content (and
// <pre>: indentation inside would change what a reader sees), or anything else. Asked of
// every element of a briefing, so the name is told apart by its first letter rather than
// compared with every name of both lists.
enum class ElementKind { Void, Phrasing, Other };

ElementKind kind_of(const char* name) {
  const auto is = [name](const char* candidate) { return std::strcmp(name, candidate) == 0; };
  constexpr ElementKind kVoid = ElementKind::Void, kPhrasing = ElementKind::Phrasing;
  switch (name[0]) {
    case 'a':
      return is("a") ? kPhrasing : is("area") ? kVoid : ElementKind::Other;
    case 'b':
      return is("br") || is("base") ? kVoid : ElementKind::Other;
    case 'c':
      return is("code") ? kPhrasing : is("col") ? kVoid : ElementKind::Other;
    case 'd':
      return is("dd") || is("dt") || is("del") ? kPhrasing : ElementKind::Other;
    case 'e':
      return is("em") ? kPhrasing : is("embed") ? kVoid : ElementKind::Other;
    case 'f':
      return is("figcaption") ? kPhrasing : ElementKind::Other;
    case 'h':
      if (name[1] >= '1' && name[1] <= '6' && name[2] == '\0') return kPhrasing;
      return is("hr") ? kVoid : ElementKind::Other;
    case 'i':
      return is("img") || is("input") ? kVoid : ElementKind::Other;
    case 'l':
      return is("li") ? kPhrasing : is("link") ? kVoid : ElementKind::Other;
    case 'm':
      return is("meta") ? kVoid : ElementKind::Other;
    case 'p':
      return is("p") || is("pre") ? kPhrasing : is("param") ? kVoid : ElementKind::Other;
    case 's':
      return is("span") || is("strong") || is("sup") ? kPhrasing
             : is("source")                          ? kVoid
                                                     : ElementKind::Other;
    case 't':
      return is("td") || is("th") || is("title") ? kPhrasing
             : is("track")                       ? kVoid
                                                 : ElementKind::Other;
    case 'w':
      return is("wbr") ? kVoid : ElementKind::Other;
    default:
      return ElementKind::Other;
  }
}

// Prepares a tree for pugixml's indenting writer:
// - an empty non-void element gets an empty text child, so it is written <p></p>, not <p />
//   (which an HTML parser reads as an unclosed start tag);
// - an element holding phrasing content starts and ends with a text child (empty if need be),
//   and has one between any two elements, which makes pugixml write its content inline
//   instead of indenting it.
void prepare_for_output(pugi::xml_node node) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    const ElementKind kind = kind_of(child.name());
    pugi::xml_node first = child.first_child();
    if (!first) {
      if (kind != ElementKind::Void) child.append_child(pugi::node_pcdata);
      continue;
    }
    if (kind == ElementKind::Phrasing) {
      if (first.type() == pugi::node_element) first = child.prepend_child(pugi::node_pcdata);
      if (child.last_child().type() == pugi::node_element) child.append_child(pugi::node_pcdata);
      // Two elements side by side would have an indent written between them, which a reader
      // sees as a space. (Each node's type is asked once: these are calls into pugixml, made
      // for every node of a briefing.)
      bool element_before = false;  // `first` is text
      for (pugi::xml_node c = first.next_sibling(), before = first; c;
           before = c, c = c.next_sibling()) {
        const bool element = c.type() == pugi::node_element;
        if (element && element_before) child.insert_child_after(pugi::node_pcdata, before);
        element_before = element;
      }
    }
    prepare_for_output(child);
  }
}

}  // namespace

ShellValues shell_values(const model::Briefing& briefing, const EmitOptions& options) {
  ShellValues v;
  v.title = briefing.title;
  v.subtitle = briefing.subtitle.value_or("");
  v.author = briefing.author.value_or("");
  v.date = briefing.date;
  v.language = briefing.language;
  v.version = options.version;
  v.page_title = briefing.title;
  return v;
}

namespace {
// A report's data as Mustache values: maps, lists, text; false and null are empty sections.
kainjow::mustache::data mustache_data(const nlohmann::json& v) {
  using kainjow::mustache::data;
  if (v.is_object()) {
    data out{data::type::object};
    for (const auto& [key, value] : v.items()) out.set(key, mustache_data(value));
    return out;
  }
  if (v.is_array()) {
    data out{data::type::list};
    for (const auto& item : v) out.push_back(mustache_data(item));
    return out;
  }
  if (v.is_string()) return data(v.get<std::string>());
  if (v.is_boolean())
    return v.get<bool>() ? data(data::type::bool_true) : data(data::type::bool_false);
  if (v.is_null()) return data(data::type::bool_false);
  return data(v.dump());
}
}  // namespace

model::Result<bool> render_shell(const EmitOptions& options, const std::string& name,
                                 const ShellValues& values, pugi::xml_document& doc) {
  auto text = options.templates.read(name);
  if (!text) return text.error();
  kainjow::mustache::mustache tmpl(text.value());
  if (!tmpl.is_valid()) {
    return model::Diagnostic{model::Severity::Error,
                             model::DiagCode::Template,
                             name,
                             0,
                             0,
                             "invalid Mustache template: " + tmpl.error_message()};
  }
  kainjow::mustache::data data;
  data.set("title", values.title);
  data.set("page_title", values.page_title);
  data.set("date", values.date);
  data.set("lang", values.language);
  data.set("version", values.version);
  // Optional values are sections: absent when empty.
  if (!values.subtitle.empty()) data.set("subtitle", values.subtitle);
  if (!values.author.empty()) data.set("author", values.author);
  kainjow::mustache::data words{kainjow::mustache::data::type::object};
  for (const char* key : {"briefing", "contents", "sources", "made_with", "cover", "landmarks"}) {
    words.set(key, options.words[key]);
  }
  data.set("words", words);
  if (options.data) data.set("data", mustache_data(*options.data));
  const std::string rendered = tmpl.render(data);
  const pugi::xml_parse_result parsed =
      doc.load_string(rendered.c_str(), pugi::parse_default | pugi::parse_doctype);
  if (!parsed) {
    return model::Diagnostic{model::Severity::Error,
                             model::DiagCode::Template,
                             name,
                             0,
                             0,
                             std::string("template is not well-formed XML after rendering: ") +
                                 parsed.description() + " at byte " +
                                 std::to_string(parsed.offset)};
  }
  return true;
}

namespace {
// Stands for the page title in the shared shell: a private-use character no template or
// Mustache escape produces, around a name.
constexpr std::string_view kTitleStandIn = "\uE000page_title\uE000";

// `value` with every stand-in replaced by the title, or nullopt when it has none.
std::optional<std::string> with_title(const char* value, const std::string& title) {
  if (std::string_view(value).find(kTitleStandIn) == std::string_view::npos) return std::nullopt;
  std::string out(value);
  model::replace_all(out, kTitleStandIn, title);
  return out;
}

void put_title(pugi::xml_node node, const std::string& title) {
  if (auto v = with_title(node.value(), title)) node.set_value(v->c_str());
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (auto v = with_title(a.value(), title)) a.set_value(v->c_str());
  }
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    put_title(child, title);
  }
}
}  // namespace

model::Result<bool> PageShell::render(const EmitOptions& options, const std::string& name,
                                      ShellValues values) {
  values.page_title = kTitleStandIn;
  return render_shell(options, name, values, shell_);
}

void PageShell::copy_to(pugi::xml_document& doc, const std::string& page_title) const {
  doc.reset(shell_);
  put_title(doc, page_title);
}

std::string PageShell::text() const {
  std::ostringstream text;
  shell_.save(text, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(text).str();
}

pugi::xml_node find_by_id(const pugi::xml_node& root, const char* id) {
  return root.find_node([id](const pugi::xml_node& n) {
    return n.type() == pugi::node_element && std::strcmp(n.attribute("id").value(), id) == 0;
  });
}

void save_polyglot(pugi::xml_document& doc, std::ostream& out, bool xml_declaration) {
  pugi::xml_writer_stream writer(out);
  save_polyglot(doc, writer, xml_declaration);
}

void save_polyglot(pugi::xml_document& doc, pugi::xml_writer& out, bool xml_declaration) {
  prepare_for_output(doc);
  const unsigned flags =
      pugi::format_indent | (xml_declaration ? 0u : unsigned{pugi::format_no_declaration});
  doc.save(out, "  ", flags, pugi::encoding_utf8);
}

std::optional<std::pair<std::size_t, std::size_t>> mark_span(const std::string& text,
                                                             const std::string& mark) {
  const std::string comment = "<!--" + mark + "-->";
  std::size_t from = text.find(comment);
  if (from == std::string::npos) return std::nullopt;
  std::size_t to = from + comment.size();
  const std::size_t line_start = text.rfind('\n', from) + 1;  // 0 on the first line
  if (text.find_first_not_of(' ', line_start) == from && text.compare(to, 1, "\n") == 0) {
    from = line_start;
    to += 1;
  }
  return std::pair{from, to};
}

unsigned children_depth(pugi::xml_node node) {
  unsigned depth = 0;
  for (; node.type() != pugi::node_document; node = node.parent()) ++depth;
  return depth;
}

void save_polyglot_fragment(pugi::xml_node holder, std::ostream& out, unsigned depth) {
  pugi::xml_writer_stream writer(out);
  save_polyglot_fragment(holder, writer, depth);
}

void save_polyglot_fragment(pugi::xml_node holder, pugi::xml_writer& out, unsigned depth) {
  prepare_for_output(holder);
  for (pugi::xml_node child = holder.first_child(); child; child = child.next_sibling()) {
    child.print(out, "  ", pugi::format_indent, pugi::encoding_utf8, depth);
  }
}

}  // namespace dossier::emit
