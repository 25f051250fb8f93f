// The app's states around its content: a bundle that cannot be loaded, a reload that fails or
// brings new content, items left out and their diagnostics, frames that settle, glyphs.
#include <doctest/doctest.h>

#include "core/text.h"
#include "ui/headless.h"
#include "ui/test_bundles.h"

using test::Has;

TEST_CASE("A bundle that cannot be loaded shows the error screen with a retry") {
  test::Headless h;
  h.Load("{\n \"format\": \"publication-bundle\",\n \"version\": 1,\n \"news\": [,]\n}");
  h.Frames();
  CHECK(h.app.GetPhase() == ui::Phase::Error);
  const std::string m = h.MirrorText();
  CHECK(Has(m, "[alert] not valid JSON"));
  CHECK(Has(m, "test.json, line 4, column 11"));
  REQUIRE(h.ClickMirrorText("Provo përsëri"));
  CHECK(h.host.retries == 1);
}

TEST_CASE("A failed reload keeps the content that was shown") {
  test::Headless h;
  h.LoadFile("assets/bundle.json");
  h.Frames();
  h.Load("{broken");
  h.Frames();
  CHECK(h.app.GetPhase() == ui::Phase::Ready);
  CHECK(h.app.GetContent()->NewsCount() == 7);
}

TEST_CASE("Frames settle: the app stops asking for frames when nothing changes") {
  test::Headless h;
  h.LoadFile("assets/bundle.json");
  CHECK(h.FramesUntilIdle() <= 4);
  const auto version = h.app.MirrorVersion();
  h.Frames(5);
  CHECK(h.app.MirrorVersion() == version);  // the mirror is republished only when it changes
}

TEST_CASE("Items with problems are left out; every screen says so and the diagnostics list them") {
  test::Headless h;
  h.Load(R"J({"format":"publication-bundle","version":1,"languages":["en"],
    "mission":{"title":"Mission","paragraphs":[{"text":"p"}]},
    "news":[{"id":"good","date":"2024-01","title":"Good news"},{"id":"bad","date":"2024-13","title":"Bad date"}],
    "directives":[{"id":"x","date":"2024","title":"<script>alert(1)</script>","link":"javascript:alert(1)"}]})J");
  h.Frames();
  REQUIRE(h.app.GetPhase() == ui::Phase::Ready);
  CHECK(Has(h.MirrorText(), "Items left out because of errors: 1"));
  CHECK(Has(h.MirrorText(), "See the diagnostics <#/diagnostics>"));
  h.Go("#/news");
  CHECK(Has(h.MirrorText(), "Items left out because of errors: 1"));
  CHECK(Has(h.MirrorText(), "Good news"));
  CHECK_FALSE(Has(h.MirrorText(), "Bad date"));
  REQUIRE(h.ClickMirrorText("See the diagnostics"));
  CHECK(h.app.Route().screen == core::Screen::Diagnostics);
  const std::string m = h.MirrorText();
  CHECK(Has(m, "error: news[1].date: \"2024-13\" is not a date"));
  CHECK(Has(m, "warning: directives[0].link: only https:, http: and mailto: links are opened"));
  // hostile text is text; the unsafe link is gone
  h.Go("#/directives/x");
  CHECK(Has(h.MirrorText(), "# <script>alert(1)</script>"));
  CHECK_FALSE(Has(h.MirrorText(), "Open the link"));
}

TEST_CASE("A new bundle replaces the old one and keeps the visitor's place when it still exists") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.app.SetLanguage("en");
  h.Go("#/news/helicopters");
  CHECK(Has(h.MirrorText(), "# The first helicopters"));
  // the same item, retitled: still there
  std::string json = R"({"format":"publication-bundle","version":1,"languages":["sq","en"],
    "mission":{"title":"M","paragraphs":[{"text":"p"}]},
    "news":[{"id":"helicopters","date":"2024-01","title":{"en":"The first helicopters have landed"}}],"directives":[]})";
  h.Load(json);
  h.Frames();
  CHECK(h.app.Route().id == "helicopters");
  CHECK(Has(h.MirrorText(), "# The first helicopters have landed"));
  // a bundle without it: back to the list, in place of the history entry
  json = R"({"format":"publication-bundle","version":1,"mission":{"title":"M","paragraphs":[]},"news":[],"directives":[]})";
  h.Load(json);
  h.Frames();
  CHECK(h.app.Route().screen == core::Screen::News);
  const auto nav = h.app.TakeUserNavigation();
  REQUIRE(nav);
  CHECK(nav->replace);
  // a broken update changes nothing
  h.Load("{\"format\": \"publication-bundle\", \"version\": 1, \"news\": [");
  h.Frames();
  CHECK(h.app.GetPhase() == ui::Phase::Ready);
}

TEST_CASE("Glyphs: the atlas holds what the content uses, and grows when new characters come") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.Frames();
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  // Every character of every screen's mirror has a real glyph (nothing drawn as '?').
  for (const char* route : {"#/mission", "#/news", "#/directives", "#/news/museum-berzhite", "#/search?q=çështje",
                            "#/diagnostics"}) {
    h.Go(route);
    const std::string text = h.MirrorText();
    for (size_t i = 0; i < text.size();) {
      const char32_t cp = core::DecodeUtf8(text, i);
      if (cp < 0x20 || cp == 0x2713) continue;  // line breaks; the mirror's own check mark (HTML only)
      CHECK_MESSAGE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr, route, " code point ",
                    static_cast<unsigned>(cp));
    }
  }
  // The interface alone does not rasterise Latin Extended-A; a bundle that uses it gets it.
  CHECK(font->FindGlyphNoFallback(0x0141) == nullptr);  // Ł
  h.Load(R"({"format":"publication-bundle","version":1,"mission":{"title":"Łódź Žilina","paragraphs":[{"text":"p"}]},"news":[],"directives":[]})");
  h.Frames();
  font = ImGui::GetIO().Fonts->Fonts[0];
  CHECK(font->FindGlyphNoFallback(0x0141) != nullptr);
  CHECK(font->FindGlyphNoFallback(0x017D) != nullptr);  // Ž
  // So does a typed search.
  CHECK(font->FindGlyphNoFallback(0x0219) == nullptr);  // ș
  h.Go("#/search?q=ș");
  h.Frames();
  CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x0219) != nullptr);
}
