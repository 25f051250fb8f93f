// The publisher (tools/site_content) against the readers (core/published): what it writes reads
// back as the bundle it came from, the same bundle gives the same bytes, the search chunks find
// what the in-memory index finds, and damaged, truncated, oversized or mismatched files are
// refused with a message, never read.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

#include "core/limits.h"
#include "core/published.h"
#include "core/published_archive.h"
#include "core/published_search.h"
#include "core/search.h"
#include "tools/site_content.h"
#include "tools/test_bundles.h"

namespace {

namespace fs = std::filesystem;
using tools_test::Load;
using tools_test::MakeBundle;

std::unique_ptr<char[]> Copy(std::string_view s) {
  std::unique_ptr<char[]> p(new char[std::max<size_t>(s.size(), 1)]);
  std::copy(s.begin(), s.end(), p.get());
  return p;
}

const tools::ContentFile& FileNamed(const std::vector<tools::ContentFile>& files, const std::string& name) {
  for (const auto& f : files)
    if (f.name == name) return f;
  FAIL("no file " << name);
  return files.front();
}

// The manifest, and the shard tables it names taken in (core::TakeTables).
core::ManifestResult Manifest(const std::vector<tools::ContentFile>& files) {
  const std::string& m = FileNamed(files, "manifest.json").bytes;
  core::ManifestResult r = core::LoadManifest(Copy(m), m.size());
  if (r.Ok() && r.site->tables) CHECK(core::TakeTables(*r.site, FileNamed(files, r.site->tables->file).bytes) == "");
  return r;
}

// Small shards, so that a few hundred items make many.
const tools::ContentOptions kSmall{4096, 8192, 300};

}  // namespace

TEST_CASE("A published site reads back as the bundle it came from, newest first") {
  const core::Bundle bundle = Load(MakeBundle(300, 40));
  const auto files = tools::PublishedContent(bundle, kSmall);
  CHECK(files.back().name == "manifest.json");
  const auto manifest = Manifest(files);
  REQUIRE(manifest.Ok());
  CHECK(manifest.load.diagnostics.empty());
  const core::Bundle& m = *manifest.load.bundle;
  CHECK(m.languages == bundle.languages);
  CHECK(m.siteTitle.Get("sq") == "MM");
  CHECK(m.mission.title.Get("en") == "Mission");
  REQUIRE(m.mission.paragraphs.size() == 1);
  CHECK(m.mission.paragraphs[0].items[0].text.Get("sq") == "Pika");

  const core::PublishedSite& site = *manifest.site;
  CHECK(site.news.count == 300);
  CHECK(site.directives.count == 40);
  CHECK(site.news.headlines.size() > 5);
  CHECK(site.news.full.size() > site.news.headlines.size() / 2);
  size_t yearTotal = 0;
  for (const auto& y : site.news.years) yearTotal += y.count;
  CHECK(yearTotal == 300);
  CHECK(site.news.years.front().name == "2024");
  // Each year's news per month, January first: what its list and months need before its items.
  std::map<std::string, std::vector<size_t>> months;
  for (const auto& n : bundle.news) {
    auto& m = months[std::to_string(n.date.year)];
    m.resize(12);
    if (n.date.month != 0) ++m[static_cast<size_t>(n.date.month - 1)];  // (a date of the year alone: in none)
  }
  for (const auto& y : site.news.years) {
    CAPTURE(y.name);
    CHECK(y.months == months[y.name]);
  }
  for (const auto& y : site.directives.years) CHECK(y.months.empty());  // the directives have no months' row
  REQUIRE(site.directives.groups.size() == 2);
  CHECK(site.directives.groups[0].count == 20);

  // Headlines: every item once, newest first, without bodies; full shards: the same with bodies.
  for (const bool full : {false, true}) {
    std::vector<const core::NewsItem*> read;
    std::vector<core::LoadResult> keep;
    for (const core::ShardRef& ref : full ? site.news.full : site.news.headlines) {
      const std::string& bytes = FileNamed(files, ref.file).bytes;
      CHECK(ref.file.find(core::ContentHash(bytes)) != std::string::npos);
      CHECK(bytes.size() < 2 * (full ? 8192u : 4096u) + 2000);  // closed by content, at twice the target at most
      keep.push_back(core::LoadPublishedShard(Copy(bytes), bytes.size(), ref, true, m.languages));
      REQUIRE_MESSAGE(keep.back().Ok(), ref.file);
      CHECK(keep.back().bundle->news.size() == ref.count);
    }
    for (const auto& r : keep)
      for (const auto& n : r.bundle->news) read.push_back(&n);
    REQUIRE(read.size() == 300);
    for (size_t k = 1; k < read.size(); ++k) CHECK_FALSE(read[k - 1]->date < read[k]->date);
    std::set<std::string> ids;
    for (const auto* n : read) {
      ids.insert(n->id);
      const core::NewsItem* original = bundle.FindNews(n->id);
      REQUIRE(original);
      CHECK(n->title.Get("sq") == original->title.Get("sq"));
      CHECK(n->summary.Get("en") == original->summary.Get("en"));
      REQUIRE(n->tags.size() == original->tags.size());
      for (size_t t = 0; t < n->tags.size(); ++t) CHECK(n->tags[t].key == original->tags[t].key);
      CHECK(n->body.Get("sq") == (full ? original->body.Get("sq") : ""));
    }
    CHECK(ids.size() == 300);
  }
}

