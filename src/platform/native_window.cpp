// NativeWindow; see native_window.h.
#include "platform/native_window.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <ctime>
#include <iostream>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include "core/kiosk.h"

namespace platform {

NativeWindow::NativeWindow(const NativeOptions& o) {
  glfwSetErrorCallback([](int code, const char* msg) { std::cerr << "GLFW error " << code << ": " << msg << "\n"; });
  if (!glfwInit()) {
    std::cerr << "mod-viewer: no display (GLFW could not start); for tests run it under xvfb-run\n";
    return;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  if (!o.screenshot.empty()) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  // The kiosk fills the primary screen; everything else is a window of the asked size.
  GLFWmonitor* monitor = o.kiosk && o.screenshot.empty() ? glfwGetPrimaryMonitor() : nullptr;
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  m_window = glfwCreateWindow(mode ? mode->width : o.width, mode ? mode->height : o.height, "Ministria e Mbrojtjes",
                              mode ? monitor : nullptr, nullptr);
  if (!m_window) {
    std::cerr << "mod-viewer: could not create an OpenGL 3.3 window\n";
    glfwTerminate();
    return;
  }
  glfwMakeContextCurrent(m_window);
  glfwSwapInterval(o.soakDays > 0 ? 0 : 1);  // a soak's clock is simulated: no reason to wait for the display
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  m_imgui = true;
  InstallCallbacks(m_window);
  ImGui_ImplGlfw_InitForOpenGL(m_window, true);
  if (!m_renderer.Init()) Close();
}

NativeWindow::~NativeWindow() { Close(); }

void NativeWindow::Close() {
  if (!m_window) return;
  m_renderer.Shutdown();
  if (m_imgui) {
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    m_imgui = false;
  }
  glfwDestroyWindow(m_window);
  glfwTerminate();
  m_window = nullptr;
}

// Input wakes the loop: the frames that show what it did (a hover, a press, typed text).
void NativeWindow::Wake(GLFWwindow* w) {
  auto* in = static_cast<Input*>(glfwGetWindowUserPointer(w));
  if (in && in->app) in->app->RequestFrames(3);
}

void NativeWindow::InstallCallbacks(GLFWwindow* window) {
  // Installed before ImGui's backend, which chains to them. Escape is taken here: ImGui 1.86
  // misses a key pressed and released within one event poll.
  glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int) {
    auto* in = static_cast<Input*>(glfwGetWindowUserPointer(w));
    if (!in) return;
    Wake(w);
    if (in->app && key == GLFW_KEY_ESCAPE && action == GLFW_PRESS && !ImGui::GetIO().WantTextInput) in->app->GoBack();
  });
  glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { Wake(w); });
  glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { Wake(w); });
  glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { Wake(w); });
  glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { Wake(w); });
  glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
    auto* in = static_cast<Input*>(glfwGetWindowUserPointer(w));
    if (!in) return;
    Wake(w);
    if (!in->kiosk || !in->app || button != GLFW_MOUSE_BUTTON_LEFT) return;
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    ui::TouchInput& touch = in->driver->Touch();
    if (action == GLFW_PRESS)
      touch.Begin(*in->app, static_cast<float>(x) / in->scale, static_cast<float>(y) / in->scale, glfwGetTime(), in->scale);
    else touch.End(*in->app, glfwGetTime(), in->scale);
  });
  glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
    auto* in = static_cast<Input*>(glfwGetWindowUserPointer(w));
    if (in) Wake(w);
    if (in && in->kiosk && in->app && glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS)
      in->driver->Touch().Move(*in->app, static_cast<float>(x) / in->scale, static_cast<float>(y) / in->scale, glfwGetTime(),
                               in->scale);
  });
}

void NativeWindow::Attach(ui::App& app, ui::FrameDriver& driver, NativeHost& host, float scale, bool kiosk) {
  m_input = Input{&app, &driver, &host, scale, kiosk};
  glfwSetWindowUserPointer(m_window, &m_input);
  if (kiosk) glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);  // a touch screen: no pointer to show
}

void NativeWindow::Detach() {
  glfwSetWindowUserPointer(m_window, nullptr);
  m_input = Input{};
}

void NativeWindow::WaitEvents(double seconds) {
  if (seconds == 0) glfwPollEvents();
  else if (seconds > 0) glfwWaitEventsTimeout(seconds);
  else glfwWaitEvents();
}

void NativeWindow::BeginFrame() { ImGui_ImplGlfw_NewFrame(); }

// The window's title follows the screen the visitor went to.
void NativeWindow::AfterFrame() {
  if (m_input.app && m_input.app->TakeUserNavigation()) glfwSetWindowTitle(m_window, m_input.app->Mirror().title.c_str());
}

std::optional<int> NativeWindow::MinuteOfWeek() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return core::MinuteOfWeek((local.tm_wday + 6) % 7, local.tm_hour, local.tm_min);
}

void NativeWindow::Present(ImDrawData* data, ImU32 background) {
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(m_window, &fw, &fh);
  m_renderer.Render(data, fw, fh, background);
}

bool NativeWindow::WriteScreenshot(const std::string& file) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(file.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

}  // namespace platform
