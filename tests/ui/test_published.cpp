// The viewer on a published site (core/content.h, App::Deliver): it shows what
// the single file shows, fetches the parts a screen needs and no others, says in place what is
// on its way, and a part that fails says where and why with "Try again", keeping the rest.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "core/published.h"
#include "core/published_search.h"
#include "headless.h"
#include "list_pages.h"
#include "test_bundles.h"
#include "test_helpers.h"
#include "ui/row_layout.h"
#include "tools/site_content.h"

namespace {

// `news` news over 25 years (with bodies), every `every`th with "Bërzhitë" in its title, and
// `directives` directives.
std::string Archive(int news, int directives, int every = 5) {
  std::string s = R"({"format":"publication-bundle","version":1,"languages":["sq","en"],"site":{"title":"MM"},)"
                  R"("mission":{"title":"Misioni","paragraphs":[{"text":"Teksti"}]},"news":[)";
  for (int i = 0; i < news; ++i)
    s += std::string(i ? "," : "") + R"({"id":"n)" + std::to_string(i) + R"(","date":")" + std::to_string(2000 + (i * 7) % 25) +
         "-0" + std::to_string(1 + i % 9) + R"(","title":"Lajmi )" + std::to_string(i) + (i % every ? "" : " Bërzhitë") +
         R"(","summary":"Përmbledhja )" + std::to_string(i) + R"(","body":"Trupi i lajmit )" + std::to_string(i) + R"(."})";
  s += R"(],"directives":[)";
  for (int i = 0; i < directives; ++i)
    s += std::string(i ? "," : "") + R"({"id":"d)" + std::to_string(i) + R"(","date":")" + std::to_string(2005 + i % 20) +
         R"(","title":"Direktiva )" + std::to_string(i) + R"(","category":")" + (i % 2 ? "Urdhër" : "Plan") + R"(","body":"Neni."})";
  return s + "]}";
}

// Publishes `json` into the host's files (small shards: many of them) and gives the app its manifest.
void Publish(test::Headless& h, const std::string& json) {
  const auto bundle = core::LoadBundle(json);
  REQUIRE(bundle.Ok());
  std::string manifest;
  for (const auto& f : tools::PublishedContent(*bundle.bundle, {4096, 4096, 300})) {
    if (f.name == "manifest.json") manifest = f.bytes;
    else h.host.content[f.name] = f.bytes;
  }
  std::unique_ptr<char[]> text(new char[manifest.size()]);
  std::copy(manifest.begin(), manifest.end(), text.get());
  h.app.ShowPublished(core::LoadContent(std::move(text), manifest.size()), "manifest.json");
}

size_t Fetched(const test::Headless& h, const std::string& prefix) {
  std::set<std::string> names;
  for (const auto& f : h.host.fetched)
    if (f.rfind(prefix, 0) == 0 && f.size() == prefix.size() + 22) names.insert(f);  // PREFIX-HASH.json
  return names.size();
}