TEST_CASE("The same bundle always gives the same files, and a changed item changes only its shards") {
  const core::Bundle bundle = Load(MakeBundle(200, 10));
  const auto a = tools::PublishedContent(bundle, kSmall), b = tools::PublishedContent(bundle, kSmall);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].name == b[i].name);
    CHECK(a[i].bytes == b[i].bytes);
  }
  std::string changedJson = MakeBundle(200, 10);
  const size_t at = changedJson.find("News 7\"");
  REQUIRE(at != std::string::npos);
  changedJson.replace(at, 6, "News 7 (corrected)");
  const auto c = tools::PublishedContent(Load(changedJson), kSmall);
  std::set<std::string> before, changed;
  for (const auto& f : a) before.insert(f.name);
  for (const auto& f : c)
    if (!before.count(f.name)) changed.insert(f.name.substr(0, f.name.rfind('-')));
  // The item's headline and full shard, the English search chunk that gets its new word (a
  // shard whose size crosses a boundary may take its neighbour with it), the tables that name
  // them, the manifest that names the tables.
  const auto count = [&](const auto& files, const std::string& prefix) {
    size_t n = 0;
    for (const auto& f : files) n += f.name.rfind(prefix + "-", 0) == 0 && f.name.size() == prefix.size() + 22;
    return n;
  };
  std::map<std::string, size_t> changedCount;
  for (const auto& f : c)
    if (!before.count(f.name)) ++changedCount[f.name.substr(0, f.name.rfind('-'))];
  CHECK(count(a, "news") > 4);
  CHECK(changedCount["news"] >= 1);
  CHECK(changedCount["news"] <= 2);
  CHECK(changedCount["news-full"] >= 1);
  CHECK(changedCount["news-full"] <= 2);
  CHECK(changedCount["search-sq"] == 0);
  CHECK(changedCount["search-en"] >= 1);
  CHECK(changedCount["search-en"] <= 2);
  CHECK(changedCount["tables"] == 1);
  CHECK(changed.size() == 4);

  // A new newest item: only the newest shards change.
  std::string newer = MakeBundle(200, 10);
  newer.replace(newer.find("\"news\":[") + 8, 0, R"({"id":"newest","date":"2025-06-01","title":"Lajmi i ri"},)");
  std::map<std::string, size_t> added;
  for (const auto& f : tools::PublishedContent(Load(newer), kSmall))
    if (!before.count(f.name)) ++added[f.name.substr(0, f.name.rfind('-'))];
  CHECK(added["news"] <= 2);
  CHECK(added["news-full"] <= 2);
}

