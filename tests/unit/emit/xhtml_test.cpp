#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "emit/emit.h"
#include "emit/emit_options.h"
#include "emit/html/xhtml.h"
#include "emit/test_briefing.h"

using namespace dossier;

namespace {

std::string html_of(const model::Briefing& b) {
  std::ostringstream out;
  auto r = emit::write_html(b, fixtures::project_emit_options(), out);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : model::format_diagnostic(r.error()));
  return out.str();
}

}  // namespace

TEST(Html, IsWellFormedPolyglotWithDoctype) {
  const std::string html = html_of(fixtures::small_briefing());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(html.c_str())) << html;
  // No non-void element may self-close: an HTML parser would leave it open.
  for (const char* tag : {"<ol />", "<main />", "<style />", "<p />", "<div />", "<a />"}) {
    EXPECT_EQ(html.find(tag), std::string::npos) << tag;
  }
}

TEST(Html, TextNeverBecomesMarkup) {
  const std::string html = html_of(fixtures::small_briefing());
  EXPECT_EQ(html.find("<b>bold</b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("Talks &amp; &lt;tensions&gt;"), std::string::npos);
}

TEST(Html, EveryInternalLinkHasATarget) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(html_of(fixtures::small_briefing()).c_str()));
  std::set<std::string> ids;
  for (auto n : doc.select_nodes("//*[@id]")) ids.insert(n.node().attribute("id").value());
  int links = 0;
  for (auto n : doc.select_nodes("//a[starts-with(@href, '#')]")) {
    ++links;
    EXPECT_TRUE(ids.count(n.node().attribute("href").value() + 1))
        << n.node().attribute("href").value();
  }
  EXPECT_GE(links, 5);
  EXPECT_TRUE(ids.count("S1-p3"));
}

TEST(Html, HasNoScriptsAndNoExternalResources) {
  const std::string html = html_of(fixtures::small_briefing());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
}

TEST(Html, MissingTemplateIsAPositionedError) {
  auto options = fixtures::project_emit_options();
  options.templates = emit::TemplateSet({"/nonexistent"});
  std::ostringstream out;
  auto r = emit::write_html(fixtures::small_briefing(), options, out);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, model::DiagCode::Template);
}

