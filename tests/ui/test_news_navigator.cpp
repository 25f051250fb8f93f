// The news's navigator on a phone: the years in one row that a finger scrolls sideways, a
// chosen year's months in a second, the tags folded behind "Filters"; the first news item in
// the first screen, and every year and tag in the mirror.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "headless.h"
#include "test_bundles.h"

namespace {

// The mirror's items that lead to `prefix` ("#/news?year=").
std::vector<const core::MirrorNode*> Links(const test::Headless& h, const std::string& prefix) {
  std::vector<const core::MirrorNode*> out;
  for (const auto& n : h.app.Mirror().nodes)
    if (n.kind == core::MirrorKind::Item && n.href.rfind(prefix, 0) == 0) out.push_back(&n);
  return out;
}

const core::MirrorNode* FirstNews(const test::Headless& h) {
  const auto news = Links(h, "#/news/");
  return news.empty() ? nullptr : news.front();
}

const core::MirrorNode* Find(const test::Headless& h, core::MirrorKind kind, const std::string& start) {
  for (const auto& n : h.app.Mirror().nodes)
    if (n.kind == kind && n.text.rfind(start, 0) == 0) return &n;
  return nullptr;
}

// A phone of 390 x 844 CSS px at 3 device px each.
constexpr float kScale = 3, kWidth = 390 * kScale, kHeight = 844 * kScale;

}  // namespace

TEST_CASE("A 30-year archive with 60 tags shows its first news item in a phone's first screen; the mirror lists every year and tag") {
  test::Headless h(kWidth, kHeight, kScale);
  h.Load(test::ArchiveOfYears(30, 24, 60));
  h.Go("#/news");
  h.Frames(4);
  const core::MirrorNode* first = FirstNews(h);
  REQUIRE(first);
  CHECK(first->rect.y + first->rect.h < kHeight);
  MESSAGE("first news item's top: ", first->rect.y / kScale, " CSS px");
  CHECK(Links(h, "#/news?year=").size() == 30);
  CHECK(Links(h, "#/news?tag=").size() == 60);
  // The years are one row: every chip at the same height, most of them beyond the screen's edge.
  const auto years = Links(h, "#/news?year=");
  CHECK(std::all_of(years.begin(), years.end(), [&](const core::MirrorNode* n) { return n->rect.y == years[0]->rect.y; }));
  CHECK(years.back()->rect.x > kWidth);
  // The tags are folded: the toggle says "Filters", no tag is drawn.
  const core::MirrorNode* toggle = Find(h, core::MirrorKind::Button, "Filtrat");
  REQUIRE(toggle);
  CHECK(toggle->pressed == false);
  const auto tags = Links(h, "#/news?tag=");
  CHECK(std::all_of(tags.begin(), tags.end(), [](const core::MirrorNode* n) { return n->rect.w == 0; }));

  // Opened, every tag is drawn under it, the most used first; a tag chosen folds them again and
  // shows it beside the toggle, a press away from being lifted.
  REQUIRE(h.TapMirrorText("Filtrat"));
  CHECK(h.app.Screens().Bars().Open());
  const auto open = Links(h, "#/news?tag=");
  REQUIRE(open.size() == 60);
  CHECK(open[0]->text.rfind("#tema-1 (720)", 0) == 0);
  CHECK(std::all_of(open.begin(), open.end(), [](const core::MirrorNode* n) { return n->rect.w > 0; }));
  const core::Route wanted = core::ParseRoute(open[3]->href);
  REQUIRE(h.TapMirrorText(open[3]->text));
  h.Frames(3);
  CHECK(h.app.State().route == wanted);
  CHECK_FALSE(h.app.Screens().Bars().Open());
  const core::MirrorNode* chosen = nullptr;
  for (const auto& n : h.app.Mirror().nodes)
    if (n.current && n.href == "#/news") chosen = &n;
  REQUIRE(chosen);
  CHECK(chosen->rect.w > 0);  // drawn beside the toggle
  CHECK(Find(h, core::MirrorKind::Button, "Filtrat (1)"));
  REQUIRE(h.TapMirrorText(chosen->text));
  h.Frames(3);
  CHECK(h.app.State().route == core::Route::News());
}

