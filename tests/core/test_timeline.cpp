// Timeline order and grouping, directive sorting.
#include <doctest/doctest.h>

#include "core/bundle_loader.h"
#include "core/timeline.h"
#include "test_helpers.h"

TEST_CASE("News newest first, grouped by month, ties keep bundle order") {
  const auto r = core::LoadBundle(SourceFile("assets/bundle.json"));
  REQUIRE(r.Ok());
  const auto& news = r.bundle->news;
  const auto order = core::NewsNewestFirst(news);
  REQUIRE(order.size() == 7);
  CHECK(news[order[0]].id == "black-hawk-arrival");
  CHECK(news[order[1]].id == "setting-the-record-straight");
  CHECK(news[order.back()].id == "seebrig-command");
  const auto groups = core::GroupByMonth(news, order);
  REQUIRE(groups.size() == 5);
  CHECK(groups[0].year == 2024);
  CHECK(groups[0].month == 1);
  CHECK(groups[0].items.size() == 3);
  CHECK(groups[1].month == 12);
  CHECK(groups[4].month == 8);
}

TEST_CASE("Directives sort by date and by title") {
  const auto r = core::LoadBundle(SourceFile("assets/bundle.json"));
  REQUIRE(r.Ok());
  const auto& d = r.bundle->directives;
  auto newest = core::SortDirectives(d, core::DirectiveSort::DateNewest, "en", "sq");
  CHECK(d[newest[0]].id == "defence-directive-2024");
  CHECK(d[newest[2]].id == "nato-strategic-concept-2022");
  auto oldest = core::SortDirectives(d, core::DirectiveSort::DateOldest, "en", "sq");
  CHECK(d[oldest[0]].id == "nato-strategic-concept-2022");
  auto az = core::SortDirectives(d, core::DirectiveSort::TitleAZ, "en", "sq");
  CHECK(d[az[0]].id == "defence-directive-2024");
  CHECK(d[az[1]].id == "nato-strategic-concept-2022");
  CHECK(d[az[2]].id == "secretary-general-annual-report-2022");
  auto za = core::SortDirectives(d, core::DirectiveSort::TitleZA, "en", "sq");
  CHECK(d[za[0]].id == "secretary-general-annual-report-2022");
}

TEST_CASE("Year, tag and category counts and filters") {
  const auto r = core::LoadBundle(SourceFile("tests/fixtures/bilingual.json"));
  REQUIRE(r.Ok());
  const auto& news = r.bundle->news;
  const auto years = core::CountYears(news);
  REQUIRE(years.size() == 3);
  CHECK(years[0] == std::make_pair(2024, 1));
  CHECK(years[2] == std::make_pair(2022, 1));
  const auto tags = core::CountTags(news);
  REQUIRE(tags.size() == 2);
  const auto order = core::NewsNewestFirst(news);
  CHECK(core::FilterNews(news, order, 2023, "").size() == 1);
  CHECK(core::FilterNews(news, order, 0, "muze").size() == 1);
  CHECK(core::FilterNews(news, order, 2024, "muze").empty());
  CHECK(core::FilterNews(news, order, 0, "").size() == 3);
  const auto cats = core::CountCategories(r.bundle->directives);
  REQUIRE(cats.size() == 2);
  CHECK(cats[0] == std::make_pair(std::string("Direktivë"), 2));
}

TEST_CASE("Albanian title order in the archive") {
  const auto r = core::LoadBundle(SourceFile("tests/fixtures/bilingual.json"));
  REQUIRE(r.Ok());
  const auto& d = r.bundle->directives;
  const auto az = core::SortDirectives(d, core::DirectiveSort::TitleAZ, "sq", "sq");
  // "Dyqani" before "Dhoma": dh is a letter after d; "Strategjia" last
  CHECK(d[az[0]].id == "d-directive");
  CHECK(d[az[1]].id == "dh-directive");
  CHECK(d[az[2]].id == "strategy-2024");
}
