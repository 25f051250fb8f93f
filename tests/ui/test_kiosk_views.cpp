// The kiosk in the app: idle return to the start and the attract loop, the first touch only
// wakes it, no outward links (addresses as QR codes), the on-screen keyboard searches,
// opening hours blank the screen, a reload keeps the place, "large text, high contrast" for one
// visit.
#include <doctest/doctest.h>

#include "ui/headless.h"

using test::Has;

namespace {

void FramesAt(test::Headless& h, double now, int n = 3) { h.FramesAt(now, n); }

core::KioskMode Mode(const test::Headless& h) { return h.app.Kiosk()->Mode(); }

// The bilingual fixture in an English kiosk that goes idle after 90 s.
void EnglishKiosk(test::Headless& h) {
  h.LoadFile("tests/fixtures/bilingual.json");
  core::KioskSettings settings;
  settings.idleSeconds = 90;
  h.app.EnableKiosk(settings, 0, false);
  h.app.SetLanguage("en");
}

}  // namespace

TEST_CASE("Kiosk: idle leads to the attract loop at the start; the first touch only wakes it") {
  test::Headless h(1920, 1080);
  EnglishKiosk(h);
  h.app.GoTo(core::ParseRoute("#/directives/strategy-2024"), ui::How::Address);
  FramesAt(h, 1);
  CHECK(Mode(h) == core::KioskMode::Interactive);
  // no way out: the link and the document are codes to scan, not buttons
  std::string m = h.MirrorText();
  CHECK(Has(m, "Scan with your phone to open it"));
  CHECK(Has(m, "https://www.mod.gov.al/"));
  CHECK_FALSE(Has(m, "Open the link"));
  CHECK_FALSE(Has(m, "Copy link"));
  for (const auto& n : h.app.Mirror().nodes) CHECK_FALSE(n.external);
  FramesAt(h, 89);
  CHECK(Mode(h) == core::KioskMode::Interactive);
  FramesAt(h, 92);
  CHECK(Mode(h) == core::KioskMode::Attract);
  CHECK(h.app.Route().screen == core::Screen::Mission);  // back to the start
  CHECK(Has(h.MirrorText(), "Touch the screen to explore"));
  // the loop moves on by itself
  const std::string first = h.app.Mirror().nodes.front().text;
  bool changed = false;
  for (double t = 93; t < 93 + 40 && !changed; t += 1) {
    FramesAt(h, t, 1);
    changed = h.app.Mirror().nodes.front().text != first;
  }
  CHECK(changed);
  // the first touch wakes the kiosk and is swallowed
  CHECK(h.app.KioskInput(140));
  FramesAt(h, 140);
  CHECK(Mode(h) == core::KioskMode::Interactive);
  CHECK(h.app.Route().screen == core::Screen::Mission);
  CHECK_FALSE(h.app.KioskInput(141));  // later touches are ordinary
}

TEST_CASE("Kiosk: the on-screen keyboard searches") {
  test::Headless h(1920, 1080);
  h.LoadFile("tests/fixtures/bilingual.json");
  h.app.EnableKiosk(core::KioskSettings{}, 0, true);
  FramesAt(h, 1);
  // the search field is a button that opens the keyboard (no physical one at the museum)
  REQUIRE(h.ClickMirrorText("Kërko"));
  CHECK(h.app.State().keyboardOpen);
  for (const char* key : {"ç", "e", "s", "h", "t", "j", "e"}) REQUIRE_MESSAGE(h.TapMirrorText(key), key);
  CHECK(h.app.Route().screen == core::Screen::Search);
  CHECK(h.app.Route().query == "çeshtje");
  CHECK(Has(h.MirrorText(), "Rezultate për “çeshtje”: 2"));
  REQUIRE(h.TapMirrorText("backspace"));
  CHECK(h.app.State().searchText == "çeshtj");
  REQUIRE(h.TapMirrorText("close"));
  CHECK_FALSE(h.app.State().keyboardOpen);
}

TEST_CASE("Kiosk: outside opening hours the screen is blank; inside, the app") {
  test::Headless h(1280, 800);
  h.LoadFile("assets/bundle.json");
  core::KioskSettings settings;
  settings.hours = *core::ParseOpeningHours("Mon-Sun 09:00-18:00");
  REQUIRE(settings.hours);
  h.app.EnableKiosk(settings, 0, false);
  h.platform.now = 10, h.platform.minuteOfWeek = core::MinuteOfWeek(2, 20, 0);  // Wednesday 20:00, somebody still reading
  h.Frames(3);
  CHECK(Mode(h) == core::KioskMode::Interactive);  // nobody is cut off at closing time
  h.platform.now = 200, h.platform.minuteOfWeek = core::MinuteOfWeek(2, 20, 3);  // idle after closing: blank
  h.Frames(3);
  CHECK(Mode(h) == core::KioskMode::Blank);
  CHECK(h.app.Mirror().nodes.empty());
  CHECK(h.app.KioskInput(210));  // a touch in the dark wakes it and is swallowed
  h.platform.now = 20000, h.platform.minuteOfWeek = core::MinuteOfWeek(3, 9, 30);  // Thursday 09:30, idle: the attract loop
  h.Frames(3);
  CHECK(Mode(h) == core::KioskMode::Attract);
}

