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
  const auto shard = FullOf(news, ordinal);
  const auto& done = m_bodies[news ? 1 : 0];
  return shard && *shard < done.size() && done[*shard];
}

const std::string* PublishedArchive::Failure(const std::string& file) const {
  const auto it = m_failed.find(file);
  return it == m_failed.end() ? nullptr : &it->second;
}

// The shard's text stays with the bundle (its items view it), and the glyphs it needs join
// the bundle's.
void PublishedArchive::Keep(Bundle& b, LoadResult& loaded) {
  Bundle& part = *loaded.bundle;
  b.parts.push_back(std::move(part.source));
  std::vector<char32_t> merged;
  merged.reserve(b.codePoints.size() + part.codePoints.size());
  std::set_union(b.codePoints.begin(), b.codePoints.end(), part.codePoints.begin(), part.codePoints.end(),
                 std::back_inserter(merged));
  b.codePoints = std::move(merged);
}

bool PublishedArchive::TakeHeadlines(Bundle& b, bool news, size_t shard, LoadResult loaded) {
  if (!loaded.Ok() || NextHeadlines(b, news) != shard) return false;
  Bundle& part = *loaded.bundle;
  if (news) std::move(part.news.begin(), part.news.end(), std::back_inserter(b.news));
  else std::move(part.directives.begin(), part.directives.end(), std::back_inserter(b.directives));
  Keep(b, loaded);
  m_failed.erase(List(news).headlines[shard].file);
  return true;
}

void PublishedArchive::TakeFull(Bundle& b, bool news, size_t shard, LoadResult loaded) {
  if (!loaded.Ok() || shard >= List(news).full.size()) return;
  const size_t first = List(news).full[shard].first, count = LoadedCount(b, news);
  Bundle& part = *loaded.bundle;
  const auto give = [&](auto& into, auto& from) {
    for (size_t k = 0; k < from.size() && first + k < count; ++k)
      if (into[first + k].id == from[k].id) into[first + k].body = std::move(from[k].body);
  };
  if (news) give(b.news, part.news);
  else give(b.directives, part.directives);
  Keep(b, loaded);
  m_failed.erase(List(news).full[shard].file);
  auto& done = m_bodies[news ? 1 : 0];
  if (done.size() <= shard) done.resize(List(news).full.size(), false);
  // Done only when every item of the shard was there to take its body.
  done[shard] = first + List(news).full[shard].count <= count;
}

}  // namespace core
