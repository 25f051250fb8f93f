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

namespace {

// `news` news (the first 150 of 2024, the rest of 2023) and `directives` directives.
std::string LongLists(int news, int directives) {
  std::string s = R"({"format":"publication-bundle","version":1,"languages":["sq","en"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[)";
  for (int i = 0; i < news; ++i)
    s += std::string(i ? "," : "") + R"({"id":"n)" + std::to_string(i) + R"(","date":")" + (i < 150 ? "2024" : "2023") +
         "-" + std::to_string(10 + i % 3) + "-" + std::to_string(10 + i % 17) + R"(","title":"News )" + std::to_string(i) + "\"}";
  s += R"(],"directives":[)";
  for (int i = 0; i < directives; ++i)
    s += std::string(i ? "," : "") + R"({"id":"d)" + std::to_string(i) + R"(","date":"2020-01-01","title":"Directive )" +
         std::to_string(i) + R"(","body":"b"})";
  return s + "]}";
}

size_t Items(const core::Page& p, const std::string& prefix) {
  size_t n = 0;
  for (const auto& node : p.body.nodes) n += node.kind == core::MirrorKind::Item && node.href.find(prefix) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("Static pages: a long list is paginated, the newest first, each page linked to the next") {
  using core::Route;
  CHECK(core::PagePath(Route::News(), "en") == "en/news/");
  Route older = Route::News();
  older.page = 3;
  CHECK(core::PagePath(older, "en") == "en/news/page-3.html");
  CHECK(core::FormatRoute(older) == "#/news?page=3");
  CHECK(core::ParseRoute("#/news?page=3") == older);
  older.year = 2023;
  CHECK(core::PagePath(older, "sq") == "sq/news/2023-page-3.html");
  CHECK(core::ParseRoute(core::FormatRoute(older)) == older);
  Route directives = Route::Directives("Plan");
  directives.page = 2;
  CHECK(core::FormatRoute(directives) == "#/directives?category=Plan&page=2");
  CHECK(core::ParseRoute("#/directives?category=Plan&page=2") == directives);
  CHECK(core::ParseRoute("#/news?page=1").page == 0);  // the first page is the list itself
  CHECK(core::ParseRoute("#/news?page=x").page == 0);
  CHECK(core::ParseRoute("#/news?page=99999999").page == 0);
  CHECK(core::ParseRoute("#/mission?page=2").page == 0);

  core::LoadResult r = core::LoadBundle(LongLists(250, 120));
  REQUIRE(r.Ok());
  core::Content content(std::move(*r.bundle));
  const auto pages = core::AllPages(content);
  // News: 3 pages; 2024: 2; 2023: 1; directives: 2.
  for (const char* path : {"en/news/index.html", "en/news/page-2.html", "en/news/page-3.html", "en/news/2024.html",
                           "en/news/2024-page-2.html", "en/news/2023.html", "en/directives/index.html", "en/directives/page-2.html"})
    CHECK_MESSAGE(Find(pages, path), path);
  CHECK_FALSE(Find(pages, "en/news/page-4.html"));
  CHECK_FALSE(Find(pages, "en/news/2023-page-2.html"));

  const core::Page* first = Find(pages, "en/news/index.html");
  const core::Page* second = Find(pages, "en/news/page-2.html");
  const core::Page* last = Find(pages, "en/news/page-3.html");
  REQUIRE((first && second && last));
  CHECK(Items(*first, "news/n") == 100);
  CHECK(Items(*last, "news/n") == 50);
  // Newest first: the first page holds 2024's news only (the newest 150), the last 2023's.
  CHECK(first->body.ToText().find("## 2024") != std::string::npos);
  CHECK(first->body.ToText().find("## 2023") == std::string::npos);
  CHECK(last->body.ToText().find("## 2024") == std::string::npos);
  CHECK(last->body.ToText().find("## 2023") != std::string::npos);
  const std::string text = second->body.ToText();
  CHECK_MESSAGE(text.find("Page 2 of 3") != std::string::npos, text);
  CHECK_MESSAGE(text.find("Newer <../../en/news/>") != std::string::npos, text);
  CHECK_MESSAGE(text.find("Older <../../en/news/page-3.html>") != std::string::npos, text);
  CHECK(second->title == "News – Page 2");
  CHECK(first->body.ToText().find("Newer <") == std::string::npos);
  CHECK(last->body.ToText().find("Older <") == std::string::npos);
  CHECK(Items(*Find(pages, "en/directives/page-2.html"), "directives/d") == 20);
  CHECK(Find(pages, "en/news/2023.html")->body.ToText().find("Page 1") == std::string::npos);  // one page: no pager
}
