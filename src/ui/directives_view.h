// The directive archive: a table of date, title and category, sortable by date and title; on
// narrow screens one column of rows. Each row opens the directive. The view draws the list and
// the sort controls of the directives screen's description (core/screen.h), and keeps the rows'
// layout and the visitor's sort order (which outlives new content).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/route.h"
#include "core/screen.h"
#include "core/timeline.h"
#include "ui/list_place.h"
#include "ui/row_layout.h"
#include "ui/view_context.h"
#include "ui/widgets.h"

namespace ui {

class DirectivesView {
 public:
  struct LayoutKey {
    LayoutBasis basis;
    core::DirectiveSort sort = core::DirectiveSort::DateNewest;
    std::string category;
    bool operator==(const LayoutKey& o) const { return basis == o.basis && sort == o.sort && category == o.category; }
  };

  // Draws the rows of `list`. Returns true when the list was measured only in part: more frames
  // measure the rest.
  bool Draw(const ViewContext& ctx, const core::ListBlock& list, const core::Route& route);
  // The sort order as toggles (they also serve the narrow layout, which has no column headers).
  void SortControls(const ViewContext& ctx, const std::string& label);
  // New content: everything derived goes; the sort order stays.
  void Reset() {
    const core::DirectiveSort sort = m_sort;
    *this = DirectivesView();
    m_sort = sort;
  }

  core::DirectiveSort Sort() const { return m_sort; }
  bool ListShown() const { return m_version != 0; }
  const RowLayout<LayoutKey>& Layout() const { return m_layout; }

 private:
  core::DirectiveSort m_sort = core::DirectiveSort::DateNewest;
  uint64_t m_version = 0;           // the list's whose sort the layout is for
  core::DirectiveSort m_listSort = core::DirectiveSort::DateNewest;
  RowLayout<LayoutKey> m_layout;
  ListPlace m_place;                              // a later page's first item, to bring to the top
};

}  // namespace ui
