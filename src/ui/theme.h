// Colours and sizes of the interface. Text colours meet WCAG AA (4.5:1) on their backgrounds.
#pragma once
#include <imgui.h>

namespace ui {

struct Palette {
  ImU32 background, surface, surfaceHover, text, muted, accent, accentText, link, axis, error, focus, mark;
};

const Palette& LightPalette();
const Palette& DarkPalette();
// Applies colours and sizes (scaled by the device pixel ratio) to the current ImGui style.
void ApplyTheme(const Palette& palette, float scale);

}  // namespace ui
