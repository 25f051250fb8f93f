// The browser's renderer: the font atlas, the images and each frame's draw lists, sent to
// web/render/draw.mjs, which draws them with WebGL2 in the render worker (an OffscreenCanvas the
// page shows: the page's thread then spends nothing on the GPU, not the context, the shader's
// compile, the uploads, nor the canvas's hand-over to the compositor) or, where a worker cannot
// have a canvas, on the page's thread. The program itself links no GL.
#pragma once
#include <cstdint>
#include <vector>

#include "platform/renderer.h"

namespace platform {

class FrameRenderer : public Renderer {
 public:
  bool Init() override;
  void Shutdown() override;
  void UploadFonts() override;
  unsigned UploadImage(int width, int height, const unsigned char* rgba) override;
  void DeleteImage(unsigned texture) override;
  void Render(const ImDrawData* data, int framebufferWidth, int framebufferHeight, ImU32 background) override;

 private:
  unsigned m_fonts = 0;
  unsigned m_nextTexture = 1;
  std::vector<uint32_t> m_frame;  // the frame's message, reused (its layout: src/platform/render/frame_format.json)
};

}  // namespace platform
