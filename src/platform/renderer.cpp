// See renderer.h.
#include "platform/renderer.h"

namespace platform {

void DisplayProjection(const ImDrawData& data, float projection[16]) {
  const float l = data.DisplayPos.x, r = l + data.DisplaySize.x;
  const float t = data.DisplayPos.y, b = t + data.DisplaySize.y;
  const float m[16] = {
      2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1,
  };
  for (int i = 0; i < 16; ++i) projection[i] = m[i];
}

bool ScissorBox(const ImDrawData& data, const ImDrawCmd& cmd, int framebufferHeight, int box[4]) {
  const ImVec2 origin = data.DisplayPos, scale = data.FramebufferScale;
  const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
  const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
  if (x1 <= x0 || y1 <= y0) return false;
  box[0] = static_cast<int>(x0);
  box[1] = static_cast<int>(framebufferHeight - y1);
  box[2] = static_cast<int>(x1 - x0);
  box[3] = static_cast<int>(y1 - y0);
  return true;
}

}  // namespace platform
