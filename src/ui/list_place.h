// Where a long list starts when its route names a page of the published list (core::Route::page,
// "#/news?page=3"): the viewer started from that page shows the same items at its top. A route
// that names a month of a year's news ("#/news?year=2023&month=5") starts at that month.
#pragma once
#include <cmath>
#include <cstddef>
#include <optional>

#include "core/page.h"
#include "core/route.h"
#include "imgui.h"
#include "ui/row_layout.h"

namespace ui {

class ListPlace {
 public:
  // The route the list is drawn for, each frame. A new route that names a later page asks for
  // that page's first item at the top.
  void Follow(const core::Route& route) {
    if (route == m_route) return;
    m_route = route;
    Done();
    if (route.month > 0) m_month = route.month;
    else if (route.page > 1) m_item = static_cast<size_t>(route.page - 1) * core::kListPageItems;
  }
  // The item still to bring to the top, if any.
  std::optional<size_t> Item() const { return m_item; }
  // The month (1-12) whose first row is still to bring to the top; 0: none.
  int Month() const { return m_month; }

  // Scrolls the current window so that `row` of the list drawn from `originY` (screen) is at its
  // top, measuring the rows before it first. Called each frame until the row is there: the first
  // frames may change the list's width (a scrollbar comes) and with it the rows' heights; a row
  // the list cannot scroll to the top (near its end) is left where it can go, unless `more` rows
  // are coming: then it waits for them.
  template <class Key, class HeightFn>
  void ScrollTo(RowLayout<Key>& layout, const Key& key, size_t count, HeightFn height, size_t row, float originY, bool more = false) {
    if (row >= count || (!more && ++m_tries > kTries)) return Done();
    if (layout.Measured() <= row) layout.Measure(key, count, height, 0, row + 1 - layout.Measured());
    const float target = originY - ImGui::GetWindowPos().y + ImGui::GetScrollY() + layout.Y(row);
    if (more && target > ImGui::GetScrollMaxY()) return;  // not yet: the rows after it are on their way
    if (std::abs(ImGui::GetScrollY() - target) < 1 || (m_tries > 2 && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() && target > ImGui::GetScrollMaxY()))
      return Done();
    ImGui::SetScrollY(target);
  }
  void Done() {
    m_item.reset();
    m_month = 0;
    m_tries = 0;
  }

 private:
  core::Route m_route;
  std::optional<size_t> m_item;
  int m_month = 0;
  int m_tries = 0;
  static constexpr int kTries = 10;  // frames
};

}  // namespace ui
