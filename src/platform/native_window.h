// The desktop build's window: GLFW with an OpenGL 3.3 core context, Dear ImGui's GLFW input
// backend, our renderer; and its hooks into the run loop (ui::RunnerPlatform). Kiosk touches (a
// touch screen arrives as the mouse) and Escape are taken from GLFW's callbacks here, and any
// input asks for frames.
#pragma once
#include <GLFW/glfw3.h>

#include <optional>
#include <string>

#include "platform/gl_renderer.h"
#include "platform/native_cli.h"
#include "platform/native_host.h"
#include "ui/app.h"
#include "ui/frame_driver.h"
#include "ui/runner.h"

namespace platform {

class NativeWindow : public ui::RunnerPlatform {
 public:
  // Opens the window (hidden for --screenshot; full screen on the primary display for a
  // kiosk) and the ImGui context. Check Ok(): there may be no display or no OpenGL 3.3.
  explicit NativeWindow(const NativeOptions& options);
  ~NativeWindow() override;
  NativeWindow(const NativeWindow&) = delete;
  NativeWindow& operator=(const NativeWindow&) = delete;
  bool Ok() const { return m_window != nullptr; }
  GLFWwindow* Window() { return m_window; }
  Renderer* GetRenderer() { return &m_renderer; }

  // Routes GLFW's input to `app` and `driver` (Escape, kiosk touches) until Detach; the kiosk's
  // checks read `host`'s bundle file.
  void Attach(ui::App& app, ui::FrameDriver& driver, NativeHost& host, float scale, bool kiosk);
  void Detach();
  // Waits for input, for at most `seconds` (< 0: as long as it takes; 0: not at all).
  void WaitEvents(double seconds);
  bool ShouldClose() const { return glfwWindowShouldClose(m_window) != 0; }
  void Swap() { glfwSwapBuffers(m_window); }
  // The framebuffer as a PNG file (after a frame was presented).
  bool WriteScreenshot(const std::string& file);

  // ui::RunnerPlatform
  void CheckForUpdate() override {
    if (m_input.app) m_input.host->CheckForUpdate(*m_input.app);
  }
  void AfterFrame() override;
  void BeginFrame() override;
  double Now() override { return glfwGetTime(); }
  std::optional<int> MinuteOfWeek() override;
  float Ratio() override { return m_input.scale; }
  void FontsChanged() override { m_renderer.UploadFonts(); }
  void Present(ImDrawData* data, ImU32 background) override;

 private:
  // What GLFW's callbacks reach through the window's user pointer.
  struct Input {
    ui::App* app = nullptr;
    ui::FrameDriver* driver = nullptr;
    NativeHost* host = nullptr;
    float scale = 1.0f;
    bool kiosk = false;
  };
  static void InstallCallbacks(GLFWwindow* window);
  static void Wake(GLFWwindow* window);
  void Close();

  GLFWwindow* m_window = nullptr;
  GlRenderer m_renderer;
  bool m_imgui = false;  // the ImGui context and backend exist
  Input m_input;
};

}  // namespace platform
