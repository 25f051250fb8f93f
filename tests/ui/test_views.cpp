// Every view drawn headless from the default bundle and a bilingual fixture; assertions on
// the mirror and on state.
#include <doctest/doctest.h>

#include "core/text.h"
#include "ui/headless.h"

namespace {

bool Has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

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
  CHECK(h.host.requestedImages.front() == "images/museum.png");
  h.Go("#/news/no-such-item");
  CHECK(Has(h.MirrorText(), "# Page not found"));
}

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

// The timeline's mirror words and the filter chips are made once and kept while scrolling
// (NewsLayout::mirror, Derived::newsFilters): they must still follow the language.
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

namespace {

std::string ManyNews(int count) {
  std::string news;
  for (int i = 0; i < count; ++i) {
    if (i) news += ",";
    news += R"({"id":"n)" + std::to_string(i) + R"(","date":")" + std::to_string(2000 + i % 25) + "-" +
            (i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + R"(","title":"Lajm numër )" + std::to_string(i) +
            R"( për stërvitjen e përbashkët","summary":"Përmbledhje e shkurtër e lajmit me disa fjalë më shumë."})";
  }
  return R"({"format":"publication-bundle","version":1,"languages":["sq"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[)" +
         news + R"(],"directives":[]})";
}

int CountItems(const core::Mirror& m) {
  int n = 0;
  for (const auto& node : m.nodes)
    if (node.kind == core::MirrorKind::Item && node.href.rfind("#/news/", 0) == 0) ++n;
  return n;
}

}  // namespace

TEST_CASE("Long timelines are virtualised: drawing and the mirror stay the size of the screen") {
  int smallVerts = 0;
  {
    test::Headless small;  // one ImGui context at a time
    small.Load(ManyNews(10));
    small.Go("#/news");
    CHECK(CountItems(small.app.Mirror()) == 10);
    small.Frames(1);
    smallVerts = ImGui::GetDrawData()->TotalVtxCount;
  }
  test::Headless big;
  big.Load(ManyNews(5000));
  big.Go("#/news");
  // Only a window of items is in the mirror, not all 5000.
  const int window = CountItems(big.app.Mirror());
  CHECK(window > 10);
  CHECK(window < 200);
  // Each frame draws about as much with 5000 items as with 10 (only what is visible).
  big.Frames(1);
  const int bigVerts = ImGui::GetDrawData()->TotalVtxCount;
  CHECK(bigVerts < smallVerts * 3);
  // Scrolling far down moves the window: the newest items at the top leave the mirror.
  big.app.ScrollBy(200000);
  big.Frames(3);
  CHECK(CountItems(big.app.Mirror()) < 200);
  bool sawNewest = false;
  for (const auto& n : big.app.Mirror().nodes) sawNewest |= n.href == "#/news/n24";
  CHECK_FALSE(sawNewest);
  CHECK(CountItems(big.app.Mirror()) > 10);
}

// Chips scrolled out of view are not drawn (a year rail has dozens, every frame), but each stays
// in the mirror: a keyboard or screen-reader user reaches the rail from anywhere in the list.
TEST_CASE("The year rail scrolled out of view is not drawn, and the mirror still lists every year") {
  test::Headless h;
  h.Load(ManyNews(500));
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

namespace {

// `count` news items, each with a body of about 1 KB: several megabytes of text to index.
std::string ManyLongNews(int count) {
  std::string body;
  for (int k = 0; body.size() < 1000; ++k) body += "fjala" + std::to_string(k % 97) + " stërvitje mbrojtje ";
  std::string news;
  for (int i = 0; i < count; ++i) {
    if (i) news += ",";
    news += R"({"id":"n)" + std::to_string(i) + R"(","date":"2020-01","title":"Lajm numër )" + std::to_string(i) +
            R"(","summary":"Përmbledhje )" + std::to_string(i) + R"(","body":")" + body + R"("})";
  }
  return R"({"format":"publication-bundle","version":1,"languages":["sq"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[)" +
         news + R"(],"directives":[]})";
}

}  // namespace

TEST_CASE("A large archive is indexed in the frames after it appears, then the frames stop") {
  test::Headless h;
  h.Load(ManyLongNews(5000));  // about 5 MB of text: several frames of indexing
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

// `count` directives with titles long enough to wrap on a phone, in three categories.
std::string ManyDirectives(int count) {
  std::string list;
  for (int i = 0; i < count; ++i) {
    if (i) list += ",";
    list += R"({"id":"d)" + std::to_string(i) + R"(","date":"2021-05-0)" + std::to_string(1 + i % 9) +
            R"(","title":"Urdhër numër )" + std::to_string(i) + R"( për stërvitjen e përbashkët të forcave","category":"Kategoria )" +
            std::to_string(i % 3) + R"("})";
  }
  return R"({"format":"publication-bundle","version":1,"languages":["sq","en"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[],"directives":[)" +
         list + "]}";
}

TEST_CASE("A long archive of directives is measured a slice a frame, as the timeline is") {
  test::Headless h;
  h.Load(ManyDirectives(4000));
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
  h.Load(ManyLongNews(2000));
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
  h.Load(ManyLongNews(6000));
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

TEST_CASE("Searching before the index is finished finishes it at once") {
  test::Headless h;
  h.Load(ManyLongNews(3000));
  h.Go("#/search?q=numer 2999");
  CHECK(h.app.SearchIndexReady());
  CHECK(Has(h.MirrorText(), "Rezultate për “numer 2999”: 1"));
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

// Issue 14: the mission's lines ran to the window's edge on wide screens (some 200 characters at
// 1440 px). Text keeps one measure on every screen: 60 to 90 characters a line at any width.
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
