// Fuzz target over the whole pipeline to PDF: the input as a plain-text and a Markdown source
// → ingest, normalize, structure, annotate, crossref → the PDF with its real fonts, through
// libharu and dossier's own save (object streams, a cross-reference stream). The file must
// read back through its cross-reference stream with every object where its row says; every
// reference outside streams' data must name an object of the file; the catalog's page tree
// must count the pages there are; and every link annotation must have a destination on a page.
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../unit/emit/pdf_reader.h"
#include "emit/emit.h"
#include "fuzz_check.h"
#include "pipeline_briefing.h"

using namespace dossier;
using test::references_in;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto briefing =
      fuzz::pipeline_briefing(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!briefing) return 0;
  std::ostringstream out;
  const auto written = emit::write_pdf(*briefing, fuzz::emit_options(), out);
  fuzz::check(written.ok(), "the PDF is written", written.ok() ? "" : written.error().message);
  const std::string pdf = out.str();
  fuzz::check(pdf.starts_with("%PDF-1.5\n") && pdf.ends_with("%%EOF\n"),
              "the file starts with its header and ends with its end mark");
  const test::PdfRead read = test::read_pdf(pdf);
  fuzz::check(read.problems.empty(), "every object is where the cross-reference stream says",
              read.problems.empty() ? "" : read.problems.front());

  std::set<int> pages;
  for (const auto& [id, value] : read.objects) {
    for (const int to : references_in(value)) {
      fuzz::check(read.objects.contains(to), "a reference names an object of the file",
                  std::to_string(id) + " names " + std::to_string(to));
    }
    if (value.find("/Type /Page\n") != std::string::npos) pages.insert(id);
  }
  const auto root = references_in(read.trailer.substr(read.trailer.find("/Root")));
  fuzz::check(
      !root.empty() && read.objects.at(root.front()).find("/Type /Catalog") != std::string::npos,
      "the trailer names the catalog");
  const std::string& catalog = read.objects.at(root.front());
  const auto tree = references_in(catalog.substr(catalog.find("/Pages")));
  fuzz::check(!tree.empty() && test::number_after(read.objects.at(tree.front()), "/Count") ==
                                   static_cast<long long>(pages.size()),
              "the page tree counts every page");
  for (const int page : pages) {
    const std::string& value = read.objects.at(page);
    const std::size_t annots = value.find("/Annots [");
    if (annots == std::string::npos) continue;
    for (const int link : references_in(value.substr(annots, value.find(']', annots) - annots))) {
      const std::string& annot = read.objects.at(link);
      if (annot.find("/Subtype /Link") == std::string::npos) continue;
      if (annot.find("/URI") != std::string::npos) continue;  // a web address
      const std::size_t dest = annot.find("/Dest ");
      fuzz::check(dest != std::string::npos, "an internal link has a destination");
      const auto target = references_in(annot.substr(dest));
      fuzz::check(!target.empty(), "a link's destination is an array of the file");
      const auto on = references_in(read.objects.at(target.front()));
      fuzz::check(!on.empty() && pages.contains(on.front()), "a destination is on a page");
    }
  }
  return 0;
}
