// The interface state that is not content: where the visitor is and the choices they made.
// A plain struct so that tests can set it up and inspect it.
#pragma once
#include <optional>
#include <string>

#include "core/route.h"
#include "core/timeline.h"

namespace ui {

struct UiState {
  core::Route route;                                               // the screen shown
  std::optional<core::Route> pending;                             // chosen this frame; applied after it
  bool pendingReplace = false;                                     // replaces the history entry (typing a search)
  std::string searchText;                                          // what the search field holds
  bool searchTextReplaced = false;                                 // set from outside the field (a link, back)
  std::string lang;                                                // content and interface language
  std::optional<std::string> pendingLang;                         // chosen this frame; applied after it
  core::DirectiveSort directiveSort = core::DirectiveSort::DateNewest;
  float scale = 1.0f;                                              // device pixels per CSS pixel
  bool resetScroll = true;                                         // scroll to the top on the next frame
  float scrollBy = 0;                                              // device px to scroll the content (touch)
  float contentTop = 0, contentBottom = 0;                         // visible content area this frame, device px
  std::optional<size_t> focusNode;                                 // mirror node focused from the page (keyboard)
  bool linkCopied = false;                                         // "Copy link" feedback until the next screen
  bool kiosk = false;                                              // museum kiosk: nothing leads out of the app
  bool keyboardOpen = false;                                       // kiosk: the on-screen keyboard is shown
};

}  // namespace ui
