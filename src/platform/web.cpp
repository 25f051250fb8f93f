// The browser build: the platform object's window, frames and what it tells the page (see
// web_platform.h; its content, the kiosk's and the exports are in web_content.cpp).
#include <GLES3/gl3.h>
#include <emscripten/html5.h>
#include <imgui_impl_glfw.h>

#include <cmath>

#include "core/kiosk.h"
#include "core/strings.h"
#include "platform/web_platform.h"

namespace platform {

namespace {

// The drawing buffer's size: the canvas's CSS size in device pixels (boot.js computes the same).
float BackingSize(int& w, int& h, double* cssHeight = nullptr) {
  double cssW = 0, cssH = 0;
  emscripten_get_element_css_size("#canvas", &cssW, &cssH);
  const double ratio = emscripten_get_device_pixel_ratio();
  w = static_cast<int>(std::lround(cssW * ratio));
  h = static_cast<int>(std::lround(cssH * ratio));
  if (cssHeight) *cssHeight = cssH;
  return static_cast<float>(ratio);
}

}  // namespace

namespace {

// GLFW callbacks that only wake the loop; ImGui's backend chains to them (installed first).
WebPlatform* FromWindow(GLFWwindow* w) { return static_cast<WebPlatform*>(glfwGetWindowUserPointer(w)); }
void WakeOnCursor(GLFWwindow* w, double, double) { FromWindow(w)->Wake(); }
void WakeOnButton(GLFWwindow* w, int, int action, int) { FromWindow(w)->OnMouseButton(action == GLFW_PRESS); }
void WakeOnKey(GLFWwindow* w, int, int, int, int) { FromWindow(w)->Wake(); }
void WakeOnChar(GLFWwindow* w, unsigned int) { FromWindow(w)->Wake(); }
void WakeOnScroll(GLFWwindow* w, double, double) { FromWindow(w)->Wake(); }

EM_BOOL OnResize(int, const EmscriptenUiEvent*, void* user) {
  static_cast<WebPlatform*>(user)->Wake();
  return EM_FALSE;
}

// Wheel: emscripten's GLFW passes raw deltas with the wrong sign; convert to ImGui's units
// (one unit scrolls 5 lines of the body font) from pixels, lines or pages.
EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void* user) {
  ImGuiIO& io = ImGui::GetIO();
  const double lineCss = 18.0;  // one ImGui wheel unit scrolls 5 body lines (5 x 18 CSS px)
  double dy = e->deltaY, dx = e->deltaX;
  if (e->deltaMode == DOM_DELTA_LINE) { dy *= lineCss; dx *= lineCss; }
  if (e->deltaMode == DOM_DELTA_PAGE) { dy *= 600; dx *= 600; }
  io.MouseWheel -= static_cast<float>(dy / (5 * lineCss));
  io.MouseWheelH -= static_cast<float>(dx / (5 * lineCss));
  static_cast<WebPlatform*>(user)->Wake();
  return EM_TRUE;
}

void LoopCallback(void* self) { static_cast<WebPlatform*>(self)->Loop(); }

}  // namespace

ui::FontFile FontsFromPage() {
  const int size = app_js_font_bytes(nullptr, 0);
  if (size <= 0) return nullptr;  // the page said why
  std::vector<unsigned char> bytes(static_cast<size_t>(size));
  app_js_font_bytes(bytes.data(), size);
  ui::FontFile file = ui::MakeFontFile(std::move(bytes));
  if (!file) emscripten_log(EM_LOG_WARN, "fonts.ttc is not a font collection (%d bytes): the viewer writes with its built-in font, Latin-1 only", size);
  return file;
}

