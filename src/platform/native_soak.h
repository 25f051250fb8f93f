// Drives the real desktop kiosk (GLFW, OpenGL, textures) on an accelerated clock for a soak
// test: `mod-viewer BUNDLE --kiosk --soak DAYS`. Visitors come and go, the bundle file is
// rewritten (new, then now and then half-written), nights are blank; at the end it prints
// memory, textures and mirror size at warm-up and at the end and fails if anything grew.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

#include "platform/native_cli.h"
#include "platform/native_host.h"
#include "ui/app.h"

namespace platform {

// `mod-viewer BUNDLE --kiosk --soak DAYS`: the soak run in a real window; returns the exit code
// (0 when nothing grew).
int RunSoak(const NativeOptions& options, NativeHost& host);

class SoakDriver {
 public:
  SoakDriver(double days, std::filesystem::path bundle);
  bool Done() const { return m_now >= m_end; }
  double Now() const { return m_now; }
  int MinuteOfWeek() const;  // the simulation starts on a Monday at 00:00
  // Before a frame: visitors, bundle rewrites.
  void Before(ui::App& app);
  // After a frame: the figures, and the clock's next step.
  void After(ui::App& app, size_t textures);
  int Report() const;  // prints; 0 when nothing grew

 private:
  struct Figures {
    long rssKiB = 0;
    size_t textures = 0, mirrorNodes = 0;
  };
  Figures Measure(const ui::App& app, size_t textures) const;

  std::filesystem::path m_bundle;
  std::string m_original;
  double m_now = 0, m_end = 0, m_nextVisit = 0;
  long m_lastHour = -1, m_frames = 0, m_visits = 0, m_rewrites = 0;
  Figures m_warm, m_last, m_peak;
};

}  // namespace platform
