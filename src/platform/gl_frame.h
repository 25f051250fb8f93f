// Presents ImGui's draw data: viewport, the theme's background, the draw lists. The same for
// the desktop's OpenGL 3.3 and the browser's WebGL2.
#pragma once
#include <imgui.h>

namespace platform {

void Present(int framebufferWidth, int framebufferHeight, ImU32 background);

}  // namespace platform
