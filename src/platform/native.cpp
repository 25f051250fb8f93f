// The desktop build: a GLFW window with OpenGL 3.3, the frame loop that sleeps in
// glfwWaitEvents when nothing changes, bundle files, --screenshot and --mirror.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include "core/bundle_loader.h"
#include "core/limits.h"
#include "platform/gl_renderer.h"
#include "platform/image_cache.h"
#include "platform/native_cli.h"
#include "platform/native_soak.h"
#include "platform/touch_input.h"
#include "ui/app.h"

extern char** environ;

namespace platform {

namespace {

namespace fs = std::filesystem;

// Reads at most limit+1 bytes so an oversized file is reported, not swallowed.
bool ReadFile(const fs::path& path, size_t limit, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path.string();
    return false;
  }
  out.assign(limit + 1, '\0');
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<size_t>(in.gcount()));
  return true;
}

class NativeHost : public ui::Host {
 public:
  NativeHost(fs::path bundle, bool withImages)
      : m_bundle(std::move(bundle)),
        m_withImages(withImages),
        m_images([this](const std::string& p) { LoadImage(p); }) {}

  void Load(ui::App& app) {
    m_images.Clear();
    std::string text, error;
    if (!ReadFile(m_bundle, core::limits::kMaxFileBytes, text, error)) {
      app.ShowLoadFailure("The bundle file could not be read (" + error + ").", m_bundle.string());
      return;
    }
    m_loadedSignature = Signature(text);
    core::LoadResult result = core::LoadBundle(text);
    for (const auto& d : result.diagnostics)
      std::cerr << m_bundle.string() << ": " << (d.severity == core::Severity::Error ? "error" : "warning") << ": "
                << core::FormatDiagnostic(d) << "\n";
    app.ShowLoadResult(std::move(result), m_bundle.filename().string());
  }
  // The kiosk's periodic check: the file's time and size first (cheap), then its content.
  // A changed bundle that loads replaces the shown one; a broken or half-written one is
  // logged once and ignored, and the last good content stays.
  void CheckForUpdate(ui::App& app) {
    std::error_code ec;
    const auto stamp = fs::last_write_time(m_bundle, ec);
    const auto size = fs::file_size(m_bundle, ec);
    if (ec || (stamp == m_stamp && size == m_size)) return;
    m_stamp = stamp;
    m_size = size;
    std::string text, error;
    if (!ReadFile(m_bundle, core::limits::kMaxFileBytes, text, error)) return;
    const size_t signature = Signature(text);
    if (signature == m_loadedSignature || signature == m_rejectedSignature) return;
    core::LoadResult result = core::LoadBundle(text);
    if (!result.Ok()) {
      m_rejectedSignature = signature;
      const core::Diagnostic* e = result.FirstError();
      std::cerr << m_bundle.string() << ": update ignored, keeping the content shown: "
                << (e ? core::FormatDiagnostic(*e) : std::string("unknown problem")) << "\n";
      return;
    }
    m_loadedSignature = signature;
    m_images.Clear();
    app.ShowLoadResult(std::move(result), m_bundle.filename().string());
    std::cerr << m_bundle.string() << ": new content shown\n";
  }
  void SetApp(ui::App* app) { m_app = app; }
  void ReleaseImages() { m_images.Clear(); }
  size_t ImageCount() const { return m_images.Count(); }

  void OpenUrl(const std::string& url) override {
    // No shell: the URL is one argument to xdg-open.
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
      std::cerr << "could not open " << url << "\n";
  }
  std::string BundleFileUrl(const std::string& path) override {
    return "file://" + (fs::absolute(m_bundle).parent_path() / path).string();
  }
  ui::ImageView Image(const std::string& path) override {
    if (!m_withImages) return {};
    return m_images.Get(path);
  }
  void RetryLoad() override {
    if (m_app) Load(*m_app);
  }
  void CopyToClipboard(const std::string& text) override {
    if (m_window) glfwSetClipboardString(m_window, text.c_str());
  }
  std::string AddressOf(const std::string& route) override {
    return "file://" + fs::absolute(m_bundle).string() + route;
  }
  void SetWindow(GLFWwindow* window) { m_window = window; }

 private:
  void LoadImage(const std::string& path) {
    std::string bytes, error;
    if (!ReadFile(m_bundle.parent_path() / path, kMaxImageBytes, bytes, error)) return m_images.Fail(path);
    if (!m_images.Deliver(path, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()))
      std::cerr << path << ": the image is not a PNG or JPEG within " << kMaxImageSide << "x" << kMaxImageSide
                << " pixels; a placeholder is shown\n";
  }

