// One run of the desktop viewer's app: the App and its FrameDriver, set up from the command
// line (scale, theme, language, route, fonts), the bundle loaded, and the kiosk started when
// asked. The interactive window, --mirror and the soak run each make one and run their loop.
#pragma once
#include <GLFW/glfw3.h>

#include "platform/native_cli.h"
#include "platform/native_host.h"
#include "ui/app.h"
#include "ui/frame_driver.h"

namespace platform {

class NativeSession {
 public:
  // `window`: the kiosk's size comes from it (nullptr: no window, no kiosk). The kiosk's clock
  // starts at `kioskStart` (seconds on the platform's clock).
  NativeSession(NativeHost& host, ui::FramePlatform& platform, const NativeOptions& options, GLFWwindow* window,
                double kioskStart);
  ~NativeSession();
  NativeSession(const NativeSession&) = delete;
  NativeSession& operator=(const NativeSession&) = delete;

  ui::App app;
  ui::FrameDriver driver;
  float scale = 1.0f;  // the interface scale (the kiosk's is larger)

 private:
  NativeHost& m_host;
};

}  // namespace platform