// What must be the same: everything, but the line that says older news are still to come
// (the list has not been scrolled to its end), and of a search the count and the results
// without their snippets (a snippet quotes the body, which a published site fetches only
// for a detail).
std::string Comparable(const std::string& mirror, const std::string& route) {
  std::string out, line;
  std::istringstream in(mirror);
  const bool search = route.rfind("#/search", 0) == 0;
  while (std::getline(in, line)) {
    if (line.rfind("Duke ngarkuar lajmet më të vjetra", 0) == 0 || line.rfind("Loading older news", 0) == 0) continue;
    if (search && line.find(" | ") != std::string::npos) line = line.substr(0, line.find(" | "));
    out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("A published site shows every screen as its single file does") {
  const std::string defaultBundle = SourceFile("assets/bundle.json");
  const char* routes[] = {"#/mission", "#/news", "#/news?year=2003", "#/news/n7", "#/news/armed-forces-museum-berzhite",
                          "#/directives", "#/directives/d3", "#/directives?category=Plan", "#/search?q=berzhite",
                          "#/search?q=lajmi%2012", "#/news/none"};
  for (const std::string& json : {defaultBundle, Archive(60, 12)}) {
    // One app at a time (Dear ImGui's context is the process's): the single file, then the site.
    std::map<std::string, std::string> seen;
    for (const bool published : {false, true}) {
      test::Headless h;
      if (published) Publish(h, json);
      else h.Load(json);
      for (const std::string route : routes)
        for (const std::string lang : {"sq", "en"}) {
          h.app.SetLanguage(lang);
          h.Go(route);
          h.FramesUntilIdle(400);
          if (!published) seen[route + " " + lang] = Comparable(h.MirrorText(), route);
          else CHECK_MESSAGE(Comparable(h.MirrorText(), route) == seen[route + " " + lang], route << " " << lang);
        }
    }
  }
}

TEST_CASE("A published archive fetches what the screen needs, and says in place what is on its way") {
  test::Headless h;
  Publish(h, Archive(300, 40));
  h.Go("#/news");
  h.FramesUntilIdle();
  REQUIRE(h.app.GetPhase() == ui::Phase::Ready);
  // The first screen: the newest headlines, nothing else (no body, no directive, no search chunk).
  CHECK(Fetched(h, "news") >= 1);
  CHECK(Fetched(h, "news") < h.app.GetContent()->Published()->List(true).headlines.size());
  CHECK(Fetched(h, "news-full") == 0);
  CHECK(Fetched(h, "directives") == 0);
  CHECK(Fetched(h, "search-sq") == 0);
  const std::string list = h.MirrorText();
  CHECK(list.find("Të gjitha vitet (300)") != std::string::npos);  // the manifest's count, all years
  CHECK(list.find("Duke ngarkuar lajmet më të vjetra") != std::string::npos);

  // Scrolling toward the end brings the next headlines.
  const size_t before = h.app.GetContent()->Loaded().news.size();
  for (int i = 0; i < 40; ++i) {
    h.app.ScrollBy(4000);
    h.Frames(2);
  }
  CHECK(h.app.GetContent()->Loaded().news.size() > before);

  // A detail: its full shard, once.
  const std::string id = h.app.GetContent()->Loaded().news[3].id;
  h.Go("#/news/" + id);
  h.FramesUntilIdle();
  CHECK(Fetched(h, "news-full") == 1);
  CHECK(h.MirrorText().find("Trupi i lajmit") != std::string::npos);

  // A search: its word's chunk and the headlines of its hits, not the whole index.
  h.Go("#/search?q=berzhite");
  h.FramesUntilIdle(400);
  CHECK(Fetched(h, "search-sq") >= 1);
  CHECK(Fetched(h, "search-sq") < h.app.GetContent()->Published()->Site().search[0].chunks.size());
  CHECK(h.MirrorText().find("Rezultate për “berzhite”: 60") != std::string::npos);

  // Directives: all of them (sorting by title needs every title), then the list.
  h.Go("#/directives");
  h.FramesUntilIdle(400);
  CHECK(h.app.GetContent()->Loaded().directives.size() == 40);
  CHECK(h.MirrorText().find("Direktiva 0") != std::string::npos);
}

TEST_CASE("A part that cannot be had says where and why in place, keeps the rest, and comes with Try again") {
  test::Headless h;
  Publish(h, Archive(120, 4));
  h.FramesUntilIdle();
  REQUIRE(h.app.GetPhase() == ui::Phase::Ready);
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  const std::string id = h.app.GetContent()->Loaded().news[0].id;
  const std::string full = a.List(true).full[*a.FullOf(true, 0)].file;
  h.host.failing.insert(full);
  h.Go("#/news/" + id);
  h.FramesUntilIdle();
  std::string text = h.MirrorText();
  CHECK(text.find("Lajmi " + id.substr(1)) != std::string::npos);  // the headline stays
  CHECK(text.find(full + ": HTTP 404") != std::string::npos);
  REQUIRE(h.FindNode("Provo përsëri"));
  // Not asked for again by itself: the network is spared until the visitor says so.
  const size_t asked = std::count(h.host.fetched.begin(), h.host.fetched.end(), full);
  h.Frames(10);
  CHECK(std::count(h.host.fetched.begin(), h.host.fetched.end(), full) == static_cast<long>(asked));
  h.host.failing.clear();
  REQUIRE(h.ClickMirrorText("Provo përsëri"));
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find("Trupi i lajmit " + id.substr(1) + ".") != std::string::npos);

  // Bytes that are not what the manifest names: refused, said so. (Every shard not in yet is
  // damaged, so the item's is.)
  for (size_t i = *a.NextHeadlines(h.app.GetContent()->Loaded(), true); i < a.List(true).headlines.size(); ++i)
    h.host.content[a.List(true).headlines[i].file][20] ^= 1;
  h.Go("#/news/n119");  // not among the headlines in: found through the id index
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find("do not match the hash") != std::string::npos);
  CHECK(h.app.GetContent()->Loaded().news.size() > 0);
}

