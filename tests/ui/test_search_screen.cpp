// Search as the visitor types: results in place, one history entry per search, the index built
// in the frames after the content appears or at once when somebody searches first.
#include <doctest/doctest.h>

#include "core/text.h"
#include "ui/headless.h"
#include "ui/test_bundles.h"

using test::Has;

TEST_CASE("Typing in the search field shows results as you type, in one history entry") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.Frames();
  const core::MirrorNode* field = nullptr;
  for (const auto& n : h.app.Mirror().nodes)
    if (n.kind == core::MirrorKind::SearchField) field = &n;
  REQUIRE(field);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(field->rect.x + 10, field->rect.y + field->rect.h / 2);
  h.Frames(1);
  io.MouseDown[0] = true;
  h.Frames(1);
  io.MouseDown[0] = false;
  h.Frames(1);
  h.app.TakeUserNavigation();
  std::vector<bool> replaces;  // as the platform takes them, frame by frame
  for (const char* c : {"b", "ë", "r", "z"}) {
    io.AddInputCharactersUTF8(c);
    h.Frames(2);
    if (const auto nav = h.app.TakeUserNavigation()) replaces.push_back(nav->replace);
  }
  CHECK(h.app.Route().screen == core::Screen::Search);
  CHECK(h.app.Route().query == "bërz");
  // the first keystroke makes a history entry, the later ones replace it
  CHECK(replaces == std::vector<bool>{false, true, true, true});
  const std::string m = h.MirrorText();
  CHECK(Has(m, "Rezultate për “bërz”: 1"));
  CHECK(Has(m, "Muzeu në Bërzhitë: “Çështje” – ’ë’ <#/news/museum-berzhite> | Lajm · 5 Dhjetor 2023"));
  CHECK(Has(m, "[Bërz]"));  // the match is highlighted
  // the search route opens directly too, ignoring case and diacritics
  h.Go("#/search?q=CESHTJE");
  CHECK_MESSAGE(Has(h.MirrorText(), "Rezultate për “CESHTJE”: 2"), h.MirrorText());
  CHECK(h.MirrorText().find("Çështje të vitit") < h.MirrorText().find("Muzeu në Bërzhitë"));
  h.Go("#/search?q=nothing-like-this");
  CHECK(Has(h.MirrorText(), "Asgjë nuk u gjet për “nothing-like-this”."));
}

TEST_CASE("Keystrokes between frames still leave one history entry for the search") {
  test::Headless h;
  h.LoadFile("tests/fixtures/bilingual.json");
  h.Go("#/news");
  h.app.TakeUserNavigation();
  h.app.TypedSearch("b");   // the first keystroke: a new entry
  h.app.TypedSearch("be");  // the second, before any frame: must not turn it into a replace
  h.Frames(1);
  const auto nav = h.app.TakeUserNavigation();
  REQUIRE(nav);
  CHECK_FALSE(nav->replace);
  CHECK(nav->route.query == "be");
  h.app.TypedSearch("ber");
  h.Frames(1);
  CHECK(h.app.TakeUserNavigation()->replace);
}

TEST_CASE("A large archive is indexed in the frames after it appears, then the frames stop") {
  test::Headless h;
  h.Load(test::ManyLongNews(5000));  // about 5 MB of text: several frames of indexing
  CHECK_FALSE(h.app.SearchIndexReady());
  const int frames = h.FramesUntilIdle(200);
  CHECK(h.app.SearchIndexReady());
  CHECK(frames > 5);    // in slices, not in one frame
  CHECK(frames < 100);  // and then no more frames are asked for
  // Many matches: all are counted, the best 500 are listed, a window of them is drawn and mirrored.
  h.app.GoTo(core::ParseRoute("#/search?q=stervitje"), ui::How::Address);
  h.Frames(1);
  // The listed results are measured as far as the screen and the mirror reach, the rest in
  // the frames after: a typed letter does not lay out 500 cards.
  const auto& layout = h.app.Screens().Results().Layout();
  CHECK(layout.Count() == 500);
  CHECK(layout.Measured() < layout.Count());
  h.FramesUntilIdle(100);
  CHECK(layout.Measured() == layout.Count());
  const std::string m = h.MirrorText();
  CHECK_MESSAGE(Has(m, "Rezultate për “stervitje”: 5000 (shfaqen 500 të parat)"), m);
  int items = 0;
  for (const auto& n : h.app.Mirror().nodes) items += n.kind == core::MirrorKind::Item;
  CHECK(items > 5);
  CHECK(items < 100);
  // A snippet from a long body is cut after three lines, with an ellipsis.
  const core::MirrorNode* first = h.FindNode("Lajm numër 0");
  REQUIRE(first);
  CHECK(first->rect.h < 10 * ImGui::GetFontSize());
}

TEST_CASE("Searching before the index is finished finishes it at once") {
  test::Headless h;
  h.Load(test::ManyLongNews(3000));
  h.Go("#/search?q=numer 2999");
  CHECK(h.app.SearchIndexReady());
  CHECK(Has(h.MirrorText(), "Rezultate për “numer 2999”: 1"));
}
