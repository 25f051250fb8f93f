// Publishing again into the same folder (tools/site_files, site_pages, site_feeds, app_files): a
// file is written only when its bytes changed, what the content no longer has is removed, the
// app's files come in before and an earlier build's go after, and a site of more pages than a
// sitemap may hold gets a sitemap index.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "core/content.h"
#include "core/page.h"
#include "tools/app_files.h"
#include "tools/site_feeds.h"
#include "tools/site_files.h"
#include "tools/site_pages.h"
#include "tools/test_bundles.h"

namespace {

namespace fs = std::filesystem;

// A fresh folder for one test, removed with it.
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("modv-site-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
  TempDir() { fs::remove_all(path); fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  static inline int count = 0;
};

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every file under `dir` with its modification time.
std::map<fs::path, fs::file_time_type> Times(const fs::path& dir) {
  std::map<fs::path, fs::file_time_type> t;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) t[e.path().lexically_relative(dir)] = e.last_write_time();
  return t;
}

// Publishes `json`'s pages into `site` (a template with the page marks) and returns the counts.
tools::PublishCounts Publish(const std::string& json, const fs::path& site) {
  if (!fs::exists(site / ".page.html"))
    std::ofstream(site / ".page.html") << "<!doctype html><html lang=\"sq\"><head><title>x</title><!--page:head--></head>"
                                        "<body><!--page:body--></body></html>";
  core::Content content(tools_test::Load(json));
  tools::SiteWriter writer;
  REQUIRE(tools::PublishPages(content, {site.string(), "https://example.org/botime", "", {}}, &writer) == "");
  REQUIRE(writer.Wait() == "");
  return writer.Counts();
}

}  // namespace

TEST_CASE("A file is written only when its bytes changed, and whole") {
  TempDir dir;
  const fs::path file = dir.path / "a" / "b.html";
  CHECK(tools::WriteIfChanged(file, "one") == tools::WriteResult::Written);
  const auto first = fs::last_write_time(file);
  fs::last_write_time(file, first - std::chrono::hours(1));  // so that a rewrite would show
  CHECK(tools::WriteIfChanged(file, "one") == tools::WriteResult::Same);
  CHECK(fs::last_write_time(file) == first - std::chrono::hours(1));
  CHECK(tools::WriteIfChanged(file, "two") == tools::WriteResult::Written);
  CHECK(tools::WriteIfChanged(file, "twO") == tools::WriteResult::Written);  // the same size, other bytes
  CHECK(Read(file) == "twO");
  CHECK_FALSE(fs::exists(file.string() + ".new"));
  // A folder where the file should be: it fails, and says so.
  fs::create_directories(dir.path / "c.html");
  CHECK(tools::WriteIfChanged(dir.path / "c.html", "x") == tools::WriteResult::Failed);
}

TEST_CASE("What a publication no longer has is removed, with its compressed copies and empty folders") {
  TempDir dir;
  for (const char* f : {"news/a/index.html", "news/a/index.html.gz", "news/a/index.html.br", "news/b/index.html",
                        "news/b/index.html.br", "index.html", "index.html.gz", "feed.atom"})
    tools::WriteIfChanged(dir.path / f, "x");
  // (The folder named with a trailing separator is the same folder.)
  CHECK(tools::RemoveOthers(dir.path.string() + "/", {"news/b/index.html", "index.html", "feed.atom"}) == 3);
  std::set<fs::path> left;
  for (const auto& [p, t] : Times(dir.path)) left.insert(p);
  CHECK(left == std::set<fs::path>{"news/b/index.html", "news/b/index.html.br", "index.html", "index.html.gz", "feed.atom"});
  CHECK_FALSE(fs::exists(dir.path / "news" / "a"));
}