TEST_CASE("A deep link to any item costs its id bucket, its headlines and its text, not a walk through the archive") {
  test::Headless h;
  Publish(h, Archive(3000, 4));  // over 2,000 items: the id index in 16 buckets
  h.FramesUntilIdle();
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  REQUIRE(a.Site().ids.size() == 16);
  REQUIRE(a.List(true).headlines.size() > 20);
  h.host.fetched.clear();
  h.Go("#/news/n0");  // dated 2000-01: among the oldest
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find("# Lajmi 0") != std::string::npos);
  CHECK(h.MirrorText().find("Trupi i lajmit 0.") != std::string::npos);
  CHECK(Fetched(h, "ids") == 1);
  CHECK(Fetched(h, "news") == 1);
  CHECK(Fetched(h, "news-full") == 1);
  // An id no item has: "not found" after its bucket, nothing more.
  h.host.fetched.clear();
  h.Go("#/news/no-such-item");
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find("Faqja nuk u gjet") != std::string::npos);
  CHECK(h.host.fetched.size() <= 1);
  // Back in the list, the item kept aside does not disturb it: the newest first, in order.
  h.Go("#/news");
  h.FramesUntilIdle();
  const auto& news = h.app.GetContent()->Loaded().news;
  for (size_t k = 1; k < news.size(); ++k) CHECK_FALSE(news[k - 1].date < news[k].date);
}

TEST_CASE("A year's headline shards are those whose dates reach into it, newest first") {
  test::Headless h;
  Publish(h, Archive(3000, 4));
  h.FramesUntilIdle();
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  const auto& refs = a.List(true).headlines;
  for (int year = 1990; year <= 2030; ++year) {
    std::vector<size_t> reaching;
    for (size_t s = 0; s < refs.size(); ++s)
      if (refs[s].oldest.year <= year && year <= refs[s].newest.year) reaching.push_back(s);
    CAPTURE(year);
    CHECK(a.HeadlinesOfYear(true, year) == reaching);
    CHECK(a.NewestHeadlinesOfYear(true, year) == (reaching.empty() ? std::nullopt : std::optional<size_t>(reaching.front())));
  }
}

TEST_CASE("A year on the rail shows its newest items while its older shards come") {
  test::Headless h;
  Publish(h, Archive(3000, 4));
  h.FramesUntilIdle();
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  const std::vector<size_t> shards = a.HeadlinesOfYear(true, 2001);
  REQUIRE(shards.size() > 1);
  for (size_t k = 1; k < shards.size(); ++k) h.host.holding.insert(a.List(true).headlines[shards[k]].file);
  h.Go("#/news?year=2001");
  h.FramesUntilIdle();
  const core::ShardRef& first = a.List(true).headlines[shards[0]];
  size_t shown = 0;
  for (const auto& n : h.app.Mirror().nodes)
    if (n.kind == core::MirrorKind::Item && n.href.rfind("#/news/", 0) == 0) ++shown;
  CHECK(shown > 0);
  CHECK(shown <= first.count);
  const std::string text = h.MirrorText();
  CHECK(text.find("## 2001") != std::string::npos);
  CHECK(text.find("Duke ngarkuar lajmet më të vjetra") != std::string::npos);  // the older ones said to be coming
  const auto months = [&] {
    size_t n = 0;
    for (const auto& node : h.app.Mirror().nodes) n += node.href.rfind("#/news?year=2001&month=", 0) == 0;
    return n;
  };
  const size_t early = months();  // those of the items in so far, with the list (no row pushed down later)
  CHECK(early > 0);
  h.host.holding.clear();
  h.FramesUntilIdle();
  CHECK(months() >= early);
  CHECK(h.MirrorText().find("Duke ngarkuar") == std::string::npos);
}

