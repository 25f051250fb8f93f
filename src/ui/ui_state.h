// The interface state that is not content and belongs to no one view: where the visitor is,
// the search field's text, the language, and what the shell scrolls. A plain struct so that
// tests can inspect it; App changes the route only through Navigator::GoTo.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/route.h"

namespace ui {

// The text sizes the header's control steps through, the first the default; a platform remembers
// the visitor's as its index.
constexpr float kTextSizes[] = {1.0f, 1.5f, 2.0f};
constexpr size_t kTextSizeCount = sizeof(kTextSizes) / sizeof(kTextSizes[0]);
// The index of `size` among them (the nearest below it; 0 for anything smaller).
inline size_t TextSizeStep(float size) {
  size_t step = 0;
  while (step + 1 < kTextSizeCount && kTextSizes[step + 1] <= size) ++step;
  return step;
}

// The rows of chips that scroll sideways, as the last frame drew them, and a finger's sideways
// drag: how far to scroll (device px, positive: the row moves left) the row under where the
// finger went down (x, y, device px); the row takes it, else it lapses.
struct SideScroll {
  struct Row {
    float x0, y0, x1, y1;
  };
  std::vector<Row> rows;
  std::vector<core::Route> inView;  // the chips the rows show whole, by where they lead (Content::ChoicesInView)
  float dx = 0, x = 0, y = 0;
  bool RowAt(float px, float py) const {
    for (const Row& r : rows)
      if (px >= r.x0 && px < r.x1 && py >= r.y0 && py < r.y1) return true;
    return false;
  }
};

struct UiState {
  core::Route route;                        // the screen shown
  std::string searchText;                   // what the search field holds
  bool searchTextReplaced = false;          // set from outside the field (a link, back): the field lets go
  std::string lang;                         // content and interface language
  float scale = 1.0f;                       // device pixels per CSS pixel (x the text size)
  float textSize = kTextSizes[0];           // the visitor's text size: one of kTextSizes
  bool lowVision = false;                   // kiosk: "large text, high contrast" for this visit
  bool kiosk = false;                       // museum kiosk: nothing leads out of the app
  bool keyboardOpen = false;                // kiosk: the on-screen keyboard is shown
  bool resetScroll = true;                  // scroll to the top on the next frame
  float scrollBy = 0;                       // device px to scroll the content (touch, focus)
  SideScroll sideScroll;                    // a finger's sideways drag, for the row under it
  float contentTop = 0, contentBottom = 0;  // visible content area this frame, device px
  std::optional<size_t> focusNode;          // mirror node focused from the page (keyboard)
};

}  // namespace ui
