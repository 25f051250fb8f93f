// Draws a QR code (core::QrCode) for the kiosk, which shows addresses as codes to scan instead
// of opening links: black modules on white with the quiet zone, whatever the theme.
#pragma once
#include <imgui.h>

#include "core/qr.h"

namespace ui {

// The size DrawQr takes: (qr.size + 2 * quietModules) modules of `modulePx` device px, rounded
// down to whole pixels (at least 1) so that module edges stay sharp.
ImVec2 QrSize(const core::QrCode& qr, float modulePx, int quietModules = 4);

// Draws `qr` at the cursor (moved to a whole pixel) with a white quiet zone of `quietModules`
// modules (4 by the standard) and moves the cursor below it as any item does. Returns its size.
ImVec2 DrawQr(const core::QrCode& qr, float modulePx, int quietModules = 4);

}  // namespace ui
