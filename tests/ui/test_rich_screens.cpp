// The richer content drawn (tests/fixtures/rich.json): an image with its caption and credit
// under it and its alt text in the mirror; a directive's documents as links out of the app (a
// code to scan in the kiosk) with their type and language, and its history; labels in English.
#include <doctest/doctest.h>

#include <algorithm>

#include "ui/headless.h"
#include "ui/test_bundles.h"

using test::Has;

namespace {

// The rich fixture's screen at `route` in English, drawn until it settles; its mirror's text.
std::string English(test::Headless& h, const std::string& route) {
  h.LoadFile("tests/fixtures/rich.json");
  h.app.SetLanguage("en");
  h.Go(route);
  h.FramesUntilIdle();
  return h.MirrorText();
}

}  // namespace

TEST_CASE("An image is drawn with its caption and credit under it; the mirror holds it as a figure with its alt text") {
  test::Headless h;
  const std::string m = English(h, "#/news/museum-hall");
  CHECK_MESSAGE(Has(m, "[image] The museum's hall with two tanks <bundle-folder/images/museum.png> | The new hall, opened in March — Foto: MM"), m);
  CHECK(Has(m, "Tags: Air Force, Museum, NATO"));
  const auto& nodes = h.app.Mirror().nodes;
  const auto figure = std::find_if(nodes.begin(), nodes.end(), [](const core::MirrorNode& n) { return n.kind == core::MirrorKind::Figure; });
  REQUIRE(figure != nodes.end());
  const core::MirrorNode* summary = h.FindNode("The museum opens its new & larger <hall>.");
  REQUIRE(summary);
  // The figure's box holds the image and the caption's line, and the summary comes after it.
  CHECK(figure->rect.h > 0);
  CHECK(summary->rect.y >= figure->rect.y + figure->rect.h);
}

TEST_CASE("A directive's documents: links out with their type and language; its number and its history") {
  test::Headless h;
  const std::string m = English(h, "#/directives/strategy-2024");
  CHECK_MESSAGE(Has(m, "15 January 2024 · Directive · Nr. 17/2024"), m);
  CHECK(Has(m, "## Documents"));
  const core::MirrorNode* english = h.FindNode("The strategy (English)");
  REQUIRE(english);
  CHECK(english->external);
  CHECK(Has(m, "The strategy (Albanian) <bundle-folder/docs/strategy-2024.pdf> | PDF, Shqip"));
  CHECK(Has(m, "The strategy (English) <https://www.mod.gov.al/files/strategy-2024-en.pdf> | PDF, English"));
  CHECK(Has(m, "## History of changes"));
  CHECK(m.find("10 February 2024 — Article 3 corrected.") < m.find("2 April 2024 — Annex B added."));
  REQUIRE(h.ClickMirrorText("The strategy (English)"));
  REQUIRE(h.host.opened.size() == 1);
  CHECK(h.host.opened[0] == "https://www.mod.gov.al/files/strategy-2024-en.pdf");
  CHECK(h.app.Route().screen == core::Screen::DirectiveDetail);  // the app stays where it was

  h.app.SetLanguage("sq");
  h.FramesUntilIdle();
  CHECK(Has(h.MirrorText(), "## Dokumentet"));
  CHECK(Has(h.MirrorText(), "Strategjia (shqip) <bundle-folder/docs/strategy-2024.pdf> | PDF, Shqip"));
}

TEST_CASE("In the kiosk a directive's documents are codes to scan: nothing leads out of the app") {
  test::Headless h(1920, 1080);
  h.LoadFile("tests/fixtures/rich.json");
  h.app.EnableKiosk(core::KioskSettings{}, 0, false);
  h.app.SetLanguage("en");
  h.app.GoTo(core::ParseRoute("#/directives/strategy-2024"), ui::How::Address);
  h.FramesUntilIdle();
  const std::string m = h.MirrorText();
  CHECK_MESSAGE(Has(m, "The strategy (Albanian)\n"), m);
  CHECK(Has(m, "bundle-folder/docs/strategy-2024.pdf\n"));
  CHECK(Has(m, "https://www.mod.gov.al/files/strategy-2024-en.pdf\n"));
  CHECK_FALSE(Has(m, "<bundle-folder/docs/strategy-2024.pdf>"));  // no link
  CHECK_FALSE(Has(m, "<https://www.mod.gov.al/"));
}

TEST_CASE("Tags and categories in the visitor's language; the filter's address is the first language's word") {
  test::Headless h;
  std::string m = English(h, "#/directives");
  CHECK_MESSAGE(Has(m, "Directive (1) <#/directives?category=Direktiv%C3%AB>"), m);
  CHECK(Has(m, "| 15 January 2024 · Directive"));
  REQUIRE(h.ClickMirrorText("Directive (1)"));
  CHECK(h.app.Route().category == "Direktivë");
  h.Go("#/news?tag=Forcat%20Ajrore");
  h.FramesUntilIdle();
  m = h.MirrorText();
  CHECK_MESSAGE(Has(m, "#Air Force (2) <#/news> (current)"), m);
  CHECK(Has(m, "Air exercise"));
  CHECK_FALSE(Has(m, "wordless image"));
}