bool WebPlatform::CreateWindowAndRenderer() {
  const int drawing = app_js_drawing();
  if (drawing == kDrawNothing) return false;
  glfwInit();
  if (drawing == kDrawInWorker) {  // GLFW for the input only
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  } else {
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  }
  // At the canvas's size (boot.js gave it its final one), so the drawing buffer stays as made.
  int width = 0, height = 0;
  BackingSize(width, height);
  m_window = glfwCreateWindow(std::max(width, 1), std::max(height, 1), "mod-viewer", nullptr, nullptr);
  if (!m_window) return false;
  glfwSetWindowUserPointer(m_window, this);
  glfwSetCursorPosCallback(m_window, WakeOnCursor);
  glfwSetMouseButtonCallback(m_window, WakeOnButton);
  glfwSetKeyCallback(m_window, WakeOnKey);
  glfwSetCharCallback(m_window, WakeOnChar);
  if (drawing == kDrawOnPage) glfwMakeContextCurrent(m_window);
  // No ImGui keyboard navigation here: the page's own focus order (the mirror) is the one
  // keyboard and screen-reader users move through, and the canvas outlines it.
  ImGui_ImplGlfw_InitForOpenGL(m_window, true);
  glfwSetScrollCallback(m_window, WakeOnScroll);  // replaces the backend's: OnWheel feeds ImGui
  emscripten_set_wheel_callback("#canvas", this, EM_FALSE, OnWheel);
  m_renderer = drawing == kDrawInWorker ? static_cast<Renderer*>(&m_worker) : &m_gl;
  m_images.UseRenderer(m_renderer);
  return m_renderer->Init();
}

void WebPlatform::ReadPreferences() {
  // Languages: ?lang=, a published page's, then the browser's; the bundle decides which it has.
  std::vector<std::string> langs;
  const std::string list = Take(app_js_preferred_languages());
  for (size_t start = 0; start < list.size();) {
    const size_t end = std::min(list.find(',', start), list.size());
    if (end > start) langs.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  m_app.SetPreferredLanguages(langs);
  m_app.SetAppearance(ReadAppearance());
  m_driver.Touch().SetInertia(app_js_reduced_motion() == 0);
  m_app.GoTo(core::ParseRoute(Take(app_js_hash())), ui::How::Address);
}

void WebPlatform::Start() {
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  if (!CreateWindowAndRenderer()) {
    emscripten_log(EM_LOG_WARN, "no WebGL2 renderer: the page shows the text without the canvas");
    EnterReadingMode();
  }
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, EM_FALSE, OnResize);
  ReadPreferences();
  m_app.ShowLoading();
  app_js_init(this);
  StartKioskIfAsked();
  ApplyReadingChoice();
  SyncCanvasSize();
  ApplyScale();
  // Asked for now, so that a large download still on its way is written straight into the
  // program's memory. A bundle already in is read now and drawn at the first animation frame.
  app_js_request_bundle(this);
  emscripten_set_main_loop_arg(LoopCallback, this, 0, false);
  m_looping = true;
  if (m_app.GetPhase() == ui::Phase::Loading) {
    // The page shows its own progress (or its published text); the first frame waits a little
    // for the bundle, so that when it comes soon it is the first thing drawn (the first frame
    // drawn costs most).
    constexpr double kLoadingFrameDelay = 0.3;
    m_loadingFrameAt = Seconds() + kLoadingFrameDelay;
    app_js_wake_after(this, kLoadingFrameDelay);
  }
  // The font atlas in a task of its own, while the bundle may still be coming: a published page
  // is already readable, and Lighthouse counts each task's excess over 50 ms as blocking the
  // reader. When the first animation frame comes before this task, Loop builds it instead.
  emscripten_async_call(
      [](void* self) {
        auto* p = static_cast<WebPlatform*>(self);
        p->App().UpdateFonts(p->Fonts());
      },
      this, 0);
}

