// The visitor's ways of reading in the app (the browser's side is tests/web/read_your_way.test.mjs):
// the text view's toggle where the platform has one, the text size that lays the screens out
// again, "Share" where there is a share sheet, the colours the system asks for. The kiosk's
// "large text, high contrast" is in test_kiosk_views.cpp.
#include <doctest/doctest.h>

#include "ui/headless.h"
#include "ui/test_bundles.h"

using test::Has;

TEST_CASE("The text view's toggle: in the header where the platform has one, with its state") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.app.SetLanguage("en");
  h.Frames();
  CHECK_FALSE(Has(h.MirrorText(), "Text view"));  // the desktop's host has none
  h.host.textViewAvailable = true;
  h.Frames();
  CHECK_MESSAGE(Has(h.MirrorText(), "[button] Text view (not pressed)"), h.MirrorText());
  REQUIRE(h.ClickMirrorText("Text view"));
  CHECK(h.host.textView);
  h.Frames();
  CHECK(Has(h.MirrorText(), "[button] Text view (pressed)"));
  CHECK(Has(h.app.Mirror().ToHtml(), "aria-pressed=\"true\">Text view</button>"));
}

TEST_CASE("The text size: 150% and 200% lay the screen out again at that size; the platform remembers it") {
  test::Headless h(390, 844);
  h.LoadFile("tests/fixtures/bilingual.json");
  h.app.SetLanguage("en");
  h.Go("#/news/museum-berzhite");
  h.FramesUntilIdle();
  const core::MirrorNode* title = h.FindNode("The museum in Bërzhitë: “Çështje” – ’ë’");
  REQUIRE(title);
  const float before = title->rect.h;
  REQUIRE(h.ClickMirrorText("Text size 100%"));
  h.FramesUntilIdle();
  REQUIRE(h.ClickMirrorText("Text size 150%"));
  h.FramesUntilIdle();
  CHECK(h.host.textSizes == std::vector<float>{1.5f, 2.0f});
  CHECK(h.app.TextSize() == 2.0f);
  title = h.FindNode("The museum in Bërzhitë: “Çështje” – ’ë’");
  REQUIRE(title);
  CHECK(title->rect.h >= 2 * before * 0.95f);  // twice the type, wrapped to the same width: at least twice the height
  // Nothing leaves the phone's width: the header's controls wrap onto further rows.
  for (const core::MirrorNode& n : h.app.Mirror().nodes)
    if (n.rect.w > 0) CHECK_MESSAGE(n.rect.x + n.rect.w <= 390.5f, n.text);
  REQUIRE(h.ClickMirrorText("Text size 200%"));
  h.FramesUntilIdle();
  CHECK(h.app.TextSize() == 1.0f);  // and round again
}

TEST_CASE("Share: the phone's share sheet where there is one, with the screen's address and title; else Copy link") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.app.SetLanguage("en");
  h.Go("#/news/museum-berzhite");
  h.FramesUntilIdle();
  CHECK(Has(h.MirrorText(), "[button] Copy link"));
  h.host.canShare = true;
  h.Frames();
  CHECK_FALSE(Has(h.MirrorText(), "Copy link"));
  REQUIRE(h.ClickMirrorText("Share"));
  REQUIRE(h.host.shared.size() == 1);
  CHECK(h.host.shared[0].first == "https://example.test/#/news/museum-berzhite");
  CHECK(h.host.shared[0].second == "The museum in Bërzhitë: “Çështje” – ’ë’");
}

TEST_CASE("The colours the system asks for: more contrast, then back") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  ui::Appearance a;
  a.moreContrast = true;
  h.app.SetAppearance(a);
  h.Frames();
  CHECK(h.app.GetPalette().text == ui::HighContrastLightPalette().text);
  CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == 1.0f);  // the style follows: white
  h.app.SetAppearance({});
  h.Frames();
  CHECK(h.app.GetPalette().background == ui::LightPalette().background);
}
