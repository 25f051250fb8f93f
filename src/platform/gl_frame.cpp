// See gl_frame.h.
#include "platform/gl_frame.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <GL/gl.h>
#endif

#include <imgui_impl_opengl3.h>

namespace platform {

void Present(int framebufferWidth, int framebufferHeight, ImU32 background) {
  glViewport(0, 0, framebufferWidth, framebufferHeight);
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(background);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void RemakeFontsTexture(bool rendererStarted) {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  if (rendererStarted) ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace platform
