// Each screen drawn headless from the default bundle and a bilingual fixture: the mission, the
// timeline, the archive, a detail, the filters, one reading measure; assertions on the mirror.
#include <doctest/doctest.h>

#include "core/text.h"
#include "ui/headless.h"
#include "ui/test_bundles.h"

using test::Has;

TEST_CASE("Mission screen from the default bundle") {
  test::Headless h;
  h.LoadFile("assets/bundle.json");
  h.Frames();
  REQUIRE(h.app.GetPhase() == ui::Phase::Ready);
  const std::string m = h.MirrorText();
  CHECK(h.app.Language() == "sq");
  CHECK(Has(m, "# Misioni dhe veprimtaria e Ministrisë së Mbrojtjes"));
  CHECK(Has(m, "1. The Ministry of Defence (MoD) supports the Defense Minister"));
  CHECK(Has(m, "- ç) Determining the priorities"));
  CHECK(Has(m, "- dh) Ensuring the progress"));
  CHECK(Has(m, "- ë) Participation in military"));
  CHECK(Has(m, "4. Defence\u00a0Minister during his activity"));  // the seed has a no-break space there
  CHECK(Has(m, "Misioni <#/mission> (current)"));
  CHECK(Has(m, "Lajme <#/news>"));
  CHECK(Has(m, "[button] English"));
  // the lettered list hangs: item text starts right of its label
  const core::MirrorNode* item = h.FindNode("ç) Determining the priorities and goals that create spaces for cooperation in the "
                                            "interest of increasing common security and fulfilling the country's interests;");
  const core::MirrorNode* para = h.FindNode("3. Ministry of Defense assists the Defense Minister in in fulfilling the following "
                                            "activities, as:");
  REQUIRE(item);
  REQUIRE(para);
  CHECK(item->rect.x > para->rect.x);
}

TEST_CASE("News timeline: newest first, grouped by year and month, opens detail") {
  test::Headless h;
  h.LoadFile("assets/bundle.json");
  h.Go("#/news");
  const std::string m = h.MirrorText();
  CHECK(h.app.Mirror().title == "Lajme");
  const size_t y2024 = m.find("## 2024"), jan = m.find("### Janar 2024"), y2023 = m.find("## 2023"),
               dec = m.find("### Dhjetor 2023"), aug = m.find("### Gusht 2023");
  REQUIRE(y2024 != std::string::npos);
  CHECK(y2024 < jan);
  CHECK(jan < y2023);
  CHECK(y2023 < dec);
  CHECK(dec < aug);
  CHECK(m.find("Historic Arrival") < m.find("The Museum of Armed Forces"));
  CHECK(Has(m, "- The Museum of Armed Forces has unveiled its new exhibits and surrounding <#/news/armed-forces-museum-berzhite> "
               "| Dhjetor 2023 — The Armed Forces Museum has officially relocated to its new site in Bërzhitë"));
  REQUIRE(h.ClickMirrorText("Setting the record straight"));
  CHECK(h.app.Route().screen == core::Screen::NewsDetail);
  CHECK(h.app.Route().id == "setting-the-record-straight");
  const auto nav = h.app.TakeUserNavigation();
  REQUIRE(nav);
  CHECK(core::FormatRoute(nav->route) == "#/news/setting-the-record-straight");
  CHECK_FALSE(nav->replace);
  CHECK(Has(h.MirrorText(), "# Setting the record straight"));
  CHECK(Has(h.MirrorText(), "‹ Lajme <#/news>"));
}

TEST_CASE("The screen a click asks for is drawn and mirrored in the frame that takes the click, not the one after") {
  test::Headless h;
  h.LoadFile("assets/bundle.json");
  h.Go("#/news");
  h.FramesUntilIdle();
  const core::MirrorNode* item = h.FindNode("Setting the record straight");
  REQUIRE(item);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(item->rect.x + item->rect.w * 0.5f, item->rect.y + item->rect.h * 0.5f);
  h.Frames(1);
  io.MouseDown[0] = true;
  h.Frames(1);
  CHECK(h.app.Route().screen == core::Screen::News);  // pressed: nothing chosen yet
  const long drawn = h.driver.FramesDrawn();
  io.MouseDown[0] = false;
  h.driver.Frame();  // the release chooses the item: its screen, in this frame
  CHECK(h.app.Route().id == "setting-the-record-straight");
  CHECK(Has(h.MirrorText(), "# Setting the record straight"));
  CHECK(h.driver.FramesDrawn() == drawn + 2);  // the list's frame, not shown, then the item's
}