void WebPlatform::SyncCanvasSize() {
  int w = 0, h = 0;
  double cssH = 0;
  const float ratio = BackingSize(w, h, &cssH);
  int cw = 0, ch = 0;
  if (m_window) glfwGetWindowSize(m_window, &cw, &ch);
  if (m_window && w > 0 && h > 0 && (w != cw || h != ch)) app_js_set_canvas_size(w, h);
  // The interface scale: the device pixel ratio, and in the kiosk larger still for reading
  // at arm's length. The backing store stays CSS size x ratio.
  const float scale = ratio * (m_kiosk ? core::KioskTextZoom(static_cast<float>(cssH)) : 1.0f);
  if (std::fabs(ratio - m_ratio) > 0.01f || std::fabs(scale - m_scale) > 0.01f) {
    m_ratio = ratio;
    m_scale = scale;
    ApplyScale();
  }
}

// The fonts follow at the next frame (App::UpdateFonts).
void WebPlatform::ApplyScale() { m_app.SetScale(m_scale); }

void WebPlatform::FramesRequested() {
  if (!m_paused) return;
  m_paused = false;
  emscripten_resume_main_loop();
}

void WebPlatform::DrawNow() {
  Wake();
  Loop();
}

void WebPlatform::ShowNewContent() {
  if (m_driver.FramesDrawn() == 0 && m_looping) DrawNow();
  else Wake();
}

// While the bundle downloads, one frame is drawn, and only once the bundle has taken longer
// than m_loadingFrameAt (it publishes the loading screen's mirror; the page shows its own
// progress bar): the CPU goes to the download and the start-up instead of redrawing "Loading…".
bool WebPlatform::HoldLoadingFrame() const {
  // A published site's manifest is in and its first part comes: frames take it when it does.
  if (m_app.GetPhase() != ui::Phase::Loading || m_app.HasContent()) return false;
  // (The wake-up timer may read the clock a hair before m_loadingFrameAt: a millisecond's grace.)
  return m_loadingDrawn || Seconds() + 0.001 < m_loadingFrameAt;
}

// The kiosk's bundle check, timed by its clock (core::KioskClock) as on the desktop: the
// wake-up after each frame includes the next check, so a kiosk that draws nothing is still
// woken for it (and its heartbeat, boot.js's watchdog, keeps beating). Without content, the
// downloads' own retries (ScheduleRetry) do the work.
void WebPlatform::CheckForUpdate() {
  if (m_app.HasContent()) app_js_check_bundle(this);
}

void WebPlatform::Loop() {
  if (m_retryAt > 0 && Seconds() >= m_retryAt) {
    m_retryAt = 0;
    app_js_request_bundle(this);  // the waiting screen stays while it comes
  }
  // The font atlas before the first frame, in a task of its own: Start's call for it may come
  // after the first animation frame (a frame is due when main() ends), and the first frame is
  // the longest task of the start already. The frame follows at the next animation frame.
  if (m_driver.FramesDrawn() == 0 && m_driver.WantsFrame() && !HoldLoadingFrame() && m_app.UpdateFonts(m_driver.Fonts())) return;
  const bool loading = m_app.GetPhase() == ui::Phase::Loading;
  if (!loading) m_loadingDrawn = false;
  if (!m_runner.Tick()) {
    m_paused = true;
    emscripten_pause_main_loop();
    return;
  }
  m_loadingDrawn = loading;
}

// After a frame: what it changed, to the page; a kiosk's next wake-up (its next slide, check or
// download), which also beats its heartbeat.
void WebPlatform::AfterFrame() {
  Publish();
  if (const ui::KioskSession* kiosk = m_app.Kiosk()) {
    double wake = kiosk->WakeIn();
    if (m_retryAt > 0) wake = std::min(wake, std::max(0.05, m_retryAt - Seconds()));
    if (wake > 0) app_js_wake_after(this, wake);
  }
}

void WebPlatform::BeginFrame() {
  const double now = Seconds();
  if (m_window) {
    ImGui_ImplGlfw_NewFrame();
  } else {  // reading mode from the start: no GLFW window, the canvas's size all the same
    int w = 0, h = 0;
    BackingSize(w, h);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(std::max(w, 1)), static_cast<float>(std::max(h, 1)));
    io.DeltaTime = m_lastFrame > 0 ? static_cast<float>(now - m_lastFrame) : 1.0f / 60;
  }
  m_lastFrame = now;
}

