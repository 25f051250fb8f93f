// Search over a published site's index (core/published.h): which chunks a query needs, and the
// hits they give, ranked exactly as SearchIndex ranks a whole bundle (by score; then newest
// first; then news before directives; then the bundle's order), so that a published archive
// answers a query as its single file does.
#pragma once
#include <cstdint>
#include <functional>
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
std::vector<PublishedHit> RankPublished(const PublishedMatches& matches, size_t limit,
                                        const std::function<Date(const PublishedHit&)>& dateOf);

}  // namespace core
