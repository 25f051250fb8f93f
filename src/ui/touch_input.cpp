// TouchInput; see touch_input.h.
#include "ui/touch_input.h"

#include <cfloat>

namespace ui {

void TouchInput::Begin(App& app, float x, float y, double now, float ratio) {
  m_swallowed = app.KioskInput(now);
  if (!m_swallowed) m_gesture.Begin(x, y, now, app.State().sideScroll.RowAt(x * ratio, y * ratio));
}

void TouchInput::Move(App& app, float x, float y, double now, float ratio) {
  if (m_swallowed) return;
  if (const float d = m_gesture.Move(x, y, now); d != 0) Scroll(app, d * ratio, ratio);
}

void TouchInput::Scroll(App& app, float pixels, float ratio) {
  if (m_gesture.Sideways()) app.ScrollSideways(pixels, m_gesture.StartX() * ratio, m_gesture.StartY() * ratio);
  else app.ScrollBy(pixels);
}

void TouchInput::End(App& app, double now, float ratio) {
  if (m_swallowed) {
    m_swallowed = false;
    return;
  }
  if (m_gesture.Release(now) == core::TouchGesture::End::Tap) {
    // Hover, press, release where the finger was, then take the pointer away: no hover stays.
    const ImVec2 at(m_gesture.StartX() * ratio, m_gesture.StartY() * ratio);
    m_pointer.push_back({at, false});
    m_pointer.push_back({at, true});
    m_pointer.push_back({at, false});
    m_pointer.push_back({ImVec2(-FLT_MAX, -FLT_MAX), false});
  }
}

bool TouchInput::Apply(App& app, double now, float ratio) {
  ImGuiIO& io = ImGui::GetIO();
  if (!m_pointer.empty()) {
    io.MousePos = m_pointer.front().pos;
    io.MouseDown[0] = m_pointer.front().down;
    m_pointer.pop_front();
  } else if (m_gesture.Touching() || m_swallowed) {
    io.MouseDown[0] = false;  // a finger on the glass is not a held button
  }
  if (m_swallowMouse) {
    io.MouseDown[0] = false;
    if (m_releaseSwallowed) m_swallowMouse = m_releaseSwallowed = false;
  }
  if (m_gesture.Flinging()) Scroll(app, m_gesture.Step(now) * ratio, ratio);
  return Active();
}

void TouchInput::MouseButton(App& app, bool pressed, double now) {
  if (pressed) m_swallowMouse = app.KioskInput(now);
  else if (m_swallowMouse) m_releaseSwallowed = true;
  app.RequestFrames(3);
}

}  // namespace ui
