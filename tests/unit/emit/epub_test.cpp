#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <set>
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

// The small briefing's first source `count` times, as S1…S`count`.
model::Briefing copies_of_first_source(int count) {
  model::Briefing b = fixtures::small_briefing();
  const model::Source first = b.sources.front();
  b.sources.clear();
  for (int i = 1; i <= count; ++i) {
    model::Source s = first;
    s.id = "S" + std::to_string(i);
    for (auto& block : s.blocks) block.id = s.id + block.id.substr(block.id.find('-'));
    b.sources.push_back(s);
  }
  return b;
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

// Each chapter's shell is a copy of one rendering of the chapter template with the page's
// own title put in wherever the template asks for it, escaped like any other text.
TEST(Epub, EachChapterCarriesItsOwnTitleWhereverTheTemplatePutsIt) {
  const std::filesystem::path folder = std::filesystem::path(testing::TempDir()) / "epub-titles";
  std::filesystem::create_directories(folder / "epub");
  std::ofstream(folder / "epub/chapter.mustache")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{{lang}}\">\n"
         "<head><title>{{page_title}}</title></head>\n"
         "<body data-title=\"{{page_title}} | {{title}}\">"
         "<p>[{{page_title}}][{{page_title}}]</p><div id=\"dossier-content\"></div></body>\n"
         "</html>\n";
  auto options = fixtures::project_emit_options();
  options.templates =
      emit::TemplateSet({folder, std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates"});
  model::Briefing b = fixtures::small_briefing();
  ASSERT_GE(b.sources.size(), 2u);
  b.sources[0].meta.title = "Rock & \"roll\" <live>";
  const auto entries = fixtures::read_zip(epub_of(b, options));
  std::map<std::string, std::string> files;
  for (const auto& e : entries) files[e.name] = e.data;
  ASSERT_TRUE(files.count("EPUB/S1.xhtml") && files.count("EPUB/S2.xhtml"));
  pugi::xml_document first, second;
  ASSERT_TRUE(first.load_string(files["EPUB/S1.xhtml"].c_str()));
  ASSERT_TRUE(second.load_string(files["EPUB/S2.xhtml"].c_str()));
  const std::string title = "Rock & \"roll\" <live>";
  EXPECT_EQ(first.select_node("//title").node().text().as_string(), title);
  EXPECT_EQ(std::string(first.select_node("//body").node().attribute("data-title").value()),
            title + " | " + b.title);
  EXPECT_EQ(std::string(first.select_node("//body/p").node().text().as_string()),
            "[" + title + "][" + title + "]");
  const std::string other = model::display_title(b.sources[1]);
  EXPECT_EQ(second.select_node("//title").node().text().as_string(), other);
  EXPECT_NE(files["EPUB/S1.xhtml"].find("Rock &amp; \"roll\" &lt;live&gt;"), std::string::npos);
  for (const auto& [name, text] : files) {
    EXPECT_EQ(text.find("\uE000"), std::string::npos) << name;  // no stand-in left anywhere
  }
}

// The book is written entry by entry as it is made (chapters in batches of 32, the package
// last): with a hundred sources, every directory record must point at a local header of the
// same name, the headers must follow one another without gaps, and the package must list
// every chapter that came before it.
TEST(Epub, AStreamedBookHasEveryEntryWhereItsDirectorySaysAndThePackageLast) {
  const model::Briefing b = copies_of_first_source(100);
  const std::string book = epub_of(b, fixtures::project_emit_options());
  const auto entries = fixtures::read_zip(book);
  ASSERT_EQ(entries.front().name, "mimetype");
  std::size_t next = 0;  // where the next local header should start
  std::size_t package_at = entries.size(), last_chapter_at = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    ASSERT_EQ(e.local_offset, next) << e.name;
    ASSERT_EQ(fixtures::read_le(book, e.local_offset, 4), 0x04034b50u) << e.name;
    const std::uint32_t name_length = fixtures::read_le(book, e.local_offset + 26, 2);
    EXPECT_EQ(book.substr(e.local_offset + 30, name_length), e.name);
    next = e.local_offset + 30 + name_length + e.extra_length +
           fixtures::read_le(book, e.local_offset + 18, 4);
    if (e.name == "EPUB/package.opf") package_at = i;
    if (e.name.starts_with("EPUB/S")) last_chapter_at = i;
  }
  EXPECT_EQ(book.compare(next, 4, "PK\x01\x02"), 0) << "the directory follows the last entry";
  ASSERT_LT(package_at, entries.size());
  EXPECT_GT(package_at, last_chapter_at);
  const std::string& package = entries[package_at].data;
  for (int i = 1; i <= 100; ++i) {
    const std::string file = "S" + std::to_string(i) + ".xhtml";
    EXPECT_NE(package.find("href=\"" + file + "\""), std::string::npos) << file;
  }
}

// A long reference part is compressed as it is written instead of held (past
// epub_hold_page): the book then holds the same files, with the same identifier, only
// compressed differently.
TEST(Epub, PartsCompressedAsTheyAreWrittenGiveTheSameFiles) {
  const model::Briefing b = copies_of_first_source(40);
  emit::EmitOptions held = fixtures::project_emit_options();
  emit::EmitOptions streamed = held;
  streamed.epub_hold_page = 0;
  const std::string held_book = epub_of(b, held), streamed_book = epub_of(b, streamed);
  EXPECT_NE(held_book, streamed_book);  // the parts went the other way
  const auto held_entries = fixtures::read_zip(held_book);
  const auto streamed_entries = fixtures::read_zip(streamed_book);
  ASSERT_EQ(held_entries.size(), streamed_entries.size());
  for (std::size_t i = 0; i < held_entries.size(); ++i) {
    EXPECT_EQ(streamed_entries[i].name, held_entries[i].name);
    EXPECT_TRUE(streamed_entries[i].data == held_entries[i].data) << held_entries[i].name;
  }
}

namespace {

// Every id of every XHTML file of a book, by file name (without EPUB/).
std::map<std::string, std::set<std::string>> ids_by_file(
    const std::vector<fixtures::ZipEntry>& entries) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& e : entries) {
    if (!e.name.ends_with(".xhtml")) continue;
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(e.data.c_str())) << e.name;
    auto& ids = out[e.name.substr(std::string("EPUB/").size())];
    for (const auto& node : doc.select_nodes("//*[@id]")) {
      ids.insert(node.node().attribute("id").value());
    }
  }
  return out;
}

