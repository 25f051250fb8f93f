// What draws ImGui's frames and holds their textures (the font atlas, the bundle's images):
// GlRenderer with a GL context of the program's own (the desktop), or FrameRenderer (the
// browser: web/render/draw.mjs draws, in a worker or on the page's thread).
#pragma once
#include <imgui.h>

namespace platform {

class Renderer {
 public:
  virtual ~Renderer() = default;

  // Makes what drawing needs; false (with a message) when it cannot.
  virtual bool Init() = 0;
  virtual void Shutdown() = 0;

  // Uploads ImGui's font atlas as it is now, replacing the one before (after ui::App::UpdateFonts
  // rebuilt it), and drops the CPU's copy.
  virtual void UploadFonts() = 0;

  // An image as a texture (RGBA, 8 bits each, rows packed); 0 when none could be made.
  virtual unsigned UploadImage(int width, int height, const unsigned char* rgba) = 0;
  virtual void DeleteImage(unsigned texture) = 0;

  // Clears to `background` and draws the frame's draw data into the framebuffer.
  virtual void Render(const ImDrawData* data, int framebufferWidth, int framebufferHeight, ImU32 background) = 0;
};

// What both renderers compute alike. The projection from ImGui's display coordinates to clip
// space, y down (column-major, for the shader's Projection).
void DisplayProjection(const ImDrawData& data, float projection[16]);
// A command's clip rectangle as a GL scissor box (x, y, width, height in framebuffer pixels,
// y going up); false when nothing of it is left to draw.
bool ScissorBox(const ImDrawData& data, const ImDrawCmd& cmd, int framebufferHeight, int box[4]);

}  // namespace platform
