// The desktop build: the viewer in a GLFW window whose loop sleeps in glfwWaitEvents while no
// frame is owed; --screenshot and --mirror; the kiosk; the soak run (native_soak.cpp).
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <iostream>

#include "platform/native_cli.h"
#include "platform/native_host.h"
#include "platform/native_session.h"
#include "platform/native_soak.h"
#include "platform/native_window.h"
#include "ui/frame_driver.h"
#include "ui/runner.h"

namespace platform {

namespace {

// --mirror: lays the screen out without a window or GL and prints its mirror.
int PrintMirror(const NativeOptions& o, NativeHost& host) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(o.width), static_cast<float>(o.height));
  int exitCode = 0;
  {
    ui::HeadlessPlatform headless;
    NativeSession s(host, headless, o, nullptr, 0);
    for (int i = 0; i < 4; ++i) s.driver.Frame();  // layout settles in a couple of frames (tables, wrapping)
    std::cout << "title: " << s.app.Mirror().title << "\n" << s.app.Mirror().ToText();
    exitCode = s.app.GetPhase() == ui::Phase::Error ? 1 : 0;
  }
  ImGui::DestroyContext();
  return exitCode;
}

// The viewer (and the kiosk, and --screenshot): frames while one is owed, sleep otherwise; a
// kiosk also wakes for its next slide and its bundle check.
int RunWindow(const NativeOptions& o, NativeHost& host) {
  NativeWindow window(o);
  if (!window.Ok()) return 2;
  host.SetRenderer(window.GetRenderer());
  int exitCode = 0;
  {
    NativeSession s(host, window, o, window.Window(), glfwGetTime());
    ui::App& app = s.app;
    window.Attach(app, s.driver, host, s.scale, o.kiosk);
    ui::Runner runner(app, s.driver, window);
    for (int frames = 0; !window.ShouldClose();) {
      window.WaitEvents(o.screenshot.empty() ? runner.NextWake() : 0);
      if (!o.screenshot.empty()) app.RequestFrames(1);  // its picture is the sixth frame
      if (!runner.Tick()) continue;
      if (!o.screenshot.empty() && ++frames >= 6) {
        if (!window.WriteScreenshot(o.screenshot)) {
          std::cerr << "mod-viewer: could not write " << o.screenshot << "\n";
          exitCode = 1;
        }
        break;
      }
      window.Swap();
    }
    window.Detach();
  }
  host.ReleaseImages();  // textures go while the GL context still exists
  return exitCode;
}

}  // namespace
}  // namespace platform

int main(int argc, char** argv) {
  const auto options = platform::ParseNativeArgs(std::vector<std::string>(argv + 1, argv + argc));
  if (!options) {
    std::cerr << "mod-viewer: " << options.GetError() << "\n" << platform::NativeUsage();
    return 2;
  }
  if (options->help) {
    std::cout << platform::NativeUsage();
    return 0;
  }
  const std::string bundle = options->bundle.empty() ? MODV_DEFAULT_BUNDLE : options->bundle;
  platform::NativeHost host(bundle, !options->mirror);
  if (options->mirror) return platform::PrintMirror(*options, host);
  if (options->soakDays > 0) return platform::RunSoak(*options, host);
  return platform::RunWindow(*options, host);
}