TEST_CASE("A year the row shows whole, once the news screen has settled, opens in the frame that chooses it") {
  test::Headless h;
  Publish(h, Archive(3000, 4));
  h.Go("#/news");
  h.FramesUntilIdle();
  int year = 0;  // the oldest the row shows whole: far from the newest headlines
  for (const core::Route& r : h.app.State().sideScroll.inView)
    if (r.screen == core::Screen::News && r.year != 0 && r.month == 0 && r.tag.empty()) year = r.year;
  REQUIRE(year != 0);
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  REQUIRE(a.HeadlinesOfYear(true, year).front() > 1);  // not among the first screen's headlines
  h.host.hold = true;  // nothing more comes
  h.Go("#/news?year=" + std::to_string(year));
  h.Frames(1);
  const std::string text = h.MirrorText();
  const size_t heading = text.find("## " + std::to_string(year));
  REQUIRE(heading != std::string::npos);
  CHECK(text.find("Lajmi ", heading) != std::string::npos);  // its newest items, in that frame
}

// The months' chips of `year` in the mirror: each one's text and where it leads.
std::vector<std::pair<std::string, std::string>> MonthChips(const test::Headless& h, int year) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& n : h.app.Mirror().nodes)
    if (n.href.rfind("#/news?year=" + std::to_string(year) + "&month=", 0) == 0) out.emplace_back(n.text, n.href);
  return out;
}

TEST_CASE("A year chosen fetches the shards its list shows as it is read; its months are the manifest's, there at once") {
  const std::string json = test::ArchiveOfYears(4, 600, 5);
  std::vector<std::pair<std::string, std::string>> whole;  // as the single file shows them (one app at a time)
  {
    test::Headless single;
    single.Load(json);
    single.Go("#/news?year=2024");
    single.FramesUntilIdle();
    whole = MonthChips(single, 2024);
  }
  REQUIRE(whole.size() == 12);
  std::vector<std::string> year;  // the year's headline shards (the same files in any app on this archive)
  const auto fetchedOfYear = [&](const test::Headless& of) {
    size_t n = 0;
    for (const std::string& f : year) n += std::count(of.host.fetched.begin(), of.host.fetched.end(), f) > 0;
    return n;
  };
  {
    test::Headless h;
    Publish(h, json);
    h.FramesUntilIdle();
    const core::PublishedArchive& a = *h.app.GetContent()->Published();
    for (size_t s : a.HeadlinesOfYear(true, 2024)) year.push_back(a.List(true).headlines[s].file);
    REQUIRE(year.size() > 8);
    h.host.hold = true;  // none of the year's items in yet: its months are there all the same
    h.Go("#/news?year=2024");
    h.Frames(3);
    CHECK(MonthChips(h, 2024) == whole);
    h.host.hold = false;
    h.FramesUntilIdle();
    const size_t first = fetchedOfYear(h);
    CAPTURE(first);
    CHECK(first > 0);
    CHECK(first * 2 < year.size());  // the list's first screens, not the whole year
    CHECK(MonthChips(h, 2024) == whole);
    CHECK(h.MirrorText().find("Duke ngarkuar lajmet më të vjetra") != std::string::npos);  // the rest said to be coming
    // A later page of the year (the viewer started from the year's published page 4): the
    // shards down to its first item come, and that item is at the top.
    h.Go("#/news?year=2024&page=4");
    h.FramesUntilIdle(400);
    const core::MirrorNode* shown = test::FirstNewsOnScreen(h);
    REQUIRE(shown);
    CHECK(shown->href == test::FirstNewsOfPage(json, "#/news?year=2024&page=4"));
    CHECK(shown->rect.y < h.app.State().contentTop + 40);
    // Its oldest month chosen: the year's shards down to it come, and its heading is brought to the top.
    h.Go(whole.back().second);
    h.FramesUntilIdle();
    CHECK(fetchedOfYear(h) == year.size());
    const core::MirrorNode* january = nullptr;
    for (const auto& n : h.app.Mirror().nodes)
      if (n.kind == core::MirrorKind::Heading && n.text == "Janar 2024") january = &n;
    REQUIRE(january);
    CHECK(std::abs(january->rect.y - h.app.State().contentTop) < 4);
  }
  // A tag chosen too: how many of the year's items have it is not in the manifest, so the year comes whole.
  test::Headless tagged;
  Publish(tagged, json);
  tagged.FramesUntilIdle();
  tagged.Go("#/news?year=2024&tag=tema-2");
  tagged.FramesUntilIdle();
  CHECK(fetchedOfYear(tagged) == year.size());
}

