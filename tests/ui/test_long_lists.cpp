// Long lists: the timeline, the year rail and the directive archive of large bundles are
// measured a slice a frame, drawn and mirrored for the screen, and ordered only when needed.
#include <doctest/doctest.h>

#include "core/page.h"
#include "core/text.h"
#include "ui/headless.h"
#include "ui/list_pages.h"
#include "ui/test_bundles.h"

using test::Has;

TEST_CASE("Long timelines are virtualised: drawing and the mirror stay the size of the screen") {
  int smallVerts = 0;
  {
    test::Headless small;  // one ImGui context at a time
    small.Load(test::ManyNews(10));
    small.Go("#/news");
    CHECK(test::CountItems(small.app.Mirror()) == 10);
    small.Frames(1);
    smallVerts = ImGui::GetDrawData()->TotalVtxCount;
  }
  test::Headless big;
  big.Load(test::ManyNews(5000));
  big.Go("#/news");
  // Only a window of items is in the mirror, not all 5000.
  const int window = test::CountItems(big.app.Mirror());
  CHECK(window > 10);
  CHECK(window < 200);
  // Each frame draws about as much with 5000 items as with 10 (only what is visible).
  big.Frames(1);
  const int bigVerts = ImGui::GetDrawData()->TotalVtxCount;
  CHECK(bigVerts < smallVerts * 3);
  // Scrolling far down moves the window: the newest items at the top leave the mirror.
  big.app.ScrollBy(200000);
  big.Frames(3);
  CHECK(test::CountItems(big.app.Mirror()) < 200);
  bool sawNewest = false;
  for (const auto& n : big.app.Mirror().nodes) sawNewest |= n.href == "#/news/n24";
  CHECK_FALSE(sawNewest);
  CHECK(test::CountItems(big.app.Mirror()) > 10);
}

// Chips scrolled out of view are not drawn (a year rail has dozens, every frame), but each stays
// in the mirror: a keyboard or screen-reader user reaches the rail from anywhere in the list.
TEST_CASE("The year rail scrolled out of view is not drawn, and the mirror still lists every year") {
  test::Headless h;
  h.Load(test::ManyNews(500));
  h.Go("#/news");
  const auto yearChips = [&] {
    int n = 0;
    for (const auto& node : h.app.Mirror().nodes) n += node.kind == core::MirrorKind::Item && node.href.rfind("#/news?year=", 0) == 0;
    return n;
  };
  CHECK(yearChips() == 25);
  // The frame's vertices far above the screen (its top is y = 0): only a scrolled-away item
  // drawn all the same puts any there.
  const auto drawnFarAbove = [] {
    const ImDrawData* d = ImGui::GetDrawData();
    int n = 0;
    for (int i = 0; i < d->CmdListsCount; ++i)
      for (const ImDrawVert& v : d->CmdLists[i]->VtxBuffer) n += v.pos.y < -1000;
    return n;
  };
  h.app.ScrollBy(4000);
  h.Frames(3);
  CHECK(yearChips() == 25);
  CHECK(drawnFarAbove() == 0);
}

TEST_CASE("A long archive of directives is measured a slice a frame, as the timeline is") {
  test::Headless h;
  h.Load(test::ManyDirectives(4000));
  h.Frames(2);
  h.app.GoTo(core::ParseRoute("#/directives"), ui::How::Address);
  h.Frames(1);  // the archive's first frame: the screen's rows, the mirror's and one slice
  const auto& layout = h.app.Screens().Directives().Layout();
  REQUIRE(layout.Count() == 4000);
  CHECK(layout.Measured() < layout.Count());
  CHECK(layout.Measured() > ui::kMirrorRows);
  CHECK_MESSAGE(Has(h.MirrorText(), "Urdhër numër 8 për"), h.MirrorText().substr(0, 600));  // the newest first
  h.FramesUntilIdle(100);
  CHECK(layout.Measured() == layout.Count());
  CHECK(layout.Y(layout.Count() - 1) + layout.H(layout.Count() - 1) == doctest::Approx(layout.Total()));
  // Counts are written as the language writes them.
  CHECK_MESSAGE(Has(h.MirrorText(), "(4000)"), h.MirrorText().substr(0, 400));
  h.app.SetLanguage("en");
  h.Frames();
  CHECK_MESSAGE(Has(h.MirrorText(), "(4,000)"), h.MirrorText().substr(0, 400));
}