TEST_CASE("The published search index finds what the viewer's own index finds") {
  const core::Bundle bundle = Load(MakeBundle(250, 30));
  const auto files = tools::PublishedContent(bundle, kSmall);
  const auto manifest = Manifest(files);
  REQUIRE(manifest.Ok());
  const core::PublishedSite& site = *manifest.site;
  // Ordinal -> (news?, id), from the headline shards.
  std::vector<std::string> ids;
  std::vector<core::LoadResult> keep;
  for (const bool news : {true, false})
    for (const auto& ref : news ? site.news.headlines : site.directives.headlines) {
      const std::string& bytes = FileNamed(files, ref.file).bytes;
      keep.push_back(core::LoadPublishedShard(Copy(bytes), bytes.size(), ref, news, manifest.load.bundle->languages));
      REQUIRE(keep.back().Ok());
      for (const auto& n : keep.back().bundle->news) ids.push_back("n:" + n.id);
      for (const auto& d : keep.back().bundle->directives) ids.push_back("d:" + d.id);
    }
  REQUIRE(ids.size() == 280);

  for (const std::string lang : {"sq", "en"}) {
    const core::SearchIndex index(bundle, lang);
    const auto* chunks = &site.search[lang == "sq" ? 0 : 1];
    REQUIRE(chunks->language == lang);
    CHECK(chunks->chunks.size() > 2);
    for (const std::string prefix : {"berzhite", "sterv", "nato", "ceshtj", "neni", "trup", "lajm", "x", "n"}) {
      std::set<std::string> expected, found;
      for (const auto& hit : index.Search(prefix, 100000))
        expected.insert(hit.news ? "n:" + bundle.news[hit.index].id : "d:" + bundle.directives[hit.index].id);
      for (const auto& ref : chunks->chunks) {
        if (ref.lastWord < prefix || ref.firstWord.compare(0, prefix.size(), prefix) > 0) continue;
        const auto chunk = core::LoadSearchChunk(FileNamed(files, ref.file).bytes, ref, ids.size());
        REQUIRE_MESSAGE(chunk.Ok(), chunk.GetError());
        for (const auto& w : chunk->words)
          if (w.word.compare(0, prefix.size(), prefix) == 0)
            for (const auto* list : {&w.title, &w.rest})
              for (uint32_t o : *list) found.insert(ids[o]);
      }
      CHECK_MESSAGE(found == expected, lang << " " << prefix);
    }
  }
}