TEST_CASE("A year on the rail costs its own headline shards, not every newer year's") {
  const std::string json = Archive(3000, 4);
  std::string whole;  // the year as the single file shows it (one app at a time)
  {
    test::Headless single;
    single.Load(json);
    single.Go("#/news?year=2001");
    single.FramesUntilIdle();
    whole = Comparable(single.MirrorText(), "#/news");
  }
  test::Headless h;
  Publish(h, json);
  h.FramesUntilIdle();
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  const size_t ofYear = a.HeadlinesOfYear(true, 2001).size();
  REQUIRE(ofYear > 0);
  REQUIRE(a.List(true).headlines.size() > 4 * ofYear);  // the year is far down the archive
  h.host.fetched.clear();
  h.host.hold = true;
  h.Go("#/news?year=2001");
  h.Frames(3);
  CHECK(h.MirrorText().find("Duke ngarkuar lajmet e vitit 2001") != std::string::npos);  // said in place
  h.host.hold = false;
  h.FramesUntilIdle();
  // Its own shards, and the newest of each other year the row shows whole (so that a year
  // chosen next opens at once: Content::ChoicesInView); not every newer year's.
  std::set<std::string> expected;
  for (size_t s : a.HeadlinesOfYear(true, 2001)) expected.insert(a.List(true).headlines[s].file);
  size_t others = 0;
  for (const core::Route& r : h.app.State().sideScroll.inView) {
    if (r.screen != core::Screen::News || r.year == 0 || r.year == 2001 || r.month != 0 || !r.tag.empty()) continue;
    ++others;
    expected.insert(a.List(true).headlines[a.HeadlinesOfYear(true, r.year).front()].file);
  }
  CHECK(others > 0);
  std::set<std::string> got;
  for (const std::string& f : h.host.fetched)
    if (f.rfind("news-", 0) == 0 && f.size() == 26) got.insert(f);  // news-HASH.json: headlines
  CHECK(got == expected);
  CHECK(Fetched(h, "news") == expected.size());
  CHECK(expected.size() * 2 < a.HeadlinesOfYear(true, 2001).front());  // the newer years' shards are mostly not in
  CHECK(Comparable(h.MirrorText(), "#/news") == whole);
  // A card of the year (the first) opens without its id bucket: its headlines are in (aside).
  const std::string list = h.MirrorText();
  const size_t at = list.find("Lajmi ", list.find("## 2001"));
  REQUIRE(at != std::string::npos);
  const std::string n = list.substr(at + 6, list.find_first_not_of("0123456789", at + 6) - at - 6);
  h.host.fetched.clear();
  REQUIRE(h.ClickMirrorText("Lajmi " + n));
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find("# Lajmi " + n) != std::string::npos);
  CHECK(h.MirrorText().find("Trupi i lajmit " + n + ".") != std::string::npos);
  CHECK(Fetched(h, "ids") == 0);
  CHECK(Fetched(h, "news") == 0);
  CHECK(Fetched(h, "news-full") == 1);
  // The whole list again: the newest first, as before.
  h.Go("#/news");
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find("## 2024") != std::string::npos);
}

TEST_CASE("Started from a later page of a published archive, the viewer asks for the shards past its first item and shows it at the top") {
  // On a phone the list's end, a few rows past that item, is far below the top the screen still
  // shows: the rows that let it scroll there are asked for while it waits.
  const std::string json = Archive(600, 0);
  test::Headless h(390, 844, 1.0f);
  Publish(h, json);
  h.Go("#/news?page=3");
  h.FramesUntilIdle(400);
  const core::MirrorNode* shown = test::FirstNewsOnScreen(h);
  REQUIRE(shown);
  CHECK(shown->href == test::FirstNewsOfPage(json, "#/news?page=3"));
  CHECK(shown->rect.y < h.app.State().contentTop + 40);
}

