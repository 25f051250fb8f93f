// Writes a bundle as a published site's content; see site_content.h and core/published.h.
#include "tools/site_content.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/published.h"
#include "core/search.h"

namespace tools {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

Json TextJson(const core::Text& t) {
  if (t.byLang.size() == 1 && t.byLang[0].lang.empty()) return std::string(t.byLang[0].text);
  Json j = Json::object();
  for (const auto& e : t.byLang) j[e.lang] = std::string(e.text);
  return j;
}

// Optional fields are written only when they hold something, as an editor would.
void Put(Json& j, const char* key, const core::Text& t) {
  if (!t.Empty()) j[key] = TextJson(t);
}
void Put(Json& j, const char* key, const std::string& s) {
  if (!s.empty()) j[key] = s;
}

// A label as the bundle wrote it: one word, or a word per language.
Json LabelJson(const core::Label& l) { return l.text.Empty() ? Json(l.key) : TextJson(l.text); }

Json ImageJson(const core::Image& image) {
  if (image.alt.Empty() && image.caption.Empty() && image.credit.empty()) return image.src;
  Json j = {{"src", image.src}};
  Put(j, "alt", image.alt);
  Put(j, "caption", image.caption);
  Put(j, "credit", image.credit);
  return j;
}

Json ItemJson(const core::NewsItem& n, bool full) {
  Json j = {{"id", n.id}, {"date", core::FormatIsoDate(n.date)}, {"title", TextJson(n.title)}};
  Put(j, "summary", n.summary);
  if (full) Put(j, "body", n.body);
  if (!n.image.Empty()) j["image"] = ImageJson(n.image);
  if (!n.tags.empty()) {
    j["tags"] = Json::array();
    for (const core::Label& t : n.tags) j["tags"].push_back(LabelJson(t));
  }
  Put(j, "link", n.link);
  return j;
}

Json ItemJson(const core::Directive& d, bool full) {
  Json j = {{"id", d.id}, {"date", core::FormatIsoDate(d.date)}, {"title", TextJson(d.title)}};
  Put(j, "number", d.number);
  if (!d.category.Empty()) j["category"] = LabelJson(d.category);
  Put(j, "summary", d.summary);
  if (full) Put(j, "body", d.body);
  Put(j, "document", d.document);
  if (full && !d.documents.empty()) {
    Json& docs = j["documents"] = Json::array();
    for (const core::Document& doc : d.documents) {
      Json dj = {{"title", TextJson(doc.title)}, {"src", doc.src}};
      Put(dj, "lang", doc.lang);
      Put(dj, "type", doc.type);
      if (doc.bytes > 0) dj["bytes"] = doc.bytes;
      docs.push_back(std::move(dj));
    }
  }
  if (full && !d.changes.empty()) {
    Json& changes = j["changes"] = Json::array();
    for (const core::Change& c : d.changes) changes.push_back({{"date", core::FormatIsoDate(c.date)}, {"note", TextJson(c.note)}});
  }
  Put(j, "link", d.link);
  return j;
}

Json MissionJson(const core::Mission& m) {
  Json paragraphs = Json::array();
  for (const auto& p : m.paragraphs) {
    Json pj = Json::object();
    Put(pj, "number", p.number);
    pj["text"] = TextJson(p.text);
    if (!p.items.empty()) {
      pj["items"] = Json::array();
      for (const auto& item : p.items) pj["items"].push_back({{"label", item.label}, {"text", TextJson(item.text)}});
    }
    paragraphs.push_back(std::move(pj));
  }
  return {{"title", TextJson(m.title)}, {"paragraphs", std::move(paragraphs)}};
}

// Whether a shard closes after the item (or word) `key`, its size so far `size`: by the
// content, not by position, so that a new or changed item changes its own shard and not every
// one after it (as a kiosk's update would otherwise re-fetch them all). From 3/4 of `target`
// on, one key in 8 closes (by its hash); at twice `target` the shard closes anyway.
bool Boundary(std::string_view key, size_t size, size_t target) {
  return size >= 2 * target || (size >= target / 4 * 3 && core::ContentHash(key).back() % 8 == 0);
}

// Indices of `items` newest first; items of the same date keep the bundle's order.
template <class Item>
std::vector<size_t> PublishedOrder(const std::vector<Item>& items) {
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return items[b].date < items[a].date; });
  return order;
}

// A tag's or category's words per language, for the manifest's tallies (core::Tally::label).
using LabelWords = std::map<std::string, Json>;

