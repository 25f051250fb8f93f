// FrameDriver; see frame_driver.h.
#include "ui/frame_driver.h"

namespace ui {

void DrawImGuiFrame(const std::function<void()>& content) {
  ImGui::NewFrame();
  content();
  ImGui::Render();
}

void FrameDriver::Frame(bool present) {
  for (int pass = 0; pass < 2; ++pass) {
    // The atlas is built before the first frame; again when the scale or the content asks.
    if (m_app.UpdateFonts(m_fonts) || m_framesDrawn == 0) m_platform.FontsChanged();
    ++m_framesDrawn;
    m_platform.BeginFrame();
    ImGuiIO& io = ImGui::GetIO();
    // A frame drawn at once after another (a typed letter's results) can follow it within the
    // clock's resolution; ImGui needs time to pass.
    if (io.DeltaTime <= 0) io.DeltaTime = 1e-4f;
    if (pass == 0) {
      const double now = m_platform.Now();
      if (m_touch.Apply(m_app, now, m_platform.Ratio())) m_app.RequestFrames(2);
      if (m_app.Kiosk()) m_app.SetClock(now, m_platform.MinuteOfWeek());
    }
    DrawImGuiFrame([this] { m_app.Frame(); });
    // A frame whose input chose another screen drew the one it began with: the new one is drawn
    // in its place at once, not a frame later.
    if (!m_app.RouteChangedInFrame()) break;
  }
  if (present) m_platform.Present(ImGui::GetDrawData(), m_app.GetPalette().background);
}

int FrameDriver::FramesUntilIdle(int max) {
  int frames = 0;
  do {
    Frame();
    ++frames;
  } while (WantsFrame() && frames < max);
  return frames;
}

}  // namespace ui
