// The screens' descriptions (core/screen.h): what each screen holds, in order, made from the
// content and the route; the page writer and the viewer both draw these blocks.
#include <doctest/doctest.h>

#include <string>

#include "core/bundle_loader.h"
#include "core/page.h"
#include "core/screen.h"
#include "test_helpers.h"

namespace {

core::Content Content(const std::string& file) {
  core::LoadResult r = core::LoadBundle(SourceFile(file));
  REQUIRE(r.Ok());
  return core::Content(std::move(*r.bundle));
}

// The blocks' kinds and texts, one a line: "Heading 1 Lajme".
std::string Outline(const core::ScreenDoc& doc) {
  static const char* kNames[] = {"Heading", "Paragraph", "Paragraphs", "Numbered", "Lettered", "Items", "Link", "External",
                                 "Documents", "Image", "Chips", "Strip", "Filters", "Sort", "CopyLink", "More", "Progress", "List"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == core::Block::List + 1, "a name for every kind of block");
  std::string out;
  for (const core::Block& b : doc.blocks) {
    out += kNames[b.kind];
    if (b.kind == core::Block::Heading) out += " " + std::to_string(b.level);
    if (!b.text.empty()) out += " " + b.text.substr(0, 40);
    if (!b.chips.empty()) out += " " + std::to_string(b.chips.size());
    if (b.kind == core::Block::List) out += " " + std::to_string(b.list.items.size() + b.list.hits.size());
    out += "\n";
  }
  return out;
}

bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("The mission: its title, numbered paragraphs and lettered lists") {
  core::Content c = Content("assets/bundle.json");
  const core::ScreenDoc doc = core::Describe(c, core::Route::Mission(), "sq");
  CHECK(doc.title == "Misioni dhe veprimtaria e Ministrisë së Mbrojtjes");
  REQUIRE(doc.blocks.size() > 3);
  CHECK(doc.blocks[0].kind == core::Block::Heading);
  CHECK(doc.blocks[1].kind == core::Block::Numbered);
  CHECK(doc.blocks[1].number == "1");
  const std::string o = Outline(doc);
  CHECK_MESSAGE(Has(o, "Lettered"), o);
  CHECK(doc.description.size() > 20);
}

TEST_CASE("The news: the years in one row, the tags folded behind Filters, then the timeline of the filter") {
  core::Content c = Content("tests/fixtures/bilingual.json");
  core::ScreenDoc doc = core::Describe(c, core::Route::News(), "en");
  CHECK(doc.title == "News");
  std::string o = Outline(doc);
  CHECK_MESSAGE(Has(o, "Heading 1 News\nStrip"), o);
  CHECK_MESSAGE(Has(o, "List " + std::to_string(c.NewsCount())), o);
  const core::Block& years = doc.blocks[1];
  REQUIRE(years.kind == core::Block::Strip);
  CHECK(years.chips[0].label == "All years (" + std::to_string(c.NewsCount()) + ")");
  CHECK(years.chips[0].active);
  CHECK(years.chips.size() == c.Years().size() + 1);
  // Every tag, most used first, behind one control that says how many are chosen.
  const core::Block& tags = doc.blocks[2];
  REQUIRE(tags.kind == core::Block::Filters);
  CHECK(tags.text == "Filters");
  REQUIRE(tags.chips.size() == c.Tags().size());
  for (size_t i = 1; i < c.Tags().size(); ++i) CHECK(c.Tags()[i - 1].count >= c.Tags()[i].count);
  doc = core::Describe(c, core::Route::News(0, c.Tags()[0].name), "en");
  CHECK(doc.blocks[2].text == "Filters (1)");
  CHECK(doc.blocks[2].chips[0].active);
  CHECK(doc.blocks[2].chips[0].target == core::Route::News());  // a second press lifts it
  // A year: its title says so, its chip is the active one, the list holds its items.
  doc = core::Describe(c, core::Route::News(2023), "en");
  CHECK(doc.title == "News 2023");
  bool active = false;
  for (const core::Chip& chip : doc.blocks[1].chips) active = active || (chip.active && chip.label.rfind("2023", 0) == 0);
  CHECK(active);
  // No item in a filter: it says so.
  doc = core::Describe(c, core::Route::News(1999), "en");
  CHECK_MESSAGE(Has(Outline(doc), "Paragraphs There is no news."), Outline(doc));
}

TEST_CASE("A chosen year opens to its months, newest first, each with its count and the page that holds it") {
  // 250 items of 2023, spread over its months from December back: the months' first items fall
  // on the year's list pages 1 to 3.
  std::string news;
  for (int i = 0; i < 250; ++i) {
    const int month = 12 - i * 12 / 250;
    news += std::string(i ? "," : "") + "{\"id\":\"n" + std::to_string(i) + "\",\"date\":\"2023-" + (month < 10 ? "0" : "") +
            std::to_string(month) + "-01\",\"title\":\"Item " + std::to_string(i) + "\"}";
  }
  core::LoadResult r = core::LoadBundle(R"({"format":"publication-bundle","version":1,"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[)" +
                                        news + R"(,{"id":"whole-year","date":"2023","title":"Of the year alone"},{"id":"old","date":"2019-05-02","title":"Old"}],"directives":[]})");
  REQUIRE(r.Ok());
  core::Content c(std::move(*r.bundle));
  CHECK(Outline(core::Describe(c, core::Route::News(), "en")).find("Strip", 20) == std::string::npos);  // no year chosen: one row
  core::Route year = core::Route::News(2023);
  const core::ScreenDoc doc = core::Describe(c, year, "en");
  REQUIRE(doc.blocks.size() > 3);
  REQUIRE(doc.blocks[2].kind == core::Block::Strip);
  const std::vector<core::Chip>& months = doc.blocks[2].chips;
  REQUIRE(months.size() == 12);
  size_t total = 0, first = 0;
  for (size_t m = 0; m < months.size(); ++m) {
    CAPTURE(m);
    CHECK(months[m].target.year == 2023);
    CHECK(months[m].target.month == 12 - static_cast<int>(m));
    CHECK_FALSE(months[m].active);
    // Its first item's page of the year's list (0: the first).
    const size_t page = first / core::kListPageItems + 1;
    CHECK(months[m].target.page == (page > 1 ? static_cast<int>(page) : 0));
    const size_t open = months[m].label.find(" (");
    REQUIRE(open != std::string::npos);
    const size_t count = std::stoul(months[m].label.substr(open + 2));
    total += count;
    first += count;
  }
  CHECK(months[0].label.rfind("December (", 0) == 0);
  CHECK(total == 250);  // (the item dated by its year alone is under no month)
  CHECK(months.back().target.page == 3);
  // The address of a month: the page of the year's list and the place on it.
  CHECK(core::FormatRoute(months.back().target) == "#/news?year=2023&month=1&page=3");
  CHECK(core::ParseRoute("#/news?year=2023&month=1&page=3") == months.back().target);
  CHECK(core::PageHref(months.back().target, "en") == "en/news/2023-page-3.html#/news?year=2023&month=1&page=3");
  year.month = 5;
  const core::ScreenDoc may = core::Describe(c, year, "en");
  CHECK(may.blocks[2].chips[7].active);
  CHECK(may.blocks[2].chips[7].label.rfind("May", 0) == 0);
  // A month without its year, or past December, names no place.
  CHECK(core::ParseRoute("#/news?month=5").month == 0);
  CHECK(core::ParseRoute("#/news?year=2023&month=13").month == 0);
  CHECK(core::ParseRoute("#/news?year=2023&month=x").month == 0);
}

TEST_CASE("A detail: the way back, the title, the date, its text and what it leads to; an unknown id is not found") {
  core::Content c = Content("tests/fixtures/bilingual.json");
  const core::ScreenDoc doc = core::Describe(c, core::Route::DirectiveDetail("strategy-2024"), "en");
  CHECK(doc.title == "Defence Strategy “2024–2030”");
  CHECK(doc.description == "Summary.");
  const std::string o = Outline(doc);
  CHECK_MESSAGE(Has(o, "Link ‹ Directives\nHeading 1 Defence Strategy"), o);
  CHECK_MESSAGE(Has(o, "CopyLink"), o);
  CHECK_MESSAGE(Has(o, "External Open the document"), o);
  const core::ScreenDoc none = core::Describe(c, core::Route::NewsDetail("no-such-item"), "en");
  CHECK(none.title == "Page not found");
  CHECK_MESSAGE(Has(Outline(none), "Link Mission"), Outline(none));
}

TEST_CASE("The directives: categories, the order the visitor chose, the rows") {
  core::Content c = Content("assets/bundle.json");
  core::ScreenChoices choices;
  choices.sort = core::DirectiveSort::TitleAZ;
  const core::ScreenDoc doc = core::Describe(c, core::Route::Directives(), "en", choices);
  const std::string o = Outline(doc);
  CHECK_MESSAGE(Has(o, "Heading 1 Directives\nChips"), o);
  CHECK_MESSAGE(Has(o, "Sort Sort by"), o);
  const core::Block& list = doc.blocks.back();
  REQUIRE(list.kind == core::Block::List);
  REQUIRE(list.list.items.size() == 3);
  CHECK(c.GetDirective(list.list.items[0]).title.Get("en") < c.GetDirective(list.list.items[1]).title.Get("en"));
}

TEST_CASE("Search: a prompt, the count and the hits, none") {
  core::Content c = Content("assets/bundle.json");
  CHECK_MESSAGE(Has(Outline(core::Describe(c, core::Route::Search(""), "en")), "Paragraphs"), "prompt");
  core::ScreenDoc doc = core::Describe(c, core::Route::Search("berzhite"), "en");
  CHECK(doc.title == "Search: berzhite");
  std::string o = Outline(doc);
  CHECK_MESSAGE(Has(o, "Paragraph Results for “berzhite”: "), o);
  CHECK_MESSAGE(Has(o, "List "), o);
  doc = core::Describe(c, core::Route::Search("qwertyuiop"), "en");
  o = Outline(doc);
  CHECK_MESSAGE(Has(o, "Nothing was found for “qwertyuiop”."), o);
  CHECK_FALSE(Has(o, "List"));
}

TEST_CASE("The timeline's headings: a year, then each month, between the items") {
  core::Content c = Content("assets/bundle.json");
  const auto entries = core::Timeline(c, c.NewsList({}).items);
  REQUIRE(entries.size() > 3);
  CHECK(entries[0].kind == core::TimelineEntry::Year);
  CHECK(entries[0].year == 2024);
  CHECK(entries[1].kind == core::TimelineEntry::Month);
  CHECK(entries[2].kind == core::TimelineEntry::Item);
  size_t items = 0;
  for (const auto& e : entries) items += e.kind == core::TimelineEntry::Item;
  CHECK(items == c.NewsCount());
}
