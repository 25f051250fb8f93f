// Colours and sizes of the interface. Text colours meet WCAG AA (4.5:1) on their backgrounds.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <optional>

namespace ui {

struct Palette {
  ImU32 background, surface, surfaceHover, text, muted, accent, accentText, link, axis, error, focus, mark;
};

const Palette& LightPalette();
const Palette& DarkPalette();
// Text at 7:1 or more against its background (WCAG AAA), for prefers-contrast: more and the
// kiosk's "large text, high contrast".
const Palette& HighContrastLightPalette();
const Palette& HighContrastDarkPalette();

// The system's own colours under forced colours (Windows high contrast), as 0xRRGGBB.
struct SystemColors {
  uint32_t canvas, canvasText, linkText, highlight, highlightText, buttonFace, buttonText, grayText;
};

// What the system asks of the colours.
struct Appearance {
  bool dark = false;
  bool moreContrast = false;
  std::optional<SystemColors> forced;
};
// The palette for it: forced colours first, then more contrast, then dark or light.
Palette PaletteFor(const Appearance& appearance);
// Applies colours and sizes (scaled by the device pixel ratio) to the current ImGui style.
void ApplyTheme(const Palette& palette, float scale);

}  // namespace ui
