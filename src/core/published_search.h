// Search over a published site's index (core/published.h): which chunks a query needs, and the
// hits they give, ranked exactly as SearchIndex ranks a whole bundle (by score; then newest
// first; then news before directives; then the bundle's order), so that a published archive
// answers a query as its single file does.
#pragma once
#include <cstdint>
#include <functional>
#include <utility>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/published.h"

namespace core {

struct PublishedHit {
  bool news = true;
  uint32_t ordinal = 0;  // among the news or the directives (core/published.h)
  int score = 0;
};

// Indices into `lang.chunks` of the chunks holding words that begin with one of the query's
// words: what to fetch before MatchPublished can answer.
std::vector<size_t> ChunksForQuery(const SearchLanguage& lang, std::string_view query);

struct PublishedMatches {
  // Every item that matches, of each kind, best first: by score, then by ordinal (which is
  // newest first, then the bundle's order, within a kind).
  std::vector<PublishedHit> news, directives;
  size_t Total() const { return news.size() + directives.size(); }
};

// Scores the items with the chunks ChunksForQuery named (all of them here, in any order);
// `newsCount` and `directiveCount` are the manifest's.
PublishedMatches MatchPublished(const std::vector<const SearchChunk*>& chunks, std::string_view query,
                                size_t newsCount, size_t directiveCount);

// The first `limit` hits of both kinds in one list. Where a news item and a directive score the
// same, the newer comes first: `dateOf` gives the date of the first `limit` of each kind (the
// headlines the screen shows anyway), and of no others.
// While the hits' headlines come: `known`, a hit whose headline is in (the list shows it, and
// `dateOf` gives its date); `span`, for one that is not, the dates its item lies between (its
// headline shard's oldest and newest).
struct HitsSoFar {
  std::function<bool(const PublishedHit&)> known;
  std::function<std::pair<Date, Date>(const PublishedHit&)> span;
};

// With `soFar`, only as far as the hits are known: the list stops before the first hit it would
// take that is not, and before a news item and a directive of the same score whose spans leave
// their order open, so that what it gives is always the start of the whole list.
std::vector<PublishedHit> RankPublished(const PublishedMatches& matches, size_t limit,
                                        const std::function<Date(const PublishedHit&)>& dateOf,
                                        const HitsSoFar* soFar = nullptr);

}  // namespace core
