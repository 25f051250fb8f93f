// The screens before there is content: loading, the error, a kiosk's waiting (drawn without
// content, so they take a DrawContext). They keep nothing between frames.
#pragma once
#include <string>

#include "ui/view_context.h"

namespace ui {

void DrawLoadingScreen(const DrawContext& ctx);
// The bundle could not be shown: what and where, and a retry. True when the visitor asked to
// try again.
bool DrawErrorScreen(const DrawContext& ctx, const std::string& message, const std::string& location);
// A kiosk that has had no content yet (the server down, a broken bundle): a calm notice in both
// languages, no error and no button; the platform keeps trying.
void DrawWaitingScreen(const DrawContext& ctx);

}  // namespace ui
