// Reads a published site's manifest, shards and search chunks (core/published.h), checking
// each against the limits and against what the manifest promises.
#include "core/published.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstdio>

#include "core/bundle_checker.h"
#include "core/json_doc.h"
#include "core/limits.h"

namespace core {

std::string ContentHash(std::string_view bytes) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
  return hex;
}

namespace {

using Json = json::Value;

// A name the publisher writes: letters, digits, '-' and '.', no folder, no "..".
bool IsPlainFileName(std::string_view s) {
  if (s.empty() || s.size() > 200 || s[0] == '.') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) return false;
  return true;
}

bool IsHash(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::optional<size_t> Count(const Json& v, size_t max) {
  const auto n = v.Integer();
  if (!n || *n < 0 || static_cast<unsigned long long>(*n) > max) return std::nullopt;
  return static_cast<size_t>(*n);
}

// Reads the parts of "published" that the viewer relies on; the first problem ends it.
class SiteReader {
 public:
  explicit SiteReader(Checker& c) : m_c(c) {}

  bool File(const Json& j, const std::string& path, std::string& file, std::string& hash) {
    file = j.Find("file").String();
    hash = j.Find("hash").String();
    if (!IsPlainFileName(file)) return Fail(j, path + ".file", "must be a file name next to the manifest");
    if (!IsHash(hash) || file.find(hash) == std::string::npos)
      return Fail(j, path + ".hash", "must be the 16 hex digits of the file's content hash, which its name contains");
    return true;
  }

  // `whole`: the shards cover the items [0, total); else they may stop before (the first ones
  // of a version 2 manifest, or none).
  bool Shards(const Json& list, const std::string& path, size_t total, bool whole, std::vector<ShardRef>& out) {
    if (!whole && !list) return true;
    if (!list.IsArray() || list.Size() > limits::kMaxShards)
      return Fail(list, path, "must be an array of at most " + std::to_string(limits::kMaxShards) + " shards");
    size_t next = 0;
    bool ok = true;
    list.ForEachElement([&](size_t i, Json j) {
      if (!ok) return;
      const std::string at = Checker::Index(path, i);
      ShardRef ref;
      const auto first = Count(j.Find("first"), total), count = Count(j.Find("count"), total);
      const auto newest = ParseDate(j.Find("newest").String()), oldest = ParseDate(j.Find("oldest").String());
      ok = File(j, at, ref.file, ref.hash);
      if (ok && (!first || *first != next || !count || *count == 0 || *count > total - next))
        ok = Fail(j, at, "must continue the items where the shard before it ends (" + std::to_string(next) + ")");
      else if (ok && (!newest || !oldest || *newest < *oldest))
        ok = Fail(j, at, "needs the dates of its newest and oldest items");
      if (!ok) return;
      ref.first = *first;
      ref.count = *count;
      ref.newest = *newest;
      ref.oldest = *oldest;
      next += ref.count;
      out.push_back(std::move(ref));
    });
    if (ok && whole && next != total) return Fail(list, path, "covers " + std::to_string(next) + " of the " + std::to_string(total) + " items");
    return ok;
  }

  bool Tallies(const Json& list, const std::string& path, const char* key, size_t total, std::vector<Tally>& out) {
    if (!list) return true;
    if (!list.IsArray() || list.Size() > limits::kMaxNews) return Fail(list, path, "must be an array");
    bool ok = true;
    list.ForEachElement([&](size_t i, Json j) {
      const auto count = Count(j.Find("count"), total);
      Tally t{j.Find(key).IsString() ? j.Find(key).String() : std::string(j.Find(key).Source()), count.value_or(0), {}, {}};
      if (ok && (!count || t.name.empty() || t.name.size() > 4 * limits::kMaxShortChars))
        ok = Fail(j, Checker::Index(path, i), std::string("must have a \"") + key + "\" and a \"count\" of at most " + std::to_string(total));
      // Its words per language (a tag or category with its own), each as short as a tag's.
      j.Find("label").ForEachMember([&](std::string_view lang, Json word) {
        if (ok && word.IsString() && t.label.size() < limits::kMaxLanguages && word.String().size() <= 4 * limits::kMaxShortChars)
          t.label[std::string(lang)] = WithoutHostile(word.String());
      });
      if (ok && j.Find("months")) ok = Months(j.Find("months"), Checker::Index(path, i) + ".months", t);
      if (ok) out.push_back(std::move(t));
    });
    return ok;
  }

  // A year's counts per month: 12, together at most the year's.
  bool Months(const Json& list, const std::string& path, Tally& year) {
    size_t sum = 0;
    if (list.IsArray() && list.Size() == 12)
      list.ForEachElement([&](size_t, Json m) {
        if (const auto n = Count(m, year.count)) {
          year.months.push_back(*n);
          sum += *n;
        }
      });
    if (year.months.size() == 12 && sum <= year.count) return true;
    year.months.clear();
    return Fail(list, path, "must be the year's 12 counts of each month, January first, together at most its " + std::to_string(year.count));
  }

  bool List(const Json& j, const std::string& path, size_t max, const char* groupKey, const char* groupsName, bool whole,
            PublishedList& out) {
    if (!j.IsObject()) return Fail(j, path, "is missing");
    const auto count = Count(j.Find("count"), max);
    if (!count) return Fail(j, path + ".count", "must be a number of items of at most " + std::to_string(max));
    out.count = *count;
    return Tallies(j.Find("years"), path + ".years", "year", out.count, out.years) &&
           Tallies(j.Find(groupsName), path + "." + groupsName, groupKey, out.count, out.groups) &&
           ShardLists(j, path, whole, out);
  }

  bool ShardLists(const Json& j, const std::string& path, bool whole, PublishedList& out) {
    return Shards(j.Find("headlines"), path + ".headlines", out.count, whole, out.headlines) &&
           Shards(j.Find("full"), path + ".full", out.count, whole, out.full);
  }

  // A table that must begin with the shards the manifest gave.
  bool Continues(const Json& at, const std::string& path, const std::vector<ShardRef>& given, const std::vector<ShardRef>& table) {
    const auto same = [](const ShardRef& a, const ShardRef& b) {
      return a.file == b.file && a.hash == b.hash && a.count == b.count && a.newest == b.newest && a.oldest == b.oldest;
    };
    if (given.size() > table.size() || !std::equal(given.begin(), given.end(), table.begin(), same))
      return Fail(at, path, "must begin with the shards the manifest names");
    return true;
  }

  bool Ids(const Json& list, std::vector<FileRef>& out) {
    if (!list.IsArray() || (list.Size() != 1 && list.Size() != 16)) return Fail(list, "published.ids", "must list 1 or 16 buckets");
    bool ok = true;
    list.ForEachElement([&](size_t i, Json j) {
      FileRef ref;
      ok = ok && File(j, Checker::Index("published.ids", i), ref.file, ref.hash);
      if (ok) out.push_back(std::move(ref));
    });
    return ok;
  }

  bool Tables(const Json& j, PublishedSite& site) {
    FileRef ref;
    if (!j.IsObject()) return Fail(j, "published.tables", "is missing: a version 2 manifest names the file of its shard tables");
    if (!File(j, "published.tables", ref.file, ref.hash)) return false;
    site.tables = std::move(ref);
    site.listed = false;
    return true;
  }

  bool Search(const Json& list, const std::string& path, std::vector<SearchLanguage>& out) {
    if (!list) return true;
    if (!list.IsArray() || list.Size() > limits::kMaxLanguages) return Fail(list, path, "must be an array of languages");
    bool ok = true;
    list.ForEachElement([&](size_t i, Json j) {
      const std::string at = Checker::Index(path, i);
      SearchLanguage lang{j.Find("language").String(), {}};
      const Json chunks = j.Find("chunks");
      if (ok && (lang.language.empty() || !chunks.IsArray() || chunks.Size() > limits::kMaxShards))
        ok = Fail(j, at, "must name a language and list its chunks");
      chunks.ForEachElement([&](size_t k, Json c) {
        if (!ok) return;
        const std::string cat = Checker::Index(at + ".chunks", k);
        SearchChunkRef ref;
        ok = File(c, cat, ref.file, ref.hash);
        ref.firstWord = c.Find("first").String();
        ref.lastWord = c.Find("last").String();
        const auto postings = Count(c.Find("postings"), 1u << 30);
        const bool ordered = lang.chunks.empty() || lang.chunks.back().lastWord < ref.firstWord;
        if (ok && (!postings || ref.firstWord.empty() || ref.lastWord < ref.firstWord || !ordered))
          ok = Fail(c, cat, "must give its words' range after the chunk before it, and its postings");
        ref.postings = postings.value_or(0);
        if (ok) lang.chunks.push_back(std::move(ref));
      });
      if (ok) out.push_back(std::move(lang));
    });
    return ok;
  }

 private:
  bool Fail(const Json& at, const std::string& path, std::string message) {
    m_c.Error(at, path, std::move(message));
    return false;
  }
  Checker& m_c;
};

}  // namespace