std::string entry_data(const std::vector<fixtures::ZipEntry>& entries, const std::string& name) {
  for (const auto& e : entries) {
    if (e.name == name) return e.data;
  }
  return {};
}

// A book holds only its own files: in a chapter, web and mail addresses are links, relative
// ones (another file, a fragment) stay text, their words kept, and so does a relative address
// of the source; the HTML page, which may sit beside those files, keeps them as links.
TEST(Epub, OnlyWebAndMailAddressesOfASourceAreLinks) {
  auto b = fixtures::small_briefing();
  auto& block = b.sources[0].blocks[0];
  block.text = "See the web, the notes, the list or mail us.";
  block.spans = {{model::SpanKind::Link, 4, 11, "https://example.org/a"},
                 {model::SpanKind::Link, 13, 22, "notes.md"},
                 {model::SpanKind::Link, 24, 32, "#S1-p3"},
                 {model::SpanKind::Link, 36, 43, "mailto:desk@example.org"}};
  b.sources[0].meta.url = "archive/one.html";
  model::Entity name;  // a name dossier links to its index entry stays a link
  name.id = "E-see";
  name.name = "See";
  name.type = model::EntityType::Place;
  name.mentions.push_back({"S1-p1", 0, 3});
  b.entities.push_back(name);
  const auto book = fixtures::read_zip(epub_of(b, fixtures::project_emit_options()));
  const std::string chapter = entry_data(book, "EPUB/S1.xhtml");
  EXPECT_NE(
      chapter.find("<a href=\"index.xhtml#E-see\" class=\"entity\">See</a> "
                   "<a href=\"https://example.org/a\">the web</a>, <span>the notes</span>, "
                   "<span>the list</span> or <a href=\"mailto:desk@example.org\">mail us</a>."),
      std::string::npos)
      << chapter;
  EXPECT_EQ(chapter.find("href=\"notes.md\""), std::string::npos);
  EXPECT_EQ(chapter.find("href=\"archive/"), std::string::npos);
  EXPECT_NE(chapter.find("<dd>archive/one.html</dd>"), std::string::npos);

  std::ostringstream html;
  ASSERT_TRUE(emit::write_html(b, fixtures::project_emit_options(), html).ok());
  EXPECT_NE(html.str().find("<a href=\"notes.md\">the notes</a>"), std::string::npos);
  EXPECT_NE(html.str().find("<a href=\"#S1-p3\">the list</a>"), std::string::npos);
}

