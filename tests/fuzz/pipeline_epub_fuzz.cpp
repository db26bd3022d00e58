// Fuzz target over the whole pipeline to EPUB: the input as a plain-text and a Markdown source
// → ingest, normalize, structure, annotate, crossref → the book, with parts split over files
// at a few hundred bytes so that every part runs on over several. The book must read back as
// a ZIP whose first entry is the stored mimetype; its package, NCX and every XHTML file must
// be well-formed XML with no active content; and every link between its files must reach a
// file of the book and, with a fragment, an id in it; the package lists every file and its
// spine only listed ones (as epubcheck requires).
#include <cstddef>
#include <cstdint>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "../unit/emit/zip_reader.h"
#include "emit/emit.h"
#include "fuzz_check.h"
#include "pipeline_briefing.h"

using namespace dossier;

namespace {

const emit::EmitOptions& epub_options() {
  static const emit::EmitOptions o = [] {
    emit::EmitOptions o = fuzz::emit_options();
    o.epub_part_bytes = 512;
    return o;
  }();
  return o;
}

// "https:", "mailto:" and the like: a scheme, then a colon before any '/', '#' or '?'.
bool has_scheme(std::string_view href) {
  const auto colon = href.find(':');
  return colon != std::string_view::npos &&
         href.substr(0, colon).find_first_of("/#?") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto briefing =
      fuzz::pipeline_briefing(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!briefing) return 0;
  std::ostringstream out;
  const auto written = emit::write_epub(*briefing, epub_options(), out);
  fuzz::check(written.ok(), "the book is written");
  const auto book = fixtures::read_zip(out.str());
  fuzz::check(!book.empty() && book.front().name == "mimetype" && book.front().method == 0 &&
                  book.front().data == "application/epub+zip",
              "the book opens with its stored mimetype");

  // Every file of the book, with the ids of each XML one.
  std::map<std::string, std::set<std::string>> ids_of;
  std::map<std::string, pugi::xml_document> documents;
  for (const auto& entry : book) {
    auto& ids = ids_of[entry.name];
    const bool xml = entry.name.ends_with(".xhtml") || entry.name.ends_with(".opf") ||
                     entry.name.ends_with(".ncx") || entry.name.ends_with(".xml");
    if (!xml) continue;
    auto& doc = documents[entry.name];
    const auto parsed = doc.load_buffer(entry.data.data(), entry.data.size(),
                                        pugi::parse_default | pugi::parse_doctype);
    fuzz::check(static_cast<bool>(parsed), "a file of the book is well-formed XML",
                entry.name + ": " + parsed.description());
    for (const auto& node : doc.select_nodes("//*[@id]")) {
      ids.insert(node.node().attribute("id").value());
    }
  }
  // The package lists every file of the book but itself, and its spine only files it lists.
  const auto package = documents.find("EPUB/package.opf");
  fuzz::check(package != documents.end(), "the book has its package");
  std::set<std::string> listed, item_ids;
  for (const auto& node : package->second.select_nodes("//*[local-name()='item']")) {
    const std::string file = "EPUB/" + std::string(node.node().attribute("href").value());
    fuzz::check(ids_of.contains(file), "the package lists a file of the book", file);
    listed.insert(file);
    item_ids.insert(node.node().attribute("id").value());
  }
  for (const auto& entry : book) {
    const bool own = entry.name == "mimetype" || entry.name.starts_with("META-INF/") ||
                     entry.name == "EPUB/package.opf";
    fuzz::check(own || listed.contains(entry.name), "a file of the book is listed", entry.name);
  }
  for (const auto& node : package->second.select_nodes("//*[local-name()='itemref']")) {
    fuzz::check(item_ids.contains(node.node().attribute("idref").value()),
                "the spine reads listed files", node.node().attribute("idref").value());
  }
  for (const auto& [name, doc] : documents) {
    if (!name.ends_with(".xhtml")) continue;
    fuzz::check_inactive(doc);
    const std::string folder = name.substr(0, name.rfind('/') + 1);
    for (const auto& node : doc.select_nodes("//*[local-name()='a'][@href]")) {
      const std::string href = node.node().attribute("href").value();
      if (has_scheme(href)) continue;
      const auto hash = href.find('#');
      const std::string file = hash == 0 ? name : folder + href.substr(0, hash);
      const auto target = ids_of.find(file);
      fuzz::check(target != ids_of.end(), "a link reaches a file of the book", name + ": " + href);
      if (hash != std::string::npos) {
        fuzz::check(target->second.contains(href.substr(hash + 1)),
                    "a link's fragment is an id of its file", name + ": " + href);
      }
    }
  }
  return 0;
}