ManifestResult LoadManifest(std::unique_ptr<char[]> text, size_t size) {
  ManifestResult result;
  std::vector<Diagnostic> problems;
  std::optional<PublishedSite> site;
  // The "published" section first: the bundle loader then decodes strings in the same text.
  if (size <= limits::kMaxShardBytes) {
    const std::string_view view(text.get(), size);
    if (auto doc = json::Document::Parse(view, limits::kMaxDepth, limits::kMaxJsonValues)) {
      Checker c(problems);
      const Json published = doc->Root().Find("published");
      PublishedSite s;
      SiteReader r(c);
      const auto version = published.Find("version").Integer();
      // Version 2 keeps the shard tables in a file of their own (TakeTables).
      const bool whole = version == 1;
      if (!published.IsObject()) c.Error(doc->Root(), "published", "is missing: this bundle is not a published site's manifest");
      else if (version != 1 && version != 2) c.Error(published, "published.version", "this viewer reads versions 1 and 2");
      else if (r.List(published.Find("news"), "published.news", limits::kMaxNews, "tag", "tags", whole, s.news) &&
               r.List(published.Find("directives"), "published.directives", limits::kMaxDirectives, "category", "categories", whole,
                      s.directives) &&
               (whole ? r.Search(published.Find("search"), "published.search", s.search) : r.Tables(published.Find("tables"), s)) &&
               r.Ids(published.Find("ids"), s.ids)) {
        if (s.news.count > 0 && s.news.headlines.empty())  // the first screen's part
          c.Error(published.Find("news"), "published.news.headlines", "must name the newest headline shard");
        else site = std::move(s);
      }
      AttachLineColumns(view, problems);
    }
  }
  result.load = LoadBundle(std::move(text), size);
  if (result.load.Ok()) {
    for (Diagnostic& d : problems) result.load.diagnostics.push_back(std::move(d));
    result.site = std::move(site);
  }
  return result;
}