// The ids of the <dt> entries of a part's files, in spine order.
std::vector<std::string> index_entry_ids(const std::vector<fixtures::ZipEntry>& entries) {
  std::vector<std::string> out;
  for (int k = 1;; ++k) {
    const std::string data = entry_data(
        entries, k == 1 ? "EPUB/index.xhtml" : "EPUB/index-" + std::to_string(k) + ".xhtml");
    if (data.empty()) break;
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(data.c_str()));
    for (const auto& node : doc.select_nodes("//*[local-name()='dt'][@id]")) {
      out.emplace_back(node.node().attribute("id").value());
    }
  }
  return out;
}

}  // namespace

// A reference part longer than epub_part_bytes is split over files (index.xhtml,
// index-2.xhtml, …): all of them in the spine in order, only the first in the contents, the
// same entries in the same order as the part whole, and every link of the book, the names'
// links to the index above all, reaches a file and an id that is there.
namespace {

// Checks that every internal link of a book reaches a file and an id in it; returns how many
// go to a later file of the index (index-2.xhtml, …).
int check_internal_links(const std::vector<fixtures::ZipEntry>& book) {
  const auto ids = ids_by_file(book);
  int to_later_index_files = 0;
  for (const auto& e : book) {
    if (!e.name.ends_with(".xhtml")) continue;
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(e.data.c_str())) << e.name;
    for (const auto& node : doc.select_nodes("//*[local-name()='a'][@href]")) {
      const std::string href = node.node().attribute("href").value();
      if (href.starts_with("http")) continue;
      const auto hash = href.find('#');
      const std::string file = href.substr(0, hash);
      const auto it = ids.find(file);
      if (it == ids.end()) {
        ADD_FAILURE() << e.name << ": " << href;
        continue;
      }
      if (hash != std::string::npos) {
        EXPECT_TRUE(it->second.contains(href.substr(hash + 1))) << e.name << ": " << href;
      }
      to_later_index_files += file.starts_with("index-");
    }
  }
  return to_later_index_files;
}

