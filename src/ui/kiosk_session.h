// The museum kiosk inside the app: its clock (idle timeout, attract loop, opening hours, the
// content check's interval), the attract playlist of the content shown, the drift against
// burn-in and the on-screen keyboard. App holds one while the kiosk is on.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "core/kiosk.h"
#include "core/kiosk_report.h"
#include "ui/onscreen_keyboard.h"
#include "ui/view_context.h"

namespace ui {

class KioskSession {
 public:
  KioskSession(const core::KioskSettings& settings, double now, bool reducedMotion, const std::string& lang);

  // The time (seconds, any origin, accelerated in soak runs) and the local minute of the week
  // for the opening hours; set before each frame.
  void SetClock(double now, std::optional<int> minuteOfWeek);
  // A touch at `now`. True when it only woke the kiosk from the attract loop or the blank
  // screen: the touch must not reach the interface (it would open something by accident).
  bool Touch(double now) {
    m_now = now;
    return m_clock.Touch(now);
  }
  // The bundle check is due (once per reload interval; a call that says so schedules the next).
  bool ReloadDue(double now) { return m_clock.ReloadDue(now); }
  // Seconds until the kiosk needs a frame without any input (next slide, the check); >= 0.
  double WakeIn() const;
  core::KioskMode Mode() const { return m_state.mode; }
  bool Fading() const { return m_state.mode == core::KioskMode::Attract && m_state.wakeIn <= 0; }
  // The mode for this frame, from the clock. True when the attract loop or the blank screen
  // has just begun: the visit is over and the app returns to its start.
  bool Update(const core::Content& content);
  // Where the whole picture sits against burn-in, device pixels.
  ImVec2 Drift(float scale) const { return ImVec2(m_drift.x * scale, m_drift.y * scale); }

  // The attract loop: the current slide of the playlist, cross-fading, with the invitation.
  void DrawAttract(const ViewContext& ctx) const;
  OnScreenKeyboard& Keyboard() { return m_keyboard; }
  // What visitors did (counts only), for the kiosk's report.
  core::KioskCounts& Counts() { return m_counts; }
  const core::KioskCounts& Counts() const { return m_counts; }

 private:
  core::KioskClock m_clock;
  core::KioskState m_state;
  core::PixelOffset m_drift;
  std::vector<core::Route> m_playlist;
  OnScreenKeyboard m_keyboard;
  core::KioskCounts m_counts;
  double m_now = 0;
  std::optional<int> m_minuteOfWeek;
  bool m_reducedMotion = false;
};

}  // namespace ui
