// The content model (core/content.h) over a whole bundle and over the same bundle published in
// parts (tools/site_content): the same answers once the parts are in; answers that say which
// file they wait for, or why it failed; each file asked for once, until "Try again".
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/bundle_loader.h"
#include "core/content.h"
#include "core/published.h"
#include "core/screen.h"
#include "test_helpers.h"
#include "tools/site_content.h"

namespace {

// `news` news over 25 years with bodies and tags, `directives` directives in two categories.
std::string Archive(int news, int directives) {
  std::string s = R"({"format":"publication-bundle","version":1,"languages":["sq","en"],"site":{"title":"MM"},)"
                  R"("mission":{"title":"Misioni","paragraphs":[{"text":"Teksti"}]},"news":[)";
  for (int i = 0; i < news; ++i)
    s += std::string(i ? "," : "") + R"({"id":"n)" + std::to_string(i) + R"(","date":")" + std::to_string(2000 + (i * 7) % 25) +
         "-0" + std::to_string(1 + i % 9) + R"(","title":"Lajmi )" + std::to_string(i) + (i % 5 ? "" : " Bërzhitë") +
         R"(","summary":"Përmbledhja )" + std::to_string(i) + R"(","body":"Trupi i lajmit )" + std::to_string(i) +
         R"(.","tags":[")" + (i % 3 ? "NATO" : "Durrës") + R"("]})";
  s += R"(],"directives":[)";
  for (int i = 0; i < directives; ++i)
    s += std::string(i ? "," : "") + R"({"id":"d)" + std::to_string(i) + R"(","date":")" + std::to_string(2005 + i % 20) +
         R"(","title":"Direktiva )" + std::to_string(i) + R"(","category":")" + (i % 2 ? "Urdhër" : "Plan") + R"(","body":"Neni."})";
  return s + "]}";
}

core::Content Whole(const std::string& json) {
  auto r = core::LoadBundle(json);
  REQUIRE(r.Ok());
  return core::Content(std::move(*r.bundle));
}

// The same bundle published in small parts: the content of its manifest, and its files.
struct Site {
  core::Content content;
  std::map<std::string, std::string> files;
  std::vector<std::string> asked;  // every request, in order

  // Gives the content every file it asks for (and those they lead to), `skip` excepted; the
  // first screen is shown as soon as it can be, as the app shows it.
  void Serve(const std::string& skip = "") {
    for (auto requests = content.TakeRequests(); !requests.empty(); requests = content.TakeRequests()) {
      for (const std::string& f : requests) Give(f, skip);
      if (content.FirstPartIn()) content.FirstScreenShown();
    }
  }

  // Gives the content one file it asked for (a 404 for `skip` or one that is not there).
  void Give(const std::string& f, const std::string& skip = "") {
    asked.push_back(f);
    if (f == skip || !files.count(f)) {
      content.Fail(f, "HTTP 404");
      return;
    }
    const std::string& bytes = files.at(f);
    std::unique_ptr<char[]> copy(new char[bytes.size() + 1]);
    std::copy(bytes.begin(), bytes.end(), copy.get());
    content.Deliver(f, std::move(copy), bytes.size());
  }
};

// `version1`: the manifest as version 1 wrote it, the tables in it (a site published before they
// were a file of their own).
Site Published(const std::string& json, const tools::ContentOptions& options = {4096, 4096, 300}, bool version1 = false) {
  auto r = core::LoadBundle(json);
  REQUIRE(r.Ok());
  std::map<std::string, std::string> files;
  std::string manifest;
  for (const auto& f : tools::PublishedContent(*r.bundle, options)) {
    if (f.name == "manifest.json") manifest = f.bytes;
    else files[f.name] = f.bytes;
  }
  if (version1) {
    auto m = nlohmann::ordered_json::parse(manifest);
    const std::string tablesFile = m["published"]["tables"]["file"];
    const auto tables = nlohmann::ordered_json::parse(files.at(tablesFile));
    files.erase(tablesFile);
    auto& p = m["published"];
    p["version"] = 1;
    p.erase("tables");
    for (const char* list : {"news", "directives"})
      for (const char* part : {"headlines", "full"}) p[list][part] = tables[list][part];
    p["search"] = tables["search"];
    for (auto& year : p["news"]["years"]) year.erase("months");  // (written before they were)
    manifest = m.dump();
  }
  std::unique_ptr<char[]> text(new char[manifest.size()]);
  std::copy(manifest.begin(), manifest.end(), text.get());
  core::ManifestResult m = core::LoadContent(std::move(text), manifest.size());
  REQUIRE(m.Ok());
  return Site{core::Content(std::move(*m.load.bundle), std::move(*m.site)), std::move(files), {}};
}

