// The frame around every screen: the header with the site title, navigation, language switch
// and search field, then the scrolling content area at a readable measure, and the kiosk's
// on-screen keyboard while it is open.
#pragma once
#include <functional>
#include <string>

#include "ui/onscreen_keyboard.h"
#include "ui/ui_state.h"
#include "ui/view_context.h"

namespace ui {

// What the shell reads and changes besides the view context: the screen's title, the scroll
// requests, the search field's text, the keyboard (kiosk only; nullptr elsewhere).
struct ShellInput {
  const std::string& title;
  UiState& state;
  OnScreenKeyboard* keyboard = nullptr;
};

// Records the mirror's title and draws the header, then `content` inside the content area
// (with ctx.measure set to the width of its column).
void DrawShell(const ViewContext& ctx, const ShellInput& shell, const std::function<void(const ViewContext&)>& content);

}  // namespace ui