// A list measured a slice a frame asks for frames only while it is drawn: the blank screen after
// closing time draws none, so it asks for none (it once did, all night).
TEST_CASE("Kiosk: blank after closing asks for no frames, even with a long timeline measured in part") {
  test::Headless h(1280, 800);
  std::string news;
  for (int i = 0; i < 6000; ++i)
    news += std::string(i ? "," : "") + R"({"id":"n)" + std::to_string(i) + R"(","date":"2020-01","title":"News )" +
            std::to_string(i) + R"("})";
  h.Load(R"({"format":"publication-bundle","version":1,"languages":["en"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},)"
         R"("news":[)" + news + R"(],"directives":[]})");
  core::KioskSettings settings;
  settings.hours = *core::ParseOpeningHours("Mon-Sun 09:00-18:00");
  REQUIRE(settings.hours);
  h.app.EnableKiosk(settings, 0, false);
  h.platform.now = 10, h.platform.minuteOfWeek = core::MinuteOfWeek(2, 17, 0);  // open
  h.app.GoTo(core::ParseRoute("#/news"), ui::How::Address);
  h.Frames(1);
  const auto& layout = h.app.Screens().Timeline().Layout();
  REQUIRE(layout.Measured() < layout.Count());
  h.platform.now = 100000, h.platform.minuteOfWeek = core::MinuteOfWeek(2, 20, 0);  // long idle, after closing: blank
  const int frames = h.FramesUntilIdle(500);
  CHECK(Mode(h) == core::KioskMode::Blank);
  CHECK(frames < 50);
}

TEST_CASE("Kiosk: what visitors do is counted, a visit from the attract loop, the screens, items, searches, languages") {
  test::Headless h(1920, 1080);
  h.LoadFile("tests/fixtures/bilingual.json");
  core::KioskSettings settings;
  settings.idleSeconds = 90;
  h.app.EnableKiosk(settings, 0, false);
  FramesAt(h, 1);
  FramesAt(h, 100);
  REQUIRE(Mode(h) == core::KioskMode::Attract);
  CHECK(h.app.KioskInput(101));  // a visit begins
  FramesAt(h, 101);
  h.app.GoTo(core::Route::News(), ui::How::Push);
  FramesAt(h, 102);
  h.app.GoTo(core::Route::News(2023), ui::How::Push);  // a filter: the same screen
  FramesAt(h, 103);
  h.app.GoTo(core::Route::NewsDetail("museum-berzhite"), ui::How::Push);
  FramesAt(h, 104);
  h.app.TypedSearch("b");
  h.app.TypedSearch("be");  // refined: the same search
  FramesAt(h, 105);
  h.app.ChooseLanguage("en");
  FramesAt(h, 106);
  const core::KioskCounts& c = h.app.Kiosk()->Counts();
  CHECK(c.visits == 1);
  CHECK(c.screens.at("news") == 1);
  CHECK(c.screens.at("news_item") == 1);
  CHECK(c.screens.at("search") == 1);
  CHECK(c.searches == 1);
  CHECK(c.itemViews.at({"news", "museum-berzhite"}) == 1);
  CHECK(c.languageSwitches.at("en") == 1);
  // The kiosk's own return to its start is not a visitor's screen.
  FramesAt(h, 300);
  CHECK(c.screens.count("mission") == 0);
  const std::string report = h.app.KioskReport(core::KioskFacts{});
  CHECK(Has(report, "mod_kiosk_content_items{kind=\"news\"} " + std::to_string(h.app.GetContent()->NewsCount()) + "\n"));
  CHECK(Has(report, "mod_kiosk_visits_total 1\n"));
}

TEST_CASE("Kiosk: large text and high contrast for one visit; the next visitor starts as usual") {
  test::Headless h(1920, 1080);
  EnglishKiosk(h);
  FramesAt(h, 1);
  const float scale = h.app.State().scale;
  CHECK_FALSE(Has(h.MirrorText(), "Text view"));
  CHECK_FALSE(Has(h.MirrorText(), "Text size"));
  REQUIRE(h.ClickMirrorText("Large text, high contrast"));
  FramesAt(h, 3);
  REQUIRE(h.app.Kiosk()->Mode() == core::KioskMode::Interactive);
  CHECK(h.app.State().lowVision);
  CHECK(h.app.State().scale > scale * 1.3f);
  CHECK(h.app.GetPalette().text == ui::HighContrastLightPalette().text);
  CHECK(Has(h.MirrorText(), "[button] Large text, high contrast (pressed)"));
  FramesAt(h, 100);  // the visit is over
  FramesAt(h, 101);
  CHECK_FALSE(h.app.State().lowVision);
  CHECK(h.app.State().scale == scale);
  CHECK(h.app.GetPalette().text == ui::LightPalette().text);
}
