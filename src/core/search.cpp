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
  out.reserve(text.size());
  origin.clear();
  origin.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // as Fold, without its per-call string
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
    } else {
      const char32_t cp = DecodeUtf8(text, i);
      if (cp == 0xC6 || cp == 0xE6) out += "ae";
      else if (cp == 0x152 || cp == 0x153) out += "oe";
      else AppendUtf8(out, FoldCodePoint(cp));
    }
    origin.resize(out.size(), at);
  }
  origin.push_back(text.size());
  return out;
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
bool IsAsciiLowerOrDigit(unsigned char b) { return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'); }
bool IsAsciiSeparator(unsigned char b) { return b < 0x80 && !IsAsciiLowerOrDigit(b) && !(b >= 'A' && b <= 'Z'); }
}  // namespace

bool FoldedWords::Next(std::string_view& word) {
  const size_t n = m_text.size();
  const auto at = [&](size_t i) { return static_cast<unsigned char>(m_text[i]); };
  while (m_pos < n && IsAsciiSeparator(at(m_pos))) ++m_pos;
  // Most words are already folded: lower-case ASCII up to an ASCII separator. Those are
  // views of the text itself, not copies.
  size_t end = m_pos;
  while (end < n && IsAsciiLowerOrDigit(at(end))) ++end;
  if (end > m_pos && (end == n || IsAsciiSeparator(at(end)))) {
    word = m_text.substr(m_pos, end - m_pos);
    m_pos = end;
    return true;
  }
  m_word.clear();
  while (m_pos < n) {
    const unsigned char b = static_cast<unsigned char>(m_text[m_pos]);
    if (b < 0x80) {  // ASCII, most of the text: no decoding, no table
      ++m_pos;
      if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
        m_word += static_cast<char>(b);
        continue;
      }
      if (b >= 'A' && b <= 'Z') {
        m_word += static_cast<char>(b + 32);
        continue;
      }
    } else {
      const char32_t cp = DecodeUtf8(m_text, m_pos);
      // As Fold: the ligatures become two letters, everything else its folded code point.
      if (cp == 0xC6 || cp == 0xE6) {
        m_word += "ae";
        continue;
      }
      if (cp == 0x152 || cp == 0x153) {
        m_word += "oe";
        continue;
      }
      const char32_t folded = FoldCodePoint(cp);
      if (IsWordChar(folded)) {
        AppendUtf8(m_word, folded);
        continue;
      }
    }
    if (!m_word.empty()) break;  // a separator ends the word
  }
  word = m_word;
  return !m_word.empty();
}

namespace {

// Collects (word -> entries) with one hash look-up per word; postings stay ascending and
// unique because entries are added in order. Words are stored once, in blocks that never
// move; an open-addressing table of (hash, id) finds them (a few times faster here than
// std::unordered_map, which hashes with a general function and allocates a node per word).
class WordCollector {
 public:
  void Add(std::string_view text, uint32_t entry) {
    FoldedWords reader(text);
    std::string_view w;
    while (reader.Next(w)) {
      std::vector<uint32_t>& p = m_postings[IdOf(w)];
      if (p.empty() || p.back() != entry) p.push_back(entry);
    }
  }
  // Sorted words with their postings.
  void Finish(std::vector<std::string>& words, std::vector<std::vector<uint32_t>>& postings) {
    std::vector<uint32_t> order(m_words.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return m_words[a] < m_words[b]; });
    words.reserve(order.size());
    postings.reserve(order.size());
    for (uint32_t id : order) {
      words.emplace_back(m_words[id]);
      postings.push_back(std::move(m_postings[id]));
      postings.back().shrink_to_fit();
    }
    *this = WordCollector();
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t id = 0;  // the word's id + 1; 0: empty
  };

  static uint32_t Hash(std::string_view w) {  // FNV-1a
    uint32_t h = 2166136261u;
    for (unsigned char c : w) h = (h ^ c) * 16777619u;
    return h;
  }

  uint32_t IdOf(std::string_view w) {
    if ((m_words.size() + 1) * 4 > m_slots.size() * 3) Grow();
    const uint32_t h = Hash(w);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = m_slots[i];
      if (slot.id == 0) {
        m_words.push_back(Store(w));
        m_postings.emplace_back();
        slot = {h, static_cast<uint32_t>(m_words.size())};
        return slot.id - 1;
      }
      if (slot.hash == h && m_words[slot.id - 1] == w) return slot.id - 1;
    }
  }

  void Grow() {
    std::vector<Slot> old(std::max<size_t>(1024, m_slots.size() * 2));
    old.swap(m_slots);
    const size_t mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
      if (slot.id == 0) continue;
      size_t i = slot.hash & mask;
      while (m_slots[i].id != 0) i = (i + 1) & mask;
      m_slots[i] = slot;
    }
  }

  std::string_view Store(std::string_view w) {
    constexpr size_t kBlock = 64 * 1024;
    if (m_blocks.empty() || m_used + w.size() > m_blockSize) {
      m_blockSize = std::max(kBlock, w.size());
      m_blocks.push_back(std::make_unique<char[]>(m_blockSize));
      m_used = 0;
    }
    char* at = m_blocks.back().get() + m_used;
    std::copy(w.begin(), w.end(), at);
    m_used += w.size();
    return std::string_view(at, w.size());
  }

  std::vector<Slot> m_slots;
  std::vector<std::string_view> m_words;  // by id
  std::vector<std::vector<uint32_t>> m_postings;  // by id
  std::vector<std::unique_ptr<char[]>> m_blocks;
  size_t m_blockSize = 0, m_used = 0;
};

