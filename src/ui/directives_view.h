// The directive archive: a table of date, title and category, sortable by date and title and
// filtered by category; on narrow screens one column of rows. Each row opens the directive.
// The view keeps the categories, the sorted and filtered order, the rows' layout, the chips
// and the visitor's sort order (which outlives a new bundle).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/route.h"
#include "core/timeline.h"
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

  // Returns true when the list was measured only in part: more frames measure the rest.
  bool Draw(const ViewContext& ctx, const core::Route& route);
  // A new bundle: everything derived goes; the sort order stays.
  void Reset() {
    const core::DirectiveSort sort = m_sort;
    *this = DirectivesView();
    m_sort = sort;
  }

  core::DirectiveSort Sort() const { return m_sort; }
  bool OrderMade() const { return m_orderFor.has_value(); }
  const RowLayout<LayoutKey>& Layout() const { return m_layout; }

 private:
  struct OrderKey {
    core::DirectiveSort sort;
    std::string lang, category;
    bool operator==(const OrderKey& o) const { return sort == o.sort && lang == o.lang && category == o.category; }
  };
  void UpdateOrder(const ViewContext& ctx, const core::Route& route);
  const std::vector<std::vector<ChipSpec>>& Chips(const ViewContext& ctx, const std::string& category);
  void SortControls(const ViewContext& ctx);
  bool DrawList(const ViewContext& ctx, const core::Route& route);

  core::DirectiveSort m_sort = core::DirectiveSort::DateNewest;
  bool m_categoriesMade = false;
  std::vector<std::pair<std::string, int>> m_categories;  // most used first
  std::optional<OrderKey> m_orderFor;
  std::vector<size_t> m_order;  // sorted and filtered
  RowLayout<LayoutKey> m_layout;
  std::optional<std::pair<std::string, std::string>> m_chipsFor;  // (language, category)
  std::vector<std::vector<ChipSpec>> m_chips;
};

}  // namespace ui