std::vector<std::string> Ids(const core::Content& c, const std::vector<core::Handle>& items) {
  std::vector<std::string> ids;
  for (core::Handle h : items) ids.push_back(c.News(h).id);
  return ids;
}

}  // namespace

TEST_CASE("A whole bundle answers at once: every list, item and search is Ready, no file is asked for") {
  core::Content c = Whole(Archive(60, 8));
  CHECK(c.FirstPartIn());
  CHECK(c.Complete());
  const core::ItemList& all = c.NewsList({});
  CHECK(all.rest.IsReady());
  CHECK(all.items.size() == 60);
  for (size_t k = 1; k < all.items.size(); ++k) CHECK_FALSE(c.News(all.items[k - 1]).date < c.News(all.items[k]).date);
  CHECK(c.NewsList({0, "Durrës"}).items.size() == 20);
  const core::Found f = c.FindNews("n7");
  REQUIRE(f.handle);
  CHECK(f.progress.IsReady());
  CHECK(f.body.IsReady());
  CHECK_FALSE(c.FindNews("none").handle);
  CHECK(c.FindNews("none").progress.IsReady());  // Ready, and nothing: no such item
  CHECK(c.Search("berzhite", "sq", c.SearchBatch()).total == 12);
  CHECK(c.TakeRequests().empty());
  CHECK(c.Years().front().name == "2024");
  CHECK(c.Categories().size() == 2);
}

