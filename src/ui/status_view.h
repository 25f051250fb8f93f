// The screens that are not content: loading and error (drawn without a bundle, so they take a
// DrawContext), page not found, and the diagnostics of the bundle shown. They keep nothing
// between frames.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "ui/view_context.h"

namespace ui {

void DrawLoadingScreen(const DrawContext& ctx);
// The bundle could not be shown: what and where, and a retry. True when the visitor asked to
// try again.
bool DrawErrorScreen(const DrawContext& ctx, const std::string& message, const std::string& location);
// A kiosk that has had no content yet (the server down, a broken bundle): a calm notice in both
// languages, no error and no button; the platform keeps trying.
void DrawWaitingScreen(const DrawContext& ctx);
void DrawNotFound(const ViewContext& ctx);
// Every problem found in the bundle, and how many items were left out because of them.
void DrawDiagnosticsView(const ViewContext& ctx, const std::vector<core::Diagnostic>& diagnostics, int skippedItems);

}  // namespace ui