void AddLabel(std::map<std::string, size_t>& counts, LabelWords& words, const core::Label& l) {
  ++counts[l.key];
  if (!l.text.Empty() && !words.count(l.key)) words[l.key] = TextJson(l.text);
}

// A year's news per month, January first (core::Tally::months).
using MonthCounts = std::map<std::string, std::vector<size_t>>;

Json Tallies(const std::map<std::string, size_t>& counts, const char* key, bool byCount, const LabelWords& words = {},
             const MonthCounts& months = {}) {
  std::vector<std::pair<std::string, size_t>> v(counts.begin(), counts.end());
  if (byCount)
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  else
    std::reverse(v.begin(), v.end());  // years, newest first
  Json out = Json::array();
  for (const auto& [name, n] : v) {
    Json t = {{key, name}, {"count", n}};
    if (!byCount) t[key] = std::stoi(name);
    if (const auto w = words.find(name); w != words.end() && w->second.is_object()) t["label"] = w->second;
    if (const auto m = months.find(name); m != months.end()) t["months"] = m->second;
    out.push_back(std::move(t));
  }
  return out;
}

class Writer {
 public:
  Writer(const core::Bundle& bundle, const ContentOptions& options) : m_bundle(bundle), m_options(options) {}

  // A file named PREFIX-HASH.json, added to the output; returns its name.
  // The same bytes twice (a shard of items without bodies is its own full shard) are one file.
  std::string Add(const std::string& prefix, std::string bytes) {
    const std::string hash = core::ContentHash(bytes);
    auto [at, added] = m_byHash.emplace(hash, prefix + "-" + hash + ".json");
    if (added) m_files.push_back({at->second, std::move(bytes)});
    return at->second;
  }

  // Items cut into shards of about `target` bytes; their entries for the manifest.
  template <class Item>
  Json Shards(const std::vector<Item>& items, const std::vector<size_t>& order, const char* key, const std::string& prefix,
              bool full, size_t target) {
    Json refs = Json::array();
    std::string body;
    size_t first = 0;
    const auto close = [&](size_t end) {
      if (end == first) return;
      const std::string bytes = std::string("{\"format\":\"publication-shard\",\"version\":1,\"") + key + "\":[" + body + "]}";
      const std::string name = Add(prefix, bytes);
      refs.push_back({{"file", name}, {"hash", core::ContentHash(bytes)}, {"first", first}, {"count", end - first},
                      {"newest", core::FormatIsoDate(items[order[first]].date)},
                      {"oldest", core::FormatIsoDate(items[order[end - 1]].date)}});
      body.clear();
      first = end;
    };
    for (size_t k = 0; k < order.size(); ++k) {
      if (!body.empty()) body += ',';
      body += ItemJson(items[order[k]], full).dump();
      if (Boundary(items[order[k]].id, body.size(), target)) close(k + 1);
    }
    close(order.size());
    return refs;
  }

