// Routes: parsing and formatting round trips, unknown paths.
#include <doctest/doctest.h>

#include "core/route.h"

TEST_CASE("Routes parse and format") {
  using core::Screen;
  CHECK(core::ParseRoute("").screen == Screen::Mission);
  CHECK(core::ParseRoute("#").screen == Screen::Mission);
  CHECK(core::ParseRoute("#/").screen == Screen::Mission);
  CHECK(core::ParseRoute("#/mission").screen == Screen::Mission);
  CHECK(core::ParseRoute("#/news").screen == Screen::News);
  CHECK(core::ParseRoute("#/news/").screen == Screen::News);
  auto n = core::ParseRoute("#/news/black-hawk");
  CHECK(n.screen == Screen::NewsDetail);
  CHECK(n.id == "black-hawk");
  auto d = core::ParseRoute("/directives/defence-directive-2024");
  CHECK(d.screen == Screen::DirectiveDetail);
  CHECK(d.id == "defence-directive-2024");
  auto s = core::ParseRoute("#/search?q=b%C3%ABrzhit%C3%AB+museum");
  CHECK(s.screen == Screen::Search);
  CHECK(s.query == "bërzhitë museum");
  CHECK(core::ParseRoute("#/diagnostics").screen == Screen::Diagnostics);
  CHECK(core::ParseRoute("#/nowhere").screen == Screen::NotFound);
  CHECK(core::ParseRoute("#/news/a/b").screen == Screen::NotFound);

  for (const char* r : {"#/mission", "#/news", "#/news/black-hawk", "#/directives", "#/directives/x-1",
                        "#/search?q=b%C3%ABrzhit%C3%AB", "#/diagnostics"})
    CHECK(core::FormatRoute(core::ParseRoute(r)) == r);
}

TEST_CASE("Parent routes") {
  CHECK(core::ParentRoute(core::ParseRoute("#/news/x")).screen == core::Screen::News);
  CHECK(core::ParentRoute(core::ParseRoute("#/directives/x")).screen == core::Screen::Directives);
  CHECK(core::ParentRoute(core::ParseRoute("#/mission")).screen == core::Screen::Mission);
}

TEST_CASE("Percent encoding round trips") {
  const std::string s = "Çështje & “të tjera”/?#";
  CHECK(core::PercentDecode(core::PercentEncode(s)) == s);
  CHECK(core::PercentDecode("%zz%4") == "%zz%4");
}

TEST_CASE("List filters are route parameters") {
  auto r = core::ParseRoute("#/news?year=2023&tag=Ba%C5%9Fkim");
  CHECK(r.screen == core::Screen::News);
  CHECK(r.year == 2023);
  CHECK(r.tag == "Başkim");
  CHECK(core::FormatRoute(r) == "#/news?year=2023&tag=Ba%C5%9Fkim");
  CHECK(core::ParseRoute("#/news?year=abc").year == 0);
  CHECK(core::ParseRoute("#/news?year=-5").year == 0);
  CHECK(core::ParseRoute("#/news?year&&year=\xa2S]2222222222222222222222").year == 0);  // found by the fuzzer
  CHECK(core::ParseRoute("#/news?year=2222222").year == 0);
  auto d = core::ParseRoute("#/directives?category=Report");
  CHECK(d.category == "Report");
  CHECK(core::FormatRoute(d) == "#/directives?category=Report");
  CHECK(core::ParseRoute("#/mission?year=2023").year == 0);  // only where it means something
  CHECK(core::ParseRoute("#/news?year=2023") != core::ParseRoute("#/news"));
  CHECK(core::ParentRoute(r) == core::ParseRoute("#/news"));
}
