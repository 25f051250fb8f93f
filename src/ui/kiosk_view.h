// What the museum kiosk shows beyond the ordinary screens: the attract loop (the newest news
// and the mission, cross-fading, with a "touch to explore" invitation), the blank screen
// outside opening hours, and addresses as QR codes instead of links that would leave the app.
#pragma once
#include <string>
#include <vector>

#include "core/kiosk.h"
#include "core/route.h"
#include "ui/view_context.h"

namespace ui {

// Draws slide `state.slide` (or the next one, as the cross-fade passes its middle) of
// `playlist` full-screen, with the invitation, and records it in the mirror.
void DrawAttract(const ViewContext& ctx, const std::vector<core::Route>& playlist, const core::KioskState& state,
                 bool reducedMotion);

// An address a visitor can take with them: "Scan to open on your phone", the code and the
// address in words. Replaces "Open the link/document" in the kiosk.
void ScanCode(const DrawContext& ctx, const std::string& url);

}  // namespace ui