  Json SearchLanguage(const std::string& lang, const std::vector<size_t>& newsOrder, const std::vector<size_t>& dirOrder) {
    struct Postings {
      std::vector<uint32_t> title, rest, first;
    };
    std::unordered_map<std::string, Postings> words;
    const auto add = [&](std::string_view text, uint32_t item, std::vector<uint32_t> Postings::*list) {
      core::FoldedWords reader(text);
      std::string_view w;
      while (reader.Next(w)) {
        auto& p = words[std::string(w)].*list;
        if (p.empty() || p.back() != item) p.push_back(item);
      }
    };
    const std::string& fallback = m_bundle.DefaultLanguage();
    const auto addItem = [&](const auto& item, uint32_t ordinal) {
      const std::string_view title = item.title.Get(lang, fallback);
      core::FoldedWords reader(title);
      std::string_view w;
      if (reader.Next(w)) {
        auto& p = words[std::string(w)].first;
        if (p.empty() || p.back() != ordinal) p.push_back(ordinal);
      }
      add(title, ordinal, &Postings::title);
      add(item.summary.Get(lang, fallback), ordinal, &Postings::rest);
      add(item.body.Get(lang, fallback), ordinal, &Postings::rest);
    };
    uint32_t ordinal = 0;
    for (size_t i : newsOrder) {
      addItem(m_bundle.news[i], ordinal);
      for (const auto& tag : m_bundle.news[i].tags) add(tag.Get(lang, fallback), ordinal, &Postings::rest);
      ++ordinal;
    }
    for (size_t i : dirOrder) {
      addItem(m_bundle.directives[i], ordinal);
      add(m_bundle.directives[i].category.Get(lang, fallback), ordinal, &Postings::rest);
      ++ordinal;
    }

    std::vector<const std::pair<const std::string, Postings>*> sorted;
    sorted.reserve(words.size());
    for (const auto& entry : words) sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });

    // Postings as differences from the one before: smaller, and gzip finds more repeats.
    const auto deltas = [](const std::vector<uint32_t>& v) {
      Json out = Json::array();
      uint32_t last = 0;
      for (size_t i = 0; i < v.size(); ++i) {
        out.push_back(i == 0 ? v[i] : v[i] - last);
        last = v[i];
      }
      return out;
    };
    Json chunks = Json::array();
    Json list = Json::array();
    size_t postings = 0;
    std::string firstWord, lastWord;
    const auto close = [&]() {
      if (list.empty()) return;
      const std::string bytes = Json{{"format", "publication-search"}, {"version", 1}, {"language", lang}, {"words", list}}.dump();
      std::string prefix = "search-" + lang;  // file names are lower case ("en-GB" -> "search-en-gb")
      std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](unsigned char c) { return std::tolower(c); });
      const std::string name = Add(prefix, bytes);
      chunks.push_back({{"file", name}, {"hash", core::ContentHash(bytes)}, {"first", firstWord}, {"last", lastWord}, {"postings", postings}});
      list = Json::array();
      postings = 0;
    };
    for (const auto* entry : sorted) {
      const Postings& p = entry->second;
      if (list.empty()) firstWord = entry->first;
      lastWord = entry->first;
      Json w = {{"w", entry->first}};
      if (!p.title.empty()) w["t"] = deltas(p.title);
      if (!p.rest.empty()) w["r"] = deltas(p.rest);
      if (!p.first.empty()) w["f"] = deltas(p.first);
      list.push_back(std::move(w));
      postings += p.title.size() + p.rest.size() + p.first.size();
      if (Boundary(entry->first, postings, m_options.chunkPostings)) close();
    }
    close();
    return {{"language", lang}, {"chunks", std::move(chunks)}};
  }

  // Which item an address names: id -> ordinal, in buckets by the first hex digit of the id's
  // hash (one bucket for up to 2,000 items), so that a deep link to any item costs one small
  // file before its shard, not a walk through the archive.
  Json IdBuckets(const std::vector<size_t>& newsOrder, const std::vector<size_t>& dirOrder) {
    const size_t buckets = m_bundle.news.size() + m_bundle.directives.size() > 2000 ? 16 : 1;
    std::vector<Json> news(buckets, Json::object()), dirs(buckets, Json::object());
    const auto bucketOf = [&](const std::string& id) { return buckets == 1 ? 0 : std::stoul(core::ContentHash(id).substr(0, 1), nullptr, 16); };
    for (size_t k = 0; k < newsOrder.size(); ++k) news[bucketOf(m_bundle.news[newsOrder[k]].id)][m_bundle.news[newsOrder[k]].id] = k;
    for (size_t k = 0; k < dirOrder.size(); ++k) dirs[bucketOf(m_bundle.directives[dirOrder[k]].id)][m_bundle.directives[dirOrder[k]].id] = k;
    Json refs = Json::array();
    for (size_t b = 0; b < buckets; ++b) {
      const std::string bytes = Json{{"format", "publication-ids"}, {"version", 1}, {"news", news[b]}, {"directives", dirs[b]}}.dump();
      refs.push_back({{"file", Add("ids", bytes)}, {"hash", core::ContentHash(bytes)}});
    }
    return refs;
  }

  std::vector<ContentFile> Run() {
    const auto newsOrder = PublishedOrder(m_bundle.news), dirOrder = PublishedOrder(m_bundle.directives);
    std::map<std::string, size_t> newsYears, dirYears, tags, categories;
    MonthCounts newsMonths;  // what a year's list and its months need before its items
    LabelWords tagWords, categoryWords;
    for (const auto& n : m_bundle.news) {
      const std::string year = std::to_string(n.date.year);
      ++newsYears[year];
      std::vector<size_t>& months = newsMonths[year];
      months.resize(12);
      if (n.date.month != 0) ++months[static_cast<size_t>(n.date.month - 1)];
      for (const auto& t : n.tags) AddLabel(tags, tagWords, t);
    }
    for (const auto& d : m_bundle.directives) {
      ++dirYears[std::to_string(d.date.year)];
      if (!d.category.Empty()) AddLabel(categories, categoryWords, d.category);
    }
    // The shard and chunk tables are a file of their own, read after the first screen; the
    // manifest keeps what that screen needs: the counts, the filters, the newest headline shard.
    Json tables = {{"format", "publication-tables"}, {"version", 1}};
    tables["news"] = {{"headlines", Shards(m_bundle.news, newsOrder, "news", "news", false, m_options.headlineBytes)},
                      {"full", Shards(m_bundle.news, newsOrder, "news", "news-full", true, m_options.fullBytes)}};
    tables["directives"] = {
        {"headlines", Shards(m_bundle.directives, dirOrder, "directives", "directives", false, m_options.headlineBytes)},
        {"full", Shards(m_bundle.directives, dirOrder, "directives", "directives-full", true, m_options.fullBytes)}};
    Json search = Json::array();
    for (const std::string& lang : m_bundle.languages) search.push_back(SearchLanguage(lang, newsOrder, dirOrder));
    tables["search"] = std::move(search);
    // The newest headline shard, and the full shard when that is the same file (items without
    // bodies): the first screen's detail then needs nothing more.
    Json firstShard = Json::array(), firstFull = Json::array();
    const Json& newsTables = tables["news"];
    if (!newsTables["headlines"].empty()) firstShard.push_back(newsTables["headlines"][0]);
    if (!newsTables["full"].empty() && !firstShard.empty() && newsTables["full"][0] == firstShard[0]) firstFull.push_back(firstShard[0]);
    const std::string tablesFile = Add("tables", tables.dump());  // "tables-HASH.json"
    const std::string tablesHash = tablesFile.substr(7, 16);

    Json published = {{"version", 2}, {"tables", {{"file", tablesFile}, {"hash", tablesHash}}}};
    published["news"] = {{"count", m_bundle.news.size()},
                         {"years", Tallies(newsYears, "year", false, {}, newsMonths)},
                         {"tags", Tallies(tags, "tag", true, tagWords)},
                         {"headlines", std::move(firstShard)}};
    if (!firstFull.empty()) published["news"]["full"] = std::move(firstFull);
    published["directives"] = {{"count", m_bundle.directives.size()},
                               {"years", Tallies(dirYears, "year", false)},
                               {"categories", Tallies(categories, "category", true, categoryWords)}};
    published["ids"] = IdBuckets(newsOrder, dirOrder);

    Json manifest = {{"format", "publication-bundle"}, {"version", 1}, {"languages", m_bundle.languages}};
    if (!m_bundle.siteTitle.Empty()) manifest["site"] = {{"title", TextJson(m_bundle.siteTitle)}};
    manifest["mission"] = MissionJson(m_bundle.mission);
    manifest["news"] = Json::array();
    manifest["directives"] = Json::array();
    manifest["published"] = std::move(published);
    m_files.push_back({"manifest.json", manifest.dump()});
    return std::move(m_files);
  }

 private:
  const core::Bundle& m_bundle;
  const ContentOptions& m_options;
  std::vector<ContentFile> m_files;
  std::map<std::string, std::string> m_byHash;  // hash -> file name
};

}  // namespace

