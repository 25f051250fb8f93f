// Search over news and directives (titles, summaries, bodies, tags, categories) that ignores
// case and diacritics: "berzhite" finds "Bërzhitë", "CESHTJE" finds "Çështje". Every word of
// the query must begin a word of the item ("stërvit" finds "stërvitje"); titles weigh more
// than the rest. The index (folded words -> items) is built once per bundle and language, so a
// keystroke costs a few look-ups, not a scan of the whole archive.
#pragma once
#include <cstdint>
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
    uint32_t index;
    Date date;
    std::string firstWord;  // of the folded title: a title that starts with the query ranks first
  };
  // Folded words in sorted order, each with the entries it occurs in (ascending, unique).
  struct Words {
    std::vector<std::string> words;
    std::vector<std::vector<uint32_t>> postings;
  };
  // Adds `weight` to the score of every entry that has a word beginning with `prefix`.
  void Score(const Words& words, std::string_view prefix, int weight, std::vector<int>& score) const;

  std::vector<Entry> m_entries;
  Words m_titles, m_rest;
};

// Splits folded text into words: runs of letters and digits of any script; punctuation and
// symbols (including “ ” ’ –) separate them.
std::vector<std::string_view> SplitWords(std::string_view folded);

// The query's words, folded; empty words dropped.
std::vector<std::string> QueryTerms(std::string_view query);

// Byte ranges [begin, end) of `text` where a term of `query` occurs, ignoring case and
// diacritics; sorted, merged where they overlap. For highlighting.
std::vector<std::pair<size_t, size_t>> FindMatches(std::string_view text, std::string_view query);

}  // namespace core
