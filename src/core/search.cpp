// Folded-text search and match ranges for highlighting.
#include "core/search.h"

#include <algorithm>

#include "core/collate.h"
#include "core/text.h"

namespace core {

namespace {

// Folds `text` and records, for each byte of the result, the offset of the code point of
// `text` it came from, so matches in folded text map back to the original.
std::string FoldWithMap(std::string_view text, std::vector<size_t>& origin) {
  std::string out;
  origin.clear();
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    DecodeUtf8(text, i);
    const std::string piece = Fold(text.substr(at, i - at));
    out += piece;
    origin.insert(origin.end(), piece.size(), at);
  }
  origin.push_back(text.size());
  return out;
}

int CountOccurrences(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos && n < 20; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

template <class Item>
std::string Rest(const Item& item, std::string_view lang, std::string_view fallback) {
  std::string rest = item.summary.Get(lang, fallback);
  rest += '\n';
  rest += item.body.Get(lang, fallback);
  return rest;
}

}  // namespace

std::vector<std::string> QueryTerms(std::string_view query) {
  std::vector<std::string> terms;
  const std::string folded = Fold(query);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find_first_of(" \t\n\r", start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) terms.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return terms;
}

SearchIndex::SearchIndex(const Bundle& b, std::string_view lang) {
  const std::string_view fallback = b.DefaultLanguage();
  m_entries.reserve(b.news.size() + b.directives.size());
  for (size_t i = 0; i < b.news.size(); ++i) {
    const NewsItem& n = b.news[i];
    std::string rest = Rest(n, lang, fallback);
    for (const auto& t : n.tags) rest += '\n' + t;
    m_entries.push_back({true, i, n.date, Fold(n.title.Get(lang, fallback)), Fold(rest)});
  }
  for (size_t i = 0; i < b.directives.size(); ++i) {
    const Directive& d = b.directives[i];
    std::string rest = Rest(d, lang, fallback) + '\n' + d.category;
    m_entries.push_back({false, i, d.date, Fold(d.title.Get(lang, fallback)), Fold(rest)});
  }
}

std::vector<SearchHit> SearchIndex::Search(std::string_view query, size_t limit) const {
  const std::vector<std::string> terms = QueryTerms(query);
  std::vector<std::pair<SearchHit, const Entry*>> hits;
  if (terms.empty()) return {};
  for (const Entry& e : m_entries) {
    int score = 0;
    bool all = true;
    for (const std::string& t : terms) {
      const int inTitle = CountOccurrences(e.title, t);
      const int inRest = inTitle > 0 ? 0 : CountOccurrences(e.rest, t);
      if (inTitle == 0 && inRest == 0) {
        all = false;
        break;
      }
      score += inTitle * 10 + inRest;
      if (e.title.compare(0, t.size(), t) == 0) score += 5;  // the title starts with it
    }
    if (all) hits.push_back({{e.news, e.index, score}, &e});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    if (a.first.score != b.first.score) return a.first.score > b.first.score;
    return b.second->date < a.second->date;
  });
  std::vector<SearchHit> out;
  for (size_t i = 0; i < hits.size() && i < limit; ++i) out.push_back(hits[i].first);
  return out;
}

std::vector<std::pair<size_t, size_t>> FindMatches(std::string_view text, std::string_view query) {
  std::vector<std::pair<size_t, size_t>> ranges;
  const std::vector<std::string> terms = QueryTerms(query);
  if (terms.empty()) return ranges;
  std::vector<size_t> origin;
  const std::string folded = FoldWithMap(text, origin);
  for (const std::string& t : terms) {
    for (size_t p = folded.find(t); p != std::string::npos; p = folded.find(t, p + t.size())) {
      // The range ends where the code point after the last matched one starts (a code point
      // that folds to several bytes, like "æ", is taken whole).
      size_t e = p + t.size();
      while (e < folded.size() && origin[e] == origin[p + t.size() - 1]) ++e;
      ranges.emplace_back(origin[p], origin[e]);
    }
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
    else merged.push_back(r);
  }
  return merged;
}

}  // namespace core
