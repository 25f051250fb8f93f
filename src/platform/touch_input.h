// Touch for both builds: a finger (or, on a desktop kiosk, a touch screen that arrives as the
// mouse) becomes taps that ImGui sees as one click, drags that scroll the app with inertia,
// and a first touch that only wakes the kiosk. ImGui 1.86 has no input queue, so a tap is
// replayed as pointer states, one per frame.
#pragma once
#include <imgui.h>

#include <deque>

#include "core/touch_gesture.h"
#include "ui/app.h"

namespace platform {

class TouchInput {
 public:
  void SetInertia(bool on) { m_gesture.SetInertia(on); }
  // Positions in CSS px (`ratio` device px each); `now` in seconds.
  void Begin(ui::App& app, float x, float y, double now);
  void Move(ui::App& app, float x, float y, double now, float ratio);
  void End(ui::App& app, double now, float ratio);
  void Cancel() { m_gesture.Cancel(); }
  // After the backend's NewFrame, before ImGui::NewFrame: overrides the pointer with the
  // replayed tap and applies the fling. Returns true while it needs more frames.
  bool Apply(ui::App& app, double now, float ratio);
  bool Active() const { return m_gesture.Touching() || m_gesture.Flinging() || !m_pointer.empty(); }

 private:
  struct PointerFrame {
    ImVec2 pos;
    bool down;
  };
  core::TouchGesture m_gesture;
  std::deque<PointerFrame> m_pointer;
  bool m_swallowed = false;  // this touch only woke the kiosk
};

}  // namespace platform