TEST_CASE("A published archive answers a query as its single file does: the same hits in the same order") {
  const core::Bundle bundle = Load(MakeBundle(400, 60));
  const auto files = tools::PublishedContent(bundle, kSmall);
  const auto manifest = Manifest(files);
  REQUIRE(manifest.Ok());
  const core::PublishedSite& site = *manifest.site;
  // Every item by kind and ordinal, from the headline shards (the viewer fetches only those it shows).
  std::vector<core::LoadResult> keep;
  std::vector<const core::NewsItem*> news;
  std::vector<const core::Directive*> directives;
  for (const bool isNews : {true, false})
    for (const auto& ref : isNews ? site.news.headlines : site.directives.headlines) {
      const std::string& bytes = FileNamed(files, ref.file).bytes;
      keep.push_back(core::LoadPublishedShard(Copy(bytes), bytes.size(), ref, isNews, manifest.load.bundle->languages));
      for (const auto& n : keep.back().bundle->news) news.push_back(&n);
      for (const auto& d : keep.back().bundle->directives) directives.push_back(&d);
    }
  const auto dateOf = [&](const core::PublishedHit& h) { return h.news ? news.at(h.ordinal)->date : directives.at(h.ordinal)->date; };

  for (const std::string lang : {"sq", "en"}) {
    const core::SearchIndex index(bundle, lang);
    const core::SearchLanguage& chunks = site.search[lang == "sq" ? 0 : 1];
    for (const std::string query : {"berzhite", "Bërzhitë", "sterv", "NATO lajm", "lajm 1", "b", "direktiva", "direktiva plan",
                                    "trup", "neni 5", "x", "urdher", "zzz", "", "news 3", "body",
                                    "permbledhje", "përm"}) {  // news and directives that tie: the newer first
      size_t total = 0;
      const auto expected = index.Search(query, 40, &total);
      const auto needed = core::ChunksForQuery(chunks, query);
      std::vector<core::Parsed<core::SearchChunk>> loaded;
      std::vector<const core::SearchChunk*> given;
      for (size_t i : needed) {
        const auto& ref = chunks.chunks[i];
        loaded.push_back(core::LoadSearchChunk(FileNamed(files, ref.file).bytes, ref, news.size() + directives.size()));
        REQUIRE(loaded.back().Ok());
      }
      for (const auto& c : loaded) given.push_back(&*c);
      const auto matches = core::MatchPublished(given, query, site.news.count, site.directives.count);
      CHECK_MESSAGE(matches.Total() == total, lang << " \"" << query << "\"");
      const auto ranked = core::RankPublished(matches, 40, dateOf);
      REQUIRE_MESSAGE(ranked.size() == expected.size(), lang << " \"" << query << "\"");
      for (size_t k = 0; k < ranked.size(); ++k) {
        const std::string got = ranked[k].news ? news[ranked[k].ordinal]->id : directives[ranked[k].ordinal]->id;
        const std::string want = expected[k].news ? bundle.news[expected[k].index].id : bundle.directives[expected[k].index].id;
        CHECK_MESSAGE(got == want, lang << " \"" << query << "\" hit " << k);
        CHECK(ranked[k].score == expected[k].score);
      }
      // As far as the hits are known (their headlines in): always the start of the same list,
      // never a hit past one unknown, nor past a tie between kinds whose order the unknown one's
      // span of dates leaves open (a span of its own date leaves nothing open).
      for (const bool exact : {false, true})
        for (const size_t unknownOrdinal : {size_t{0}, size_t{3}, size_t{7}}) {
          core::HitsSoFar soFar;
          soFar.known = [&](const core::PublishedHit& h) { return h.ordinal != unknownOrdinal; };
          soFar.span = [&](const core::PublishedHit& h) {
            return exact ? std::pair{dateOf(h), dateOf(h)} : std::pair{core::Date{1900, 1, 1}, core::Date{2100, 1, 1}};
          };
          const auto partial = core::RankPublished(matches, 40, dateOf, &soFar);
          REQUIRE(partial.size() <= ranked.size());
          for (size_t k = 0; k < partial.size(); ++k) CHECK((partial[k].news == ranked[k].news && partial[k].ordinal == ranked[k].ordinal));
          if (partial.size() == ranked.size()) continue;
          const core::PublishedHit& next = ranked[partial.size()];
          const bool openTie = !exact && std::any_of(ranked.begin() + static_cast<std::ptrdiff_t>(partial.size()), ranked.end(),
                                                     [&](const core::PublishedHit& h) {
                                                       return h.news != next.news && h.score == next.score && !soFar.known(h);
                                                     });
          CHECK_MESSAGE((!soFar.known(next) || openTie), lang << " \"" << query << "\" stopped before a known hit " << partial.size());
        }
      // Only the chunks that hold the query's words: a word's chunk, not the whole index.
      if (query == "berzhite") CHECK(needed.size() == 1);
    }
  }
}