TEST_CASE("The app's files are copied into a site with their times, once; an earlier build's go only when asked") {
  TempDir app, site;
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  for (const char* f : {".page.html", "sw.js", "sw.js.br", "boot.0123456789.js", "boot.0123456789.js.gz", "mod-viewer.abcdef0123.wasm",
                        "index.html", "bundle.json", "notes.txt", "boot.js"}) {
    tools::WriteIfChanged(app.path / f, std::string("new ") + f);
    fs::last_write_time(app.path / f, old);
  }
  tools::WriteIfChanged(site.path / "boot.9999999999.js", "an earlier build's");
  tools::WriteIfChanged(site.path / "boot.9999999999.js.br", "its copy");
  tools::WriteIfChanged(site.path / "index.html", "the site's front page");
  size_t copied = 0;
  CHECK(tools::CopyApp(app.path, site.path, &copied) == "");
  CHECK(copied == 6);
  for (const char* f : {".page.html", "sw.js", "sw.js.br", "boot.0123456789.js", "boot.0123456789.js.gz", "mod-viewer.abcdef0123.wasm"}) {
    CHECK(Read(site.path / f) == std::string("new ") + f);
    CHECK(fs::last_write_time(site.path / f) == old);  // so that their compressed copies stay fresh
  }
  // Not the app's: the front page, the bundle and what else the build folder holds.
  CHECK(Read(site.path / "index.html") == "the site's front page");
  for (const char* f : {"bundle.json", "notes.txt", "boot.js"}) CHECK_FALSE(fs::exists(site.path / f));
  // The earlier build's files stay while the pages that name them may still be served.
  CHECK(fs::exists(site.path / "boot.9999999999.js"));
  // Copied again: nothing is written (same size and time).
  const auto times = Times(site.path);
  copied = 0;
  CHECK(tools::CopyApp(app.path, site.path, &copied) == "");
  CHECK(copied == 0);
  CHECK(Times(site.path) == times);
  // Once the site is written: the earlier build's files go, copies included; nothing else does.
  CHECK(tools::RemoveOldApp(app.path, site.path) == 2);
  CHECK_FALSE(fs::exists(site.path / "boot.9999999999.js"));
  CHECK_FALSE(fs::exists(site.path / "boot.9999999999.js.br"));
  CHECK(fs::exists(site.path / "boot.0123456789.js.gz"));
  CHECK(fs::exists(site.path / "index.html"));
  // The build's own folder as the site: nothing to copy or remove.
  CHECK(tools::CopyApp(app.path, app.path) == "");
  CHECK(tools::RemoveOldApp(app.path, app.path) == 0);
  CHECK(fs::exists(app.path / "boot.0123456789.js"));
  // A file where a copy should go: it fails, and says which.
  TempDir blocked;
  fs::create_directories(blocked.path / "sw.js" / "x");
  CHECK(tools::CopyApp(app.path, blocked.path).find("sw.js") != std::string::npos);
}

TEST_CASE("Publishing again writes only the pages whose content changed and removes those of items gone") {
  TempDir site;
  const std::string first = tools_test::MakeBundle(30, 4);
  const tools::PublishCounts a = Publish(first, site.path);
  CHECK(a.written > 70);  // 2 languages × (30 news, 4 directives, the lists, the years), the feeds, the sitemap
  CHECK(a.unchanged == 0);
  for (const auto& e : fs::recursive_directory_iterator(site.path))  // so that a rewrite would show
    if (e.is_regular_file()) fs::last_write_time(e.path(), e.last_write_time() - std::chrono::hours(1));
  const auto before = Times(site.path);

  const tools::PublishCounts same = Publish(first, site.path);
  CHECK(same.written == 0);
  CHECK(same.unchanged == a.written);
  CHECK(same.removed == 0);
  CHECK(Times(site.path) == before);

  // One title changed: its page in each language, the lists and the year that show it, and the
  // feeds that hold it, no more.
  std::string retitled = first;
  const size_t at = retitled.find("\"en\":\"News 7\"");
  REQUIRE(at != std::string::npos);
  retitled.replace(at, 13, "\"en\":\"Tidings 7\"");
  const tools::PublishCounts one = Publish(retitled, site.path);
  CHECK(one.written >= 1);
  CHECK(one.written <= 8);
  CHECK(Read(site.path / "en/news/n7/index.html").find("Tidings 7") != std::string::npos);
  const auto after = Times(site.path);
  size_t touched = 0;
  for (const auto& [p, t] : after) touched += before.count(p) && before.at(p) != t;
  CHECK(touched == one.written);
  CHECK(before.at("sq/news/n3/index.html") == after.at("sq/news/n3/index.html"));

  // Fewer items and one language: the pages of the rest and the other language's folder go.
  std::string fewer = tools_test::MakeBundle(20, 4);
  const std::string both = "\"languages\":[\"sq\",\"en\"]";
  fewer.replace(fewer.find(both), both.size(), "\"languages\":[\"sq\"]");
  const tools::PublishCounts less = Publish(fewer, site.path);
  CHECK(less.removed > 0);
  CHECK(fs::exists(site.path / "sq/news/n19/index.html"));
  CHECK_FALSE(fs::exists(site.path / "sq/news/n20"));
  CHECK_FALSE(fs::exists(site.path / "en"));
  CHECK(fs::exists(site.path / ".page.html"));  // the template stays
}