ManifestResult LoadContent(std::unique_ptr<char[]> text, size_t size) {
  // "published": as a key (a string's quotes are escaped inside strings) in a file of a
  // manifest's size; a bundle that has the key elsewhere is read as a bundle all the same.
  const std::string_view view(text.get(), size);
  if (size <= limits::kMaxShardBytes && view.find("\"published\":") != std::string_view::npos) {
    if (auto doc = json::Document::Parse(view, limits::kMaxDepth, limits::kMaxJsonValues); doc && doc->Root().Find("published"))
      return LoadManifest(std::move(text), size);
  }
  ManifestResult result;
  result.published = false;
  result.load = LoadBundle(std::move(text), size);
  return result;
}

std::string TakeTables(PublishedSite& site, std::string_view text) {
  if (!site.tables) return "the manifest names no tables";
  const std::string& file = site.tables->file;
  if (text.size() > limits::kMaxShardBytes) return file + ": is larger than a shard may be";
  if (ContentHash(text) != site.tables->hash) return file + ": its bytes do not match the hash the manifest gives (a damaged or half-published file)";
  auto doc = json::Document::Parse(text, limits::kMaxDepth, limits::kMaxJsonValues);
  if (!doc) return file + ": not valid JSON: " + doc.GetError().message;
  const Json root = doc->Root();
  if (!root.Find("format").StringEquals("publication-tables") || root.Find("version").Integer() != 1)
    return file + ": is not a published site's tables (format publication-tables, version 1)";
  std::vector<Diagnostic> problems;
  Checker c(problems);
  SiteReader r(c);
  PublishedList news, directives;
  news.count = site.news.count;
  directives.count = site.directives.count;
  std::vector<SearchLanguage> search;
  const bool ok = r.ShardLists(root.Find("news"), "news", true, news) &&
                  r.ShardLists(root.Find("directives"), "directives", true, directives) &&
                  r.Continues(root.Find("news"), "news.headlines", site.news.headlines, news.headlines) &&
                  r.Continues(root.Find("news"), "news.full", site.news.full, news.full) &&
                  r.Continues(root.Find("directives"), "directives.headlines", site.directives.headlines, directives.headlines) &&
                  r.Continues(root.Find("directives"), "directives.full", site.directives.full, directives.full) &&
                  r.Search(root.Find("search"), "search", search);
  if (!ok) {
    AttachLineColumns(text, problems);
    return file + ": " + (problems.empty() ? std::string("unreadable") : FormatDiagnostic(problems.front()));
  }
  site.news.headlines = std::move(news.headlines);
  site.news.full = std::move(news.full);
  site.directives.headlines = std::move(directives.headlines);
  site.directives.full = std::move(directives.full);
  site.search = std::move(search);
  site.listed = true;
  return "";
}

