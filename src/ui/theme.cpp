// The light and dark palettes and the style sizes. Contrast ratios (text on background):
// light text 15.9:1, muted 7.0:1, link 7.3:1; dark text 14.8:1, muted 7.4:1, link 7.9:1.
#include "ui/theme.h"

namespace ui {

namespace {

constexpr ImU32 Rgb(unsigned rgb) { return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF); }

const Palette kLight = {
    Rgb(0xFAFAF7),  // background
    Rgb(0xFFFFFF),  // surface
    Rgb(0xEEF1F5),  // surfaceHover
    Rgb(0x1A1D21),  // text
    Rgb(0x4A5360),  // muted
    Rgb(0x8C1C13),  // accent: the flag's red, darkened for contrast
    Rgb(0xFFFFFF),  // accentText
    Rgb(0x0B4A8B),  // link
    Rgb(0xC9CED6),  // axis and rules
    Rgb(0xA11B12),  // error
    Rgb(0x1F6FEB),  // focus ring
    Rgb(0xFFE08A),  // search match highlight (text stays at full contrast on it)
};

// More contrast: text 21:1, muted 12.6:1, links 11.3:1 (light); 21:1, 16.3:1, 12.9:1 (dark);
// rules at 7:1, so that a box's edge is seen too.
const Palette kHighContrastLight = {
    Rgb(0xFFFFFF), Rgb(0xFFFFFF), Rgb(0xE6E6E6), Rgb(0x000000), Rgb(0x333333), Rgb(0x7A0000),
    Rgb(0xFFFFFF), Rgb(0x00339A), Rgb(0x595959), Rgb(0x7A0000), Rgb(0x0000C0), Rgb(0xFFE08A),
};
const Palette kHighContrastDark = {
    Rgb(0x000000), Rgb(0x000000), Rgb(0x262626), Rgb(0xFFFFFF), Rgb(0xE6E6E6), Rgb(0xFFB4AB),
    Rgb(0x000000), Rgb(0xA8D4FF), Rgb(0xA6A6A6), Rgb(0xFFB4AB), Rgb(0x7FB2FF), Rgb(0x665200),
};

const Palette kDark = {
    Rgb(0x16181C), Rgb(0x1F2228), Rgb(0x2A2F37), Rgb(0xECEEF1), Rgb(0xA9B1BD), Rgb(0xF0695E),
    Rgb(0x16181C), Rgb(0x8CC4FF), Rgb(0x3A404A), Rgb(0xFF8A80), Rgb(0x58A6FF), Rgb(0x5C4A12),
};

ImVec4 V(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

const Palette& LightPalette() { return kLight; }
const Palette& DarkPalette() { return kDark; }
const Palette& HighContrastLightPalette() { return kHighContrastLight; }
const Palette& HighContrastDarkPalette() { return kHighContrastDark; }

Palette PaletteFor(const Appearance& a) {
  if (a.forced) {  // the system's colours, each where it means the same
    const SystemColors& s = *a.forced;
    return Palette{Rgb(s.canvas), Rgb(s.canvas), Rgb(s.buttonFace), Rgb(s.canvasText), Rgb(s.canvasText), Rgb(s.highlight),
                   Rgb(s.highlightText), Rgb(s.linkText), Rgb(s.canvasText), Rgb(s.canvasText), Rgb(s.highlight), Rgb(s.highlight)};
  }
  if (a.moreContrast) return a.dark ? kHighContrastDark : kHighContrastLight;
  return a.dark ? kDark : kLight;
}

void ApplyTheme(const Palette& p, float scale) {
  ImGuiStyle style;
  style.WindowPadding = ImVec2(0, 0);
  style.FramePadding = ImVec2(14, 10);
  style.ItemSpacing = ImVec2(10, 8);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 14;
  style.FrameRounding = 6;
  style.ChildRounding = 6;
  style.GrabRounding = 6;
  style.ScrollbarRounding = 7;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.CellPadding = ImVec2(10, 10);
  style.TouchExtraPadding = ImVec2(0, 0);
  style.ScaleAllSizes(scale);
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = V(p.text);
  c[ImGuiCol_TextDisabled] = V(p.muted);
  c[ImGuiCol_WindowBg] = V(p.background);
  c[ImGuiCol_ChildBg] = V(p.background);
  c[ImGuiCol_PopupBg] = V(p.surface);
  c[ImGuiCol_Border] = V(p.axis);
  c[ImGuiCol_FrameBg] = V(p.surface);
  c[ImGuiCol_FrameBgHovered] = V(p.surfaceHover);
  c[ImGuiCol_FrameBgActive] = V(p.surfaceHover);
  c[ImGuiCol_Button] = V(p.surface);
  c[ImGuiCol_ButtonHovered] = V(p.surfaceHover);
  c[ImGuiCol_ButtonActive] = V(p.axis);
  c[ImGuiCol_Header] = V(p.surfaceHover);
  c[ImGuiCol_HeaderHovered] = V(p.surfaceHover);
  c[ImGuiCol_HeaderActive] = V(p.axis);
  c[ImGuiCol_TableHeaderBg] = V(p.surface);
  c[ImGuiCol_TableRowBg] = V(p.background);
  c[ImGuiCol_TableRowBgAlt] = V(p.surface);
  c[ImGuiCol_TableBorderLight] = V(p.axis);
  c[ImGuiCol_TableBorderStrong] = V(p.axis);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = V(p.axis);
  c[ImGuiCol_ScrollbarGrabHovered] = V(p.muted);
  c[ImGuiCol_ScrollbarGrabActive] = V(p.muted);
  c[ImGuiCol_NavHighlight] = V(p.focus);
  c[ImGuiCol_Separator] = V(p.axis);
  ImGui::GetStyle() = style;
}

}  // namespace ui