TEST_CASE("A site of more pages than a sitemap may hold gets a sitemap index") {
  core::Content content(tools_test::Load(tools_test::MakeBundle(10, 2)));
  const auto pages = core::AllPages(content);
  const std::string base = "https://example.org/botime";
  const auto one = tools::Sitemaps(content, pages, base);
  REQUIRE(one.size() == 1);
  CHECK(one[0].first == "sitemap.xml");
  CHECK(one[0].second.find("<urlset") != std::string::npos);

  const size_t perFile = 7;
  const auto split = tools::Sitemaps(content, pages, base, perFile);
  REQUIRE(split.size() == 1 + (pages.size() + perFile - 1) / perFile);
  CHECK(split[0].first == "sitemap.xml");
  size_t urls = 0;
  for (size_t i = 1; i < split.size(); ++i) {
    const std::string name = "sitemap-" + std::to_string(i) + ".xml";
    CHECK(split[i].first == name);
    CHECK(split[0].second.find("<loc>" + base + "/" + name + "</loc>") != std::string::npos);
    size_t n = 0;
    for (size_t at = split[i].second.find("<url>"); at != std::string::npos; at = split[i].second.find("<url>", at + 1)) ++n;
    CHECK(n <= perFile);
    urls += n;
  }
  CHECK(split[0].second.find("<sitemapindex") != std::string::npos);
  CHECK(urls == pages.size());
}

TEST_CASE("Pages made on several threads, each with its own content, are the pages made on one, whenever the helpers come") {
  TempDir one;
  const std::string json = tools_test::MakeBundle(60, 9);
  Publish(json, one.path);
  core::Content helper(tools_test::Load(json)), late(tools_test::Load(json));
  // A helper at once; one that comes after other work (the content's parts); one that has no content.
  const std::vector<std::vector<tools::ContentSource>> helpings{
      {[&] { return &helper; }},
      {[&] {
         std::this_thread::sleep_for(std::chrono::milliseconds(100));
         return &late;
       }},
      {[] { return static_cast<core::Content*>(nullptr); }},
  };
  for (const auto& helpers : helpings) {
    TempDir two;
    std::ofstream(two.path / ".page.html") << Read(one.path / ".page.html");
    core::Content content(tools_test::Load(json));
    tools::SiteWriter writer;
    REQUIRE(tools::PublishPages(content, {two.path.string(), "https://example.org/botime", "", {}}, &writer, helpers) == "");
    const auto a = Times(one.path), b = Times(two.path);
    REQUIRE(a.size() == b.size());
    for (const auto& file : a) {
      const fs::path& p = file.first;  // not a structured binding: clang 14 cannot capture one (CAPTURE)
      CAPTURE(p);
      REQUIRE(b.count(p));
      CHECK(Read(one.path / p) == Read(two.path / p));
    }
  }
}

TEST_CASE("A file named by its bytes' hash is taken as the same when one of that name and size is there; others are compared") {
  TempDir dir;
  tools::WriteIfChanged(dir.path / "news-0123456789abcdef.json", "abc");
  tools::WriteIfChanged(dir.path / "page.html", "abc");
  tools::SiteWriter writer;
  writer.Write(dir.path / "news-0123456789abcdef.json", "xyz", true);  // the same size: not read
  writer.Write(dir.path / "page.html", "xyz");                           // compared: written
  REQUIRE(writer.Wait() == "");
  CHECK(Read(dir.path / "news-0123456789abcdef.json") == "abc");
  CHECK(Read(dir.path / "page.html") == "xyz");
  CHECK(writer.Counts().unchanged == 1);
  CHECK(writer.Counts().written == 1);
  // Both are to be compressed: one was written, the other has no copies yet.
  CHECK(writer.ToCompress().size() == 2);
}