// Forty sources, thirty names each in a few of them, eighty figures and `conflicts` conflicts
// between them.
model::Briefing long_briefing(int conflicts) {
  model::Briefing b = copies_of_first_source(40);
  for (int k = 0; k < 30; ++k) {
    model::Entity e;
    e.id = "E-name-" + std::to_string(k);
    e.name = "Name " + std::to_string(100 + k);
    e.type = k % 3 == 0 ? model::EntityType::Place : model::EntityType::Person;
    for (int s = k % 5; s < 40; s += 5 + k % 3) {
      e.mentions.push_back(
          {"S" + std::to_string(s + 1) + "-p" + std::to_string(1 + k % 2 * 2), 0, 3});
    }
    b.entities.push_back(e);
  }
  b.figures.clear();
  for (int k = 0; k < 80; ++k) {
    model::Figure f;
    f.id = "F" + std::to_string(k + 1);
    f.block = "S" + std::to_string(k % 40 + 1) + "-p1";
    f.text = std::to_string(1000 + k) + " tonnes";
    f.about = "grain shipped";
    b.figures.push_back(f);
  }
  for (int k = 0; k < conflicts; ++k) {
    const int a = k % 80, c = (k + 1) % 80;
    b.conflicts.push_back(
        {"grain shipped " + std::to_string(k),
         {"F" + std::to_string(a + 1), "F" + std::to_string(c + 1)},
         {"S" + std::to_string(a % 40 + 1) + "-p1", "S" + std::to_string(c % 40 + 1) + "-p1"}});
  }
  return b;
}

}  // namespace

TEST(Epub, ALongPartIsSplitOverFilesAndEveryLinkFindsItsAnchor) {
  const model::Briefing b = long_briefing(1);
  const emit::EmitOptions whole_options = fixtures::project_emit_options();
  emit::EmitOptions split_options = whole_options;
  split_options.epub_part_bytes = 2048;
  const auto whole = fixtures::read_zip(epub_of(b, whole_options));
  const auto split = fixtures::read_zip(epub_of(b, split_options));
  EXPECT_TRUE(entry_data(whole, "EPUB/index-2.xhtml").empty());
  for (const std::string part : {"index", "people", "figures"}) {
    EXPECT_FALSE(entry_data(split, "EPUB/" + part + "-2.xhtml").empty()) << part;
  }
  const std::vector<std::string> entries = index_entry_ids(split);
  EXPECT_GT(entries.size(), 2u);
  EXPECT_EQ(entries, index_entry_ids(whole));

  const std::string package = entry_data(split, "EPUB/package.opf");
  const auto index_at = package.find("idref=\"chapter-index\"");
  const auto index_2_at = package.find("idref=\"chapter-index-2\"");
  ASSERT_NE(index_2_at, std::string::npos);
  EXPECT_LT(index_at, index_2_at);
  const std::string nav = entry_data(split, "EPUB/nav.xhtml");
  EXPECT_NE(nav.find("href=\"index.xhtml\""), std::string::npos);
  EXPECT_EQ(nav.find("index-2.xhtml"), std::string::npos);
  EXPECT_EQ(entry_data(split, "EPUB/toc.ncx").find("index-2.xhtml"), std::string::npos);

  EXPECT_GT(check_internal_links(split), 0);
  // The conflicts open the figures, in their first file only.
  EXPECT_NE(entry_data(split, "EPUB/figures.xhtml").find("class=\"conflicts\""), std::string::npos);
  EXPECT_EQ(entry_data(split, "EPUB/figures-2.xhtml").find("class=\"conflicts\""),
            std::string::npos);
}