TEST_CASE("An archive that arrives shard by shard becomes the bundle it was published from") {
  const core::Bundle bundle = Load(MakeBundle(300, 40));
  const auto files = tools::PublishedContent(bundle, kSmall);
  auto manifest = Manifest(files);
  REQUIRE(manifest.Ok());
  core::Bundle b = std::move(*manifest.load.bundle);
  core::PublishedArchive archive(std::move(*manifest.site));
  const auto shard = [&](const core::ShardRef& ref, bool news) {
    const std::string& bytes = FileNamed(files, ref.file).bytes;
    return core::LoadPublishedShard(Copy(bytes), bytes.size(), ref, news, b.languages);
  };
  const auto& newsList = archive.List(true);
  REQUIRE(newsList.headlines.size() > 3);
  CHECK(archive.NextHeadlines(b, true) == 0u);
  CHECK_FALSE(archive.Complete(b, true));

  // A later shard that comes first (a search hit's) waits aside, its items already readable.
  REQUIRE(archive.TakeHeadlines(b, true, 2, shard(newsList.headlines[2], true)));
  CHECK(b.news.empty());
  CHECK(archive.HeadlinesIn(b, true, 2));
  REQUIRE(archive.NewsAt(b, newsList.headlines[2].first));
  CHECK_FALSE(archive.NewsAt(b, newsList.headlines[1].first));
  CHECK_FALSE(archive.TakeHeadlines(b, true, 2, shard(newsList.headlines[2], true)));  // once
  REQUIRE(archive.TakeHeadlines(b, true, 0, shard(newsList.headlines[0], true)));
  CHECK(b.news.size() == newsList.headlines[0].count);
  CHECK(archive.NextHeadlines(b, true) == 1u);
  // The one between: it and the shard aside join the bundle in order.
  const std::string secondId = archive.NewsAt(b, newsList.headlines[2].first)->id;
  REQUIRE(archive.TakeHeadlines(b, true, 1, shard(newsList.headlines[1], true)));
  CHECK(archive.NextHeadlines(b, true) == 3u);
  CHECK(b.news[newsList.headlines[2].first].id == secondId);
  CHECK(archive.NewsAt(b, newsList.headlines[2].first) == &b.news[newsList.headlines[2].first]);

  // A full shard that reaches beyond the loaded items gives bodies to those that are there; its
  // items not in yet have none (yet).
  const size_t loaded = b.news.size();
  size_t across = 0;
  while (across < newsList.full.size() && newsList.full[across].first + newsList.full[across].count <= loaded) ++across;
  REQUIRE(across < newsList.full.size());
  REQUIRE(newsList.full[across].first < loaded);
  // A shard whose items are not the ones their headlines name is refused, nothing taken.
  CHECK_FALSE(archive.TakeFull(b, true, across, shard(newsList.full[across == 0 ? 1 : 0], true)));
  CHECK_FALSE(archive.BodyLoaded(true, newsList.full[across].first));
  REQUIRE(archive.TakeFull(b, true, across, shard(newsList.full[across], true)));
  CHECK(b.news[loaded - 1].body.Get("sq") == bundle.FindNews(b.news[loaded - 1].id)->body.Get("sq"));
  CHECK(archive.BodyLoaded(true, loaded - 1));
  CHECK_FALSE(archive.BodyLoaded(true, loaded));

  // The rest in order; then every full shard.
  while (const auto next = archive.NextHeadlines(b, true)) REQUIRE(archive.TakeHeadlines(b, true, *next, shard(newsList.headlines[*next], true)));
  while (const auto next = archive.NextHeadlines(b, false))
    REQUIRE(archive.TakeHeadlines(b, false, *next, shard(archive.List(false).headlines[*next], false)));
  CHECK(archive.Complete(b, true));
  CHECK(archive.Complete(b, false));
  for (size_t i = 0; i < newsList.full.size(); ++i) CHECK(archive.TakeFull(b, true, i, shard(newsList.full[i], true)));
  for (size_t i = 0; i < archive.List(false).full.size(); ++i)
    CHECK(archive.TakeFull(b, false, i, shard(archive.List(false).full[i], false)));

  REQUIRE(b.news.size() == bundle.news.size());
  REQUIRE(b.directives.size() == bundle.directives.size());
  for (size_t k = 0; k < b.news.size(); ++k) {
    CHECK(archive.BodyLoaded(true, k));
    const core::NewsItem* original = bundle.FindNews(b.news[k].id);
    REQUIRE(original);
    for (const std::string lang : {"sq", "en"}) {
      CHECK(b.news[k].title.Get(lang) == original->title.Get(lang));
      CHECK(b.news[k].body.Get(lang) == original->body.Get(lang));
    }
    if (k > 0) CHECK_FALSE(b.news[k - 1].date < b.news[k].date);
  }
  for (const auto& d : b.directives) CHECK(d.body.Get("sq") == bundle.FindDirective(d.id)->body.Get("sq"));
  // The glyphs the fonts need: all of the bundle's.
  for (char32_t cp : bundle.codePoints) CHECK(std::binary_search(b.codePoints.begin(), b.codePoints.end(), cp));
}

