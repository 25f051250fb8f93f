// The search screen: results over news and directives as you type, the matched words
// highlighted in titles and in a snippet of the text around the first match. The view owns the
// search index (built a slice per idle frame after the bundle appears, or at once when somebody
// searches first), the hits of the last query, the results made from them and their layout.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/route.h"
#include "core/published_search.h"
#include "core/search.h"
#include "ui/row_layout.h"
#include "ui/view_context.h"

namespace ui {

class SearchView {
 public:
  // One result as shown: its route, "News · 5 Dhjetor 2023", title and snippet.
  struct Result {
    core::Route route;
    std::string kind;
    std::string_view title;  // the bundle's
    std::string snippet;
  };
  struct LayoutKey {
    LayoutBasis basis;
    std::string query;
    bool operator==(const LayoutKey& o) const { return basis == o.basis && query == o.query; }
  };
  static constexpr size_t kShownHits = 500;  // the best are listed; all are counted
  // Of a published archive, whose hits' headlines are fetched (a shard each, at worst): the
  // best 12, a screenful and a half; and no search for one letter, which matches most of an
  // archive (measured: typing "berzhite" fetched 826 KB with 50 shown and every prefix).
  static constexpr size_t kPublishedShown = 12;  // and 12 more at each "Show more results"
  static constexpr size_t kPublishedMinLetters = 2;

  // Indexes about `bytes` bytes more of the bundle's text in `lang` (SIZE_MAX: all that is
  // left). Returns true while there is more to do. The bundle must stay as it is meanwhile.
  bool StepIndex(const core::Bundle& bundle, const std::string& lang, size_t bytes);
  bool IndexReady(const std::string& lang) const { return m_index && m_indexLang == lang; }
  bool Indexing() const { return m_builder.has_value(); }
  // Returns true when the list was measured only in part: more frames measure the rest.
  bool Draw(const ViewContext& ctx, const core::Route& route);
  void Reset() { *this = SearchView(); }  // a new bundle

  const RowLayout<LayoutKey>& Layout() const { return m_layout; }
  // A published archive's search (App::PumpSearch): `file` is on its way for `query`; the hits.
  void SetPublishedPending(const std::string& query, const std::string& file);
  void SetPublishedHits(const std::string& query, const std::vector<core::PublishedHit>& hits, size_t total);
  // How many of `query`'s best hits a published archive's search is to show: kPublishedShown,
  // and more each time the visitor asks for them.
  size_t PublishedWanted(const std::string& query) const { return m_moreFor == query ? m_wanted : kPublishedShown; }

 private:
  const std::vector<core::SearchHit>& HitsFor(const std::string& query);
  const Result& ResultAt(const ViewContext& ctx, size_t i, const std::string& query);

  std::optional<core::SearchIndex> m_index;  // for m_indexLang
  std::string m_indexLang;
  std::optional<core::SearchIndexBuilder> m_builder;  // the index under construction
  std::optional<std::string> m_hitsFor;               // the query m_hits answer
  std::vector<core::SearchHit> m_hits;                // its best kShownHits
  size_t m_total = 0;                                 // all the items it matched
  std::optional<std::pair<std::string, std::string>> m_resultsFor;  // (query, language)
  std::vector<std::optional<Result>> m_results;       // made as they are drawn or mirrored
  RowLayout<LayoutKey> m_layout;
  std::string m_pendingFile;  // a published archive's part the next hits wait for
  std::optional<std::string> m_moreFor;  // the query whose visitor asked for more hits
  size_t m_wanted = kPublishedShown;     // how many, then
};

}  // namespace ui