LoadResult LoadPublishedShard(std::unique_ptr<char[]> text, size_t size, const ShardRef& ref, bool news,
                              const std::vector<std::string>& languages) {
  const auto fail = [&](std::string message) {
    LoadResult r;
    r.diagnostics.push_back({Severity::Error, "", 0, 0, ref.file + ": " + std::move(message)});
    return r;
  };
  if (size > limits::kMaxShardBytes) return fail("is larger than a shard may be");
  if (ContentHash(std::string_view(text.get(), size)) != ref.hash)
    return fail("its bytes do not match the hash the manifest gives (a damaged or half-published file)");
  LoadResult r = LoadShard(std::move(text), size, languages);
  if (!r.Ok()) return r;
  const Bundle& b = *r.bundle;
  const size_t got = news ? b.news.size() : b.directives.size();
  if (got != ref.count || (news ? !b.directives.empty() : !b.news.empty()) || r.skippedItems != 0)
    return fail("holds " + std::to_string(got) + " readable items where the manifest promises " + std::to_string(ref.count));
  const auto outside = [&](const Date& d) { return d.Compare(ref.newest) > 0 || d.Compare(ref.oldest) < 0; };
  const bool datesOk = news ? std::none_of(b.news.begin(), b.news.end(), [&](const NewsItem& n) { return outside(n.date); })
                            : std::none_of(b.directives.begin(), b.directives.end(), [&](const Directive& d) { return outside(d.date); });
  if (!datesOk) return fail("holds an item outside the dates the manifest gives");
  return r;
}

const FileRef* PublishedSite::IdBucketOf(std::string_view id) const {
  if (ids.empty()) return nullptr;
  if (ids.size() == 1) return &ids[0];
  const char digit = ContentHash(id)[0];
  return &ids[static_cast<size_t>(digit <= '9' ? digit - '0' : digit - 'a' + 10)];
}

std::optional<uint32_t> IdBucket::Find(bool isNews, std::string_view id) const {
  const auto& list = isNews ? news : directives;
  const auto it = std::lower_bound(list.begin(), list.end(), id, [](const auto& e, std::string_view k) { return e.first < k; });
  if (it == list.end() || it->first != id) return std::nullopt;
  return it->second;
}

