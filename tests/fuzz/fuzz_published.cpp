// libFuzzer target: a published site's readers (core/published.h) must never crash, hang or
// read past the limits, whatever a hostile or damaged folder serves. The input is read as a
// manifest, and as the shard tables, a shard, an id bucket and a search chunk that carry the
// right hash (so that the fuzzer gets past the hash check to the parsers behind it); what they
// accept must be what they promise.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/published.h"

namespace {

std::unique_ptr<char[]> Copy(std::string_view s) {
  std::unique_ptr<char[]> p(new char[s.size() + 1]);
  std::copy(s.begin(), s.end(), p.get());
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const core::ManifestResult manifest = core::LoadManifest(Copy(text), size);
  if (manifest.site && !manifest.load.Ok()) __builtin_trap();
  // Shards that continue each other, from the first item: all of them, or (a manifest that
  // names its tables) the first ones; the newest headlines always, when there is news.
  const auto sound = [](const core::PublishedSite& site) {
    for (const auto* list : {&site.news, &site.directives})
      for (const auto* shards : {&list->headlines, &list->full}) {
        size_t next = 0;
        for (const auto& ref : *shards) {
          if (ref.first != next || ref.count == 0 || ref.file.find('/') != std::string::npos) __builtin_trap();
          next += ref.count;
        }
        if (site.listed ? next != list->count : next > list->count) __builtin_trap();
      }
    if (!site.listed && !site.tables) __builtin_trap();
  };
  if (manifest.Ok()) {
    sound(*manifest.site);
    if (manifest.site->news.count > 0 && manifest.site->news.headlines.empty()) __builtin_trap();
  }

  // The tables of a site of 100 news (the first shard of 10 given) and 10 directives.
  core::PublishedSite site;
  site.news.count = 100;
  site.directives.count = 10;
  site.news.headlines.push_back({"news-0123456789abcdef.json", "0123456789abcdef", 0, 10, {2030, 1, 1}, {1990, 1, 1}});
  site.tables = core::FileRef{"tables-x.json", core::ContentHash(text)};
  site.listed = false;
  const std::string tablesError = core::TakeTables(site, text);
  if (tablesError.empty() != site.listed) __builtin_trap();
  if (site.listed && site.news.headlines.front().file != "news-0123456789abcdef.json") __builtin_trap();
  sound(site);

  core::ShardRef ref;
  ref.file = "news-x.json";
  ref.hash = core::ContentHash(text);
  ref.count = 1 + size % 4;
  ref.newest = {2030, 12, 31};
  ref.oldest = {1990, 1, 1};
  for (const bool news : {true, false}) {
    const core::LoadResult shard = core::LoadPublishedShard(Copy(text), size, ref, news, {"sq", "en"});
    if (shard.Ok() && (news ? shard.bundle->news.size() : shard.bundle->directives.size()) != ref.count) __builtin_trap();
    if (!shard.Ok() && shard.FirstError() == nullptr) __builtin_trap();
  }

  const core::FileRef idsRef{"ids-x.json", ref.hash};
  if (const auto ids = core::LoadIdBucket(text, idsRef, 100, 10)) {
    for (const auto& e : ids->news)
      if (e.second >= 100) __builtin_trap();
    for (const auto& e : ids->directives)
      if (e.second >= 10) __builtin_trap();
  }

  core::SearchChunkRef chunkRef;
  chunkRef.file = "search-sq-x.json";
  chunkRef.hash = ref.hash;
  chunkRef.firstWord = "a";
  chunkRef.lastWord = "zz";
  const size_t items = 1000;
  const auto chunk = core::LoadSearchChunk(text, chunkRef, items);
  if (chunk)
    for (const auto& w : chunk->words)
      for (const auto* list : {&w.title, &w.rest, &w.first})
        for (uint32_t o : *list)
          if (o >= items) __builtin_trap();
  return 0;
}
