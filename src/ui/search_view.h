// The search screen's results: cards over news and directives, the matched words highlighted
// in titles and in a snippet of the text around the first match. The view draws the results
// block of the search screen's description (core/screen.h), keeps the results made from its
// hits and their layout, and how many hits the visitor asked for ("Show more results").
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/route.h"
#include "core/screen.h"
#include "ui/row_layout.h"
#include "ui/view_context.h"

namespace ui {

class SearchView {
 public:
  struct LayoutKey {
    LayoutBasis basis;
    std::string query;
    bool operator==(const LayoutKey& o) const { return basis == o.basis && query == o.query; }
  };

  // Draws the results of `list` (hits and their query). Returns true when the list was measured
  // only in part: more frames measure the rest.
  bool Draw(const ViewContext& ctx, const core::ListBlock& list);
  void Reset() { *this = SearchView(); }  // new content

  // How many hits of `query` the visitor asked for (0: the content's first batch), and "more".
  size_t Wanted(const std::string& query) const { return m_moreFor == query ? m_wanted : 0; }
  void AskMore(const std::string& query, size_t shown, size_t batch) {
    m_moreFor = query;
    m_wanted = shown + batch;
  }
  const RowLayout<LayoutKey>& Layout() const { return m_layout; }

 private:
  const core::ResultRow& RowAt(const ViewContext& ctx, const core::ListBlock& list, size_t i);

  std::optional<std::pair<std::string, std::string>> m_resultsFor;  // (query, language) of m_rows
  std::vector<core::SearchHit> m_hitsFor;                           // and the hits they were made of
  std::vector<std::optional<core::ResultRow>> m_rows;               // made as they are drawn or mirrored
  RowLayout<LayoutKey> m_layout;
  std::optional<std::string> m_moreFor;  // the query whose visitor asked for more hits
  size_t m_wanted = 0;                   // how many, then
};

}  // namespace ui