  static size_t Signature(const std::string& text) { return std::hash<std::string>{}(text) ^ text.size(); }

  fs::path m_bundle;
  fs::file_time_type m_stamp{};
  uintmax_t m_size = 0;
  size_t m_loadedSignature = 0, m_rejectedSignature = 0;
  bool m_withImages;
  ImageCache m_images;
  ui::App* m_app = nullptr;
  GLFWwindow* m_window = nullptr;
};

void SetUpApp(ui::App& app, const NativeOptions& o) {
  app.SetScale(o.scale);
  app.SetDark(o.dark);
  if (!o.lang.empty()) app.SetPreferredLanguages({o.lang});
  ui::Fonts fonts;
  if (!ui::LoadFonts(MODV_FONT_DIR, o.scale, fonts))
    std::cerr << "fonts not found in " << MODV_FONT_DIR << "; using ImGui's built-in font (ASCII only)\n";
  app.SetFonts(fonts);
  ui::ApplyTheme(app.GetPalette(), o.scale);
  app.Navigate(core::ParseRoute(o.route));
}

// --mirror: lays the screen out without a window or GL and prints its mirror.
int PrintMirror(const NativeOptions& o, NativeHost& host) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(o.width), static_cast<float>(o.height));
  io.DeltaTime = 1.0f / 60;
  ui::App app(host);
  host.SetApp(&app);
  SetUpApp(app, o);
  host.Load(app);
  app.UpdateFonts(MODV_FONT_DIR);  // the bundle's glyphs
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  for (int i = 0; i < 4; ++i) {  // layout settles in a couple of frames (tables, wrapping)
    ImGui::NewFrame();
    app.Frame();
    ImGui::Render();
  }
  std::cout << "title: " << app.Mirror().title << "\n" << app.Mirror().ToText();
  ImGui::DestroyContext();
  return app.GetPhase() == ui::Phase::Error ? 1 : 0;
}

// What GLFW's callbacks reach through the window's user pointer.
struct Session {
  ui::App* app = nullptr;
  TouchInput touch;         // a kiosk's touch screen arrives as the mouse
  float scale = 1.0f;
  bool kiosk = false;
};

int LocalMinuteOfWeek() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return core::MinuteOfWeek((local.tm_wday + 6) % 7, local.tm_hour, local.tm_min);
}

void StartKiosk(ui::App& app, const NativeOptions& o, GLFWwindow* window) {
  // Larger type for reading at arm's length, unless --scale asked for something.
  int w = 0, h = 0;
  glfwGetWindowSize(window, &w, &h);
  const float scale = o.scale != 1.0f ? o.scale : core::KioskTextZoom(static_cast<float>(h));
  app.SetScale(scale);  // the fonts follow before the next frame (App::UpdateFonts)
  ui::ApplyTheme(app.GetPalette(), scale);
  if (auto* s = static_cast<Session*>(glfwGetWindowUserPointer(window))) s->scale = scale;
  core::KioskSettings settings;
  for (const auto& [name, value] : o.kioskSettings) core::SetKioskParameter(settings, name, value);  // checked by the CLI
  app.EnableKiosk(settings, o.soakDays > 0 ? 0.0 : glfwGetTime(), false);  // a soak runs its own clock from 0
  glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);  // a touch screen: no pointer to show
}

void InstallCallbacks(GLFWwindow* window) {
  // Installed before ImGui's backend, which chains to them. Escape is taken here: ImGui 1.86
  // misses a key pressed and released within one event poll.
  glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int) {
    auto* s = static_cast<Session*>(glfwGetWindowUserPointer(w));
    if (s && s->app && key == GLFW_KEY_ESCAPE && action == GLFW_PRESS && !ImGui::GetIO().WantTextInput) s->app->GoBack();
  });
  glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
    auto* s = static_cast<Session*>(glfwGetWindowUserPointer(w));
    if (!s || !s->kiosk || button != GLFW_MOUSE_BUTTON_LEFT) return;
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    if (action == GLFW_PRESS) s->touch.Begin(*s->app, static_cast<float>(x) / s->scale, static_cast<float>(y) / s->scale, glfwGetTime());
    else s->touch.End(*s->app, glfwGetTime(), s->scale);
  });
  glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
    auto* s = static_cast<Session*>(glfwGetWindowUserPointer(w));
    if (s && s->kiosk && glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS)
      s->touch.Move(*s->app, static_cast<float>(x) / s->scale, static_cast<float>(y) / s->scale, glfwGetTime(), s->scale);
  });
}

