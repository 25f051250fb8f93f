// Touch for both builds: a finger (or, on a desktop kiosk, a touch screen that arrives as the
// mouse) becomes taps that ImGui sees as one click, drags that scroll the app with inertia (or,
// sideways, the row of chips under the finger),
// and a first touch that only wakes the kiosk; a mouse click that only woke the kiosk is kept
// from ImGui too. ImGui 1.86 has no input queue, so a tap is replayed as pointer states, one
// per frame. FrameDriver applies it in every frame.
#pragma once
#include <imgui.h>

#include <deque>

#include "core/touch_gesture.h"
#include "ui/app.h"

namespace ui {

class TouchInput {
 public:
  void SetInertia(bool on) { m_gesture.SetInertia(on); }
  // Positions in CSS px (`ratio` device px each); `now` in seconds.
  void Begin(App& app, float x, float y, double now, float ratio);
  void Move(App& app, float x, float y, double now, float ratio);
  void End(App& app, double now, float ratio);
  void Cancel() { m_gesture.Cancel(); }
  // A mouse button (not a finger) went down or up at `now`: a press that only woke the kiosk
  // is held back from ImGui until its release.
  void MouseButton(App& app, bool pressed, double now);
  // In each frame (FrameDriver::Frame, before Dear ImGui starts the frame): overrides the pointer with the
  // replayed tap and applies the fling. Returns true while it needs more frames.
  bool Apply(App& app, double now, float ratio);
  bool Active() const { return m_gesture.Touching() || m_gesture.Flinging() || !m_pointer.empty(); }

 private:
  // Scrolls the app, or sideways the row of chips the drag started on.
  void Scroll(App& app, float pixels, float ratio);

  struct PointerFrame {
    ImVec2 pos;
    bool down;
  };
  core::TouchGesture m_gesture;
  std::deque<PointerFrame> m_pointer;
  bool m_swallowed = false;  // this touch only woke the kiosk
  bool m_swallowMouse = false, m_releaseSwallowed = false;  // a click that only woke the kiosk
};

}  // namespace ui