TEST(Templates, NamesCannotLeaveTheTemplateFolder) {
  emit::TemplateSet set({std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates"});
  EXPECT_FALSE(set.read("../CMakeLists.txt").ok());
  EXPECT_FALSE(set.read("/etc/passwd").ok());
  EXPECT_TRUE(set.read("style.css").ok());
}

TEST(Html, SpansBecomeElementsAndUnsafeLinksStayText) {
  auto b = fixtures::small_briefing();
  auto& block = b.sources[0].blocks[0];
  block.text = "Read this now or click here.";
  block.spans = {{model::SpanKind::Strong, 5, 9, ""},
                 {model::SpanKind::Emphasis, 5, 9, ""},
                 {model::SpanKind::Link, 23, 27, "javascript:alert(1)"},
                 {model::SpanKind::Link, 10, 13, "https://example.org/a"}};
  const std::string html = html_of(b);
  EXPECT_NE(
      html.find("Read <strong><em>this</em></strong> <a href=\"https://example.org/a\">now</a>"),
      std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_NE(html.find("<span>here</span>"), std::string::npos);
}

// A source's address (front matter or the job) is a link only when it is a web or mail
// address or a relative one; a javascript: address stays text, the text kept.
TEST(Html, ASourcesAddressIsALinkOnlyWhenSafe) {
  auto b = fixtures::small_briefing();
  b.sources[0].meta.url = "javascript:alert(1)";
  std::string html = html_of(b);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("<dd>javascript:alert(1)</dd>"), std::string::npos);
  b.sources[0].meta.url = "archive/one.html";
  html = html_of(b);
  EXPECT_NE(html.find("<a href=\"archive/one.html\">archive/one.html</a>"), std::string::npos);
}

// A report's data reaches the page templates as `data`, escaped like every other value.
TEST(Html, PageTemplatesSeeTheJobData) {
  const std::filesystem::path folder = std::filesystem::path(testing::TempDir()) / "data-templates";
  std::filesystem::create_directories(folder / "html");
  std::ifstream page(std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates/html/page.mustache");
  std::stringstream text;
  text << page.rdbuf();
  std::string shell = text.str();
  const std::size_t body = shell.find("<body");
  ASSERT_NE(body, std::string::npos);
  shell.insert(shell.find('>', body) + 1,
               "<p id=\"build\">Build {{data.build.number}} {{#data.passed}}passed{{/data.passed}}"
               "{{#data.suites}} [{{name}}]{{/data.suites}}</p>");
  std::ofstream(folder / "html/page.mustache") << shell;
  auto options = fixtures::project_emit_options();
  options.templates =
      emit::TemplateSet({folder, std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates"});
  options.data = std::make_shared<const nlohmann::json>(nlohmann::json::parse(
      R"({"build": {"number": "1234 <b>"}, "passed": true, "suites": [{"name": "unit"}, {"name": "lint"}]})"));
  std::ostringstream out;
  ASSERT_TRUE(emit::write_html(fixtures::small_briefing(), options, out).ok());
  EXPECT_NE(out.str().find("Build 1234 &lt;b&gt; passed [unit] [lint]</p>"), std::string::npos)
      << out.str().substr(0, 2000);
}

// The reference parts and chapters are written one at a time where the page template's
// content element is; in an inline element the text around them stays, and the page is still
// well formed.
TEST(Html, ChaptersStreamIntoAnInlineContentElementWithNothingLost) {
  const std::filesystem::path folder =
      std::filesystem::path(testing::TempDir()) / "inline-templates";
  std::filesystem::create_directories(folder / "html");
  std::ifstream page(std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates/html/page.mustache");
  std::stringstream text;
  text << page.rdbuf();
  std::string shell = text.str();
  const std::string main = "<main id=\"dossier-content\"></main>";
  ASSERT_NE(shell.find(main), std::string::npos);
  shell.replace(shell.find(main), main.size(),
                "<p>before <span id=\"dossier-content\"></span> after</p>");
  std::ofstream(folder / "html/page.mustache") << shell;
  auto options = fixtures::project_emit_options();
  options.templates =
      emit::TemplateSet({folder, std::filesystem::path(DOSSIER_PROJECT_DIR) / "templates"});
  std::ostringstream out;
  const model::Briefing b = fixtures::small_briefing();
  ASSERT_TRUE(emit::write_html(b, options, out).ok());
  const std::string html = out.str();
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(html.c_str())) << html;
  EXPECT_NE(html.find("before <span"), std::string::npos);
  EXPECT_NE(html.find("</span> after</p>"), std::string::npos);
  EXPECT_NE(html.find("id=\"S1\""), std::string::npos);  // the chapter is there
  for (const char* part : {"people", "quotes", "timeline", "figures", "index"}) {
    EXPECT_NE(html.find(std::string("id=\"") + part + "\""), std::string::npos) << part;
  }
  EXPECT_EQ(html.find("<!--dossier:"), std::string::npos);  // the mark is gone
}

// With the default template the streamed page equals one tree written at once.
TEST(Html, StreamedChaptersEqualTheWholeTreeWritten) {
  const model::Briefing b = fixtures::small_briefing();
  const std::string html = html_of(b);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype));
  std::ostringstream again;
  emit::save_polyglot(doc, again);
  EXPECT_EQ(again.str(), html);
}

namespace {

// A briefing whose reference parts list more entries than write_part puts in one slice:
// `count` sources, each with a person, a quote, a dated day and a figure, and conflicts.
model::Briefing long_briefing(int count) {
  model::Briefing b = fixtures::small_briefing();
  b.sources.clear();
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i + 1), sid = "S" + n, block = sid + "-p1";
    model::Source s;
    s.id = sid;
    s.path = "sources/" + n + ".txt";
    s.meta.title = "Report " + n + " & <more>";
    model::Block p;
    p.id = block;
    p.text = "Person " + n + " said rates rose by " + n + "% on 2024-01-" +
             std::to_string(i % 28 + 1) + ".";
    s.blocks.push_back(p);
    b.sources.push_back(s);
    model::Entity e;
    e.id = "E-person-" + n;
    e.name = "Person " + n;
    e.roles = {i % 3 ? "minister" : "envoy"};
    e.aliases = {i % 2 ? "P" + n : ""};
    if (e.aliases[0].empty()) e.aliases.clear();
    e.mentions = {{block, 0, static_cast<int>(e.name.size())}};
    b.entities.push_back(e);
    model::Quote q;
    q.id = "Q" + n;
    q.block = block;
    q.blocks = {block};
    q.text = "We said " + n + " things";
    if (i % 4) q.speaker = e.id;
    b.quotes.push_back(q);
    b.dates.push_back({block, "2024-01-" + std::to_string(i % 28 + 1),
                       "2024-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1),
                       "day", 0, 0});
    model::Figure f;
    f.id = "F" + n;
    f.block = block;
    f.text = n + "%";
    f.value = i + 1;
    f.unit = "%";
    if (i % 5) f.about = "rates";
    b.figures.push_back(f);
  }
  // Names every paragraph mentions: their index entries hold more links than one slice takes.
  for (int k = 0; k < 8 && count > 0; ++k) {
    model::Entity e;
    e.id = "E-everyone-" + std::to_string(k);
    e.name = "Everyone " + std::to_string(k);
    for (const auto& s : b.sources) e.mentions.push_back({s.blocks[0].id, 0, 6});
    b.entities.push_back(e);
  }
  for (int i = 0; i + 1 < count; i += 50) {
    b.conflicts.push_back({"rates",
                           {"F" + std::to_string(i + 1), "F" + std::to_string(i + 2)},
                           {"S" + std::to_string(i + 1) + "-p1"}});
  }
  return b;
}

}  // namespace

// Slices cover a part's entries in order, each a few hundred entries or a few thousand links:
// an entry with many links ends its slice.
TEST(Html, PartSlicesHoldFewLinks) {
  const model::Briefing b = long_briefing(700);
  const emit::BriefingView view = emit::make_view(b);
  for (const emit::PartSteps* part :
       {&emit::kKeyEntitiesPart, &emit::kQuotesPart, &emit::kTimelinePart, &emit::kFiguresPart,
        &emit::kIndexPart}) {
    const auto slices = emit::part_slices(*part, view);
    std::size_t next = 0;
    for (const auto& [first, last] : slices) {
      EXPECT_EQ(first, next);
      ASSERT_LT(first, last);
      EXPECT_LE(last - first, emit::kSliceEntries);
      std::size_t links = 0;
      for (std::size_t i = first; i + 1 < last; ++i) links += part->links(view, i);
      EXPECT_LT(links, emit::kSliceLinks) << "entries " << first << "-" << last;
      next = last;
    }
    EXPECT_EQ(next, part->count(view));
  }
  // The index's 700 people and 8 names with 700 links each: more slices than entries alone
  // would make (three).
  std::size_t heavy = 0;
  for (const auto& entry : view.index) heavy += entry.paragraphs.size() == 700;
  ASSERT_EQ(heavy, 8u);
  EXPECT_GE(emit::part_slices(emit::kIndexPart, view).size(), 4u);
}

// A part written a slice of entries at a time is the part's whole tree written at once, byte
// for byte, at any depth; and so is a part with nothing to list.
TEST(Html, PartsWrittenInSlicesEqualTheirWholeTrees) {
  const emit::HrefFor href = [](const std::string&, const std::string& a) { return "#" + a; };
  const emit::Words& words = fixtures::project_emit_options().words;
  const std::vector<const emit::PartSteps*> parts = {&emit::kKeyEntitiesPart, &emit::kQuotesPart,
                                                     &emit::kTimelinePart, &emit::kFiguresPart,
                                                     &emit::kIndexPart};
  for (const int count : {0, 700}) {
    const model::Briefing b = long_briefing(count);
    const emit::BriefingView view = emit::make_view(b);
    if (count > 0) {
      ASSERT_GT(view.index.size(), 600u);
      ASSERT_GT(view.figures.size(), 600u);
      ASSERT_GT(view.timeline.size(), 600u);
      ASSERT_GT(view.quotes.size(), 300u);
      ASSERT_FALSE(view.conflicts.empty());
    }
    for (const unsigned depth : {0u, 3u}) {
      for (const emit::PartSteps* steps : parts) {
        pugi::xml_document whole;
        emit::append_part(*steps, whole, view, words, href);
        std::ostringstream expected;
        emit::save_polyglot_fragment(whole, expected, depth);
        std::string sliced;
        emit::StringXmlWriter writer(sliced);
        emit::write_part(*steps, view, words, href, writer, depth);
        EXPECT_EQ(sliced, expected.str()) << "entries " << count << ", depth " << depth;
        EXPECT_EQ(sliced.find("<!--"), std::string::npos);
      }
    }
  }
}
