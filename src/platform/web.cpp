// The browser build: a WebGL2 canvas sized in device pixels, frames only when one is owed (the
// main loop pauses when idle), the bundle and images fetched by JavaScript, hash routes and
// history, and the #mirror element kept in step with the screen. The JavaScript half is
// web/lib_app.js; the boundary between them is declared in web_bridge.h.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "core/bundle_loader.h"
#include "core/kiosk.h"
#include "core/static_page.h"
#include "core/strings.h"
#include "platform/gl_renderer.h"
#include "platform/image_cache.h"
#include "platform/web_bridge.h"
#include "ui/app.h"
#include "ui/frame_driver.h"

namespace platform {

namespace {

std::string Take(char* s) {
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

double Seconds() { return emscripten_get_now() / 1000.0; }

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

class WebPlatform : public ui::Host, public ui::FramePlatform {
 public:
  WebPlatform() : m_images([this](const std::string& p) { app_js_fetch_image(this, p.c_str()); }) {}

  void Start();
  // The main loop's callback: a frame when one is owed, else the loop pauses.
  void Loop();
  void Wake(int frames = 3) { m_app.RequestFrames(frames); }
  // Draws a frame at once (not at the next animation frame), then the usual settling ones.
  void DrawNow();

  // From JavaScript (the exports at the end of this file).
  char* BundleBuffer(size_t size, bool forCheck);
  void OnBundle(const char* bytes, size_t size);
  void OnBundleFailure(const char* message);
  bool OnBundleUpdate(const char* bytes, size_t size);
  void OnTouch(int phase, float x, float y, double ms);
  void OnMouseButton(bool pressed) { m_driver.Touch().MouseButton(m_app, pressed, Seconds()); }
  // A typed letter's results are drawn (and mirrored) at once, not at the next animation frame.
  void OnSearchInput(const char* text);
  void OnHashChange() { m_app.GoTo(core::ParseRoute(Take(app_js_hash())), ui::How::Address); }
  void OnImage(const char* path, const unsigned char* bytes, size_t size) {
    m_images.Deliver(path, bytes, size);
    Wake();
  }
  void OnImageFailed(const char* path) {
    m_images.Fail(path);
    Wake();
  }
  void OnContextLost() { m_contextLost = true; }
  void OnContextRestored();
  // Without WebGL the app runs on, undrawn, and the page shows its mirror (boot.js and
  // app.css make it a typeset page): no context, a failed one, a failed shader, a lost one
  // that did not come back.
  void EnterReadingMode();
  void OnColorScheme(bool dark) {
    m_app.SetDark(dark);
    ui::ApplyTheme(m_app.GetPalette(), m_scale);
    Wake();
  }
  ui::App& App() { return m_app; }

  // ui::Host
  void OpenUrl(const std::string& url) override { app_js_open_url(url.c_str()); }
  std::string BundleFileUrl(const std::string& path) override { return Take(app_js_bundle_file_url(path.c_str())); }
  // Images are drawn on the canvas only; reading mode lists them in words.
  ui::ImageView Image(const std::string& path) override { return m_readingMode ? ui::ImageView{} : m_images.Get(path); }
  void RetryLoad() override;
  // The kiosk has no keyboard: its search uses the on-screen one, not the page's input.
  bool PageProvidesTextField() const override { return !m_kiosk || m_readingMode; }
  bool MirrorIsPage() const override { return m_readingMode; }
  void CopyToClipboard(const std::string& text) override { app_js_copy(text.c_str()); }
  std::string AddressOf(const std::string& route) override {
    return Take(app_js_address_of(route.c_str(), core::PagePath(core::ParseRoute(route), m_app.Language()).c_str()));
  }
  void FramesRequested() override;

  // ui::FramePlatform
  void BeginFrame() override;
  double Now() override { return Seconds(); }
  std::optional<int> MinuteOfWeek() override { return app_js_minute_of_week(); }
  float Ratio() override { return m_ratio; }
  void FontsChanged() override {
    if (Drawing()) m_renderer.UploadFonts();
  }
  void Present(ImDrawData* data, ImU32 background) override;

 private:
  core::LoadResult Load(const char* bytes, size_t size);
  // New content: drawn at once when it is the first thing to show, else at the next frame.
  void ShowNewContent();
  bool HoldLoadingFrame() const;
  void SyncCanvasSize();
  void PlaceSearchField();
  void StartKioskIfAsked();
  void ApplyScale();
  void Publish();

  ui::App m_app{*this};
  ui::FrameDriver m_driver{m_app, *this, "/fonts"};
  GlRenderer m_renderer;
  ImageCache m_images;
  std::unique_ptr<char[]> m_downloadRoom, m_checkRoom;  // BundleBuffer's, until a bundle takes them
  GLFWwindow* m_window = nullptr;
  float m_ratio = 1.0f;   // device pixel ratio: backing store pixels per CSS pixel
  float m_scale = 1.0f;   // interface scale the fonts were made for (ratio x kiosk zoom)
  bool m_paused = false;
  bool m_looping = false;       // the main loop is set up (Start has run)
  bool m_loadingDrawn = false;  // the loading screen has had its frame
  double m_loadingFrameAt = 0;  // not before then (seconds): a bundle arriving sooner is the first frame
  uint64_t m_mirrorVersion = 0, m_rectVersion = 0;
  ui::Phase m_phase = ui::Phase::Loading;
  std::vector<float> m_rects;
  bool m_kiosk = false;
  bool m_readingMode = false;  // no WebGL: nothing is drawn; the mirror is the page
  bool m_contextLost = false;  // until it is restored (or reading mode takes over)
  double m_lastFrame = 0;      // reading mode's own frame clock
  double m_retryAt = 0;        // a kiosk without content downloads again then (seconds; 0: not waiting)
  double m_retryDelay = 0;     // and after that, twice as long, at most one reload interval
  double m_reloadSeconds = 60;
  void ScheduleRetry();
  bool Drawing() const { return !m_readingMode && !m_contextLost; }
};

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

void WebPlatform::Start() {
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  m_readingMode = app_js_webgl_ok() == 0;
  if (!m_readingMode) {
    glfwInit();
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    // At the canvas's size (boot.js gave it its final one), so the drawing buffer stays as made.
    int width = 0, height = 0;
    BackingSize(width, height);
    m_window = glfwCreateWindow(std::max(width, 1), std::max(height, 1), "mod-viewer", nullptr, nullptr);
  }
  if (m_window) {
    glfwSetWindowUserPointer(m_window, this);
    glfwSetCursorPosCallback(m_window, WakeOnCursor);
    glfwSetMouseButtonCallback(m_window, WakeOnButton);
    glfwSetKeyCallback(m_window, WakeOnKey);
    glfwSetCharCallback(m_window, WakeOnChar);
    glfwMakeContextCurrent(m_window);
    // No ImGui keyboard navigation here: the page's own focus order (the mirror) is the one
    // keyboard and screen-reader users move through, and the canvas outlines it.
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    glfwSetScrollCallback(m_window, WakeOnScroll);  // replaces the backend's: OnWheel feeds ImGui
    emscripten_set_wheel_callback("#canvas", this, EM_FALSE, OnWheel);
  }
  if (!m_window || !m_renderer.Init()) {
    emscripten_log(EM_LOG_WARN, "no WebGL2 renderer: the page shows the text without the canvas");
    EnterReadingMode();
  }
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, EM_FALSE, OnResize);

  // Languages: ?lang=, then the browser's; the bundle decides which it has.
  std::vector<std::string> langs;
  const std::string list = Take(app_js_preferred_languages());
  for (size_t start = 0; start < list.size();) {
    const size_t end = std::min(list.find(',', start), list.size());
    if (end > start) langs.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  m_app.SetPreferredLanguages(langs);
  m_app.SetDark(app_js_prefers_dark() != 0);
  m_driver.Touch().SetInertia(app_js_reduced_motion() == 0);
  m_app.GoTo(core::ParseRoute(Take(app_js_hash())), ui::How::Address);
  m_app.ShowLoading();
  app_js_init(this);
  StartKioskIfAsked();
  SyncCanvasSize();
  ApplyScale();
  app_js_request_bundle(this);
  // The font atlas, with the bundle's glyphs when it is in (the interface's own cover the usual
  // content, so a bundle arriving later seldom asks for a new one). Uploaded at the first frame.
  m_app.UpdateFonts("/fonts");
  emscripten_set_main_loop_arg(LoopCallback, this, 0, false);
  m_looping = true;
  if (m_app.GetPhase() != ui::Phase::Loading) {
    DrawNow();  // the content, now rather than at the first animation frame
  } else {
    // The page shows its own progress; the first frame waits a little for the bundle, so
    // that when it comes soon it is the first thing drawn (the first frame drawn costs most).
    constexpr double kLoadingFrameDelay = 0.3;
    m_loadingFrameAt = Seconds() + kLoadingFrameDelay;
    app_js_wake_after(this, kLoadingFrameDelay);
  }
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
void WebPlatform::ApplyScale() {
  m_app.SetScale(m_scale);
  ui::ApplyTheme(m_app.GetPalette(), m_scale);
}

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
  if (m_app.GetPhase() != ui::Phase::Loading) return false;
  // (The wake-up timer may read the clock a hair before m_loadingFrameAt: a millisecond's grace.)
  return m_loadingDrawn || Seconds() + 0.001 < m_loadingFrameAt;
}

void WebPlatform::Loop() {
  if (m_retryAt > 0 && Seconds() >= m_retryAt) {
    m_retryAt = 0;
    app_js_request_bundle(this);  // the waiting screen stays while it comes
  }
  const bool loading = m_app.GetPhase() == ui::Phase::Loading;
  if (!loading) m_loadingDrawn = false;
  if (HoldLoadingFrame() || !m_driver.WantsFrame()) {
    m_paused = true;
    emscripten_pause_main_loop();
    return;
  }
  SyncCanvasSize();
  m_driver.Frame();
  Publish();
  m_loadingDrawn = loading;
  if (const ui::KioskSession* kiosk = m_app.Kiosk()) {
    double wake = kiosk->WakeIn();
    if (m_retryAt > 0) wake = std::min(wake, std::max(0.05, m_retryAt - Seconds()));
    if (wake > 0) app_js_wake_after(this, wake);
  }
}

// A kiosk whose content has not come (the server down, an error, a broken bundle) shows its
// waiting screen and downloads again after 5 s, 10 s, 20 s ... and at most one reload interval
// apart, so the content is there within one interval of the server's return.
void WebPlatform::ScheduleRetry() {
  if (!m_kiosk || m_app.GetBundle()) return;
  m_retryDelay = m_retryDelay > 0 ? std::min(2 * m_retryDelay, m_reloadSeconds) : std::min(5.0, m_reloadSeconds);
  m_retryAt = Seconds() + m_retryDelay;
  emscripten_log(EM_LOG_WARN, "kiosk: no content yet; trying again in %.0f s", m_retryDelay);
  app_js_wake_after(this, m_retryDelay);
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
  m_renderer.Shutdown();
  m_images.Clear();
  if (!m_renderer.Init()) {
    EnterReadingMode();
    return;
  }
  m_contextLost = false;
  m_renderer.UploadFonts();
  Wake();
}

void WebPlatform::Present(ImDrawData* data, ImU32 background) {
  if (!Drawing()) return;
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(m_window, &fw, &fh);
  m_renderer.Render(data, fw, fh, background);
}

// Tells the page what changed: state, route (history), mirror and its positions.
void WebPlatform::Publish() {
  if (m_app.GetPhase() != m_phase || m_mirrorVersion == 0) {
    m_phase = m_app.GetPhase();
    const bool waiting = m_phase == ui::Phase::Error && m_kiosk;  // a kiosk has no error screen
    app_js_set_state(m_phase == ui::Phase::Ready ? "ready" : waiting ? "waiting" : m_phase == ui::Phase::Error ? "error" : "loading");
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
    if (m_readingMode) {  // the page lays the mirror out itself
      PlaceSearchField();
      return;
    }
    m_rects.clear();
    for (const auto& n : mirror.nodes) m_rects.insert(m_rects.end(), {n.rect.x, n.rect.y, n.rect.w, n.rect.h});
    app_js_set_mirror_rects(m_rects.data(), static_cast<int>(mirror.nodes.size()), m_ratio);
    PlaceSearchField();
  }
}

// ?kiosk=1 with ?idle= ?reload= ?hours=: a setting that cannot be read is reported and its
// default kept (a kiosk must come up whatever is typed into its address).
void WebPlatform::StartKioskIfAsked() {
  if (Take(app_js_query("kiosk")) != "1") return;
  core::KioskSettings settings;
  for (const char* name : {"idle", "reload", "hours"}) {
    const std::string value = Take(app_js_query(name));
    if (value.empty()) continue;
    auto next = core::WithKioskParameter(settings, name, value);
    if (next) settings = std::move(*next);
    else emscripten_log(EM_LOG_WARN, "kiosk: %s; keeping the default", next.GetError().c_str());
  }
  m_kiosk = true;
  m_reloadSeconds = settings.reloadSeconds;
  m_app.EnableKiosk(settings, Seconds(), app_js_reduced_motion() != 0);
  app_js_start_kiosk(this, settings.reloadSeconds);
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
    case 0: touch.Begin(m_app, x, y, t); break;
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

// Room for a bundle of `size` bytes that JavaScript fills, then hands over with OnBundle or
// OnBundleUpdate: the bundle keeps these bytes (core::Bundle::source), so they are not copied.
// The download (the first, or a retry) and the kiosk's checks each have their own room: a
// check can come while a slow download is still being written into its room.
char* WebPlatform::BundleBuffer(size_t size, bool forCheck) {
  std::unique_ptr<char[]>& room = forCheck ? m_checkRoom : m_downloadRoom;
  room.reset(new (std::nothrow) char[std::max<size_t>(size, 1)]);
  return room.get();
}

core::LoadResult WebPlatform::Load(const char* bytes, size_t size) {
  for (std::unique_ptr<char[]>* room : {&m_downloadRoom, &m_checkRoom})
    if (*room && bytes == room->get()) return core::LoadBundle(std::move(*room), size);
  return core::LoadBundle(std::string_view(bytes, size));
}

void WebPlatform::RetryLoad() {
  m_app.ShowLoading();
  app_js_set_state("loading");
  app_js_request_bundle(this);
}

void WebPlatform::OnBundle(const char* bytes, size_t size) {
  m_images.Clear();
  core::LoadResult result = Load(bytes, size);
  for (const auto& d : result.diagnostics)
    emscripten_log(d.severity == core::Severity::Error ? EM_LOG_ERROR : EM_LOG_WARN, "bundle: %s",
                   core::FormatDiagnostic(d).c_str());
  m_app.ShowLoadResult(std::move(result), Take(app_js_bundle_url()));
  ShowNewContent();
  ScheduleRetry();
}

// A changed bundle from the kiosk's check: taken when it loads, otherwise logged and ignored.
bool WebPlatform::OnBundleUpdate(const char* bytes, size_t size) {
  core::LoadResult result = Load(bytes, size);
  if (!result.Ok()) {
    const core::Diagnostic* e = result.FirstError();
    emscripten_log(EM_LOG_WARN, "bundle update ignored, keeping the content shown: %s",
                   e ? core::FormatDiagnostic(*e).c_str() : "unknown problem");
    return false;
  }
  m_images.Clear();
  m_app.ShowLoadResult(std::move(result), Take(app_js_bundle_url()));
  return true;
}

void WebPlatform::OnBundleFailure(const char* message) {
  m_downloadRoom.reset();  // room made for a download that then failed
  m_app.ShowLoadFailure(message, Take(app_js_bundle_url()));
  ShowNewContent();
  ScheduleRetry();
}

}  // namespace platform

// The exports (web_bridge.h, MODV_EXPORTS): each hands over to the platform object.
namespace {
platform::WebPlatform& P(void* p) { return *static_cast<platform::WebPlatform*>(p); }
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE char* app_bundle_buffer(void* p, int size, int forCheck) {
  return P(p).BundleBuffer(static_cast<size_t>(size), forCheck != 0);
}
EMSCRIPTEN_KEEPALIVE void app_on_bundle(void* p, const char* bytes, int size) { P(p).OnBundle(bytes, static_cast<size_t>(size)); }
EMSCRIPTEN_KEEPALIVE void app_on_bundle_failure(void* p, const char* message) { P(p).OnBundleFailure(message); }
EMSCRIPTEN_KEEPALIVE int app_on_bundle_update(void* p, const char* bytes, int size) {
  return P(p).OnBundleUpdate(bytes, static_cast<size_t>(size)) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void app_on_hash_change(void* p) { P(p).OnHashChange(); }
EMSCRIPTEN_KEEPALIVE void app_on_image(void* p, const char* path, const unsigned char* bytes, int size) {
  P(p).OnImage(path, bytes, static_cast<size_t>(size));
}
EMSCRIPTEN_KEEPALIVE void app_on_image_failed(void* p, const char* path) { P(p).OnImageFailed(path); }
EMSCRIPTEN_KEEPALIVE void app_on_mirror_activate(void* p, int index) { P(p).App().ActivateMirrorNode(static_cast<size_t>(index)); }
EMSCRIPTEN_KEEPALIVE void app_on_mirror_focus(void* p, int index) {
  P(p).App().FocusMirrorNode(index >= 0 ? std::optional<size_t>(static_cast<size_t>(index)) : std::nullopt);
}
EMSCRIPTEN_KEEPALIVE void app_on_color_scheme(void* p, int dark) { P(p).OnColorScheme(dark != 0); }
EMSCRIPTEN_KEEPALIVE void app_on_search_input(void* p, const char* text) { P(p).OnSearchInput(text); }
EMSCRIPTEN_KEEPALIVE void app_on_touch(void* p, int phase, float x, float y, double ms) { P(p).OnTouch(phase, x, y, ms); }
EMSCRIPTEN_KEEPALIVE void app_on_back(void* p) { P(p).App().GoBack(); }
EMSCRIPTEN_KEEPALIVE void app_wake(void* p) { P(p).Wake(); }
EMSCRIPTEN_KEEPALIVE void app_on_context_lost(void* p) { P(p).OnContextLost(); }
EMSCRIPTEN_KEEPALIVE void app_on_context_restored(void* p) { P(p).OnContextRestored(); }
EMSCRIPTEN_KEEPALIVE void app_on_reading_mode(void* p) { P(p).EnterReadingMode(); }
}

int main() {
  // Lives as long as the page: the runtime never exits.
  auto* platform = new platform::WebPlatform();
  platform->Start();
  return 0;
}