TEST_CASE("Directives archive sorts by date and title and opens a directive") {
  test::Headless h;
  h.LoadFile("assets/bundle.json");
  h.app.SetLanguage("en");
  h.Go("#/directives");
  std::string m = h.MirrorText();
  CHECK(h.app.Mirror().title == "Directives");
  CHECK(m.find("Defence Directive 2024") < m.find("The Secretary General’s Annual Report 2022"));
  CHECK(m.find("The Secretary General’s Annual Report 2022") < m.find("NATO's Strategic Concept"));
  CHECK(Has(m, "<#/directives/secretary-general-annual-report-2022> | 21 March 2023 · Report"));
  REQUIRE(h.ClickMirrorText("Oldest first"));
  m = h.MirrorText();
  CHECK(m.find("NATO's Strategic Concept <") < m.find("Defence Directive 2024 <"));
  REQUIRE(h.ClickMirrorText("Title Z–A"));
  m = h.MirrorText();
  CHECK(m.find("The Secretary General’s Annual Report 2022 <") < m.find("NATO's Strategic Concept <"));
  CHECK(m.find("NATO's Strategic Concept <") < m.find("Defence Directive 2024 <"));
  // A tap right after another control was hovered must still open the row (a Selectable
  // with AllowItemOverlap ignored it).
  REQUIRE(h.TapMirrorText("Defence Directive 2024"));
  CHECK(h.app.Route().screen == core::Screen::DirectiveDetail);
  CHECK(Has(h.MirrorText(), "# Defence Directive 2024"));
  CHECK(Has(h.MirrorText(), "January 2024 · Directive"));
}

TEST_CASE("Narrow screens lay the archive out in one column") {
  test::Headless h(360 * 3, 740 * 3, 3.0f);
  h.LoadFile("assets/bundle.json");
  h.Go("#/directives");
  const core::MirrorNode* a = h.FindNode("Defence Directive 2024");
  const core::MirrorNode* b = h.FindNode("The Secretary General’s Annual Report 2022");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->rect.x == doctest::Approx(b->rect.x));
  CHECK(b->rect.y > a->rect.y + a->rect.h - 1);
  CHECK(a->rect.h >= 44 * 3);  // touch target
}

TEST_CASE("Bilingual fixture: language switch, detail with document and link") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.Frames();
  REQUIRE(h.app.GetPhase() == ui::Phase::Ready);
  CHECK(Has(h.MirrorText(), "# Misioni i Ministrisë"));
  REQUIRE(h.ClickMirrorText("English"));
  CHECK(h.app.Language() == "en");
  CHECK(Has(h.MirrorText(), "# Mission of the Ministry"));
  CHECK(Has(h.MirrorText(), "[button] Shqip"));
  h.Go("#/directives/strategy-2024");
  std::string m = h.MirrorText();
  CHECK(Has(m, "# Defence Strategy “2024–2030”"));
  CHECK(Has(m, "Open the document <bundle-folder/docs/strategy-2024.pdf>"));
  CHECK(Has(m, "Open the link <https://www.mod.gov.al/>"));
  REQUIRE(h.ClickMirrorText("Open the link"));
  REQUIRE(h.host.opened.size() == 1);
  CHECK(h.host.opened[0] == "https://www.mod.gov.al/");
  h.Go("#/news/museum-berzhite");
  CHECK(Has(h.MirrorText(), "# The museum in Bërzhitë: “Çështje” – ’ë’"));
  REQUIRE_FALSE(h.host.requestedImages.empty());
  CHECK(h.host.requestedImages.count("images/museum.png") == 1);
  h.Go("#/news/no-such-item");
  CHECK(Has(h.MirrorText(), "# Page not found"));
}

TEST_CASE("Copy link, Escape back, and the focus outline scrolls into view") {
  test::Headless h(1000, 500);
  h.LoadFile("assets/bundle.json");
  h.app.SetLanguage("en");
  h.Go("#/news/seebrig-command");
  REQUIRE(h.ClickMirrorText("Copy link"));
  CHECK(h.host.clipboard == "https://example.test/#/news/seebrig-command");
  CHECK(h.FindNode("Link copied"));
  // Escape (from the platform) goes from the detail to its list
  h.app.GoBack();
  h.Frames(2);
  CHECK(h.app.Route().screen == core::Screen::News);
  // focusing the last item from the page scrolls the canvas until it is visible
  size_t last = 0;
  for (size_t i = 0; i < h.app.Mirror().nodes.size(); ++i)
    if (h.app.Mirror().nodes[i].kind == core::MirrorKind::Item) last = i;
  REQUIRE(last > 0);
  CHECK(h.app.Mirror().nodes[last].rect.y > 500);  // below the window at first
  h.Frames(1);
  CHECK(ImGui::GetForegroundDrawList()->VtxBuffer.Size == 0);  // nothing outlined
  h.app.FocusMirrorNode(last);
  h.Frames(6);
  // the canvas outlines the focused item (drawn over everything)
  CHECK(ImGui::GetForegroundDrawList()->VtxBuffer.Size > 0);
  const auto& r = h.app.Mirror().nodes[last].rect;
  CHECK(r.y >= 0);
  CHECK(r.y + r.h <= 500);
}