TEST_CASE("A finger's sideways drag scrolls the row of years, not the screen; an upward drag scrolls the screen") {
  test::Headless h(kWidth, kHeight, kScale);
  h.Load(test::ArchiveOfYears(30, 4, 5));
  h.Go("#/news");
  h.Frames(4);
  const auto lastYear = [&] { return Links(h, "#/news?year=").back()->rect; };
  const core::MirrorRect before = lastYear();
  const float x0 = 300, y = (before.y + before.h * 0.5f) / kScale;  // CSS px, on the row
  ui::TouchInput& touch = h.driver.Touch();
  double t = 1;
  touch.Begin(h.app, x0, y, t, kScale);
  for (int i = 1; i <= 10; ++i) {
    touch.Move(h.app, x0 - 25.0f * i, y + 1, t += 0.016, kScale);
    h.Frames(1);
  }
  touch.End(h.app, t += 0.2, kScale);  // held still before lifting: no fling
  h.Frames(3);
  const core::MirrorRect after = lastYear();
  CHECK(after.y == before.y);  // the screen did not move
  CHECK(after.x < before.x - 200 * kScale);
  CHECK(h.app.State().route == core::Route::News());  // no chip was pressed

  // The mouse drags it back; its release over a chip is no press.
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(100 * kScale, y * kScale);
  h.Frames(1);
  io.MouseDown[0] = true;
  for (int i = 1; i <= 10; ++i) {
    io.MousePos.x += 20 * kScale;
    h.Frames(1);
  }
  io.MouseDown[0] = false;
  h.Frames(3);
  CHECK(lastYear().x > after.x + 150 * kScale);
  CHECK(h.app.State().route == core::Route::News());

  touch.Begin(h.app, x0, 700, t += 1, kScale);
  for (int i = 1; i <= 10; ++i) {
    touch.Move(h.app, x0, 700 - 30.0f * i, t += 0.016, kScale);
    h.Frames(1);
  }
  touch.End(h.app, t += 0.2, kScale);
  h.Frames(3);
  const float scrolled = lastYear().y;
  CHECK(scrolled < before.y - 200 * kScale);
  // A slanted drag on the list (more sideways than up): the screen scrolls, as anywhere but on a
  // row of chips.
  touch.Begin(h.app, x0, 700, t += 1, kScale);
  for (int i = 1; i <= 10; ++i) {
    touch.Move(h.app, x0 - 25.0f * i, 700 - 15.0f * i, t += 0.016, kScale);
    h.Frames(1);
  }
  touch.End(h.app, t += 0.2, kScale);
  h.Frames(3);
  CHECK(lastYear().y < scrolled - 100 * kScale);
}

TEST_CASE("The keyboard's focus brings a year beyond the row's end into view, and opens the folded tags") {
  test::Headless h(kWidth, kHeight, kScale);
  h.Load(test::ArchiveOfYears(30, 4, 20));
  h.Go("#/news");
  h.Frames(3);
  const auto indexOf = [&](const std::string& href) {
    const auto& nodes = h.app.Mirror().nodes;
    for (size_t i = 0; i < nodes.size(); ++i)
      if (nodes[i].href == href) return i;
    return nodes.size();
  };
  const auto rectOf = [&](const std::string& href) { return h.app.Mirror().nodes[indexOf(href)].rect; };
  CHECK(rectOf("#/news?year=1997").x > kWidth);
  h.app.FocusMirrorNode(indexOf("#/news?year=1997"));
  h.Frames(4);
  const core::MirrorRect year = rectOf("#/news?year=1997");
  CHECK(year.x >= 0);
  CHECK(year.x + year.w <= kWidth);
  CHECK_FALSE(h.app.Screens().Bars().Open());
  h.app.FocusMirrorNode(indexOf("#/news?tag=tema-5"));
  h.Frames(4);
  CHECK(h.app.Screens().Bars().Open());
  CHECK(rectOf("#/news?tag=tema-5").w > 0);
}

TEST_CASE("A chosen year opens to its months; a month chosen brings its first item to the top") {
  test::Headless h(kWidth, kHeight, kScale);
  h.Load(test::ArchiveOfYears(3, 240, 5));
  h.Go("#/news");
  h.Frames(3);
  CHECK(Links(h, "#/news?year=2025&month=").empty());
  REQUIRE(h.TapMirrorText("2025 (240)"));
  h.Frames(3);
  CHECK(h.app.State().route == core::Route::News(2025));
  const auto months = Links(h, "#/news?year=2025&month=");
  REQUIRE(months.size() == 12);
  CHECK(months[0]->text == "Dhjetor (20)");
  const std::string may = months[7]->href;
  // The year's chip is brought into view: the row scrolled to it.
  const core::MirrorNode* year = Find(h, core::MirrorKind::Item, "2025 (240)");
  REQUIRE(year);
  CHECK(year->current);
  CHECK(year->rect.x >= 0);
  CHECK(year->rect.x + year->rect.w <= kWidth);
  const auto atTop = [&](const std::string& text) {
    const core::MirrorNode* heading = Find(h, core::MirrorKind::Heading, text);
    return heading && std::abs(heading->rect.y - h.app.State().contentTop) < 2 * kScale;
  };
  REQUIRE(h.TapMirrorText("Nëntor (20)"));
  h.FramesUntilIdle();
  CHECK(h.app.State().route.month == 11);
  CHECK(h.app.State().route.page == 0);
  CHECK(atTop("Nëntor 2025"));
  // A month further along the row (as a screen reader follows its link): the year's page that
  // holds it is the second (items 141-160).
  CHECK(may == "#/news?year=2025&month=5&page=2");
  h.Go(may);
  h.FramesUntilIdle();
  CHECK(h.app.State().route.month == 5);
  CHECK(atTop("Maj 2025"));
}