// A name in more paragraphs than a file holds: its index and key-entities entries run on
// over files in pieces (further <dd> elements), a later file opening with the name marked
// continued; the entry's anchor stays in its first file, every link once and every link of
// the book resolving. Where the entry fits a file, its pieces follow one another there.
TEST(Epub, ANameInThousandsOfParagraphsRunsOverFiles) {
  model::Briefing b = copies_of_first_source(40);
  for (auto& source : b.sources) {
    const model::Block paragraph = source.blocks[0];
    for (int k = 4; k <= 130; ++k) {
      source.blocks.push_back(paragraph);
      source.blocks.back().id = source.id + "-p" + std::to_string(k);
    }
  }
  model::Entity big;
  big.id = "E-big-name";
  big.name = "Big Name";
  for (const auto& source : b.sources) {
    for (const auto& block : source.blocks) big.mentions.push_back({block.id, 0, 3});
  }
  const std::size_t paragraphs = big.mentions.size();  // 40 x 130: three pieces of 2,048
  b.entities = {big};
  emit::EmitOptions options = fixtures::project_emit_options();
  options.epub_part_bytes = 2048;
  const auto book = fixtures::read_zip(epub_of(b, options));
  for (const std::string part : {"index", "people"}) {
    std::size_t links = 0, anchors = 0, continued = 0, files = 0;
    for (int k = 1;; ++k) {
      const std::string data =
          entry_data(book, "EPUB/" + part + (k == 1 ? "" : "-" + std::to_string(k)) + ".xhtml");
      if (data.empty()) break;
      ++files;
      pugi::xml_document doc;
      ASSERT_TRUE(doc.load_string(data.c_str()));
      for (const auto& dd : doc.select_nodes("//*[local-name()='dd']")) {
        links += dd.node().select_nodes(".//*[local-name()='a']").size();
      }
      anchors += doc.select_nodes("//*[@id='E-big-name']").size();
      const auto dts = doc.select_nodes("//*[local-name()='dt']");
      for (std::size_t n = 0; n < dts.size(); ++n) {
        const std::string text =
            dts[n].node().child_value() + std::string(dts[n].node().last_child().value());
        if (text.ends_with(" (continued)")) {
          ++continued;
          EXPECT_EQ(n, 0u) << part << " file " << k << ": only a file opens with it";
        }
      }
    }
    EXPECT_GE(files, 3u) << part;
    EXPECT_EQ(links, paragraphs) << part;
    EXPECT_EQ(continued, files - 1) << part;
    EXPECT_EQ(anchors, part == "index" ? 1u : 0u) << part;
  }
  check_internal_links(book);
  // A file holds the whole entry when it can, its pieces one after another.
  options.epub_part_bytes = std::size_t{1} << 20;
  const auto whole = fixtures::read_zip(epub_of(b, options));
  EXPECT_TRUE(entry_data(whole, "EPUB/index-2.xhtml").empty());
  const std::string index = entry_data(whole, "EPUB/index.xhtml");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(index.c_str()));
  EXPECT_EQ(doc.select_nodes("//*[local-name()='dd']").size(), 3u) << "three pieces";
}

