// A published site's content (mod-bundle publish --out, docs/published-site.md): instead of one
// bundle, a small manifest and files named by their content's hash, so that a viewer fetches
// what the screen needs and a browser may keep every file but the manifest for a year.
//
//   manifest.json        a bundle (format v1: languages, site, mission; empty news and
//                        directives) with a "published" section: counts, years, tags,
//                        categories, the id index and the newest headline shard
//   tables-HASH.json     the lists of every shard and search chunk with their hashes, read
//                        after the first screen (a manifest of version 1 holds them itself)
//   news-HASH.json       headline shards: what a list row needs (no bodies), newest first
//   news-full-HASH.json  full shards: whole items, for detail screens
//   directives-...       the same for directives
//   search-LANG-HASH.json  the search index in chunks of words, per language
//
// Items have an ordinal: their place in the published order (newest first, then the bundle's
// order). A shard holds the items [first, first + count). Search postings name items by
// ordinal: news k is k, directive k is news count + k.
//
// Everything here checks what it reads against the limits (core/limits.h) and against the
// manifest, so that a hostile or half-published folder cannot crash the viewer or make it
// read more than the limits allow.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle_loader.h"
#include "core/date.h"
#include "core/parsed.h"

namespace core {

// The content hash that names published files: XXH3 (64 bits) as 16 lower-case hex digits.
std::string ContentHash(std::string_view bytes);

struct ShardRef {
  std::string file;  // a plain file name next to the manifest
  std::string hash;  // ContentHash of the file's bytes
  size_t first = 0;  // ordinal of its first item
  size_t count = 0;
  Date newest, oldest;  // of its items
};

struct Tally {
  std::string name;  // a year ("2024"), a tag's or a category's key (core::Label::key)
  size_t count = 0;
  std::map<std::string, std::string> label;  // a tag's or category's word per language, when it has its own
  // A year's news per month, January first (12 counts; a date of the year alone is in none),
  // when the manifest gives them: empty otherwise.
  std::vector<size_t> months;
};

struct PublishedList {
  size_t count = 0;
  std::vector<Tally> years;   // newest first
  std::vector<Tally> groups;  // news: tags; directives: categories; by count, then name
  std::vector<ShardRef> headlines;  // contiguous, together [0, count) (from 0, until the tables are in)
  std::vector<ShardRef> full;       // likewise
};

struct SearchChunkRef {
  std::string file, hash;
  std::string firstWord, lastWord;  // folded; the chunk holds the words in [firstWord, lastWord]
  size_t postings = 0;
};

struct SearchLanguage {
  std::string language;
  std::vector<SearchChunkRef> chunks;  // in word order, not overlapping
};

struct FileRef {
  std::string file, hash;
};

struct PublishedSite {
  PublishedList news, directives;
  std::vector<SearchLanguage> search;
  // Which item an id names (LoadIdBucket): one bucket, or 16 by the first hex digit of the
  // id's ContentHash.
  std::vector<FileRef> ids;
  const FileRef* IdBucketOf(std::string_view id) const;
  // A manifest of version 2 names the file of the shard and chunk tables (TakeTables): until
  // it is in, `headlines` and `full` hold the first shards only and `search` nothing, so that
  // the first screen does not wait for the tables of a large archive.
  std::optional<FileRef> tables;
  bool listed = true;  // the tables are in (always, for a version 1 manifest)
};

struct ManifestResult {
  LoadResult load;                    // the bundle part: languages, site, mission
  std::optional<PublishedSite> site;  // set when load is Ok and the "published" section is sound
  bool published = true;              // false: LoadContent found a plain bundle (load is all of it)
  bool Ok() const { return load.Ok() && site.has_value(); }
};

// Reads a manifest. Problems in its "published" section are errors in load.diagnostics.
ManifestResult LoadManifest(std::unique_ptr<char[]> text, size_t size);
// Reads what a viewer was given: a published site's manifest (a bundle with a "published"
// section), else a bundle (published false), without parsing a large bundle twice.
ManifestResult LoadContent(std::unique_ptr<char[]> text, size_t size);

// Reads the tables file a version 2 manifest names (site.tables) into `site`: every shard of
// each list, which must begin with the ones the manifest gave, and the search chunks. Returns
// "" (then site.listed), or what is wrong, the site left as it was.
std::string TakeTables(PublishedSite& site, std::string_view text);

// Reads a headline or full shard that the manifest lists as `ref`: the bytes must have the
// hash, and the items must be the `ref.count` the manifest promises, within its dates.
// Otherwise the result has no bundle and says what is wrong.
LoadResult LoadPublishedShard(std::unique_ptr<char[]> text, size_t size, const ShardRef& ref, bool news,
                              const std::vector<std::string>& languages);

// One bucket of the id index: news and directive ids -> ordinals, each checked against the
// item counts.
struct IdBucket {
  std::vector<std::pair<std::string, uint32_t>> news, directives;  // sorted by id
  std::optional<uint32_t> Find(bool isNews, std::string_view id) const;
};
Parsed<IdBucket> LoadIdBucket(std::string_view text, const FileRef& ref, size_t newsCount, size_t directiveCount);

// One chunk of the search index: for each folded word, the items whose title holds it, those
// whose summary, body, tags or category hold it, and those whose title begins with it. In the
// file each list is written as differences ([3, 2, 10] is 3, 5, 15): smaller, and gzip finds
// more repeats.
struct SearchChunk {
  struct Word {
    std::string word;
    std::vector<uint32_t> title, rest, first;  // ordinals as in the header, ascending
  };
  std::vector<Word> words;  // ascending
};

// Reads a chunk listed as `ref`, whose postings must name one of `items` items.
Parsed<SearchChunk> LoadSearchChunk(std::string_view text, const SearchChunkRef& ref, size_t items);

}  // namespace core