TEST_CASE("A page past the end of a published archive's list does not fetch the whole archive") {
  const std::string json = Archive(3000, 0);
  test::Headless h;
  Publish(h, json);
  h.Go("#/news?page=999");  // a stale or made-up link
  h.FramesUntilIdle(400);
  const size_t shards = h.app.GetContent()->Published()->List(true).headlines.size();
  CAPTURE(shards);
  CHECK(Fetched(h, "news") * 4 < shards);  // the first screens' shards
  CHECK(h.MirrorText().find("# Lajme") != std::string::npos);
}

TEST_CASE("A search waits for every chunk of its words, then ranks once") {
  test::Headless h;
  Publish(h, Archive(300, 10));
  h.FramesUntilIdle();
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  const core::SearchLanguage& sq = a.Site().search.at(0);
  const auto needed = core::ChunksForQuery(sq, "berzhite trupi");
  REQUIRE(needed.size() == 2);  // two words in two chunks
  h.host.holding.insert(sq.chunks[needed[1]].file);
  h.Go("#/search?q=berzhite%20trupi");
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find("Duke kërkuar…") != std::string::npos);
  CHECK(h.MirrorText().find("Rezultate") == std::string::npos);
  h.host.holding.clear();
  h.app.RequestFrames(1);
  h.FramesUntilIdle(400);
  CHECK(h.MirrorText().find("Rezultate për “berzhite trupi”: 60") != std::string::npos);
}

// The hits a search's mirror lists, in order, without their snippets.
std::vector<std::string> HitLines(const std::string& mirror) {
  std::vector<std::string> hits;
  std::istringstream in(mirror.substr(mirror.find("Rezultate për")));
  for (std::string line; std::getline(in, line);)
    if (line.find("<#/news/n") != std::string::npos || line.find("<#/directives/d") != std::string::npos)
      hits.push_back(line.substr(0, line.find(" | ")));
  return hits;
}

TEST_CASE("A published archive's search shows its best 12 hits, and 12 more each time they are asked for") {
  const std::string json = Archive(150, 4);  // 30 hits: all of them within the mirror's window
  std::vector<std::string> whole;  // the single file's hits, in its order
  {
    test::Headless single;
    single.Load(json);
    single.Go("#/search?q=berzhite");
    single.FramesUntilIdle(400);
    whole = HitLines(single.MirrorText());
  }
  REQUIRE(whole.size() == 30);
  test::Headless h;
  Publish(h, json);
  h.Go("#/search?q=berzhite");
  h.FramesUntilIdle(400);
  CHECK(h.MirrorText().find("Rezultate për “berzhite”: 30 (shfaqen 12 të parat)") != std::string::npos);
  CHECK(HitLines(h.MirrorText()) == std::vector<std::string>(whole.begin(), whole.begin() + 12));
  const size_t shards = Fetched(h, "news");
  h.host.hold = true;  // the next hits' headlines on their way: the 12 shown stay, and it is said
  h.app.ScrollBy(10000);  // the button is at the end of the list
  h.Frames(3);
  REQUIRE(h.ClickMirrorText("Shfaq më shumë rezultate"));
  h.Frames(3);
  CHECK(HitLines(h.MirrorText()).size() == 12);
  CHECK(h.MirrorText().find("Duke kërkuar…") != std::string::npos);
  h.host.hold = false;
  h.app.RequestFrames(1);
  h.FramesUntilIdle(400);
  CHECK(h.MirrorText().find("(shfaqen 24 të parat)") != std::string::npos);
  CHECK(HitLines(h.MirrorText()) == std::vector<std::string>(whole.begin(), whole.begin() + 24));
  CHECK(Fetched(h, "news") >= shards);
  // Until every hit is shown; then no button.
  h.app.ScrollBy(10000);  // the button is at the end of the list
  h.Frames(3);
  REQUIRE(h.ClickMirrorText("Shfaq më shumë rezultate"));
  h.FramesUntilIdle(400);
  CHECK(HitLines(h.MirrorText()) == whole);
  CHECK_FALSE(h.FindNode("Shfaq më shumë rezultate"));
  // Another query starts again from 12.
  h.Go("#/search?q=lajmi");
  h.FramesUntilIdle(400);
  CHECK(HitLines(h.MirrorText()).size() == 12);
}

