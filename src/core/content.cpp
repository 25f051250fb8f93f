// The content model; see content.h. Its search is in content_search.cpp.
#include "core/content.h"

#include <algorithm>
#include <utility>
#include <cstdlib>


namespace core {

// What a published site's file holds (the manifest names each).
struct Content::FileRole {
  enum Kind { Headlines, Full, Ids, Chunk, Tables } kind = Headlines;
  bool news = true;
  size_t index = 0;  // the shard's or the id bucket's; a chunk's within its language
  size_t lang = 0;   // a chunk's language (PublishedSite::search)
};

namespace {

std::vector<Tally> ToTallies(const std::vector<std::pair<std::string, int>>& counts) {
  std::vector<Tally> out;
  for (const auto& [name, n] : counts) out.push_back({name, static_cast<size_t>(n), {}, {}});
  return out;
}

}  // namespace

Content::Content(Bundle whole) : m_bundle(std::make_unique<Bundle>(std::move(whole))) {}

Content::Content(Bundle manifest, PublishedSite site) : m_bundle(std::make_unique<Bundle>(std::move(manifest))) {
  m_archive.emplace(std::move(site));
  ListRoles();
  if (m_archive->List(true).count > 0) AskHeadlines(true, 0);  // the first screen
}

// The roles of the files the manifest (and, once in, its tables) name.
void Content::ListRoles() {
  m_roles.clear();
  const PublishedSite& s = m_archive->Site();
  if (s.tables && !s.listed) m_roles[s.tables->file].push_back({FileRole::Tables, true, 0, 0});
  for (const bool news : {true, false}) {
    const PublishedList& list = news ? s.news : s.directives;
    for (size_t i = 0; i < list.headlines.size(); ++i) m_roles[list.headlines[i].file].push_back({FileRole::Headlines, news, i, 0});
    for (size_t i = 0; i < list.full.size(); ++i) m_roles[list.full[i].file].push_back({FileRole::Full, news, i, 0});
  }
  for (size_t i = 0; i < s.ids.size(); ++i) m_roles[s.ids[i].file].push_back({FileRole::Ids, true, i, 0});
  for (size_t l = 0; l < s.search.size(); ++l)
    for (size_t i = 0; i < s.search[l].chunks.size(); ++i) m_roles[s.search[l].chunks[i].file].push_back({FileRole::Chunk, true, i, l});
}

bool Content::Listed() const { return !m_archive || m_archive->Listed(); }

Progress Content::AskTables() {
  const std::string& file = m_archive->Site().tables->file;
  Ask(file);
  return Waiting(file);
}

Content::~Content() = default;
Content::Content(Content&&) noexcept = default;
Content& Content::operator=(Content&&) noexcept = default;

namespace {

// The words of a label that has its own, by language (the first of its key's labels counts).
void AddWords(Content::Words& words, const Label& l, const std::vector<std::string>& languages) {
  if (l.text.Empty() || words.count(l.key)) return;
  auto& w = words[l.key];
  for (const std::string& lang : languages) w[lang] = std::string(l.text.Get(lang, languages.front()));
}

}  // namespace

const Content::TallySet& Content::Tallies() {
  if (m_tallies) return *m_tallies;
  TallySet& t = m_tallies.emplace();
  if (m_archive) {  // the manifest's, the whole archive's
    t.years = m_archive->List(true).years;
    t.tags = m_archive->List(true).groups;
    t.categories = m_archive->List(false).groups;
    for (const Tally& tag : t.tags)
      if (!tag.label.empty()) t.tagWords[tag.name] = tag.label;
    for (const Tally& c : t.categories)
      if (!c.label.empty()) t.categoryWords[c.name] = c.label;
    return t;
  }
  for (const auto& [year, n] : CountYears(m_bundle->news)) t.years.push_back({std::to_string(year), static_cast<size_t>(n), {}, {}});
  t.tags = ToTallies(CountTags(m_bundle->news));
  t.categories = ToTallies(CountCategories(m_bundle->directives));
  for (const NewsItem& n : m_bundle->news)
    for (const Label& tag : n.tags) AddWords(t.tagWords, tag, Languages());
  for (const Directive& d : m_bundle->directives) AddWords(t.categoryWords, d.category, Languages());
  return t;
}

std::string_view Content::Word(const Words& words, const std::string& key, const std::string& lang) const {
  const auto it = words.find(key);
  if (it == words.end()) return key;
  for (const std::string* l : {&lang, &DefaultLanguage()})
    if (const auto w = it->second.find(*l); w != it->second.end() && !w->second.empty()) return w->second;
  return key;
}

size_t Content::NewsCount() const { return m_archive ? m_archive->List(true).count : m_bundle->news.size(); }
size_t Content::DirectiveCount() const { return m_archive ? m_archive->List(false).count : m_bundle->directives.size(); }

const NewsItem& Content::News(Handle h) const {
  const NewsItem* n = m_archive ? m_archive->NewsAt(*m_bundle, h) : (h < m_bundle->news.size() ? &m_bundle->news[h] : nullptr);
  MODV_CHECK(n && "a news handle names an item that is in");
  return *n;
}

const Directive& Content::GetDirective(Handle h) const {
  const Directive* d =
      m_archive ? m_archive->DirectiveAt(*m_bundle, h) : (h < m_bundle->directives.size() ? &m_bundle->directives[h] : nullptr);
  MODV_CHECK(d && "a directive handle names an item that is in");
  return *d;
}

// ---- files ----

void Content::Ask(const std::string& file) {
  if (file.empty() || m_failed.count(file) || m_asked.count(file)) return;
  m_asked.insert(file);
  m_requests.push_back(file);
}

Progress Content::Waiting(const std::string& file) const {
  Progress p;
  p.file = file;
  const auto it = m_failed.find(file);
  p.state = it == m_failed.end() ? Progress::Pending : Progress::Failed;
  if (it != m_failed.end()) p.why = it->second;
  return p;
}

const std::string* Content::Failure(const std::string& file) const {
  const auto it = m_failed.find(file);
  return it == m_failed.end() ? nullptr : &it->second;
}

void Content::AskHeadlines(bool news, size_t shard) {
  if (m_archive && shard < m_archive->List(news).headlines.size() && !m_archive->HeadlinesIn(*m_bundle, news, shard))
    Ask(m_archive->List(news).headlines[shard].file);
}

// The next headline shard, and `ahead` - 1 after it (they wait aside if they come first).
void Content::AskNextHeadlines(bool news, size_t ahead) {
  if (!m_archive) return;
  if (!Listed()) {  // the list's end on the first screen: the tables once it is shown, then these
    if (m_shown || m_everything) AskTables();
    size_t& wanted = m_wantedAhead[news ? 1 : 0];
    wanted = std::max(wanted, ahead);
    return;
  }
  const auto next = m_archive->NextHeadlines(*m_bundle, news);
  for (size_t s = next ? *next : 0; next && s < *next + ahead; ++s) AskHeadlines(news, s);
}

std::vector<std::string> Content::TakeRequests() {
  // The tables come after the first screen, not beside its part: on a slow link they would
  // delay it (a 50,000-item archive's are 56 KB gzip). A kiosk wants them at once.
  if (!Listed() && ((m_shown && FirstPartIn()) || m_everything)) AskTables();
  if (m_everything) {
    AskNextHeadlines(true, 1);
    AskNextHeadlines(false, 1);
  }
  std::vector<std::string> out;
  out.swap(m_requests);
  return out;
}

bool Content::Deliver(const std::string& file, std::unique_ptr<char[]> bytes, size_t size) {
  const auto it = m_roles.find(file);
  if (!m_asked.erase(file) || it == m_roles.end()) return false;
  const std::vector<FileRole> roles = it->second;  // the tables' arrival lists the roles again
  // One file may hold two parts (a shard of items without bodies is its own full shard): each
  // reads its own copy (a shard's items keep the bytes they view), the headlines first.
  for (size_t r = 0; r < roles.size(); ++r) {
    std::unique_ptr<char[]> mine;
    if (r + 1 < roles.size()) {
      mine.reset(new char[std::max<size_t>(size, 1)]);
      std::copy(bytes.get(), bytes.get() + size, mine.get());
    } else {
      mine = std::move(bytes);
    }
    if (!Take(roles[r], file, std::move(mine), size)) return false;
  }
  m_failed.erase(file);
  ++m_generation;
  return true;
}

bool Content::Take(const FileRole& role, const std::string& file, std::unique_ptr<char[]> bytes, size_t size) {
  PublishedArchive& a = *m_archive;
  if (role.kind == FileRole::Headlines || role.kind == FileRole::Full) {
    const PublishedList& list = a.List(role.news);
    const ShardRef& ref = role.kind == FileRole::Headlines ? list.headlines[role.index] : list.full[role.index];
    LoadResult loaded = LoadPublishedShard(std::move(bytes), size, ref, role.news, m_bundle->languages);
    if (!loaded.Ok()) {
      const Diagnostic* d = loaded.FirstError();
      Fail(file, d ? d->message : "unreadable");
      return false;
    }
    if (role.kind == FileRole::Headlines) {
      a.TakeHeadlines(*m_bundle, role.news, role.index, std::move(loaded));
      return true;
    }
    if (!a.TakeFull(*m_bundle, role.news, role.index, std::move(loaded))) {
      Fail(file, "holds other items than their headlines (a damaged or half-published site)");
      return false;
    }
    return true;
  }
  const std::string_view text(bytes.get(), size);
  if (role.kind == FileRole::Tables) {
    const std::string error = a.TakeTables(text);
    if (!error.empty()) {
      Fail(file, error);
      return false;
    }
    ListRoles();
    // What was wanted while they came (a list's older items): asked for now, not at the next scroll.
    for (const bool news : {true, false})
      if (const size_t ahead = std::exchange(m_wantedAhead[news ? 1 : 0], 0)) AskNextHeadlines(news, ahead);
    return true;
  }
  if (role.kind == FileRole::Ids) {
    auto ids = LoadIdBucket(text, a.Site().ids[role.index], a.List(true).count, a.List(false).count);
    if (!ids) {
      Fail(file, ids.GetError());
      return false;
    }
    a.TakeIds(file, std::move(*ids));
    return true;
  }
  const std::string error = TakeChunk(role.lang, role.index, text);
  if (!error.empty()) Fail(file, error);
  return error.empty();
}

void Content::Fail(const std::string& file, std::string why) {
  m_asked.erase(file);
  m_failed[file] = std::move(why);
  ++m_generation;
}

void Content::Retry() {
  if (m_failed.empty()) return;
  m_failed.clear();
  ++m_generation;
}

bool Content::FirstPartIn() const {
  if (!m_archive || m_archive->List(true).count == 0 || !m_bundle->news.empty()) return true;
  return m_failed.count(m_archive->List(true).headlines.front().file) != 0;
}

bool Content::Complete() const {
  return !m_archive || (Listed() && m_archive->Complete(*m_bundle, true) && m_archive->Complete(*m_bundle, false));
}

std::vector<std::string> Content::OfflineFiles() const {
  std::vector<std::string> files;
  if (!Complete()) return files;
  for (const NewsItem& item : m_bundle->news)
    if (!item.image.Empty()) files.push_back(item.image.src);
  if (!m_archive) return files;
  const PublishedSite& site = m_archive->Site();
  if (site.tables) files.push_back(site.tables->file);
  for (const bool news : {true, false})
    for (const ShardRef& shard : m_archive->List(news).headlines) files.push_back(shard.file);
  for (const FileRef& bucket : site.ids) files.push_back(bucket.file);
  for (const bool news : {true, false})
    for (const ShardRef& shard : m_archive->List(news).full) files.push_back(shard.file);
  for (const SearchLanguage& language : site.search)
    for (const SearchChunkRef& chunk : language.chunks) files.push_back(chunk.file);
  return files;
}

// ---- lists ----

const std::vector<size_t>& Content::NewestFirst() {
  if (!m_newestMade) {
    m_newest = NewsNewestFirst(m_bundle->news);  // a published site's are in that order already
    m_newestMade = true;
  }
  return m_newest;
}

bool Content::Step(const std::string& lang, size_t bytes) {
  // The first idle frame: a whole bundle's news order and filter counts (each a pass over every
  // item); an archive's counts are its manifest's, made at no cost.
  if (m_archive) {
    Tallies();
  } else if (!m_tallies || !m_newestMade) {
    Tallies();
    NewestFirst();
    return true;
  }
  if (m_archive || SearchReady(lang)) return false;
  if (!m_builder || m_builder->Language() != lang) m_builder.emplace(*m_bundle, lang);
  if (!m_builder->Step(bytes)) return true;
  m_index = m_builder->Take();
  m_builder.reset();
  m_indexLang = lang;
  return false;
}

namespace {

bool Matches(const NewsItem& n, const NewsFilter& f) {
  return (f.year == 0 || n.date.year == f.year) &&
         (f.tag.empty() || std::any_of(n.tags.begin(), n.tags.end(), [&](const Label& t) { return t.key == f.tag; }));
}

// The list's new version; `extends` when it begins with the one before.
void Replace(ItemList& list, std::vector<Handle> items, bool sameQuery, uint64_t& versions) {
  list.extends = sameQuery && list.items.size() <= items.size() &&
                 std::equal(list.items.begin(), list.items.end(), items.begin());
  if (!(list.extends && list.items.size() == items.size())) list.version = ++versions;
  list.items = std::move(items);
}

}  // namespace

const ItemList& Content::NewsList(const NewsFilter& filter) {
  const bool same = m_news.filter == filter;
  if (same && m_news.generation == m_generation) return m_news.list;
  ItemList& list = m_news.list;
  std::vector<Handle> items;
  list.rest = Progress{};
  if (!m_archive) {
    for (size_t i : NewestFirst())
      if (Matches(m_bundle->news[i], filter)) items.push_back(static_cast<Handle>(i));
    list.in = list.all = m_bundle->news.size();
  } else if (filter.year != 0 && Listed() && !m_archive->Complete(*m_bundle, true)) {
    // A year of an archive not all in: its own headline shards, wherever they are (not after
    // every newer year's), its newest items shown while the older ones come. Where the manifest
    // gives the year's months, they come as the list is read toward its end (WantMoreNews), as
    // all years' do; else all at once, four at a time (its months are counted from its items).
    const Tally* year = YearTally(filter.year);
    const bool asRead = year && !year->months.empty() && filter.tag.empty();
    const auto missing = m_archive->MissingOfYear(*m_bundle, true, filter.year);
    for (Handle h : m_archive->OrdinalsOfYear(*m_bundle, filter.year, missing))
      if (Matches(News(h), filter)) items.push_back(h);
    list.in = list.all = items.size();
    if (missing) {
      if (!asRead) WantMoreNews(filter.year, kShardsAhead);
      else if (items.empty()) AskHeadlines(true, *missing);
      list.rest = Waiting(m_archive->List(true).headlines[*missing].file);
      if (year && filter.tag.empty()) list.all = year->count;
    }
  } else {
    for (size_t i = 0; i < m_bundle->news.size(); ++i)
      if (Matches(m_bundle->news[i], filter)) items.push_back(static_cast<Handle>(i));
    list.in = m_bundle->news.size();
    list.all = NewsCount();
    if (!Listed() && !m_archive->Complete(*m_bundle, true))  // the rest is known by the tables: a year asks at once
      list.rest = filter.year != 0 ? AskTables() : Waiting(m_archive->Site().tables->file);
    else if (const auto next = m_archive->NextHeadlines(*m_bundle, true))
      list.rest = Waiting(m_archive->List(true).headlines[*next].file);
  }
  Replace(list, std::move(items), same, m_listVersions);
  m_news.filter = filter;
  m_news.generation = m_generation;
  return list;
}

void Content::WantMoreNews(int year, size_t ahead) {
  if (year == 0) return AskNextHeadlines(true, ahead);
  if (!m_archive || !Listed()) return;  // a year's shards are found in the tables, which its list asks for
  // The year's shards not in, on their way or asked for now: asked for each frame the list's end
  // is near, so walked as the range they are, not listed.
  const auto [first, end] = m_archive->YearShards(true, year);
  for (size_t s = first, asked = 0; s < end && asked < ahead; ++s)
    if (!m_archive->HeadlinesIn(*m_bundle, true, s)) {
      AskHeadlines(true, s);
      ++asked;
    }
}

const Tally* Content::YearTally(int year) {
  for (const Tally& y : Years())
    if (std::atoi(y.name.c_str()) == year) return &y;
  return nullptr;
}

void Content::ChoicesInView(const std::vector<Route>& choices) {
  if (!m_archive || !m_shown || !Listed()) return;
  for (const Route& r : choices) {
    if (r.screen != Screen::News || r.year == 0 || r.month != 0 || !r.tag.empty()) continue;
    if (const auto newest = m_archive->NewestHeadlinesOfYear(true, r.year)) AskHeadlines(true, *newest);
  }
}

const ItemList& Content::DirectiveList(const DirectiveQuery& query) {
  const bool same = m_directives.query == query;
  if (same && m_directives.generation == m_generation) return m_directives.list;
  ItemList& list = m_directives.list;
  std::vector<Handle> items;
  list.rest = Progress{};
  list.in = m_bundle->directives.size();
  list.all = DirectiveCount();
  if (m_archive && !Listed() && !m_archive->Complete(*m_bundle, false)) {
    list.rest = AskTables();
  } else if (m_archive && !m_archive->Complete(*m_bundle, false)) {
    AskNextHeadlines(false, 1);  // one after the other: every title is needed before any order
    list.rest = Waiting(m_archive->List(false).headlines[*m_archive->NextHeadlines(*m_bundle, false)].file);
  } else {
    for (size_t i : SortDirectives(m_bundle->directives, query.sort, query.lang, DefaultLanguage()))
      if (query.category.empty() || m_bundle->directives[i].category.key == query.category) items.push_back(static_cast<Handle>(i));
  }
  Replace(list, std::move(items), same, m_listVersions);
  m_directives.query = query;
  m_directives.generation = m_generation;
  return list;
}

// ---- look-ups ----

// The ordinal of `id`: among the items in, or (a published site) by the id index.
std::optional<size_t> Content::OrdinalOf(bool news, const std::string& id) {
  if (!m_archive) {
    auto& ids = news ? m_newsIds : m_directiveIds;
    const size_t count = news ? m_bundle->news.size() : m_bundle->directives.size();
    if (ids.empty() && count > 0)
      for (size_t i = count; i-- > 0;)  // the first of two items with one id wins, as Bundle::FindNews
        ids[news ? m_bundle->news[i].id : m_bundle->directives[i].id] = static_cast<Handle>(i);
    const auto it = ids.find(id);
    return it == ids.end() ? std::nullopt : std::optional<size_t>(it->second);
  }
  if (news) {
    if (const NewsItem* n = m_bundle->FindNews(id)) return static_cast<size_t>(n - m_bundle->news.data());
  } else if (const Directive* d = m_bundle->FindDirective(id)) {
    return static_cast<size_t>(d - m_bundle->directives.data());
  }
  return m_archive->OrdinalOf(news, id);
}

Found Content::Find(bool news, const std::string& id) {
  Found f;
  const auto ordinal = OrdinalOf(news, id);
  if (!m_archive) {
    if (ordinal) f.handle = static_cast<Handle>(*ordinal);
    return f;
  }
  PublishedArchive& a = *m_archive;
  if (ordinal && !Listed()) {
    // Which shards hold it is in the tables: an item in already waits for them for its body.
    if (*ordinal < a.LoadedCount(*m_bundle, news)) {
      f.handle = static_cast<Handle>(*ordinal);
      if (!a.BodyLoaded(news, *ordinal)) f.body = AskTables();
    } else {
      f.progress = AskTables();
    }
    return f;
  }
  if (!ordinal) {
    // Its bucket of the id index says where it is; a bucket in that does not name it: no such item.
    const FileRef* bucket = a.Site().IdBucketOf(id);
    if (bucket && !a.IdsIn(bucket->file)) {
      Ask(bucket->file);
      f.progress = Waiting(bucket->file);
    }
    return f;
  }
  if (const auto shard = a.HeadlinesOf(news, *ordinal); shard && !a.HeadlinesIn(*m_bundle, news, *shard)) {
    AskHeadlines(news, *shard);
    f.progress = Waiting(a.List(news).headlines[*shard].file);
    return f;
  }
  f.handle = static_cast<Handle>(*ordinal);
  if (!a.BodyLoaded(news, *ordinal))
    if (const auto shard = a.FullOf(news, *ordinal)) {
      Ask(a.List(news).full[*shard].file);
      f.body = Waiting(a.List(news).full[*shard].file);
    }
  return f;
}

Found Content::FindNews(const std::string& id) { return Find(true, id); }
Found Content::FindDirective(const std::string& id) { return Find(false, id); }

}  // namespace core