TEST_CASE("Damaged, truncated, oversized and mismatched shards are refused with a message") {
  const core::Bundle bundle = Load(MakeBundle(60, 5));
  const auto files = tools::PublishedContent(bundle, kSmall);
  const auto manifest = Manifest(files);
  REQUIRE(manifest.Ok());
  const auto& langs = manifest.load.bundle->languages;
  const core::ShardRef ref = manifest.site->news.headlines.at(0);
  const std::string good = FileNamed(files, ref.file).bytes;
  const auto load = [&](const std::string& bytes, core::ShardRef r, bool news = true) {
    return core::LoadPublishedShard(Copy(bytes), bytes.size(), r, news, langs);
  };
  const auto message = [](const core::LoadResult& r) { return r.diagnostics.empty() ? std::string() : r.diagnostics[0].message; };
  REQUIRE(load(good, ref).Ok());

  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 1;
  auto r = load(flipped, ref);
  CHECK_FALSE(r.Ok());
  CHECK(message(r).find("do not match the hash") != std::string::npos);

  // Bytes that match their hash but are not what the manifest promises.
  core::ShardRef rehashed = ref;
  const std::string truncated = good.substr(0, good.size() - 10);
  rehashed.hash = core::ContentHash(truncated);
  r = load(truncated, rehashed);
  CHECK_FALSE(r.Ok());
  CHECK(message(r).find("not valid JSON") != std::string::npos);

  core::ShardRef more = ref;
  more.count = ref.count + 1;
  CHECK(message(load(good, more)).find("where the manifest promises " + std::to_string(ref.count + 1)) != std::string::npos);
  CHECK(message(load(good, ref, false)).find("readable items where the manifest promises") != std::string::npos);
  core::ShardRef later = ref;
  later.oldest = later.newest;
  if (ref.count > 1 && ref.oldest < ref.newest) CHECK(message(load(good, later)).find("outside the dates") != std::string::npos);

  std::string huge(core::limits::kMaxShardBytes + 1, ' ');
  core::ShardRef big = ref;
  big.hash = core::ContentHash(huge);
  CHECK(message(load(huge, big)).find("larger than a shard may be") != std::string::npos);

  const std::string notAShard = R"({"format":"publication-bundle","version":1,"news":[]})";
  core::ShardRef other = ref;
  other.hash = core::ContentHash(notAShard);
  CHECK(message(load(notAShard, other)).find("not a shard of a published site") != std::string::npos);

  // The id index: every item once, by its ordinal; a wrong hash or an ordinal past the items refused.
  REQUIRE(manifest.site->ids.size() == 1);
  const core::FileRef& idsRef = manifest.site->ids[0];
  const std::string ids = FileNamed(files, idsRef.file).bytes;
  const auto bucket = core::LoadIdBucket(ids, idsRef, 60, 5);
  REQUIRE(bucket.Ok());
  CHECK(bucket->news.size() == 60);
  CHECK(bucket->directives.size() == 5);
  REQUIRE(bucket->Find(true, "n0"));
  CHECK_FALSE(bucket->Find(true, "d0"));
  CHECK(bucket->Find(false, "d0"));
  CHECK(core::LoadIdBucket(ids, idsRef, 59, 5).GetError().find("does not exist") != std::string::npos);
  std::string idsEdited = ids;
  idsEdited[idsEdited.size() / 2] ^= 1;
  CHECK(core::LoadIdBucket(idsEdited, idsRef, 60, 5).GetError().find("hash") != std::string::npos);

  // Search chunks: a wrong hash, postings beyond the items, words out of their range.
  const core::SearchChunkRef chunkRef = manifest.site->search.at(0).chunks.at(0);
  const std::string chunk = FileNamed(files, chunkRef.file).bytes;
  CHECK(core::LoadSearchChunk(chunk, chunkRef, 65).Ok());
  CHECK_FALSE(core::LoadSearchChunk(chunk, chunkRef, 3).Ok());
  std::string edited = chunk;
  edited[edited.size() - 3] ^= 1;
  CHECK(core::LoadSearchChunk(edited, chunkRef, 65).GetError().find("hash") != std::string::npos);
  core::SearchChunkRef narrow = chunkRef;
  narrow.lastWord = narrow.firstWord;
  if (chunkRef.lastWord != chunkRef.firstWord) CHECK_FALSE(core::LoadSearchChunk(chunk, narrow, 65).Ok());
}

