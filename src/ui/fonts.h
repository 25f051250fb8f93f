// The fonts the interface uses, rasterised for the device pixel ratio, with the glyph ranges
// Albanian and typographic punctuation need (ImGui's default stops at U+00FF).
#pragma once
#include <imgui.h>

#include <string>

namespace ui {

struct Fonts {
  ImFont* body = nullptr;     // running text, 18 CSS px
  ImFont* small = nullptr;    // dates, notes, chips: 16 CSS px (never below)
  ImFont* bold = nullptr;     // card titles, 19 CSS px
  ImFont* h2 = nullptr;       // section headings, 23 CSS px
  ImFont* h1 = nullptr;       // screen titles, 30 CSS px
};

// Loads NotoSans-Regular.ttf and NotoSans-Bold.ttf from `dir` into the current context's atlas,
// replacing what was there. Falls back to ImGui's built-in font (ASCII only) when they are
// missing, and says so in the return value.
bool LoadFonts(const std::string& dir, float scale, Fonts& fonts);

// The glyph ranges loaded: Basic Latin, Latin-1, Latin Extended-A, Romanian comma letters,
// General Punctuation, replacement character.
const ImWchar* GlyphRanges();

}  // namespace ui
