// briefing.html: one self-contained polyglot HTML5 file (inline CSS, no scripts, no fetches).
#include <sstream>

#include "emit/base64.h"
#include "emit/html/xhtml.h"
#include "emit/piece_cache.h"
#include "model/image_type.h"

namespace dossier::emit {

namespace {

constexpr const char* kBodyMark = "dossier: the parts and source chapters go here";

// pugixml escapes < > & in text, which a <style> element would show literally.
bool is_safe_css(const std::string& css) {
  return css.find_first_of("<>&") == std::string::npos;
}
}  // namespace

model::Result<bool> write_html(const model::Briefing& briefing, const EmitOptions& options,
                               std::ostream& out) {
  pugi::xml_document doc;
  if (auto shell =
          render_shell(options, "html/page.mustache", shell_values(briefing, options), doc);
      !shell) {
    return shell.error();
  }
  auto css = options.templates.read("style.css");
  if (!css) return css.error();
  if (!is_safe_css(css.value())) {
    return model::Diagnostic{model::Severity::Error,
                             model::DiagCode::Template,
                             "style.css",
                             0,
                             0,
                             "CSS may not contain <, > or & (it is inlined into the page)"};
  }
  const HrefFor href = [](const std::string&, const std::string& anchor) { return "#" + anchor; };
  pugi::xml_node style = find_by_id(doc, "dossier-style");
  pugi::xml_node contents = find_by_id(doc, "dossier-contents");
  pugi::xml_node main = find_by_id(doc, "dossier-content");
  if (!style || !contents || !main) {
    return model::Diagnostic{model::Severity::Error,
                             model::DiagCode::Template,
                             "html/page.mustache",
                             0,
                             0,
                             "the page template needs elements with ids dossier-style, "
                             "dossier-contents and dossier-content"};
  }
  style.append_child(pugi::node_pcdata).set_value(css.value().c_str());
  std::optional<BriefingView> made_view;
  const BriefingView& view = view_for(briefing, options.view, made_view);
  const Words& words = options.words;
  append_part_links(contents, words, href, true);
  append_source_list(contents, briefing, words, href);
  append_part_links(contents, words, href, false);
  // One file: images go in as data: URIs.
  const ImageHref image_href = [](const model::Source& source, const std::string& src) {
    const auto it = source.images.find(src);
    if (it == source.images.end()) return std::string();
    return std::string("data:") + model::image_media_type(it->second) + ";base64," +
           base64(it->second);
  };
  // The reference parts and the chapters, most of the page, are streamed one at a time in the
  // place this marks, each tree freed once written, so the page is never one tree in memory
  // (ten thousand sources' reference parts alone took over a gigabyte as one tree).
  pugi::xml_node body = main.append_child(pugi::node_comment);
  body.set_value(kBodyMark);
  const unsigned depth = children_depth(main);
  std::ostringstream page;
  save_polyglot(doc, page);
  const std::string text = std::move(page).str();
  // The body replaces the mark (see mark_span).
  const auto [from, to] = mark_span(text, kBodyMark).value_or(std::pair{text.size(), text.size()});
  out.write(text.data(), static_cast<std::streamsize>(from));
  const auto write_fragment = [&](const auto& fill, std::ostream& sink) {
    pugi::xml_document fragment;
    fill(pugi::xml_node(fragment));
    save_polyglot_fragment(fragment, sink, depth);
  };
  pugi::xml_writer_stream writer(out);
  // A reference part's slices an earlier build wrote are copied too, while the part shows the
  // same (part_key).
  const std::string part_context = "html part, indented " + std::to_string(depth);
  const auto write_part_of = [&](const PartSteps& steps, ReferencePart part) {
    if (!options.pieces) return write_part(steps, view, words, href, writer, depth);
    const PartPieces pieces{*options.pieces, part_key(options, view, part, part_context)};
    write_part(steps, view, words, href, writer, depth, kAllEntries, &pieces);
  };
  write_part_of(kKeyEntitiesPart, ReferencePart::People);
  write_part_of(kQuotesPart, ReferencePart::Quotes);
  write_part_of(kTimelinePart, ReferencePart::Timeline);
  write_part_of(kFiguresPart, ReferencePart::Figures);
  // A chapter an earlier build rendered is copied (see piece_cache.h); one rendered now is
  // kept for the next build.
  const std::string context = "html chapter, indented " + std::to_string(depth);
  for (std::size_t i = 0; i < briefing.sources.size(); ++i) {
    const auto fill = [&](pugi::xml_node holder) {
      append_source_chapter(holder, briefing.sources[i], words, href, &view, image_href);
    };
    if (!options.pieces) {
      write_fragment(fill, out);
      continue;
    }
    const model::Digest key = chapter_key(options, briefing, i, &view, context);
    if (const auto piece = options.pieces->find(key)) {
      out << *piece;
      continue;
    }
    std::ostringstream rendered;
    write_fragment(fill, rendered);
    const std::string piece = std::move(rendered).str();
    options.pieces->store(key, piece);
    out << piece;
  }
  write_part_of(kIndexPart, ReferencePart::Index);
  out.write(text.data() + to, static_cast<std::streamsize>(text.size() - to));
  return static_cast<bool>(out);
}

}  // namespace dossier::emit
