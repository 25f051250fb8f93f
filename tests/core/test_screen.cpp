// The screens' descriptions (core/screen.h): what each screen holds, in order, made from the
// content and the route; the page writer and the viewer both draw these blocks.
#include <doctest/doctest.h>

#include <string>

#include "core/bundle_loader.h"
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
                                 "Documents", "Image", "Chips", "Sort", "CopyLink", "More", "Progress", "List"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == core::Block::List + 1, "a name for every kind of block");
  std::string out;
  for (const core::Block& b : doc.blocks) {
    out += kNames[b.kind];
    if (b.kind == core::Block::Heading) out += " " + std::to_string(b.level);
    if (!b.text.empty()) out += " " + b.text.substr(0, 40);
    if (b.kind == core::Block::Chips) out += " " + std::to_string(b.chips.size());
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

TEST_CASE("The news: the year rail and the tags as filters, then the timeline of the filter") {
  core::Content c = Content("tests/fixtures/bilingual.json");
  core::ScreenDoc doc = core::Describe(c, core::Route::News(), "en");
  CHECK(doc.title == "News");
  std::string o = Outline(doc);
  CHECK_MESSAGE(Has(o, "Heading 1 News\nChips"), o);
  CHECK_MESSAGE(Has(o, "List " + std::to_string(c.NewsCount())), o);
  const core::Block& years = doc.blocks[1];
  REQUIRE(years.kind == core::Block::Chips);
  CHECK(years.chips[0].label == "All years (" + std::to_string(c.NewsCount()) + ")");
  CHECK(years.chips[0].active);
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
