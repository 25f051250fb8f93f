// Search over news and directives (titles, summaries, bodies, tags, categories) that ignores
// case and diacritics: "berzhite" finds "Bërzhitë", "CESHTJE" finds "Çështje". Every word of
// the query must occur; titles weigh more than bodies. The index is built once per bundle and
// language; a query scans only folded text.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bundle.h"

namespace core {

struct SearchHit {
  bool news = true;  // false: a directive
  size_t index = 0;  // into bundle.news or bundle.directives
  int score = 0;
};

class SearchIndex {
 public:
  SearchIndex() = default;
  SearchIndex(const Bundle& bundle, std::string_view lang);

  // Hits ordered by score, then newest first. An empty query gives nothing.
  std::vector<SearchHit> Search(std::string_view query, size_t limit = 500) const;
  size_t Size() const { return m_entries.size(); }

 private:
  struct Entry {
    bool news;
    size_t index;
    Date date;
    std::string title;  // folded
    std::string rest;   // folded summary, body, tags, category, separated by newlines
  };
  std::vector<Entry> m_entries;
};

// The query's words, folded; empty words dropped.
std::vector<std::string> QueryTerms(std::string_view query);

// Byte ranges [begin, end) of `text` where a term of `query` occurs, ignoring case and
// diacritics; sorted, merged where they overlap. For highlighting.
std::vector<std::pair<size_t, size_t>> FindMatches(std::string_view text, std::string_view query);

}  // namespace core
