// Search over news and directives (titles, summaries, bodies, tags, categories) that ignores
// case and diacritics: "berzhite" finds "Bërzhitë", "CESHTJE" finds "Çështje". Every word of
// the query must begin a word of the item ("stërvit" finds "stërvitje"); titles weigh more
// than the rest. The index (folded words -> items) is built once per bundle and language, so a
// keystroke costs a few look-ups, not a scan of the whole archive.
#pragma once
#include <cstdint>
#include <memory>
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

class SearchIndexBuilder;

class SearchIndex {
 public:
  SearchIndex() = default;
  SearchIndex(const Bundle& bundle, std::string_view lang);  // all at once (SearchIndexBuilder in steps)

  // The best `limit` hits, ordered by score, then newest first, then the bundle's order; an
  // empty query gives nothing. `total` (when given) receives the number of all matching items.
  std::vector<SearchHit> Search(std::string_view query, size_t limit = 500, size_t* total = nullptr) const;
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

  friend class SearchIndexBuilder;
  std::vector<Entry> m_entries;
  Words m_titles, m_rest;
};

// Builds a SearchIndex a slice at a time, so that a large archive is indexed in the frames
// after it appears (a few milliseconds each) instead of in one long pause; the bundle must
// stay alive and unchanged meanwhile.
class SearchIndexBuilder {
 public:
  SearchIndexBuilder(const Bundle& bundle, std::string lang);
  ~SearchIndexBuilder();
  SearchIndexBuilder(SearchIndexBuilder&&) noexcept;
  SearchIndexBuilder& operator=(SearchIndexBuilder&&) noexcept;

  // Indexes items until about `bytes` bytes of their text have been read (at least one item);
  // returns true when every item is in.
  bool Step(size_t bytes);
  bool Done() const;
  const std::string& Language() const { return m_lang; }
  // The finished index; call once, after Step returned true.
  SearchIndex Take();

 private:
  struct State;
  const Bundle* m_bundle;
  std::string m_lang;
  std::unique_ptr<State> m_state;
};

// Splits folded text into words: runs of letters and digits of any script; punctuation and
// symbols (including “ ” ’ –) separate them.
std::vector<std::string_view> SplitWords(std::string_view folded);

// Reads the words of `text` folded, the words SplitWords(Fold(text)) gives, in one pass and
// without building the folded text: while (reader.Next(word)) ... The view is valid until the
// next call.
class FoldedWords {
 public:
  explicit FoldedWords(std::string_view text) : m_text(text) {}
  bool Next(std::string_view& word);

 private:
  std::string_view m_text;
  size_t m_pos = 0;
  std::string m_word;
};

// The query's words, folded; empty words dropped.
std::vector<std::string> QueryTerms(std::string_view query);

// Byte ranges [begin, end) of `text` where a term of `query` occurs, ignoring case and
// diacritics; sorted, merged where they overlap. For highlighting.
std::vector<std::pair<size_t, size_t>> FindMatches(std::string_view text, std::string_view query);

}  // namespace core
