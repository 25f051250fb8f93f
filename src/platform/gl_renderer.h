// Draws ImGui's draw data with OpenGL 3.3 on the desktop (the browser's renderer is
// web/render/draw.mjs, the same shader and state): one shader, one vertex array, the font atlas
// and the images' textures. Our own rather than Dear ImGui 1.86's OpenGL3 backend: that one saves
// and restores some twenty pieces of GL state around every frame with glGet*/glIsEnabled (in a
// browser, synchronous WebGL queries: about 1.5 ms of a 2 ms scrolling frame in Chromium). The
// viewer owns its context, so nothing needs saving: each frame sets the state it draws with.
#pragma once
#include "platform/renderer.h"

namespace platform {

class GlRenderer : public Renderer {
 public:
  GlRenderer() = default;
  GlRenderer(const GlRenderer&) = delete;
  GlRenderer& operator=(const GlRenderer&) = delete;
  ~GlRenderer() override = default;  // Shutdown() while the context exists

  // Compiles the shader and makes the buffers; false (with a message on stderr) when the GL
  // cannot. Needs the context current.
  bool Init() override;
  void Shutdown() override;
  void UploadFonts() override;
  unsigned UploadImage(int width, int height, const unsigned char* rgba) override;
  void DeleteImage(unsigned texture) override;
  void Render(const ImDrawData* data, int framebufferWidth, int framebufferHeight, ImU32 background) override;

 private:
  unsigned m_program = 0, m_vao = 0, m_vbo = 0, m_ebo = 0, m_fonts = 0;
  int m_projection = -1;  // uniform locations
  int m_texture = -1;
  int m_coverage = -1;
};

}  // namespace platform