// One speaker quoted more than a file holds: the quotations run on over files, each later
// file repeating the part's heading and, when it starts among that speaker's quotations, the
// speaker's with "continued"; every quotation once, in order. Where the part fits one file
// it is as before.
TEST(Epub, ALongSpeakersQuotationsRunOverFiles) {
  model::Briefing b = long_briefing(1);
  b.quotes.clear();
  for (int k = 0; k < 120; ++k) {
    model::Quote q;
    q.id = "Q" + std::to_string(k + 1);
    q.block = "S" + std::to_string(k % 40 + 1) + "-p1";
    q.blocks = {q.block};
    q.text = "Quotation " + std::to_string(k + 1) + " of the grain corridor, word for word.";
    if (k >= 5) q.speaker = k < 110 ? "E-name-1" : "E-name-2";  // five with no speaker
    b.quotes.push_back(q);
  }
  emit::EmitOptions options = fixtures::project_emit_options();
  options.epub_part_bytes = 2048;
  const auto book = fixtures::read_zip(epub_of(b, options));
  std::vector<std::string> ids, headings;
  int files = 0;
  for (int k = 1;; ++k) {
    const std::string data = entry_data(
        book, k == 1 ? "EPUB/quotes.xhtml" : "EPUB/quotes-" + std::to_string(k) + ".xhtml");
    if (data.empty()) break;
    ++files;
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(data.c_str()));
    EXPECT_TRUE(doc.select_node("//*[local-name()='h2']")) << "file " << k;
    const auto nodes =
        doc.select_nodes("//*[local-name()='h3' or (local-name()='blockquote' and @id)]");
    for (std::size_t n = 0; n < nodes.size(); ++n) {
      const pugi::xml_node node = nodes[n].node();
      if (std::string_view(node.name()) == "h3") {
        headings.push_back(std::to_string(k) + ":" + node.text().get() +
                           node.child("a").text().get() + node.last_child().value());
        continue;
      }
      ids.emplace_back(node.attribute("id").value());
      // A later file's first quotation has its speaker's heading above it.
      if (k > 1 && ids.size() > 1 && n == 0) ADD_FAILURE() << "file " << k << " starts bare";
    }
  }
  EXPECT_GE(files, 3);
  ASSERT_EQ(ids.size(), 120u);
  // Speakers in order of their first quotation, the unattributed last.
  for (int k = 0; k < 105; ++k)
    EXPECT_EQ(ids[static_cast<std::size_t>(k)], "Q" + std::to_string(k + 6));
  for (int k = 0; k < 5; ++k) {
    EXPECT_EQ(ids[static_cast<std::size_t>(115 + k)], "Q" + std::to_string(k + 1));
  }
  int continued = 0, first_headings = 0;
  for (const auto& h : headings) {
    if (h.ends_with(" (continued)")) {
      ++continued;
    } else {
      ++first_headings;
    }
  }
  EXPECT_EQ(first_headings, 3) << "each speaker's heading once, the unattributed included";
  EXPECT_GE(continued, 1);
  EXPECT_EQ(continued + first_headings, static_cast<int>(headings.size()));
  // In one file the part is as it was: one heading per speaker, no "continued".
  const auto whole = fixtures::read_zip(epub_of(b, fixtures::project_emit_options()));
  EXPECT_TRUE(entry_data(whole, "EPUB/quotes-2.xhtml").empty());
  const std::string one = entry_data(whole, "EPUB/quotes.xhtml");
  EXPECT_EQ(one.find("continued"), std::string::npos);
  std::size_t h3s = 0;
  for (auto at = one.find("<h3"); at != std::string::npos; at = one.find("<h3", at + 1)) ++h3s;
  EXPECT_EQ(h3s, 3u);
}

// Conflicts too long for the figures' first file are a part of their own before the figures
// (conflicts.xhtml, conflicts-2.xhtml, …), each conflict once; the figures then open without
// them. The HTML keeps them in the figures part.
TEST(Epub, ManyConflictsAreAPartOfTheirOwn) {
  const model::Briefing b = long_briefing(300);
  emit::EmitOptions options = fixtures::project_emit_options();
  options.epub_part_bytes = 4096;
  const auto book = fixtures::read_zip(epub_of(b, options));
  int items = 0, files = 0;
  for (int k = 1;; ++k) {
    const std::string data = entry_data(
        book, k == 1 ? "EPUB/conflicts.xhtml" : "EPUB/conflicts-" + std::to_string(k) + ".xhtml");
    if (data.empty()) break;
    ++files;
    for (std::size_t at = data.find("<li>"); at != std::string::npos;
         at = data.find("<li>", at + 1)) {
      ++items;
    }
  }
  EXPECT_GE(files, 2);
  EXPECT_EQ(items, 300);
  const std::string figures = entry_data(book, "EPUB/figures.xhtml");
  EXPECT_EQ(figures.find("class=\"conflicts\""), std::string::npos);
  EXPECT_NE(figures.find("class=\"figures\""), std::string::npos);
  const std::string nav = entry_data(book, "EPUB/nav.xhtml");
  const auto conflicts_at = nav.find("href=\"conflicts.xhtml\"");
  ASSERT_NE(conflicts_at, std::string::npos);
  EXPECT_LT(conflicts_at, nav.find("href=\"figures.xhtml\""));
  // Whole, as the figures' head, where they fit in one file.
  const auto whole = fixtures::read_zip(epub_of(b, fixtures::project_emit_options()));
  EXPECT_TRUE(entry_data(whole, "EPUB/conflicts.xhtml").empty());
  EXPECT_NE(entry_data(whole, "EPUB/figures.xhtml").find("class=\"conflicts\""), std::string::npos);
}