std::string FirstWord(std::string_view title) {
  FoldedWords reader(title);
  std::string_view w;
  return reader.Next(w) ? std::string(w) : std::string();
}

template <class Item>
size_t TextBytes(const Item& item, std::string_view lang, std::string_view fallback) {
  return item.title.Get(lang, fallback).size() + item.summary.Get(lang, fallback).size() +
         item.body.Get(lang, fallback).size();
}

}  // namespace

struct SearchIndexBuilder::State {
  SearchIndex index;
  WordCollector titles, rest;
  size_t next = 0;  // items done: news first, then directives
};

SearchIndexBuilder::SearchIndexBuilder(const Bundle& b, std::string lang)
    : m_bundle(&b), m_lang(std::move(lang)), m_state(std::make_unique<State>()) {
  m_state->index.m_entries.reserve(b.news.size() + b.directives.size());
}
SearchIndexBuilder::~SearchIndexBuilder() = default;
SearchIndexBuilder::SearchIndexBuilder(SearchIndexBuilder&&) noexcept = default;
SearchIndexBuilder& SearchIndexBuilder::operator=(SearchIndexBuilder&&) noexcept = default;

bool SearchIndexBuilder::Done() const { return m_state->next >= m_bundle->news.size() + m_bundle->directives.size(); }

bool SearchIndexBuilder::Step(size_t bytes) {
  const Bundle& b = *m_bundle;
  const std::string_view lang = m_lang, fallback = b.DefaultLanguage();
  State& s = *m_state;
  size_t done = 0;
  while (!Done() && (done == 0 || done < bytes)) {
    const auto entry = static_cast<uint32_t>(s.index.m_entries.size());
    if (s.next < b.news.size()) {
      const NewsItem& n = b.news[s.next];
      const std::string_view title = n.title.Get(lang, fallback);
      s.index.m_entries.push_back({true, static_cast<uint32_t>(s.next), n.date, FirstWord(title)});
      s.titles.Add(title, entry);
      s.rest.Add(n.summary.Get(lang, fallback), entry);
      s.rest.Add(n.body.Get(lang, fallback), entry);
      for (const auto& t : n.tags) s.rest.Add(t.Get(lang, fallback), entry);
      done += TextBytes(n, lang, fallback) + 1;
    } else {
      const size_t i = s.next - b.news.size();
      const Directive& d = b.directives[i];
      const std::string_view title = d.title.Get(lang, fallback);
      s.index.m_entries.push_back({false, static_cast<uint32_t>(i), d.date, FirstWord(title)});
      s.titles.Add(title, entry);
      s.rest.Add(d.summary.Get(lang, fallback), entry);
      s.rest.Add(d.body.Get(lang, fallback), entry);
      s.rest.Add(d.category.Get(lang, fallback), entry);
      done += TextBytes(d, lang, fallback) + 1;
    }
    ++s.next;
  }
  return Done();
}

SearchIndex SearchIndexBuilder::Take() {
  State& s = *m_state;
  s.titles.Finish(s.index.m_titles.words, s.index.m_titles.postings);
  s.rest.Finish(s.index.m_rest.words, s.index.m_rest.postings);
  return std::move(s.index);
}

SearchIndex::SearchIndex(const Bundle& b, std::string_view lang) {
  SearchIndexBuilder builder(b, std::string(lang));
  builder.Step(SIZE_MAX);
  *this = builder.Take();
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

std::vector<SearchHit> SearchIndex::Search(std::string_view query, size_t limit, size_t* total) const {
  if (total) *total = 0;
  const std::string folded = Fold(query);
  const std::vector<std::string_view> terms = SplitWords(folded);
  if (terms.empty()) return {};
  std::vector<int> scores(m_entries.size(), 0), term(m_entries.size());
  bool first = true;
  for (std::string_view t : terms) {
    std::fill(term.begin(), term.end(), 0);
    Score(m_titles, t, 10, term);
    Score(m_rest, t, 1, term);
    for (size_t e = 0; e < scores.size(); ++e) {
      if (term[e] > 0 && m_entries[e].firstWord.compare(0, t.size(), t) == 0) term[e] += 5;
      scores[e] = (first || scores[e] > 0) && term[e] > 0 ? scores[e] + term[e] : 0;
    }
    first = false;
  }
  std::vector<uint32_t> found;
  for (size_t e = 0; e < scores.size(); ++e)
    if (scores[e] > 0) found.push_back(static_cast<uint32_t>(e));
  if (total) *total = found.size();
  const auto better = [&](uint32_t a, uint32_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    if (m_entries[b].date < m_entries[a].date) return true;
    if (m_entries[a].date < m_entries[b].date) return false;
    return a < b;  // stable: the bundle's order
  };
  // Only the first `limit` are ordered: "b" matches most of a large archive.
  const size_t keep = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), better);
  std::vector<SearchHit> out;
  out.reserve(keep);
  for (size_t i = 0; i < keep; ++i) {
    const Entry& e = m_entries[found[i]];
    out.push_back({e.news, e.index, scores[found[i]]});
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
