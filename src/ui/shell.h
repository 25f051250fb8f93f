// The frame around every screen: header with the site title, navigation and language switch,
// then the scrolling content area with a readable measure. Also the loading and error screens,
// which have no bundle to draw a header from.
#pragma once
#include <functional>
#include <string>

#include "ui/view_context.h"

namespace ui {

void DrawShell(const ViewContext& ctx, const std::function<void(const ViewContext&)>& content);

void DrawLoadingScreen(const Fonts& fonts, const Palette& palette, float scale, const std::string& lang,
                       MirrorRecorder& mirror);
// Returns true when the visitor asked to try again.
bool DrawErrorScreen(const Fonts& fonts, const Palette& palette, float scale, const std::string& lang,
                     const std::string& message, const std::string& location, MirrorRecorder& mirror);

}  // namespace ui