void WebPlatform::EnterReadingMode() {
  m_readingMode = true;
  m_images.Clear();  // textures are of no use without a canvas
  app_js_set_reading_mode();
  Wake();
}

// A restored context has none of the old GL objects: the renderer's program and buffers, the
// font texture and the images are made again, and the same screen is drawn.
void WebPlatform::OnContextRestored() {
  if (m_readingMode) return;
  m_renderer->Shutdown();
  m_images.Clear();
  if (!m_renderer->Init()) {
    EnterReadingMode();
    return;
  }
  m_contextLost = false;
  m_renderer->UploadFonts();
  Wake();
}

void WebPlatform::Present(ImDrawData* data, ImU32 background) {
  if (!Drawing()) return;
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(m_window, &fw, &fh);
  m_renderer->Render(data, fw, fh, background);
}

// Tells the page what changed: state, route (history), mirror and its positions.
void WebPlatform::Publish() {
  if (m_app.GetPhase() != m_phase || m_mirrorVersion == 0) {
    m_phase = m_app.GetPhase();
    const bool waiting = m_phase == ui::Phase::Error && m_kiosk;  // a kiosk has no error screen
    app_js_set_state(this, m_phase == ui::Phase::Ready ? "ready" : waiting ? "waiting" : m_phase == ui::Phase::Error ? "error" : "loading");
  }
  if (const auto lang = m_app.TakeLanguageChoice()) app_js_remember_language(lang->c_str());
  if (const auto nav = m_app.TakeUserNavigation()) app_js_push_route(core::FormatRoute(nav->route).c_str(), nav->replace);
  const core::Mirror& mirror = m_app.Mirror();
  if (m_app.MirrorVersion() != m_mirrorVersion) {
    m_mirrorVersion = m_app.MirrorVersion();
    app_js_set_mirror(mirror.ToHtml().c_str(), mirror.title.c_str(), mirror.lang.c_str());
  }
  if (m_app.MirrorRectVersion() != m_rectVersion) {
    m_rectVersion = m_app.MirrorRectVersion();
    if (MirrorIsPage()) {  // the page lays the mirror out itself
      PlaceSearchField();
      return;
    }
    m_rects.clear();
    for (const auto& n : mirror.nodes) m_rects.insert(m_rects.end(), {n.rect.x, n.rect.y, n.rect.w, n.rect.h});
    app_js_set_mirror_rects(m_rects.data(), static_cast<int>(mirror.nodes.size()), m_ratio);
    PlaceSearchField();
  }
}

void WebPlatform::PlaceSearchField() {
  for (const auto& n : m_app.Mirror().nodes) {
    if (n.kind != core::MirrorKind::SearchField) continue;
    app_js_place_search(n.rect.x, n.rect.y, n.rect.w, n.rect.h, m_ratio, n.text.c_str(),
                        core::Tr(core::Str::SearchHint, m_app.Language()));
    return;
  }
  app_js_hide_search();
}

void WebPlatform::OnTouch(int phase, float x, float y, double ms) {
  const double t = ms / 1000.0;
  ui::TouchInput& touch = m_driver.Touch();
  switch (phase) {
    case 0: touch.Begin(m_app, x, y, t, m_ratio); break;
    case 1: touch.Move(m_app, x, y, t, m_ratio); break;
    case 2: touch.End(m_app, t, m_ratio); break;
    default: touch.Cancel(); break;
  }
  Wake(4);
}

void WebPlatform::OnSearchInput(const char* text) {
  m_app.TypedSearch(text);
  if (m_looping) DrawNow();
}

}  // namespace platform

int main() {
  // Lives as long as the page: the runtime never exits.
  auto* platform = new platform::WebPlatform();
  platform->Start();
  return 0;
}