TEST_CASE("A published site answers what its whole bundle answers, once the parts it asks for are in") {
  const std::string json = Archive(300, 40);
  core::Content whole = Whole(json);
  Site site = Published(json);
  core::Content& c = site.content;
  CHECK_FALSE(c.FirstPartIn());  // the newest headlines are asked for at once
  site.Serve();
  CHECK(c.FirstPartIn());
  CHECK_FALSE(c.Complete());
  CHECK(c.NewsCount() == 300);  // the manifest's count, before the items are in
  // The news list: the newest part, and what the rest waits for.
  const core::ItemList first = c.NewsList({});
  CHECK(first.items.size() < 300);
  CHECK(first.rest.state == core::Progress::Pending);
  CHECK(first.all == 300);
  const std::vector<std::string> newest = Ids(c, first.items);
  CHECK(std::equal(newest.begin(), newest.end(), Ids(whole, whole.NewsList({}).items).begin()));
  // An item: through the id index and its headlines; then its body. (The oldest: in the last part.)
  const std::string oldest = whole.News(whole.NewsList({}).items.back()).id;
  core::Found f = c.FindNews(oldest);
  CHECK(f.progress.state == core::Progress::Pending);  // its bucket of the id index
  site.Serve();
  f = c.FindNews(oldest);
  CHECK(f.progress.state == core::Progress::Pending);  // its headlines
  site.Serve();
  f = c.FindNews(oldest);
  REQUIRE(f.handle);
  CHECK(f.body.state == core::Progress::Pending);
  site.Serve();
  f = c.FindNews(oldest);
  CHECK(f.body.IsReady());
  CHECK(c.News(*f.handle).body.Get("sq") == "Trupi i lajmit " + oldest.substr(1) + ".");
  CHECK_FALSE(c.FindNews("none").handle);
  site.Serve();
  CHECK(c.FindNews("none").progress.IsReady());  // its bucket of the id index is in, and does not name it
  CHECK_FALSE(c.FindNews("none").handle);
  // More as the list is read toward its end; the list grows at its end.
  c.WantMoreNews();
  site.Serve();
  const core::ItemList& more = c.NewsList({});
  CHECK(more.items.size() > first.items.size());
  CHECK(more.extends);
  // A year: its own parts, not every part before it; its newest first, the rest as it is read.
  const core::ItemList& year = c.NewsList({2012, ""});
  CHECK(year.rest.state == core::Progress::Pending);
  site.Serve();
  const std::vector<std::string> ofYear = Ids(whole, whole.NewsList({2012, ""}).items), newestOfYear = Ids(c, c.NewsList({2012, ""}).items);
  CHECK_FALSE(newestOfYear.empty());
  CHECK(newestOfYear.size() < ofYear.size());
  CHECK(std::equal(newestOfYear.begin(), newestOfYear.end(), ofYear.begin()));
  CHECK(c.NewsList({2012, ""}).all == ofYear.size());
  for (int i = 0; i < 20 && !c.NewsList({2012, ""}).rest.IsReady(); ++i) {
    c.WantMoreNews(2012);
    site.Serve();
  }
  CHECK(Ids(c, c.NewsList({2012, ""}).items) == ofYear);
  CHECK_FALSE(c.Complete());
  // A search: the chunks of its words, the headlines of its hits; ranked as the whole bundle ranks.
  const core::SearchAnswer& pending = c.Search("berzhite", "sq", 12);
  CHECK(pending.progress.state == core::Progress::Pending);
  site.Serve();
  const core::SearchAnswer answer = c.Search("berzhite", "sq", 12);
  CHECK(answer.progress.IsReady());
  const core::SearchAnswer& all = whole.Search("berzhite", "sq", 12);
  CHECK(answer.total == all.total);
  REQUIRE(answer.hits.size() == 12);
  for (size_t k = 0; k < 12; ++k) CHECK(c.News(answer.hits[k].index).id == whole.News(all.hits[k].index).id);
  // The directives: all of them first.
  CHECK(c.DirectiveList({}).rest.state == core::Progress::Pending);
  for (int i = 0; i < 20 && !c.DirectiveList({}).rest.IsReady(); ++i) site.Serve();
  CHECK(c.DirectiveList({}).items.size() == 40);
}

TEST_CASE("A search shows its best hits as their headline shards come, in the order they rank, six shards at a time") {
  const std::string json = Archive(600, 40);
  core::Content whole = Whole(json);
  Site site = Published(json, {100, 4096, 300});  // an item or two per headline shard; the tag is on every third item: its hits spread over many shards
  core::Content& c = site.content;
  site.Serve();  // the first screen and the tables
  const core::SearchAnswer all = whole.Search("durres", "sq", 12);
  REQUIRE(all.hits.size() == 12);
  std::vector<std::string> best;
  for (const core::SearchHit& h : all.hits) {
    REQUIRE(h.news);  // only news have the tag
    best.push_back(whole.News(h.index).id);
  }
  // The chunk of its word first.
  CHECK(c.Search("durres", "sq", 12).progress.state == core::Progress::Pending);
  for (const std::string& f : c.TakeRequests()) site.Give(f);
  // Then the shards of its hits: six, those of the best hits.
  CHECK(c.Search("durres", "sq", 12).progress.state == core::Progress::Pending);
  std::vector<std::string> shards = c.TakeRequests();
  REQUIRE(shards.size() == 6);
  for (const std::string& f : shards) CHECK(f.rfind("news-", 0) == 0);
  // The shard of the best hits comes: they show, the start of the whole list, and the rest is waited for.
  site.Give(shards.front());
  const core::SearchAnswer some = c.Search("durres", "sq", 12);
  CHECK(some.query == "durres");
  CHECK(some.total == all.total);
  REQUIRE_FALSE(some.hits.empty());
  CHECK(some.hits.size() < 12);
  for (size_t k = 0; k < some.hits.size(); ++k) CHECK(c.News(some.hits[k].index).id == best[k]);
  CHECK(some.progress.state == core::Progress::Pending);
  // One came, one more is asked for: still six on their way.
  const std::vector<std::string> next = c.TakeRequests();
  REQUIRE(next.size() == 1);
  // A later shard that comes first shows nothing past the first still missing.
  site.Give(shards.back());
  CHECK(c.Search("durres", "sq", 12).hits.size() == some.hits.size());
  // The rest as the screen asks again (it is described again as each part comes).
  for (size_t k = 1; k + 1 < shards.size(); ++k) site.Give(shards[k]);  // taken above, still to come
  for (const std::string& f : next) site.Give(f);
  for (int i = 0; i < 20 && !c.Search("durres", "sq", 12).progress.IsReady(); ++i) site.Serve();
  const core::SearchAnswer done = c.Search("durres", "sq", 12);
  CHECK(done.progress.IsReady());
  REQUIRE(done.hits.size() == 12);
  for (size_t k = 0; k < 12; ++k) CHECK(c.News(done.hits[k].index).id == best[k]);
}

