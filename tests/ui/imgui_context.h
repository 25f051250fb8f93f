// A headless Dear ImGui context for tests: display size, frame time, the app's fonts at
// `scale` with the atlas built (no renderer). Shared by the ui harness, the ui tests that draw
// widgets alone, and the kiosk soak.
#pragma once
#include "ui/fonts.h"

namespace test {

// Creates the context (the caller destroys it) and loads the fonts into `fonts`; false when the
// font files are missing (ImGui's built-in font is used then).
bool StartImGui(float width, float height, float scale, ui::Fonts& fonts);

}  // namespace test