bool WriteScreenshot(const std::string& file, int w, int h) {
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(file.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

int RunWindow(const NativeOptions& o, NativeHost& host) {
  glfwSetErrorCallback([](int code, const char* msg) { std::cerr << "GLFW error " << code << ": " << msg << "\n"; });
  if (!glfwInit()) {
    std::cerr << "mod-viewer: no display (GLFW could not start); for tests run it under xvfb-run\n";
    return 2;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  if (!o.screenshot.empty()) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  // The kiosk fills the primary screen; everything else is a window of the asked size.
  GLFWmonitor* monitor = o.kiosk && o.screenshot.empty() ? glfwGetPrimaryMonitor() : nullptr;
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  GLFWwindow* window = glfwCreateWindow(mode ? mode->width : o.width, mode ? mode->height : o.height, "Ministria e Mbrojtjes",
                                        mode ? monitor : nullptr, nullptr);
  if (!window) {
    std::cerr << "mod-viewer: could not create an OpenGL 3.3 window\n";
    glfwTerminate();
    return 2;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  InstallCallbacks(window);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  GlRenderer renderer;
  if (!renderer.Init()) {
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 2;
  }
  int exitCode = 0;
  {
    ui::App app(host);
    host.SetApp(&app);
    host.SetWindow(window);
    Session session;
    session.app = &app;
    session.scale = o.scale;
    session.kiosk = o.kiosk;
    glfwSetWindowUserPointer(window, &session);
    SetUpApp(app, o);
    host.Load(app);
    int frames = 0;
    long framesDrawn = 0;
    bool wantMore = true;
    if (o.kiosk) StartKiosk(app, o, window);
    std::optional<SoakDriver> soak;
    if (o.soakDays > 0) {
      soak.emplace(o.soakDays, o.bundle);
      glfwSwapInterval(0);  // the clock is simulated: no reason to wait for the display
    }
    while (!glfwWindowShouldClose(window)) {
      // Sleep until something happens unless the app asked for more frames; a kiosk also
      // wakes for its next slide and its bundle check.
      const double kioskWake = app.KioskWakeIn();
      if (wantMore || !o.screenshot.empty() || kioskWake == 0 || soak) glfwPollEvents();
      else if (kioskWake > 0) glfwWaitEventsTimeout(kioskWake);
      else glfwWaitEvents();
      const double now = soak ? soak->Now() : glfwGetTime();
      if (soak) soak->Before(app);
      if (app.IsKiosk()) {
        app.SetClock(now, soak ? soak->MinuteOfWeek() : LocalMinuteOfWeek());
        if (app.KioskReloadDue(now)) host.CheckForUpdate(app);
      }
      if (app.UpdateFonts(MODV_FONT_DIR) || framesDrawn == 0) renderer.UploadFonts();
      ++framesDrawn;
      ImGui_ImplGlfw_NewFrame();
      const bool touching = app.IsKiosk() && session.touch.Apply(app, now, session.scale);
      ImGui::NewFrame();
      wantMore = app.Frame() || touching;
      ImGui::Render();
      int fw = 0, fh = 0;
      glfwGetFramebufferSize(window, &fw, &fh);
      renderer.Render(ImGui::GetDrawData(), fw, fh, app.GetPalette().background);
      if (app.TakeUserNavigation()) glfwSetWindowTitle(window, app.Mirror().title.c_str());
      if (soak) {
        soak->After(app, host.ImageCount());
        if (soak->Done()) {
          exitCode = soak->Report();
          break;
        }
      }
      if (!o.screenshot.empty() && ++frames >= 6) {
        if (!WriteScreenshot(o.screenshot, fw, fh)) {
          std::cerr << "mod-viewer: could not write " << o.screenshot << "\n";
          exitCode = 1;
        }
        break;
      }
      glfwSwapBuffers(window);
    }
    host.SetApp(nullptr);
    host.SetWindow(nullptr);
    glfwSetWindowUserPointer(window, nullptr);
  }
  host.ReleaseImages();  // textures go while the GL context still exists
  renderer.Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exitCode;
}

}  // namespace
}  // namespace platform

int main(int argc, char** argv) {
  std::string error;
  const auto options = platform::ParseNativeArgs(std::vector<std::string>(argv + 1, argv + argc), error);
  if (!options) {
    std::cerr << "mod-viewer: " << error << "\n" << platform::NativeUsage();
    return 2;
  }
  if (options->help) {
    std::cout << platform::NativeUsage();
    return 0;
  }
  const std::string bundle = options->bundle.empty() ? MODV_DEFAULT_BUNDLE : options->bundle;
  platform::NativeHost host(bundle, !options->mirror);
  return options->mirror ? platform::PrintMirror(*options, host) : platform::RunWindow(*options, host);
}