TEST_CASE("Each file is asked for once; one that fails says which and why, and is asked again only after Retry") {
  Site site = Published(Archive(300, 4));
  core::Content& c = site.content;
  site.Serve();
  c.FindNews("n3");  // asks for the id index's bucket
  const std::vector<std::string> requests = c.TakeRequests();
  REQUIRE(requests.size() == 1);
  c.FindNews("n3");
  CHECK(c.TakeRequests().empty());  // on its way: not asked for twice
  c.Fail(requests[0], "HTTP 503");
  const core::Found f = c.FindNews("n3");
  CHECK(f.progress.state == core::Progress::Failed);
  CHECK(f.progress.file == requests[0]);
  CHECK(f.progress.why == "HTTP 503");
  CHECK(c.TakeRequests().empty());  // not asked for again by itself
  c.Retry();
  CHECK(c.FindNews("n3").progress.state == core::Progress::Pending);
  CHECK(c.TakeRequests() == requests);
  // A file nobody asked for changes nothing; nor do bytes that are not the file's.
  CHECK_FALSE(c.Deliver("news-0000000000000000.json", std::unique_ptr<char[]>(new char[1]), 0));
  std::unique_ptr<char[]> wrong(new char[2]{'{', '}'});
  CHECK_FALSE(c.Deliver(requests[0], std::move(wrong), 2));
  CHECK(c.FindNews("n3").progress.state == core::Progress::Failed);
}

TEST_CASE("The shard tables come after the first screen's part; what needs them waits for them, and says so") {
  const std::string json = Archive(300, 40);
  core::Content whole = Whole(json);
  Site site = Published(json);
  core::Content& c = site.content;
  REQUIRE(c.Published());
  const std::string tables = c.Published()->Site().tables->file;
  CHECK(tables.rfind("tables-", 0) == 0);
  // At first only the newest headlines are asked for: the tables would share the link with them.
  const std::vector<std::string> first = c.TakeRequests();
  REQUIRE(first.size() == 1);
  CHECK(first[0].rfind("news-", 0) == 0);
  CHECK(c.NewsList({}).rest.file == tables);  // the list's rest is known by the tables
  site.Give(first[0]);
  CHECK(c.FirstPartIn());
  CHECK(c.TakeRequests().empty());  // not before the first screen is drawn
  c.FirstScreenShown();
  // Every answer that needs another shard or a chunk waits for the tables, and the content
  // stays as it is meanwhile: an item in already shows, its body waits.
  const std::string inFirst = c.News(c.NewsList({}).items.front()).id;
  CHECK(c.NewsList({}).rest.file == tables);
  CHECK(c.NewsList({2024, ""}).rest.file == tables);
  CHECK(c.DirectiveList({}).rest.file == tables);
  CHECK(c.Search("berzhite", "sq", 12).progress.file == tables);
  const core::Found known = c.FindNews(inFirst);
  REQUIRE(known.handle);
  CHECK(known.body.file == tables);
  CHECK_FALSE(c.Complete());
  CHECK(c.TakeRequests() == std::vector<std::string>{tables});  // once, however many answers wait
  // Tables that cannot be had: each answer says so, and the items in stay.
  c.Fail(tables, "HTTP 503");
  CHECK(c.NewsList({}).rest.state == core::Progress::Failed);
  CHECK(c.NewsList({}).rest.file == tables);
  CHECK(c.NewsList({}).items.size() == c.Loaded().news.size());
  CHECK_FALSE(c.NewsList({}).items.empty());
  CHECK(c.DirectiveList({}).rest.why == "HTTP 503");
  CHECK(c.TakeRequests().empty());
  c.Retry();
  site.Serve();
  CHECK(c.Published()->Site().listed);
  CHECK(c.NewsList({}).rest.file != tables);
  for (int i = 0; i < 3; ++i) {
    c.FindNews(inFirst);
    c.Search("berzhite", "sq", 12);
    site.Serve();
  }
  CHECK(c.FindNews(inFirst).body.IsReady());
  CHECK(c.Search("berzhite", "sq", 12).progress.IsReady());
  CHECK(c.Search("berzhite", "sq", 12).total == whole.Search("berzhite", "sq", 12).total);
  // A kiosk keeps the tables for starts without the network.
  c.WantEverything();
  site.Serve();
  REQUIRE(c.Complete());
  const std::vector<std::string> kept = c.OfflineFiles();
  CHECK(std::find(kept.begin(), kept.end(), tables) != kept.end());
}

