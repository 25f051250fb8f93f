// A published site as it arrives; see published_archive.h.
#include "core/published_archive.h"

#include <algorithm>
#include <iterator>

namespace core {

std::optional<size_t> PublishedArchive::ShardOf(const std::vector<ShardRef>& shards, size_t ordinal) {
  const auto it = std::upper_bound(shards.begin(), shards.end(), ordinal,
                                   [](size_t o, const ShardRef& s) { return o < s.first; });
  if (it == shards.begin()) return std::nullopt;
  const size_t i = static_cast<size_t>(it - shards.begin()) - 1;
  if (ordinal >= shards[i].first + shards[i].count) return std::nullopt;
  return i;
}

std::optional<size_t> PublishedArchive::NextHeadlines(const Bundle& b, bool news) const {
  return HeadlinesOf(news, LoadedCount(b, news));
}

bool PublishedArchive::BodyLoaded(bool news, size_t ordinal) const {
  const auto& given = m_bodies[news ? 1 : 0];
  return ordinal < given.size() && given[ordinal];
}

// The shard's text stays with the bundle (its items view it), and the glyphs it needs join
// the bundle's.
void PublishedArchive::Keep(Bundle& b, LoadResult& loaded) {
  b.parts.push_back(std::move(loaded.bundle->source));
  MergeGlyphs(b, *loaded.bundle);
}

void PublishedArchive::MergeGlyphs(Bundle& b, const Bundle& part) {
  std::vector<char32_t> merged;
  merged.reserve(b.codePoints.size() + part.codePoints.size());
  std::set_union(b.codePoints.begin(), b.codePoints.end(), part.codePoints.begin(), part.codePoints.end(),
                 std::back_inserter(merged));
  b.codePoints = std::move(merged);
}

bool PublishedArchive::HeadlinesIn(const Bundle& b, bool news, size_t shard) const {
  const auto next = NextHeadlines(b, news);
  return (!next || shard < *next) || m_aside[news ? 1 : 0].count(shard) != 0;
}

const NewsItem* PublishedArchive::NewsAt(const Bundle& b, size_t ordinal) const {
  if (ordinal < b.news.size()) return &b.news[ordinal];
  const auto shard = HeadlinesOf(true, ordinal);
  const auto it = shard ? m_aside[1].find(*shard) : m_aside[1].end();
  return it == m_aside[1].end() ? nullptr : &it->second.news[ordinal - m_site.news.headlines[*shard].first];
}

const Directive* PublishedArchive::DirectiveAt(const Bundle& b, size_t ordinal) const {
  if (ordinal < b.directives.size()) return &b.directives[ordinal];
  const auto shard = HeadlinesOf(false, ordinal);
  const auto it = shard ? m_aside[0].find(*shard) : m_aside[0].end();
  return it == m_aside[0].end() ? nullptr : &it->second.directives[ordinal - m_site.directives.headlines[*shard].first];
}

bool PublishedArchive::TakeHeadlines(Bundle& b, bool news, size_t shard, LoadResult loaded) {
  if (!loaded.Ok() || shard >= List(news).headlines.size() || HeadlinesIn(b, news, shard)) return false;
  auto& aside = m_aside[news ? 1 : 0];
  MergeGlyphs(b, *loaded.bundle);  // items aside are shown too (a search's hits, a year's list)
  aside.emplace(shard, std::move(*loaded.bundle));
  // The next shard, and those kept aside that follow it, join the bundle in order.
  for (auto next = NextHeadlines(b, news); next && aside.count(*next); next = NextHeadlines(b, news)) {
    LoadResult part;
    part.bundle = std::move(aside.at(*next));
    aside.erase(*next);
    if (news) std::move(part.bundle->news.begin(), part.bundle->news.end(), std::back_inserter(b.news));
    else std::move(part.bundle->directives.begin(), part.bundle->directives.end(), std::back_inserter(b.directives));
    Keep(b, part);
  }
  return true;
}

std::pair<size_t, size_t> PublishedArchive::YearShards(bool news, int year) const {
  const auto& refs = List(news).headlines;
  size_t first = 0;
  while (first < refs.size() && refs[first].oldest.year > year) ++first;
  size_t end = first;
  while (end < refs.size() && refs[end].newest.year >= year) ++end;
  return {first, end};
}

std::vector<size_t> PublishedArchive::HeadlinesOfYear(bool news, int year) const {
  const auto [first, end] = YearShards(news, year);
  std::vector<size_t> shards(end - first);
  for (size_t s = first; s < end; ++s) shards[s - first] = s;
  return shards;
}

std::optional<size_t> PublishedArchive::NewestHeadlinesOfYear(bool news, int year) const {
  const auto [first, end] = YearShards(news, year);
  return first < end ? std::optional<size_t>(first) : std::nullopt;
}

std::optional<size_t> PublishedArchive::MissingOfYear(const Bundle& b, bool news, int year) const {
  const auto [first, end] = YearShards(news, year);
  for (size_t s = first; s < end; ++s)
    if (!HeadlinesIn(b, news, s)) return s;
  return std::nullopt;
}

std::vector<uint32_t> PublishedArchive::OrdinalsOfYear(const Bundle& b, int year, std::optional<size_t> missing) const {
  std::vector<uint32_t> items;
  for (size_t s : HeadlinesOfYear(true, year)) {
    if (s == missing) break;
    const ShardRef& ref = m_site.news.headlines[s];
    for (size_t ordinal = ref.first; ordinal < ref.first + ref.count; ++ordinal)
      if (const NewsItem* n = NewsAt(b, ordinal); n && n->date.year == year) items.push_back(static_cast<uint32_t>(ordinal));
  }
  return items;
}

std::optional<size_t> PublishedArchive::OrdinalOf(bool news, const std::string& id) const {
  for (const auto& [shard, part] : m_aside[news ? 1 : 0]) {  // a year's list, a search's hits
    const size_t first = List(news).headlines[shard].first;
    if (news) {
      if (const NewsItem* n = part.FindNews(id)) return first + static_cast<size_t>(n - part.news.data());
    } else if (const Directive* d = part.FindDirective(id)) {
      return first + static_cast<size_t>(d - part.directives.data());
    }
  }
  const FileRef* ref = m_site.IdBucketOf(id);
  const auto it = ref ? m_ids.find(ref->file) : m_ids.end();
  if (it == m_ids.end()) return std::nullopt;
  const auto ordinal = it->second.Find(news, id);
  return ordinal ? std::optional<size_t>(*ordinal) : std::nullopt;
}

namespace {

// What a full shard adds to an item's headline: its body (and a directive's documents and
// history of changes).
void TakeDetail(NewsItem& to, NewsItem& from) { to.body = std::move(from.body); }
void TakeDetail(Directive& to, Directive& from) {
  to.body = std::move(from.body);
  to.documents = std::move(from.documents);
  to.changes = std::move(from.changes);
}

}  // namespace

bool PublishedArchive::TakeFull(Bundle& b, bool news, size_t shard, LoadResult loaded) {
  if (!loaded.Ok() || shard >= List(news).full.size()) return false;
  const size_t first = List(news).full[shard].first;
  Bundle& part = *loaded.bundle;
  const size_t items = news ? part.news.size() : part.directives.size();
  const auto idAt = [&](size_t k) -> const std::string* {  // its headline's id, when in
    if (news) {
      const NewsItem* n = NewsAt(b, first + k);
      return n ? &n->id : nullptr;
    }
    const Directive* d = DirectiveAt(b, first + k);
    return d ? &d->id : nullptr;
  };
  for (size_t k = 0; k < items; ++k)
    if (const std::string* id = idAt(k); id && *id != (news ? part.news[k].id : part.directives[k].id)) return false;
  auto& given = m_bodies[news ? 1 : 0];
  if (given.size() < List(news).count) given.resize(List(news).count, false);
  // The item of each ordinal, wherever its headlines are (the bundle, or aside), takes its detail.
  for (size_t k = 0; k < items; ++k) {
    if (!idAt(k)) continue;
    if (news) TakeDetail(*NewsAt(b, first + k), part.news[k]);
    else TakeDetail(*DirectiveAt(b, first + k), part.directives[k]);
    given[first + k] = true;
  }
  Keep(b, loaded);
  return true;
}

}  // namespace core