TEST_CASE("A large archive opened on its mission page orders its lists after its first frame, or for their screens") {
  test::Headless h;
  h.Load(test::ManyLongNews(2000));
  h.Frames(1);  // the frame that shows the content does nothing else
  CHECK_FALSE(h.app.GetContent()->NewsOrdered());
  CHECK_FALSE(h.app.GetContent()->Indexing());
  h.Frames(1);  // the next one orders the news
  CHECK(h.app.GetContent()->NewsOrdered());
  CHECK_FALSE(h.app.Screens().Timeline().TimelineMade());  // the timeline and the archive wait for their screens
  CHECK_FALSE(h.app.Screens().Directives().ListShown());
  h.Go("#/news");
  CHECK(h.app.GetContent()->NewsOrdered());
  CHECK(h.app.Screens().Timeline().TimelineMade());
  CHECK(Has(h.MirrorText(), "Lajm numër 0"));
  h.Go("#/directives");  // (this archive has none: its screen says so)
  CHECK(Has(h.MirrorText(), core::Tr(core::Str::NoDirectives, "sq")));
}

TEST_CASE("A long timeline is measured a slice a frame: the first frame shows the top, the rest follows") {
  test::Headless h;
  h.Load(test::ManyLongNews(6000));
  h.Go("#/news");  // a few frames: each measures the screen's rows and a slice more
  const auto& layout = h.app.Screens().Timeline().Layout();
  REQUIRE(layout.Count() > 6000);
  CHECK(layout.Measured() < layout.Count());
  CHECK(layout.Measured() > 100);
  CHECK(Has(h.MirrorText(), "Lajm numër 0"));
  const float estimated = layout.Total();
  h.FramesUntilIdle(100);  // asks for frames until every row is measured, then stops
  CHECK(layout.Measured() == layout.Count());
  CHECK(layout.Total() == doctest::Approx(estimated).epsilon(0.05));  // the same cards: the estimate held
  CHECK(layout.Y(layout.Count() - 1) + layout.H(layout.Count() - 1) == doctest::Approx(layout.Total()));
}

// A published list's later page ("#/news?page=3", core::kListPageItems a page) starts the viewer
// with that page's first item at the top of the screen, the one the page itself lists first.
TEST_CASE("Started from a later page of the published list, the viewer shows that page's first item at the top") {
  const std::string json = test::ManyNews(2600);  // 104 a year
  // The first page's items start under the filters; a last page of a few items cannot scroll to
  // the top: it shows at the list's end.
  for (const auto& place : std::vector<std::pair<std::string, bool>>{
           {"#/news", false}, {"#/news?page=3", true}, {"#/news?page=25", true}, {"#/news?year=2003&page=2", false}}) {
    const std::string& route = place.first;  // not a structured binding: clang 14 cannot capture one (CAPTURE)
    const bool atTop = place.second;
    CAPTURE(route);
    test::Headless h(390, 844, 1.0f);
    h.Load(json);
    h.Go(route);
    h.Frames(4);
    const core::MirrorNode* shown = test::FirstNewsOnScreen(h);
    REQUIRE(shown);
    const std::string want = test::FirstNewsOfPage(json, route);
    CHECK(want.size() > 8);
    CHECK(shown->href == want);
    if (atTop) CHECK(shown->rect.y < h.app.State().contentTop + 40);  // at the top, under a month's heading at most
  }
}