std::vector<ContentFile> PublishedContent(const core::Bundle& bundle, const ContentOptions& options) {
  return Writer(bundle, options).Run();
}

std::string WriteContent(const std::vector<ContentFile>& files, const std::string& dir, SiteWriter* writer) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return "cannot make " + dir + ": " + ec.message();
  SiteWriter local;
  SiteWriter& w = writer ? *writer : local;
  for (const ContentFile& f : files)
    w.Write(fs::path(dir) / f.name, f.bytes, f.name != "manifest.json");  // in order: the manifest last
  if (writer) return "";
  if (std::string problem = w.Wait(); !problem.empty()) return problem;
  std::vector<std::string> names;
  for (const ContentFile& f : files) names.push_back(f.name);
  RemoveOldParts(names, dir, w);
  return "";
}

void RemoveOldParts(const std::vector<std::string>& names, const std::string& dir, SiteWriter& writer) {
  const std::set<std::string> named(names.begin(), names.end());
  // An earlier publication's shards (and their .gz/.br copies) that nothing names any more.
  static const std::regex kShard(R"(((news|directives)(-full)?|ids|tables|search-[a-z]{2,3}(-[a-z0-9]+)?)-[0-9a-f]{16}\.json(\.gz|\.br)?)");
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    std::smatch m;
    if (!std::regex_match(name, m, kShard)) continue;
    const std::string plain = name.substr(0, name.size() - m[5].length());
    if (!named.count(plain) && fs::remove(entry.path(), ec)) writer.Removed(1);
  }
}

}  // namespace tools