TEST_CASE("Year rail, tags and categories filter the lists and are routes") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.app.SetLanguage("en");
  h.Go("#/news");
  std::string m = h.MirrorText();
  CHECK(Has(m, "- All years (3) <#/news> (current)"));
  CHECK(Has(m, "- 2023 (1) <#/news?year=2023>"));
  CHECK(Has(m, "- #muze (1) <#/news?tag=muze>"));
  REQUIRE(h.ClickMirrorText("2023 (1)"));
  CHECK(core::FormatRoute(h.app.Route()) == "#/news?year=2023");
  m = h.MirrorText();
  CHECK(Has(m, "- 2023 (1) <#/news?year=2023> (current)"));
  CHECK(Has(m, "The museum in Bërzhitë"));
  CHECK_FALSE(Has(m, "The first helicopters <"));
  h.Go("#/news?year=2024&tag=muze");
  CHECK(Has(h.MirrorText(), "There is no news."));
  h.Go("#/directives?category=Direktiv%C3%AB");
  m = h.MirrorText();
  CHECK(Has(m, "- Direktivë (2) <#/directives?category=Direktiv%C3%AB> (current)"));
  CHECK(Has(m, "Operations room <"));
  CHECK_FALSE(Has(m, "Defence Strategy “2024–2030” <"));
}

// The timeline's mirror words are made once and kept while scrolling (NewsView::Words), and the
// chips once per description: they must still follow the language.
TEST_CASE("The timeline's mirror and its chips are made once, and again in another language") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.app.SetLanguage("sq");
  h.Go("#/news");
  const std::string sqMonth = core::FormatMonthYear(2023, 12, "sq"), enMonth = core::FormatMonthYear(2023, 12, "en");
  REQUIRE(sqMonth != enMonth);
  std::string m = h.MirrorText();
  CHECK_MESSAGE(Has(m, sqMonth), m);
  CHECK(Has(m, "Muzeu në Bërzhitë"));
  const auto& cached = h.app.Screens().Timeline().Words();
  CHECK(std::any_of(cached.begin(), cached.end(), [](const auto& t) { return t.has_value(); }));
  h.app.SetLanguage("en");
  h.Frames();
  m = h.MirrorText();
  CHECK_MESSAGE(Has(m, enMonth), m);
  CHECK_FALSE(Has(m, sqMonth));
  CHECK(Has(m, "The museum in Bërzhitë"));
  CHECK(Has(m, "- All years (3) <#/news> (current)"));
}

// Text keeps one measure on every screen, 60 to 90 characters a line at any width, not the
// window's (some 200 characters at 1440 px).
TEST_CASE("One reading measure: text lines stay between 60 and 90 characters at every width") {
  for (const float width : {1024.0f, 1440.0f, 1920.0f, 3840.0f}) {
    for (const std::string route : {"#/mission", "#/news/armed-forces-museum-berzhite", "#/search?q=nato"}) {
      test::Headless h(width, 1000);
      h.LoadFile("assets/bundle.json");
      h.app.SetLanguage("en");
      h.Go(route);
      ImFont* font = ImGui::GetIO().Fonts->Fonts[0];  // the body font (LoadFonts adds it first)
      size_t longest = 0;
      for (const auto& n : h.app.Mirror().nodes) {
        // a paragraph; a search result's snippet (its note, drawn inside the card's padding)
        const std::string& text = n.kind == core::MirrorKind::Item ? n.note : n.text;
        if ((n.kind != core::MirrorKind::Paragraph && n.kind != core::MirrorKind::Item) || text.size() < 150) continue;
        const float width = n.kind == core::MirrorKind::Item ? n.rect.w - 28 : n.rect.w;
        const char* begin = text.c_str();
        const char* end = font->CalcWordWrapPositionA(1.0f, begin, begin + text.size(), width + 1);
        longest = std::max(longest, static_cast<size_t>(end - begin));
      }
      CHECK_MESSAGE(longest <= 90, route << " at " << width << " px: " << longest << " characters on a line");
      CHECK_MESSAGE(longest >= 60, route << " at " << width << " px: " << longest << " characters on a line");
    }
  }
}
