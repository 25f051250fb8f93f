// The published site's pages (core/page): one per screen with an address and language, their
// paths, titles and descriptions, and links that lead from each page to the others.
#include <doctest/doctest.h>

#include <set>

#include "core/bundle_loader.h"
#include "core/page.h"
#include "core/text.h"
#include "core/timeline.h"
#include "test_helpers.h"

namespace {

const core::Page* Find(const std::vector<core::Page>& pages, const std::string& path) {
  for (const auto& p : pages)
    if (p.path == path) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("Static pages: a page per screen and language, at stable paths") {
  core::LoadResult r = core::LoadBundle(SourceFile("tests/fixtures/bilingual.json"));
  REQUIRE(r.Ok());
  const size_t years = core::CountYears(r.bundle->news).size(), news = r.bundle->news.size(),
               directives = r.bundle->directives.size();
  core::Content content(std::move(*r.bundle));
  const auto pages = core::AllPages(content);
  std::set<std::string> paths;
  for (const auto& p : pages) CHECK_MESSAGE(paths.insert(p.path).second, "twice: " << p.path);
  // per language: mission, news, each year, each item, directives, each directive
  CHECK(pages.size() == 2 * (1 + 1 + years + news + 1 + directives));
  CHECK(core::PagePath(core::Route::NewsDetail("x"), "en") == "en/news/x/");
  CHECK(core::PagePath(core::Route::News(2023), "sq") == "sq/news/2023.html");
  CHECK(core::PagePath(core::Route::News(0, "NATO"), "sq") == "sq/news/");  // tags have no pages of their own
  CHECK(core::PageHref(core::Route::News(0, "NATO"), "sq") == "sq/news/#/news?tag=NATO");  // the viewer starts there
  CHECK(core::PagePath(core::Route::Search("x"), "sq").empty());
  CHECK(Find(pages, "sq/index.html"));
  CHECK(Find(pages, "en/directives/strategy-2024/index.html"));
}

TEST_CASE("Static pages: the text, the title, a description and links relative to the page") {
  core::LoadResult r = core::LoadBundle(SourceFile("tests/fixtures/bilingual.json"));
  REQUIRE(r.Ok());
  core::Content content(std::move(*r.bundle));
  const auto pages = core::AllPages(content);
  const core::Page* p = Find(pages, "en/directives/strategy-2024/index.html");
  REQUIRE(p);
  CHECK(p->title == "Defence Strategy “2024–2030”");
  CHECK(p->description == "Summary.");
  CHECK(p->directive);
  const std::string text = p->body.ToText();
  CHECK_MESSAGE(text.find("# Defence Strategy “2024–2030”") != std::string::npos, text);
  CHECK_MESSAGE(text.find("<../../../en/directives/>") != std::string::npos, text);   // back to the list
  CHECK_MESSAGE(text.find("<../../../sq/directives/strategy-2024/>") != std::string::npos, text);  // the other language
  CHECK_MESSAGE(text.find("<../../../docs/strategy-2024.pdf>") != std::string::npos, text);  // the bundle's document
  const core::Page front = core::FrontPage(content);
  CHECK(front.path == "index.html");
  CHECK(front.body.ToText().find("<sq/news/>") != std::string::npos);
  for (const auto& page : pages) CHECK(core::CountCodePoints(page.description) <= 200);
}