TEST_CASE("A version 1 manifest, its tables in it, answers as before: nothing waits for a tables file") {
  const std::string json = Archive(300, 40);
  core::Content whole = Whole(json);
  Site site = Published(json, {4096, 4096, 300}, true);
  core::Content& c = site.content;
  CHECK(c.Published()->Site().listed);
  CHECK_FALSE(c.Published()->Site().tables);
  CHECK(c.Published()->List(true).headlines.size() > 5);
  for (int i = 0; i < 30; ++i) {
    c.NewsList({2003, ""});
    c.DirectiveList({});
    c.FindNews("n7");
    c.Search("berzhite", "sq", 12);
    site.Serve();
  }
  for (const std::string& f : site.asked) CHECK(f.rfind("tables-", 0) != 0);
  CHECK(Ids(c, c.NewsList({2003, ""}).items) == Ids(whole, whole.NewsList({2003, ""}).items));
  CHECK(c.DirectiveList({}).items.size() == 40);
  CHECK(c.FindNews("n7").body.IsReady());
  CHECK(c.Search("berzhite", "sq", 12).total == whole.Search("berzhite", "sq", 12).total);
}

TEST_CASE("Older news wanted before the tables were in are asked for as they come, not at the next scroll") {
  Site site = Published(Archive(300, 4));
  core::Content& c = site.content;
  const std::string tables = c.Published()->Site().tables->file;
  for (const std::string& f : c.TakeRequests()) site.Give(f);  // the newest headlines
  c.WantMoreNews();  // the first screen's list ends within a few screens
  CHECK(c.TakeRequests().empty());  // not the tables before that screen is shown
  c.FirstScreenShown();
  REQUIRE(c.TakeRequests() == std::vector<std::string>{tables});
  site.Give(tables);
  const std::vector<std::string> next = c.TakeRequests();  // nobody asked again
  CHECK(next.size() == 3);
  for (size_t k = 0; k < next.size(); ++k) CHECK(next[k] == c.Published()->List(true).headlines[k + 1].file);
}

TEST_CASE("A year asked for first asks for the tables at once, beside the newest headlines") {
  const std::string json = Archive(300, 4);
  core::Content whole = Whole(json);
  Site site = Published(json);
  core::Content& c = site.content;
  const std::string tables = c.Published()->Site().tables->file;
  CHECK(c.NewsList({2003, ""}).rest.file == tables);
  const std::vector<std::string> asked = c.TakeRequests();
  CHECK(asked.size() == 2);
  CHECK(std::find(asked.begin(), asked.end(), tables) != asked.end());
  for (const std::string& f : asked) site.Give(f);
  for (int i = 0; i < 10; ++i) {
    c.NewsList({2003, ""});
    c.WantMoreNews(2003);  // read to its end
    site.Serve();
  }
  const auto got = Ids(c, c.NewsList({2003, ""}).items), expected = Ids(whole, whole.NewsList({2003, ""}).items);
  CHECK(got.size() == expected.size());
  CHECK(got == expected);
  CHECK(c.NewsList({2003, ""}).rest.IsReady());
}