TEST_CASE("A published archive's search shows its best hits as their headlines come, and says the rest are on their way") {
  const std::string json = Archive(3000, 4, 7);  // 429 hits, spread over the years: over many small headline shards
  std::vector<std::string> whole;
  {
    test::Headless single;
    single.Load(json);
    single.Go("#/search?q=berzhite");
    single.FramesUntilIdle(400);
    whole = HitLines(single.MirrorText());
  }
  REQUIRE(whole.size() >= 12);
  test::Headless h;
  Publish(h, json);
  h.FramesUntilIdle();
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  for (size_t k = 0; k < a.List(true).headlines.size(); ++k)
    if (!a.HeadlinesIn(h.app.GetContent()->Loaded(), true, k)) h.host.holding.insert(a.List(true).headlines[k].file);
  const size_t before = h.host.fetched.size();
  h.Go("#/search?q=berzhite");
  h.FramesUntilIdle(400);
  // The chunk came; the hits' headline shards are on their way, at most six at a time. The hits
  // whose headlines are in (the newest shard's) show already: the start of the whole list, with
  // the count, and the rest are said to be coming.
  std::vector<std::string> asked;
  for (size_t k = before; k < h.host.fetched.size(); ++k)
    if (h.host.fetched[k].rfind("news-", 0) == 0) asked.push_back(h.host.fetched[k]);
  CHECK_FALSE(asked.empty());
  CHECK(asked.size() <= 6);
  const std::vector<std::string> some = HitLines(h.MirrorText());
  REQUIRE_FALSE(some.empty());
  CHECK(some.size() < 12);
  CHECK(some == std::vector<std::string>(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(some.size())));
  CHECK(h.MirrorText().find("Rezultate për “berzhite”: 429") != std::string::npos);
  CHECK(h.MirrorText().find("Duke kërkuar…") != std::string::npos);
  // The rest: the best 12, as the single file shows them.
  h.host.holding.clear();
  h.app.RequestFrames(1);
  h.FramesUntilIdle(400);
  CHECK(HitLines(h.MirrorText()) == std::vector<std::string>(whole.begin(), whole.begin() + 12));
  CHECK(h.MirrorText().find("Duke kërkuar…") == std::string::npos);
}

TEST_CASE("One letter does not search a published archive (it would match most of it); two do") {
  test::Headless h;
  Publish(h, Archive(300, 10));
  h.FramesUntilIdle();
  h.host.fetched.clear();
  h.Go("#/search?q=b");
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find("Shkruani një fjalë") != std::string::npos);
  CHECK(h.host.fetched.empty());
  h.Go("#/search?q=b%C3%AB");
  h.FramesUntilIdle(400);
  CHECK(h.MirrorText().find("Rezultate për “bë”: 60 (shfaqen 12 të parat)") != std::string::npos);
}

