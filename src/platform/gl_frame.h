// Presents ImGui's draw data: viewport, the theme's background, the draw lists. The same for
// the desktop's OpenGL 3.3 and the browser's WebGL2.
#pragma once
#include <imgui.h>

namespace platform {

void Present(int framebufferWidth, int framebufferHeight, ImU32 background);

// After the font atlas was rebuilt (ui::App::UpdateFonts): drops the renderer's font texture
// and, once the renderer has made its device objects (after the first frame), makes the new
// one at once. ImGui 1.86's OpenGL backend makes it only together with its shaders, before the
// first frame: without this, every text would be drawn with no texture, invisible, for good.
void RemakeFontsTexture(bool rendererStarted);

}  // namespace platform
