// A published site as the viewer holds it while it arrives (core/published.h): the manifest's
// bundle grows by headline shards, always the newest items first, so that the bundle's news
// (or directives) are the first LoadedCount() items in published order and an item's index in
// the bundle is its ordinal; full shards give loaded items their bodies. It keeps the state of
// which parts are in and the bytes the items' text views. (core::Content asks for the parts and
// keeps what failed.)
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/bundle.h"
#include "core/published.h"

namespace core {

class PublishedArchive {
 public:
  explicit PublishedArchive(PublishedSite site) : m_site(std::move(site)) {}

  const PublishedSite& Site() const { return m_site; }
  // The shard tables are in (a version 2 manifest names them: core::TakeTables). Until then the
  // lists hold the first shards only, and what needs the others waits for the tables.
  bool Listed() const { return m_site.listed; }
  std::string TakeTables(std::string_view text) { return core::TakeTables(m_site, text); }
  const PublishedList& List(bool news) const { return news ? m_site.news : m_site.directives; }

  size_t LoadedCount(const Bundle& b, bool news) const { return news ? b.news.size() : b.directives.size(); }
  bool Complete(const Bundle& b, bool news) const { return LoadedCount(b, news) >= List(news).count; }
  // The headline shard that comes next (the loaded items end where it begins); none when all are in.
  std::optional<size_t> NextHeadlines(const Bundle& b, bool news) const;
  // The headline shard that holds `ordinal`, and the full shard that does.
  std::optional<size_t> HeadlinesOf(bool news, size_t ordinal) const { return ShardOf(List(news).headlines, ordinal); }
  std::optional<size_t> FullOf(bool news, size_t ordinal) const { return ShardOf(List(news).full, ordinal); }
  bool BodyLoaded(bool news, size_t ordinal) const;

  // Adds the items of headline shard `shard` (read by LoadPublishedShard) to `b` when it is the
  // next; a later one (the headlines of search hits) is kept aside until the shards before it
  // are in. Returns false for a shard already taken or a result that did not load.
  bool TakeHeadlines(Bundle& b, bool news, size_t shard, LoadResult loaded);
  bool HeadlinesIn(const Bundle& b, bool news, size_t shard) const;
  // The item of `ordinal` when its headlines are in (in `b` or kept aside); else null.
  const NewsItem* NewsAt(const Bundle& b, size_t ordinal) const;
  const Directive* DirectiveAt(const Bundle& b, size_t ordinal) const;
  NewsItem* NewsAt(Bundle& b, size_t ordinal) { return const_cast<NewsItem*>(std::as_const(*this).NewsAt(b, ordinal)); }
  Directive* DirectiveAt(Bundle& b, size_t ordinal) {
    return const_cast<Directive*>(std::as_const(*this).DirectiveAt(b, ordinal));
  }
  // A year's headline shards (their dates reach into it), and the first of them not in yet
  // (nullopt: the year's items are all in, in `b` or kept aside).
  std::vector<size_t> HeadlinesOfYear(bool news, int year) const;
  // The same as a range, [first, end): contiguous, as shards are newest first.
  std::pair<size_t, size_t> YearShards(bool news, int year) const;
  // The newest of them, found without walking past it (shards are newest first).
  std::optional<size_t> NewestHeadlinesOfYear(bool news, int year) const;
  std::optional<size_t> MissingOfYear(const Bundle& b, bool news, int year) const;
  // The ordinals of the news of `year`, newest first, in its headline shards before shard
  // `missing` (all of them when nullopt): a list of one year that the rail shows without the
  // newer years' headlines, its newest items while the older ones come.
  std::vector<uint32_t> OrdinalsOfYear(const Bundle& b, int year, std::optional<size_t> missing = std::nullopt) const;
  // Gives the items of full shard `shard` whose headlines are in (in `b` or kept aside) their
  // bodies. Items not in yet are left: they get theirs when their headlines come (the shard is
  // asked for again). False, and nothing taken, when an item is not the one its headlines say.
  bool TakeFull(Bundle& b, bool news, size_t shard, LoadResult loaded);

  // The id index (core::IdBucket): which item an address names, once its bucket is in.
  bool IdsIn(const std::string& file) const { return m_ids.count(file) != 0; }
  void TakeIds(const std::string& file, IdBucket bucket) { m_ids[file] = std::move(bucket); }
  // The ordinal of `id`: a value once its headlines are aside, or its bucket is in and names
  // it; nullopt otherwise.
  std::optional<size_t> OrdinalOf(bool news, const std::string& id) const;

 private:
  static std::optional<size_t> ShardOf(const std::vector<ShardRef>& shards, size_t ordinal);
  void Keep(Bundle& b, LoadResult& loaded);
  static void MergeGlyphs(Bundle& b, const Bundle& part);

  PublishedSite m_site;
  std::map<size_t, Bundle> m_aside[2];               // [news?1:0]: headline shards that came before their turn
  std::vector<bool> m_bodies[2];  // [news?1:0][ordinal]: the item has its body (from its full shard)
  std::map<std::string, IdBucket> m_ids;            // id index buckets that are in, by file
};

}  // namespace core
