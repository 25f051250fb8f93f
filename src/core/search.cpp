// Folded-text search and match ranges for highlighting.
#include "core/search.h"

#include <algorithm>
#include <unordered_map>

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

template <class Item>
std::string Rest(const Item& item, std::string_view lang, std::string_view fallback) {
  std::string rest = item.summary.Get(lang, fallback);
  rest += '\n';
  rest += item.body.Get(lang, fallback);
  return rest;
}

// Letters and digits of any script; punctuation (ASCII, Latin-1's, General Punctuation such as
// “ ” ’ –, symbols) separates words.
bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  return c != 0xFFFD && c != 0xFEFF;
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

std::vector<std::string_view> SplitWords(std::string_view folded) {
  std::vector<std::string_view> words;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < folded.size();) {
    const size_t at = i;
    const bool word = IsWordChar(DecodeUtf8(folded, i));
    if (word && start == std::string_view::npos) start = at;
    if (!word && start != std::string_view::npos) {
      words.push_back(folded.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) words.push_back(folded.substr(start));
  return words;
}

namespace {

// Collects (word -> entries) with one hash look-up per word; postings stay ascending and
// unique because entries are added in order.
class WordCollector {
 public:
  void Add(const std::string& text, uint32_t entry) {
    const std::string folded = Fold(text);
    for (std::string_view w : SplitWords(folded)) {
      auto [it, fresh] = m_ids.try_emplace(std::string(w), static_cast<uint32_t>(m_postings.size()));
      if (fresh) m_postings.emplace_back();
      std::vector<uint32_t>& p = m_postings[it->second];
      if (p.empty() || p.back() != entry) p.push_back(entry);
    }
  }
  // Sorted words with their postings.
  void Finish(std::vector<std::string>& words, std::vector<std::vector<uint32_t>>& postings) {
    std::vector<std::pair<std::string, uint32_t>> sorted(m_ids.begin(), m_ids.end());
    m_ids.clear();
    std::sort(sorted.begin(), sorted.end());
    words.reserve(sorted.size());
    postings.reserve(sorted.size());
    for (auto& [word, id] : sorted) {
      words.push_back(std::move(word));
      postings.push_back(std::move(m_postings[id]));
      postings.back().shrink_to_fit();
    }
    m_postings.clear();
  }

 private:
  std::unordered_map<std::string, uint32_t> m_ids;
  std::vector<std::vector<uint32_t>> m_postings;
};

std::string FirstWord(const std::string& title) {
  const std::string folded = Fold(title);
  const auto words = SplitWords(folded);
  return words.empty() ? std::string() : std::string(words.front());
}

}  // namespace

SearchIndex::SearchIndex(const Bundle& b, std::string_view lang) {
  const std::string_view fallback = b.DefaultLanguage();
  m_entries.reserve(b.news.size() + b.directives.size());
  WordCollector titles, rest;
  for (size_t i = 0; i < b.news.size(); ++i) {
    const NewsItem& n = b.news[i];
    const auto entry = static_cast<uint32_t>(m_entries.size());
    const std::string& title = n.title.Get(lang, fallback);
    m_entries.push_back({true, static_cast<uint32_t>(i), n.date, FirstWord(title)});
    titles.Add(title, entry);
    std::string more = Rest(n, lang, fallback);
    for (const auto& t : n.tags) more += '\n' + t;
    rest.Add(more, entry);
  }
  for (size_t i = 0; i < b.directives.size(); ++i) {
    const Directive& d = b.directives[i];
    const auto entry = static_cast<uint32_t>(m_entries.size());
    const std::string& title = d.title.Get(lang, fallback);
    m_entries.push_back({false, static_cast<uint32_t>(i), d.date, FirstWord(title)});
    titles.Add(title, entry);
    rest.Add(Rest(d, lang, fallback) + '\n' + d.category, entry);
  }
  titles.Finish(m_titles.words, m_titles.postings);
  rest.Finish(m_rest.words, m_rest.postings);
}

void SearchIndex::Score(const Words& w, std::string_view prefix, int weight, std::vector<int>& score) const {
  auto it = std::lower_bound(w.words.begin(), w.words.end(), prefix,
                             [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  for (; it != w.words.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) {
    // An exact word counts a little more than a word it only begins.
    const int bonus = it->size() == prefix.size() ? weight / 2 + 1 : 0;
    for (uint32_t e : w.postings[static_cast<size_t>(it - w.words.begin())]) score[e] = std::max(score[e], weight + bonus);
  }
}

std::vector<SearchHit> SearchIndex::Search(std::string_view query, size_t limit) const {
  const std::string folded = Fold(query);
  const std::vector<std::string_view> terms = SplitWords(folded);
  if (terms.empty()) return {};
  std::vector<int> total(m_entries.size(), 0), term(m_entries.size());
  bool first = true;
  for (std::string_view t : terms) {
    std::fill(term.begin(), term.end(), 0);
    Score(m_titles, t, 10, term);
    Score(m_rest, t, 1, term);
    for (size_t e = 0; e < total.size(); ++e) {
      if (term[e] > 0 && m_entries[e].firstWord.compare(0, t.size(), t) == 0) term[e] += 5;
      total[e] = (first || total[e] > 0) && term[e] > 0 ? total[e] + term[e] : 0;
    }
    first = false;
  }
  std::vector<uint32_t> found;
  for (size_t e = 0; e < total.size(); ++e)
    if (total[e] > 0) found.push_back(static_cast<uint32_t>(e));
  std::stable_sort(found.begin(), found.end(), [&](uint32_t a, uint32_t b) {
    if (total[a] != total[b]) return total[a] > total[b];
    return m_entries[b].date < m_entries[a].date;
  });
  std::vector<SearchHit> out;
  for (size_t i = 0; i < found.size() && i < limit; ++i) {
    const Entry& e = m_entries[found[i]];
    out.push_back({e.news, e.index, total[found[i]]});
  }
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