TEST_CASE("The years a row shows whole get their newest headlines once the first screen is shown, so that one chosen opens at once") {
  const std::string json = Archive(300, 4);
  core::Content whole = Whole(json);
  Site site = Published(json);
  core::Content& c = site.content;
  const std::string tables = c.Published()->Site().tables->file;
  const std::vector<core::Route> inView = {core::Route::News(2003), core::Route::News(2002), core::Route::News(),
                                           core::Route::News(2001, "tag"), core::Route::Directives()};
  for (const std::string& f : c.TakeRequests()) site.Give(f);  // the newest headlines
  c.ChoicesInView(inView);
  CHECK(c.TakeRequests().empty());  // not before the first screen is shown
  c.FirstScreenShown();
  c.ChoicesInView(inView);
  REQUIRE(c.TakeRequests() == std::vector<std::string>{tables});  // nor before the tables say where the years are
  site.Give(tables);
  c.ChoicesInView(inView);
  const std::vector<std::string> asked = c.TakeRequests();
  const auto firstOf = [&](int year) {
    const std::vector<size_t> shards = c.Published()->HeadlinesOfYear(true, year);
    REQUIRE_FALSE(shards.empty());
    return c.Published()->List(true).headlines[shards.front()].file;
  };
  std::vector<std::string> expected = {firstOf(2003), firstOf(2002)};
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  CHECK(asked == expected);  // each year's newest shard, not a filtered year's, not twice
  c.ChoicesInView(inView);
  CHECK(c.TakeRequests().empty());
  for (const std::string& f : asked) site.Give(f);
  // Chosen now, the year shows its newest items at once, without waiting for a file.
  const core::ItemList& year = c.NewsList({2003, ""});
  REQUIRE_FALSE(year.items.empty());
  const auto all = Ids(whole, whole.NewsList({2003, ""}).items);
  CHECK(Ids(c, year.items) == std::vector<std::string>(all.begin(), all.begin() + year.items.size()));
}

TEST_CASE("An item's body, once in, is not asked for again while its full shard holds items whose headlines are not in") {
  // Full shards larger than headline shards: the first full shard reaches past the first headlines.
  Site site = Published(Archive(300, 4), {2048, 16384, 300});
  core::Content& c = site.content;
  site.Serve();
  const auto& list = c.Published()->List(true);
  REQUIRE(list.full.front().count > list.headlines.front().count);
  const std::string id = c.News(c.NewsList({}).items.front()).id;
  c.FindNews(id);
  site.Serve();
  const core::Found f = c.FindNews(id);
  REQUIRE(f.handle);
  CHECK(f.body.IsReady());
  CHECK(c.TakeRequests().empty());  // not its full shard again (it was, each time the screen was described)
  // An item of that shard whose headlines come later gets its body from the shard asked again.
  const size_t later = list.headlines.front().count;
  c.WantMoreNews();
  site.Serve();
  const std::string laterId = c.News(static_cast<core::Handle>(later)).id;
  CHECK_FALSE(c.FindNews(laterId).body.IsReady());
  site.Serve();
  CHECK(c.FindNews(laterId).body.IsReady());
  CHECK(c.News(static_cast<core::Handle>(later)).body.Get("sq") == "Trupi i lajmit " + laterId.substr(1) + ".");
  CHECK(c.TakeRequests().empty());
}

TEST_CASE("A file that holds two parts (headlines without bodies are their own full shard) gives both") {
  // Items without bodies: each headline shard is its full shard, one file.
  std::string json = R"({"format":"publication-bundle","version":1,"languages":["sq"],"mission":{"title":"M","paragraphs":[]},"news":[)";
  for (int i = 0; i < 40; ++i) json += std::string(i ? "," : "") + R"({"id":"n)" + std::to_string(i) + R"(","date":"2020-01","title":"T )" + std::to_string(i) + R"("})";
  json += R"(],"directives":[]})";
  Site site = Published(json);
  site.Serve();  // the first screen's part, then the tables
  const auto& list = site.content.Published()->List(true);
  REQUIRE_FALSE(list.full.empty());
  REQUIRE(list.headlines.front().file == list.full.front().file);
  const core::Found f = site.content.FindNews("n0");
  REQUIRE(f.handle);
  CHECK(f.body.IsReady());
  CHECK(site.content.TakeRequests().empty());
}