Parsed<IdBucket> LoadIdBucket(std::string_view text, const FileRef& ref, size_t newsCount, size_t directiveCount) {
  using Result = Parsed<IdBucket>;
  if (text.size() > limits::kMaxShardBytes) return Result::Fail(ref.file + ": is larger than a shard may be");
  if (ContentHash(text) != ref.hash) return Result::Fail(ref.file + ": its bytes do not match the hash the manifest gives");
  auto doc = json::Document::Parse(text, limits::kMaxDepth, limits::kMaxJsonValues);
  if (!doc || !doc->Root().Find("format").StringEquals("publication-ids"))
    return Result::Fail(ref.file + ": is not a bucket of a published site's id index");
  IdBucket bucket;
  bool ok = true;
  for (const bool isNews : {true, false}) {
    auto& list = isNews ? bucket.news : bucket.directives;
    const size_t count = isNews ? newsCount : directiveCount;
    doc->Root().Find(isNews ? "news" : "directives").ForEachMember([&](std::string_view id, Json v) {
      const auto n = v.Integer();
      ok = ok && n && *n >= 0 && static_cast<unsigned long long>(*n) < count && id.size() <= limits::kMaxIdBytes;
      if (ok) list.emplace_back(std::string(id), static_cast<uint32_t>(*n));
    });
    std::sort(list.begin(), list.end());
  }
  if (!ok) return Result::Fail(ref.file + ": names an item that does not exist");
  return Result::Ok(std::move(bucket));
}

Parsed<SearchChunk> LoadSearchChunk(std::string_view text, const SearchChunkRef& ref, size_t items) {
  using Result = Parsed<SearchChunk>;
  if (text.size() > limits::kMaxShardBytes) return Result::Fail(ref.file + ": is larger than a shard may be");
  if (ContentHash(text) != ref.hash) return Result::Fail(ref.file + ": its bytes do not match the hash the manifest gives");
  auto doc = json::Document::Parse(text, limits::kMaxDepth, limits::kMaxJsonValues);
  if (!doc) return Result::Fail(ref.file + ": not valid JSON: " + doc.GetError().message);
  const Json words = doc->Root().Find("words");
  if (!doc->Root().Find("format").StringEquals("publication-search") || !words.IsArray())
    return Result::Fail(ref.file + ": is not a chunk of a published search index");
  SearchChunk chunk;
  std::string problem;
  const auto postings = [&](const Json& list, std::vector<uint32_t>& out) {
    if (list && !list.IsArray()) return false;
    // Written as differences: the first ordinal, then how far each is after the one before.
    long long at = -1;
    bool ok = true;
    list.ForEachElement([&](size_t k, Json v) {
      const auto n = v.Integer();
      ok = ok && n && (k == 0 ? *n >= 0 : *n > 0) && *n < static_cast<long long>(items);
      if (ok) at = k == 0 ? *n : at + *n;
      ok = ok && at < static_cast<long long>(items);
      if (ok) out.push_back(static_cast<uint32_t>(at));
    });
    return ok;
  };
  words.ForEachElement([&](size_t i, Json w) {
    if (!problem.empty()) return;
    SearchChunk::Word word{w.Find("w").String(), {}, {}, {}};
    const bool inRange = !word.word.empty() && word.word >= ref.firstWord && word.word <= ref.lastWord &&
                         (chunk.words.empty() || chunk.words.back().word < word.word);
    if (!inRange || !postings(w.Find("t"), word.title) || !postings(w.Find("r"), word.rest) || !postings(w.Find("f"), word.first))
      problem = ref.file + ": word " + std::to_string(i) + " is out of order or names an item that does not exist";
    else chunk.words.push_back(std::move(word));
  });
  if (!problem.empty()) return Result::Fail(problem);
  return Result::Ok(std::move(chunk));
}

}  // namespace core
