// Search over a published site's index chunks; see published_search.h. The scoring is
// SearchIndex::Search's (core/search.cpp): a title word weighs 10, any other 1, an exact word
// half as much again, a title that begins with the term 5 more; every term must match.
#include "core/published_search.h"

#include <algorithm>

#include "core/collate.h"
#include "core/search.h"

namespace core {

namespace {

bool Begins(std::string_view word, std::string_view prefix) { return word.compare(0, prefix.size(), prefix) == 0; }

// The words of `chunk` that begin with `prefix`, in order.
template <class F>
void ForEachWordWithPrefix(const SearchChunk& chunk, std::string_view prefix, F&& f) {
  auto it = std::lower_bound(chunk.words.begin(), chunk.words.end(), prefix,
                             [](const SearchChunk::Word& w, std::string_view p) { return std::string_view(w.word) < p; });
  for (; it != chunk.words.end() && Begins(it->word, prefix); ++it) f(*it);
}

}  // namespace

std::vector<size_t> ChunksForQuery(const SearchLanguage& lang, std::string_view query) {
  const std::string folded = Fold(query);
  std::vector<size_t> out;
  for (std::string_view t : SplitWords(folded))
    for (size_t i = 0; i < lang.chunks.size(); ++i) {
      const SearchChunkRef& c = lang.chunks[i];
      // A chunk holds [firstWord, lastWord]: words beginning with t lie in it when it does not
      // end before t and does not begin after every word that begins with t.
      const bool overlaps = c.lastWord >= t && (c.firstWord <= t || Begins(c.firstWord, t));
      if (overlaps && std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
    }
  std::sort(out.begin(), out.end());
  return out;
}

PublishedMatches MatchPublished(const std::vector<const SearchChunk*>& chunks, std::string_view query,
                                size_t newsCount, size_t directiveCount) {
  PublishedMatches out;
  const std::string folded = Fold(query);
  const std::vector<std::string_view> terms = SplitWords(folded);
  if (terms.empty()) return out;
  const size_t items = newsCount + directiveCount;
  std::vector<int> scores(items, 0), term(items);
  std::vector<char> titleBegins(items);
  bool first = true;
  for (std::string_view t : terms) {
    std::fill(term.begin(), term.end(), 0);
    std::fill(titleBegins.begin(), titleBegins.end(), 0);
    for (const SearchChunk* chunk : chunks)
      ForEachWordWithPrefix(*chunk, t, [&](const SearchChunk::Word& w) {
        const bool exact = w.word.size() == t.size();
        for (const auto& [list, weight] : {std::pair{&w.title, 10}, std::pair{&w.rest, 1}})
          for (uint32_t e : *list)
            if (e < items) term[e] = std::max(term[e], weight + (exact ? weight / 2 + 1 : 0));
        for (uint32_t e : w.first)
          if (e < items) titleBegins[e] = 1;
      });
    for (size_t e = 0; e < items; ++e) {
      if (term[e] > 0 && titleBegins[e]) term[e] += 5;
      scores[e] = (first || scores[e] > 0) && term[e] > 0 ? scores[e] + term[e] : 0;
    }
    first = false;
  }
  for (size_t e = 0; e < items; ++e) {
    if (scores[e] == 0) continue;
    const bool news = e < newsCount;
    (news ? out.news : out.directives).push_back({news, static_cast<uint32_t>(news ? e : e - newsCount), scores[e]});
  }
  const auto better = [](const PublishedHit& a, const PublishedHit& b) {
    return a.score != b.score ? a.score > b.score : a.ordinal < b.ordinal;
  };
  std::stable_sort(out.news.begin(), out.news.end(), better);
  std::stable_sort(out.directives.begin(), out.directives.end(), better);
  return out;
}

std::vector<PublishedHit> RankPublished(const PublishedMatches& matches, size_t limit,
                                        const std::function<Date(const PublishedHit&)>& dateOf,
                                        const HitsSoFar* soFar) {
  // {oldest, newest} of a hit's date: itself when known.
  const auto span = [&](const PublishedHit& h) {
    if (!soFar || soFar->known(h)) return std::pair<Date, Date>{dateOf(h), dateOf(h)};
    return soFar->span(h);
  };
  std::vector<PublishedHit> out;
  size_t n = 0, d = 0;
  while (out.size() < limit && (n < matches.news.size() || d < matches.directives.size())) {
    bool takeNews = d >= matches.directives.size();
    if (!takeNews && n < matches.news.size()) {
      const PublishedHit &a = matches.news[n], &b = matches.directives[d];
      // Within a score, newer first; a news item before a directive of the same date.
      if (a.score != b.score) {
        takeNews = a.score > b.score;
      } else {
        const auto [aOldest, aNewest] = span(a);
        const auto [bOldest, bNewest] = span(b);
        if (!(aOldest < bNewest)) takeNews = true;        // a's date >= b's, whatever they are
        else if (aNewest < bOldest) takeNews = false;     // a's date < b's
        else break;                                        // their dates decide: not known yet
      }
    }
    const PublishedHit& next = takeNews ? matches.news[n] : matches.directives[d];
    if (soFar && !soFar->known(next)) break;
    out.push_back(next);
    ++(takeNews ? n : d);
  }
  return out;
}

}  // namespace core
