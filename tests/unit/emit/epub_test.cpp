#include <gtest/gtest.h>

#include <cstdlib>
#include <pugixml.hpp>
#include <sstream>

#include "emit/emit.h"
#include "emit/emit_options.h"
#include "emit/test_briefing.h"
#include "emit/zip_reader.h"

using namespace dossier;

namespace {
std::string epub_of(const model::Briefing& b, const emit::EmitOptions& o) {
  std::ostringstream out;
  auto r = emit::write_epub(b, o, out);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : model::format_diagnostic(r.error()));
  return out.str();
}
}  // namespace

TEST(Epub, MimetypeIsFirstStoredAndWithoutExtraField) {
  const auto entries =
      fixtures::read_zip(epub_of(fixtures::small_briefing(), fixtures::project_emit_options()));
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].name, "mimetype");
  EXPECT_EQ(entries[0].method, 0);
  EXPECT_EQ(entries[0].extra_length, 0);
  EXPECT_EQ(entries[0].local_offset, 0u);
  EXPECT_EQ(entries[0].data, "application/epub+zip");
}

TEST(Epub, EveryXmlFileIsWellFormedAndEverySourceHasAChapter) {
  const auto entries =
      fixtures::read_zip(epub_of(fixtures::small_briefing(), fixtures::project_emit_options()));
  std::set<std::string> names;
  for (const auto& e : entries) {
    names.insert(e.name);
    if (e.name.ends_with(".xhtml") || e.name.ends_with(".opf") || e.name.ends_with(".xml") ||
        e.name.ends_with(".ncx")) {
      pugi::xml_document doc;
      EXPECT_TRUE(doc.load_string(e.data.c_str())) << e.name;
    }
  }
  for (const char* n :
       {"META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx",
        "EPUB/cover.xhtml", "EPUB/S1.xhtml", "EPUB/S2.xhtml", "EPUB/style.css"}) {
    EXPECT_TRUE(names.count(n)) << n;
  }
}

TEST(Epub, PackageCarriesModifiedDateFromTheBuildTimestamp) {
  const auto entries =
      fixtures::read_zip(epub_of(fixtures::small_briefing(), fixtures::project_emit_options()));
  for (const auto& e : entries) {
    if (e.name != "EPUB/package.opf") continue;
    EXPECT_NE(e.data.find(">2025-05-15T00:00:00Z<"), std::string::npos);
    EXPECT_NE(e.data.find("urn:uuid:"), std::string::npos);
  }
}

TEST(Epub, IsByteIdenticalAcrossRunsAndTimeZones) {
  const auto b = fixtures::small_briefing();
  const auto o = fixtures::project_emit_options();
  const std::string first = epub_of(b, o);
  const char* old = std::getenv("TZ");
  setenv("TZ", "Asia/Tokyo", 1);
  tzset();
  const std::string second = epub_of(b, o);
  if (old)
    setenv("TZ", old, 1);
  else
    unsetenv("TZ");
  tzset();
  EXPECT_EQ(first, second);
}