TEST_CASE("New content over a published archive is taken once its newest headlines are in; a manifest before its shards changes nothing") {
  test::Headless h;
  const std::string before = Archive(100, 4);
  Publish(h, before);
  h.Go("#/news");
  h.FramesUntilIdle();
  const std::string newest = h.app.GetContent()->Loaded().news.at(0).id;  // "n<k>"
  const std::string title = "Lajmi " + newest.substr(1);
  REQUIRE(h.MirrorText().find(title + " <") != std::string::npos);
  std::string after = before;
  const size_t at = after.find("\"title\":\"" + title + "\"");
  REQUIRE(at != std::string::npos);
  after.insert(at + 9 + title.size(), " (ndryshuar)");  // after `"title":"Lajmi k`
  // The new manifest is up, its newest headline shard is not (yet): what is shown stays.
  const auto bundle = core::LoadBundle(after);
  REQUIRE(bundle.Ok());
  const auto files = tools::PublishedContent(*bundle.bundle, {4096, 4096, 300});
  const auto manifest = core::LoadContent([&] {
    const std::string& m = files.back().bytes;
    std::unique_ptr<char[]> p(new char[m.size()]);
    std::copy(m.begin(), m.end(), p.get());
    return p;
  }(), files.back().bytes.size());
  REQUIRE(manifest.Ok());
  const std::string firstShard = manifest.site->news.headlines.at(0).file;
  for (const auto& f : files)
    if (f.name != firstShard && f.name != "manifest.json") h.host.content[f.name] = f.bytes;
  Publish(h, after);  // gives the app the new manifest (and the shard, but see below)
  h.host.content.erase(firstShard);
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find(title + " <") != std::string::npos);
  CHECK(h.MirrorText().find("ndryshuar") == std::string::npos);
  CHECK(h.app.GetContent()->Loaded().news.size() >= 1);
  CHECK(h.host.settled == std::vector<bool>{false});  // the page's kiosk check fetches it again
  // Once its shards are there, the same manifest again is taken.
  Publish(h, after);
  h.FramesUntilIdle();
  CHECK(h.MirrorText().find(title + " (ndryshuar) <") != std::string::npos);
  CHECK(h.host.settled == std::vector<bool>{false, true});  // now it is the content kept
  CHECK_FALSE(h.app.HasIncoming());
}

TEST_CASE("While the first headlines are on their way the app is loading, then ready with them; the shard tables come after") {
  test::Headless h;
  h.host.hold = true;
  Publish(h, Archive(30, 2));
  h.Frames(5);
  CHECK(h.app.GetPhase() == ui::Phase::Loading);
  // The shard tables not while the first screen's part is on its way: they would share the link.
  const std::string tables = h.app.GetContent()->Published()->Site().tables->file;
  CHECK(std::count(h.host.fetched.begin(), h.host.fetched.end(), tables) == 0);
  h.host.hold = false;
  h.Frames(1);  // the headlines come, and the first screen is drawn with them; then the tables are asked for
  CHECK(h.app.GetPhase() == ui::Phase::Ready);
  CHECK_FALSE(h.app.GetContent()->Loaded().news.empty());
  REQUIRE(std::count(h.host.fetched.begin(), h.host.fetched.end(), tables) == 1);
  CHECK(h.host.fetched.front().rfind("news-", 0) == 0);
  h.FramesUntilIdle();
  CHECK(std::count(h.host.fetched.begin(), h.host.fetched.end(), tables) == 1);
  CHECK(h.app.GetContent()->Published()->Site().listed);
}

TEST_CASE("Rows added at the end of a list keep the rows measured before them") {
  ui::RowLayout<int> layout;
  std::vector<size_t> asked;
  const auto height = [&](size_t i) {
    asked.push_back(i);
    return 10.0f + static_cast<float>(i % 3);
  };
  layout.Measure(1, 10, height, 1e9f, 0);
  CHECK(asked.size() == 10);
  const float y7 = layout.Y(7);
  asked.clear();
  layout.Measure(1, 15, height, 1e9f, 0);  // five more rows: the last old row and the new ones
  CHECK(asked == std::vector<size_t>{9, 10, 11, 12, 13, 14});
  CHECK(layout.Y(7) == y7);
  CHECK(layout.Measured() == 15);
  asked.clear();
  layout.Measure(2, 15, height, 1e9f, 0);  // another key (a width, a filter): all again
  CHECK(asked.size() == 15);
  asked.clear();
  layout.Measure(2, 12, height, 1e9f, 0);  // fewer rows: all again
  CHECK(asked.size() == 12);
}

TEST_CASE("A kiosk on a published site fetches every headline, and says when all are in (for its offline copy)") {
  test::Headless h;
  h.app.EnableKiosk(core::KioskSettings{}, 0, false);
  Publish(h, Archive(300, 40));
  h.FramesUntilIdle(1000);
  const core::PublishedArchive& a = *h.app.GetContent()->Published();
  CHECK(a.Complete(h.app.GetContent()->Loaded(), true));
  CHECK(a.Complete(h.app.GetContent()->Loaded(), false));
  CHECK(h.host.archiveComplete == 1);
  CHECK(Fetched(h, "news-full") == 0);  // bodies only when an item is opened
  h.Frames(10);
  CHECK(h.host.archiveComplete == 1);  // said once
}