TEST_CASE("A manifest whose published section is unsound is refused, saying where") {
  const core::Bundle bundle = Load(MakeBundle(40, 4));
  const std::string manifest = FileNamed(tools::PublishedContent(bundle, kSmall), "manifest.json").bytes;
  const auto refused = [](std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    auto r = core::LoadManifest(Copy(text), text.size());
    CHECK_FALSE(r.Ok());
    std::string paths;
    for (const auto& d : r.load.diagnostics) paths += d.path + " ";
    return paths;
  };
  CHECK(refused(manifest, "\"first\":0,", "\"first\":1,").find("published.news.headlines[0]") != std::string::npos);
  CHECK(refused(manifest, "\"file\":\"news-", "\"file\":\"../news-").find("published.news.headlines[0].file") != std::string::npos);
  CHECK(refused(manifest, "\"file\":\"tables-", "\"file\":\"../tables-").find("published.tables.file") != std::string::npos);
  CHECK(refused(manifest, "\"tables\":", "\"tablez\":").find("published.tables") != std::string::npos);
  CHECK(refused(manifest, "\"version\":2", "\"version\":3").find("published.version") != std::string::npos);
  CHECK(refused(manifest, "\"published\":{", "\"unpublished\":{").find("published") != std::string::npos);
  CHECK(refused(manifest, "\"mission\":{\"title\"", "\"mission\":{\"titel\"").find("mission.title") != std::string::npos);
  // A year's months: twelve counts, together no more than its own.
  const size_t months = manifest.find("\"months\":[");
  REQUIRE(months != std::string::npos);
  const std::string twelve = manifest.substr(months, manifest.find(']', months) + 1 - months);
  CHECK(refused(manifest, twelve, "\"months\":[1,2]").find("published.news.years[0].months") != std::string::npos);
  CHECK(refused(manifest, twelve, "\"months\":[9,9,9,9,9,9,9,9,9,9,9,9]").find("published.news.years[0].months") != std::string::npos);
  CHECK(refused(manifest, twelve, "\"months\":[0,0,0,0,0,0,0,0,0,0,0,-1]").find("published.news.years[0].months") != std::string::npos);
  // A version 2 manifest names the first screen's shard.
  const size_t from = manifest.find("\"headlines\":[");
  const size_t to = manifest.find(']', from);
  CHECK(refused(manifest, manifest.substr(from, to + 1 - from), "\"headlines\":[]").find("published.news.headlines") != std::string::npos);
  // A bundle is not a manifest.
  const std::string plain = MakeBundle(3, 1);
  CHECK_FALSE(core::LoadManifest(Copy(plain), plain.size()).Ok());
}

