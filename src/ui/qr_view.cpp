// Draws QR codes; see qr_view.h. Dark modules of a row are drawn as one rectangle per run, so a
// version-10 code costs a few hundred rectangles, not thousands.
#include "ui/qr_view.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

float ModulePx(float modulePx) { return std::max(1.0f, std::floor(modulePx)); }

}  // namespace

ImVec2 QrSize(const core::QrCode& qr, float modulePx, int quietModules) {
  const float side = (qr.size + 2 * std::max(0, quietModules)) * ModulePx(modulePx);
  return ImVec2(side, side);
}

ImVec2 DrawQr(const core::QrCode& qr, float modulePx, int quietModules) {
  const float m = ModulePx(modulePx);
  const ImVec2 size = QrSize(qr, modulePx, quietModules);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  pos = ImVec2(std::floor(pos.x), std::floor(pos.y));
  ImGui::SetCursorScreenPos(pos);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Scanners need dark on light: fixed colours, not the theme's.
  const ImU32 white = IM_COL32(255, 255, 255, 255), black = IM_COL32(0, 0, 0, 255);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), white);
  const float left = pos.x + std::max(0, quietModules) * m, top = pos.y + std::max(0, quietModules) * m;
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size;) {
      if (!qr.At(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < qr.size && qr.At(x, y)) ++x;
      dl->AddRectFilled(ImVec2(left + start * m, top + y * m), ImVec2(left + x * m, top + (y + 1) * m), black);
    }
  }
  ImGui::Dummy(size);
  return size;
}

}  // namespace ui
