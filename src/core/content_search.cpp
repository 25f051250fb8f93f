// The content's search (content.h): one interface over a whole bundle's index (core/search.h,
// built in idle frames) and a published site's index chunks (core/published_search.h), which
// rank alike. A published site's answer needs the chunks of the query's words, then the
// headlines of the hits it shows (their dates order news and directives of the same score).
#include <algorithm>

#include "core/content.h"
#include "core/published_search.h"

namespace core {

namespace {

// A whole bundle's hits come all at once (its index holds everything); a published site's cost
// a headline shard each, at worst: a screenful and a half at a time, and no query of one letter
// (measured: typing "berzhite" fetched 826 KB with 50 shown and every prefix searched).
constexpr size_t kWholeBatch = 500;  // SearchIndex's most
constexpr size_t kPublishedBatch = 12;

}  // namespace

size_t Content::SearchBatch() const { return m_archive ? kPublishedBatch : kWholeBatch; }
size_t Content::SearchMinLetters() const { return m_archive ? 2 : 1; }

bool Content::SearchReady(const std::string& lang) const { return m_archive || (m_index && m_indexLang == lang); }

const SearchAnswer& Content::Search(const std::string& query, const std::string& lang, size_t wanted) {
  SearchCache& c = m_searched;
  wanted = std::min(wanted, kWholeBatch);
  if (c.query == query && c.lang == lang && c.wanted == wanted && c.generation == m_generation) return c.answer;
  c.query = query;
  c.lang = lang;
  c.wanted = wanted;
  c.generation = m_generation;
  c.answer.progress = Progress{};
  if (QueryTerms(query).empty()) {
    c.answer.hits.clear();
    c.answer.total = 0;
    c.answer.query = query;
  } else if (m_archive) {
    SearchChunks(c.answer, lang, wanted);
  } else {
    SearchWhole(c.answer, lang, wanted);
  }
  return c.answer;
}

void Content::SearchWhole(SearchAnswer& answer, const std::string& lang, size_t wanted) {
  while (Step(lang, SIZE_MAX)) {  // somebody searches before the index is finished
  }
  answer.hits = m_index->Search(m_searched.query, wanted, &answer.total);
  answer.query = m_searched.query;
}

std::string Content::TakeChunk(size_t lang, size_t chunk, std::string_view text) {
  const PublishedArchive& a = *m_archive;
  const SearchChunkRef& ref = a.Site().search[lang].chunks[chunk];
  auto loaded = LoadSearchChunk(text, ref, a.List(true).count + a.List(false).count);
  if (!loaded) return loaded.GetError();
  m_chunks[ref.file] = std::move(*loaded);
  return "";
}

// While a part is on its way, the answer keeps the hits it had (of this query: more were asked
// for; of another: the screen says it is searching) and says which part it waits for.
void Content::SearchChunks(SearchAnswer& answer, const std::string& lang, size_t wanted) {
  const std::string& query = m_searched.query;
  const PublishedArchive& a = *m_archive;
  if (!a.Listed()) {  // which chunk holds a word is in the tables
    answer.progress = AskTables();
    return;
  }
  const auto& languages = a.Site().search;
  if (languages.empty()) {  // a site published without an index finds nothing
    answer = SearchAnswer{{}, 0, {}, query};
    return;
  }
  const auto in = std::find_if(languages.begin(), languages.end(), [&](const SearchLanguage& l) { return l.language == lang; });
  const SearchLanguage& index = in != languages.end() ? *in : languages.front();
  std::vector<const SearchChunk*> chunks;
  std::string missing;
  for (size_t i : ChunksForQuery(index, query)) {
    const std::string& file = index.chunks[i].file;
    if (const auto it = m_chunks.find(file); it != m_chunks.end()) {
      chunks.push_back(&it->second);
      continue;
    }
    Ask(file);
    if (missing.empty()) missing = file;
  }
  if (!missing.empty()) {
    answer.progress = Waiting(missing);
    return;
  }
  const PublishedMatches matches = MatchPublished(chunks, query, a.List(true).count, a.List(false).count);
  // The headlines of the hits shown, fetched by their shards in the order the hits rank (by
  // score, then date: a headline not in yet is dated by its shard), a few at a time: on a slow
  // link the best hits' shards come first and show while the rest are on their way.
  const auto shardOf = [&](const PublishedHit& h) -> const ShardRef* {
    const auto shard = a.HeadlinesOf(h.news, h.ordinal);
    return shard ? &a.List(h.news).headlines[*shard] : nullptr;
  };
  const auto dateOf = [&](const PublishedHit& h) {
    return h.news ? a.NewsAt(*m_bundle, h.ordinal)->date : a.DirectiveAt(*m_bundle, h.ordinal)->date;
  };
  HitsSoFar soFar;
  soFar.known = [&](const PublishedHit& h) {
    const auto shard = a.HeadlinesOf(h.news, h.ordinal);
    return !shard || a.HeadlinesIn(*m_bundle, h.news, *shard);
  };
  soFar.span = [&](const PublishedHit& h) {
    const ShardRef& shard = *shardOf(h);
    return std::pair<Date, Date>{shard.oldest, shard.newest};
  };
  const auto newest = [&](const PublishedHit& h) { return soFar.known(h) ? dateOf(h) : shardOf(h)->newest; };
  std::vector<std::string> asked;  // the shards on their way, first the one the next hit waits for
  const auto ask = [&](const PublishedHit& h) {
    if (asked.size() >= kHitShardsAhead || soFar.known(h)) return;
    const std::string& file = shardOf(h)->file;
    if (std::find(asked.begin(), asked.end(), file) != asked.end()) return;
    Ask(file);
    asked.push_back(file);
  };
  for (const PublishedHit& h : RankPublished(matches, wanted, newest)) ask(h);  // the order they rank in, as far as it is known
  const size_t shown = std::min(wanted, matches.Total());
  const std::vector<PublishedHit> ranked = RankPublished(matches, wanted, dateOf, &soFar);
  // A news item and a directive of the same score whose order their shards' dates leave open may
  // wait for a hit that the order above placed past the first `wanted`: each kind's are asked for.
  if (ranked.size() < shown && asked.empty())
    for (const auto* hits : {&matches.news, &matches.directives})
      for (size_t k = 0; k < std::min(wanted, hits->size()); ++k) ask((*hits)[k]);
  if (ranked.empty() && !asked.empty()) {  // not one to show yet: the hits it had stay
    answer.progress = Waiting(asked.front());
    return;
  }
  answer.hits.clear();
  for (const PublishedHit& h : ranked) answer.hits.push_back({h.news, h.ordinal, h.score});
  answer.total = matches.Total();
  answer.query = query;
  if (ranked.size() < shown && !asked.empty()) answer.progress = Waiting(asked.front());
}

}  // namespace core
