// The filters of the news that must not push its list off the screen: rows of chips that scroll
// sideways (the years, a chosen year's months) and chips folded behind one control (the tags),
// the chosen ones shown beside it. What the visitor did to them (how far a row is scrolled,
// whether the fold is open) is kept here between frames.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/screen.h"
#include "ui/view_context.h"

namespace ui {

class ChipBars {
 public:
  // The screen's row `index` (0: its first): one line of chips as wide as the measure, scrolled
  // by a drag (a finger's or the mouse's), a wheel or a trackpad; its chosen chip is brought
  // into view when the choice changes. A list in the mirror (layout "strip").
  void Strip(const DrawContext& ctx, size_t index, const std::vector<core::Chip>& chips);
  // `label` ("Filters") as a toggle, the chosen chips beside it, each a press from being lifted
  // ("#NATO ×"); opened, every chip under them in rows. The mirror lists every chip either way
  // (layout "filters"), after the toggle.
  void Filters(const DrawContext& ctx, const std::string& label, const std::vector<core::Chip>& chips);
  // Before the screen's rows, each frame: where the keyboard's focus is (it is followed where it
  // moved to, not held there).
  void BeginFrame(std::optional<size_t> focus) {
    m_focusMoved = focus != m_focus;
    m_focus = focus;
  }
  // Another screen: the fold closes.
  void Close() { m_open = false; }
  bool Open() const { return m_open; }

 private:
  struct StripState {
    core::Route shown;  // where the chosen chip last brought into view leads
    int frames = 0;     // frames it has been scrolled to (the row's width settles in the first)
  };
  std::vector<StripState> m_strips;
  bool m_open = false;
  std::optional<size_t> m_focus;
  bool m_focusMoved = false;
};

}  // namespace ui