TEST_CASE("The shard tables are refused, the site left as it was, when they do not match the manifest") {
  const auto files = tools::PublishedContent(Load(MakeBundle(200, 12)), kSmall);
  const std::string& m = FileNamed(files, "manifest.json").bytes;
  const core::ManifestResult manifest = core::LoadManifest(Copy(m), m.size());
  REQUIRE(manifest.Ok());
  const core::PublishedSite& site = *manifest.site;
  REQUIRE(site.tables);
  CHECK_FALSE(site.listed);
  CHECK(site.news.headlines.size() == 1);  // the first screen's part alone
  CHECK(site.news.full.empty());
  CHECK(site.search.empty());
  const std::string tables = FileNamed(files, site.tables->file).bytes;
  // Tables written again with `from` replaced, under the hash the manifest is given for them.
  const auto take = [&](const std::string& from, const std::string& to, const std::string& count = "") {
    std::string text = tables;
    if (!from.empty()) {
      const size_t at = text.find(from);
      REQUIRE_MESSAGE(at != std::string::npos, from);
      text.replace(at, from.size(), to);
    }
    core::PublishedSite copy = site;
    copy.tables->hash = core::ContentHash(text);
    if (!count.empty()) copy.news.count = std::stoul(count);
    const std::string error = core::TakeTables(copy, text);
    if (!error.empty()) {
      CHECK_FALSE(copy.listed);
      CHECK(copy.news.headlines.size() == 1);
    }
    return error;
  };
  CHECK(take("", "") == "");
  core::PublishedSite whole = site;
  REQUIRE(core::TakeTables(whole, tables) == "");
  CHECK(whole.listed);
  CHECK(whole.news.headlines.size() > 5);
  CHECK(whole.news.headlines.front().file == site.news.headlines.front().file);
  CHECK(whole.search.size() == 2);
  // Damaged bytes, another file, another format, gaps, and a table that does not begin where the manifest does.
  std::string flipped = tables;
  flipped[flipped.size() / 2] ^= 1;
  core::PublishedSite copy = site;
  CHECK(core::TakeTables(copy, flipped).find("do not match the hash") != std::string::npos);
  CHECK_FALSE(copy.listed);
  CHECK(take("", "", "201").find("news.headlines: covers 200 of the 201 items") != std::string::npos);
  CHECK(take("\"format\":\"publication-tables\"", "\"format\":\"publication-bundle\"").find("is not a published site's tables") !=
        std::string::npos);
  CHECK(take("\"news\":{", "\"news\":[").find("not valid JSON") != std::string::npos);
  CHECK(take("\"first\":0,", "\"first\":1,").find("must continue the items") != std::string::npos);
  core::PublishedSite other = site;
  other.news.headlines.front().count += 1;
  CHECK(core::TakeTables(other, tables).find("news.headlines: must begin with the shards the manifest names") != std::string::npos);
  CHECK(take("\"search\":[", "\"search\":7,\"x\":[").find("search: must be an array of languages") != std::string::npos);
  // A version 1 manifest, its tables in it, is listed as it is read.
  core::PublishedSite inline1;
  CHECK(inline1.listed);
  CHECK(core::TakeTables(inline1, tables) == "the manifest names no tables");
}

TEST_CASE("Writing a site replaces an earlier publication's shards, the manifest last") {
  const fs::path dir = fs::temp_directory_path() / ("modv-content-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const auto first = tools::PublishedContent(Load(MakeBundle(50, 5)), kSmall);
  REQUIRE(tools::WriteContent(first, dir.string()).empty());
  std::ofstream(dir / "keep-me.txt") << "an editor's file";
  std::ofstream(dir / (first[0].name + ".gz")) << "old copy";
  const auto second = tools::PublishedContent(Load(MakeBundle(20, 2)), kSmall);
  REQUIRE(tools::WriteContent(second, dir.string()).empty());
  std::set<std::string> want{"keep-me.txt"}, have;
  for (const auto& f : second) want.insert(f.name);
  for (const auto& e : fs::directory_iterator(dir)) have.insert(e.path().filename().string());
  CHECK(have == want);
  std::ifstream in(dir / "manifest.json", std::ios::binary);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(written == second.back().bytes);
  fs::remove_all(dir);
}
