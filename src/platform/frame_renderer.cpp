// See frame_renderer.h.
#include "platform/frame_renderer.h"

#include <cstring>

#include "platform/render_format.h"  // the frame's layout, as web/render/worker.mjs reads it
#include "platform/web_bridge.h"

namespace platform {

bool FrameRenderer::Init() {
  ImGui::GetIO().BackendRendererName = "mod-viewer frames";
  // No ImGuiBackendFlags_RendererHasVtxOffset: WebGL 2 has no base-vertex draws.
  return true;
}

void FrameRenderer::Shutdown() {
  if (m_fonts) app_js_render_forget(m_fonts);
  m_fonts = 0;
  ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void FrameRenderer::UploadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);  // one channel, as GlRenderer
  if (!m_fonts) m_fonts = m_nextTexture++;
  app_js_render_texture(m_fonts, width, height, 1, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_fonts)));
  io.Fonts->ClearTexData();
}

unsigned FrameRenderer::UploadImage(int width, int height, const unsigned char* rgba) {
  const unsigned id = m_nextTexture++;
  app_js_render_texture(id, width, height, 0, rgba);
  return id;
}

void FrameRenderer::DeleteImage(unsigned texture) {
  app_js_render_forget(texture);
}

void FrameRenderer::Render(const ImDrawData* data, int framebufferWidth, int framebufferHeight, ImU32 background) {
  namespace header = frame::header;
  namespace command = frame::command;
  std::vector<uint32_t>& f = m_frame;
  f.assign(header::kWords + frame::kProjectionWords, 0);
  const int lists = data && framebufferWidth > 0 && framebufferHeight > 0 ? data->CmdListsCount : 0;
  f[header::kLists] = static_cast<uint32_t>(lists);
  f[header::kWidth] = static_cast<uint32_t>(framebufferWidth);
  f[header::kHeight] = static_cast<uint32_t>(framebufferHeight);
  f[header::kBackground] = background;
  const auto put = [&f](const void* bytes, size_t size) {
    const size_t at = f.size();
    f.resize(at + (size + 3) / 4);
    std::memcpy(f.data() + at, bytes, size);
  };
  if (lists) {
    float projection[frame::kProjectionWords];
    DisplayProjection(*data, projection);
    std::memcpy(f.data() + header::kWords, projection, sizeof projection);
  }
  for (int n = 0; n < lists; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    const size_t head = f.size();
    f.resize(head + frame::list::kWords);
    f[head + frame::list::kVertexBytes] = static_cast<uint32_t>(list->VtxBuffer.Size * sizeof(ImDrawVert));
    f[head + frame::list::kIndexBytes] = static_cast<uint32_t>(list->IdxBuffer.Size * sizeof(ImDrawIdx));
    uint32_t commands = 0;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) continue;  // none but ResetRenderState is used; the state is the worker's
      int box[4];
      if (!ScissorBox(*data, cmd, framebufferHeight, box)) continue;
      int32_t c[command::kWords];
      c[command::kX] = box[0];
      c[command::kY] = box[1];
      c[command::kWidth] = box[2];
      c[command::kHeight] = box[3];
      c[command::kTexture] = static_cast<int32_t>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
      c[command::kIndexCount] = static_cast<int32_t>(cmd.ElemCount);
      c[command::kIndexOffset] = static_cast<int32_t>(cmd.IdxOffset * sizeof(ImDrawIdx));
      put(c, sizeof c);
      ++commands;
    }
    f[head + frame::list::kCommands] = commands;
    put(list->VtxBuffer.Data, f[head + frame::list::kVertexBytes]);
    put(list->IdxBuffer.Data, f[head + frame::list::kIndexBytes]);
  }
  app_js_render_frame(f.data(), static_cast<int>(f.size() * 4));
}

}  // namespace platform