TEST_CASE("The screens of a published site describe what the whole bundle's describe, once its parts are in") {
  const std::string json = Archive(60, 12);
  core::Content whole = Whole(json);
  Site site = Published(json);
  for (const char* route : {"#/mission", "#/news", "#/news?year=2003&tag=NATO", "#/news/n7", "#/directives?category=Plan",
                            "#/directives/d3", "#/news/none"})
    for (const std::string lang : {"sq", "en"}) {
      const core::Route r = core::ParseRoute(route);
      core::ScreenDoc doc;
      for (int i = 0; i < 30; ++i) {  // every part its screen asks for, and the older news
        doc = core::Describe(site.content, r, lang);
        site.content.WantMoreNews();
        site.Serve();
      }
      const core::ScreenDoc expected = core::Describe(whole, r, lang);
      CHECK_MESSAGE(doc.title == expected.title, route);
      REQUIRE_MESSAGE(doc.blocks.size() == expected.blocks.size(), route << " " << lang);
      for (size_t b = 0; b < doc.blocks.size(); ++b) {
        CHECK_MESSAGE(doc.blocks[b].kind == expected.blocks[b].kind, route);
        CHECK_MESSAGE(doc.blocks[b].text == expected.blocks[b].text, route);
        if (doc.blocks[b].kind != core::Block::List) continue;
        const auto& l = doc.blocks[b].list;
        const auto& e = expected.blocks[b].list;
        CHECK(l.items.size() == e.items.size());
        CHECK(l.hits.size() == e.hits.size());
      }
    }
}

TEST_CASE("The richer forms read the same from a published site: labels' words, a directive's documents and history") {
  const std::string json = SourceFile("tests/fixtures/rich.json");
  core::Content whole = Whole(json);
  Site site = Published(json);
  site.Serve();
  for (core::Content* c : {&whole, &site.content}) {
    CHECK(c->TagWord("Forcat Ajrore", "en") == "Air Force");
    CHECK(c->TagWord("Forcat Ajrore", "sq") == "Forcat Ajrore");
    CHECK(c->TagWord("NATO", "en") == "NATO");
    CHECK(c->CategoryWord("Direktivë", "en") == "Directive");
    CHECK(c->CategoryWord("Urdhër", "en") == "Urdhër");
    for (int round = 0; round < 4; ++round) {  // its id's bucket, its headline, its full shard
      core::Describe(*c, core::Route::DirectiveDetail("strategy-2024"), "en");
      site.Serve();
    }
    const core::ScreenDoc doc = core::Describe(*c, core::Route::DirectiveDetail("strategy-2024"), "en");
    const auto docs = std::find_if(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) { return b.kind == core::Block::Documents; });
    REQUIRE(docs != doc.blocks.end());
    CHECK(docs->links.size() == 2);
    CHECK(std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) {
      return b.kind == core::Block::Items && b.lines.size() == 2 && b.lines[1].first == "2 April 2024 — Annex B added.";
    }));
    const core::ScreenDoc item = core::Describe(*c, core::Route::NewsDetail("museum-hall"), "en");
    CHECK(std::any_of(item.blocks.begin(), item.blocks.end(), [](const core::Block& b) {
      return b.kind == core::Block::Image && b.text == "The museum's hall with two tanks" && b.credit == "Foto: MM";
    }));
  }
  // A directive's headline carries neither: they come with its body, in the full shard.
  for (const auto& [name, bytes] : site.files)
    if (name.rfind("directives-", 0) == 0 && name.rfind("directives-full-", 0) != 0) CHECK(bytes.find("\"documents\"") == std::string::npos);
}
