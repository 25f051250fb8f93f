// The browser build: a WebGL2 canvas sized in device pixels, frames only when something
// changed (the main loop pauses when idle), the bundle and images fetched by JavaScript, hash
// routes and history, and the #mirror element kept in step with the screen.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cfloat>
#include <cmath>
#include <deque>
#include <memory>
#include <new>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/bundle_loader.h"
#include "core/kiosk.h"
#include "core/strings.h"
#include "platform/touch_input.h"
#include "platform/gl_renderer.h"
#include "platform/image_cache.h"
#include "platform/web_bridge.h"
#include "ui/app.h"

namespace platform {

namespace {

std::string Take(char* s) {
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

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

class WebPlatform : public ui::Host {
 public:
  WebPlatform() : m_images([this](const std::string& p) { app_js_fetch_image(this, p.c_str()); }) {}

  void Start();
  void Frame();
  void Wake(int frames = 3);
  // Draws a frame at once (not at the next animation frame), then the usual settling ones.
  void DrawNow();
  // New content: drawn at once when it is the first thing to show, else at the next frame.
  void ShowNewContent() {
    if (m_framesDrawn == 0 && m_looping) DrawNow();
    else Wake();
  }

  // From JavaScript (see the extern "C" functions below).
  // Room for a bundle of `size` bytes that JavaScript fills, then hands over with OnBundle or
  // OnBundleUpdate: the bundle keeps these bytes (core::Bundle::source), so they are not copied.
  // The download (the first, or a retry) and the kiosk's checks each have their own room: a
  // check can come while a slow download is still being written into its room.
  char* BundleBuffer(size_t size, bool forCheck) {
    std::unique_ptr<char[]>& room = forCheck ? m_checkRoom : m_downloadRoom;
    room.reset(new (std::nothrow) char[std::max<size_t>(size, 1)]);
    return room.get();
  }
  void OnBundle(const char* bytes, size_t size);
  void OnBundleFailure(const char* message);
  bool OnBundleUpdate(const char* bytes, size_t size);
  void OnTouch(int phase, float x, float y, double ms);
  // A typed letter's results are drawn (and mirrored) at once, not at the next animation frame.
  void OnSearchInput(const char* text) {
    m_app.SetSearchText(text);
    if (m_looping) DrawNow();
    else Wake();
  }
  // The kiosk has no keyboard: its search uses the on-screen one, not the page's input.
  bool PageProvidesTextField() const override { return !m_kiosk; }
  void OnMouseButton(bool pressed) {
    if (pressed) m_swallowMouse = m_app.KioskInput(emscripten_get_now() / 1000.0);
    else if (m_swallowMouse) m_releaseSwallowed = true;
    Wake();
  }
  void CopyToClipboard(const std::string& text) override { app_js_copy(text.c_str()); }
  std::string AddressOf(const std::string& route) override { return Take(app_js_address_of(route.c_str())); }
  void OnBack() {
    m_app.GoBack();
    Wake();
  }
  void OnMirrorFocus(int index) {
    m_app.FocusMirrorNode(index >= 0 ? std::optional<size_t>(static_cast<size_t>(index)) : std::nullopt);
    Wake();
  }
  void OnHashChange() {
    m_app.Navigate(core::ParseRoute(Take(app_js_hash())));
    Wake();
  }
  void OnImage(const char* path, const unsigned char* bytes, size_t size) {
    m_images.Deliver(path, bytes, size);
    Wake();
  }
  void OnImageFailed(const char* path) {
    m_images.Fail(path);
    Wake();
  }
  void OnMirrorActivate(int index) {
    m_app.ActivateMirrorNode(static_cast<size_t>(index));
    Wake();
  }
  void OnColorScheme(bool dark) {
    m_app.SetDark(dark);
    ui::ApplyTheme(m_app.GetPalette(), m_scale);
    Wake();
  }

  // ui::Host
  void OpenUrl(const std::string& url) override { app_js_open_url(url.c_str()); }
  std::string BundleFileUrl(const std::string& path) override { return Take(app_js_bundle_file_url(path.c_str())); }
  ui::ImageView Image(const std::string& path) override { return m_images.Get(path); }
  void RetryLoad() override {
    m_app.ShowLoading();
    app_js_set_state("loading");
    app_js_request_bundle(this);
  }

 private:
  core::LoadResult Load(const char* bytes, size_t size);
  void SyncCanvasSize();
  void PlaceSearchField();
  void StartKioskIfAsked();
  void ApplyScale();
  void Publish();

  ui::App m_app{*this};
  GlRenderer m_renderer;
  ImageCache m_images;
  std::unique_ptr<char[]> m_downloadRoom, m_checkRoom;  // BundleBuffer's, until a bundle takes them
  GLFWwindow* m_window = nullptr;
  float m_ratio = 1.0f;   // device pixel ratio: backing store pixels per CSS pixel
  float m_scale = 1.0f;   // interface scale the fonts were made for (ratio x kiosk zoom)
  int m_framesLeft = 3;   // frames to draw before pausing
  bool m_paused = false;
  bool m_loadingDrawn = false;  // the loading screen has had its frame
  double m_loadingFrameAt = 0;  // not before then (seconds): a bundle arriving sooner is the first frame
  long m_framesDrawn = 0;
  bool m_looping = false;  // the main loop is set up (Start has run)
  uint64_t m_mirrorVersion = 0, m_rectVersion = 0;
  ui::Phase m_phase = ui::Phase::Loading;
  std::string m_lang;
  std::vector<float> m_rects;
  TouchInput m_touch;
  bool m_kiosk = false;
  bool m_swallowMouse = false, m_releaseSwallowed = false;  // a click that only woke the kiosk
};

void WebPlatform::OnTouch(int phase, float x, float y, double ms) {
  const double t = ms / 1000.0;
  switch (phase) {
    case 0: m_touch.Begin(m_app, x, y, t); break;
    case 1: m_touch.Move(m_app, x, y, t, m_ratio); break;
    case 2: m_touch.End(m_app, t, m_ratio); break;
    default: m_touch.Cancel(); break;
  }
  Wake(4);
}

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

void LoopCallback(void* self) { static_cast<WebPlatform*>(self)->Frame(); }

void WebPlatform::Start() {
  glfwInit();
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  // At the canvas's size (boot.js gave it its final one), so the drawing buffer stays as made.
  int width = 0, height = 0;
  BackingSize(width, height);
  m_window = glfwCreateWindow(std::max(width, 1), std::max(height, 1), "mod-viewer", nullptr, nullptr);
  glfwSetWindowUserPointer(m_window, this);
  glfwSetCursorPosCallback(m_window, WakeOnCursor);
  glfwSetMouseButtonCallback(m_window, WakeOnButton);
  glfwSetKeyCallback(m_window, WakeOnKey);
  glfwSetCharCallback(m_window, WakeOnChar);
  glfwMakeContextCurrent(m_window);

  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  // No ImGui keyboard navigation here: the page's own focus order (the mirror) is the one
  // keyboard and screen-reader users move through, and the canvas outlines it.
  ImGui_ImplGlfw_InitForOpenGL(m_window, true);
  glfwSetScrollCallback(m_window, WakeOnScroll);  // replaces the backend's: OnWheel feeds ImGui
  // Without it nothing is drawn, but the page's mirror (text, links, search) still works.
  if (!m_renderer.Init()) emscripten_log(EM_LOG_ERROR, "the renderer could not be made: the canvas stays empty");
  emscripten_set_wheel_callback("#canvas", this, EM_FALSE, OnWheel);
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
  if (!langs.empty()) m_app.State().lang = langs.front() == "en" ? "en" : "sq";
  m_app.SetDark(app_js_prefers_dark() != 0);
  m_touch.SetInertia(app_js_reduced_motion() == 0);
  m_app.Navigate(core::ParseRoute(Take(app_js_hash())));
  m_app.ShowLoading();
  app_js_init(this);
  StartKioskIfAsked();
  SyncCanvasSize();
  ApplyScale();
  app_js_request_bundle(this);
  // The font atlas, with the bundle's glyphs when it is in (the interface's own cover the usual
  // content, so a bundle arriving later seldom asks for a new one).
  m_app.UpdateFonts("/fonts");
  m_renderer.UploadFonts();
  emscripten_set_main_loop_arg(LoopCallback, this, 0, false);
  m_looping = true;
  if (m_app.GetPhase() != ui::Phase::Loading) {
    DrawNow();  // the content, now rather than at the first animation frame
  } else {
    // The page shows its own progress; the first frame waits a little for the bundle, so
    // that when it comes soon it is the first thing drawn (the first frame drawn costs most).
    constexpr double kLoadingFrameDelay = 0.3;
    m_loadingFrameAt = emscripten_get_now() / 1000.0 + kLoadingFrameDelay;
    app_js_wake_after(this, kLoadingFrameDelay);
  }
}

void WebPlatform::SyncCanvasSize() {
  int w = 0, h = 0;
  double cssH = 0;
  const float ratio = BackingSize(w, h, &cssH);
  int cw = 0, ch = 0;
  glfwGetWindowSize(m_window, &cw, &ch);
  if (w > 0 && h > 0 && (w != cw || h != ch)) app_js_set_canvas_size(w, h);
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

void WebPlatform::Wake(int frames) {
  m_framesLeft = std::max(m_framesLeft, frames);
  if (m_paused) {
    m_paused = false;
    emscripten_resume_main_loop();
  }
}

void WebPlatform::DrawNow() {
  Wake();
  Frame();
}

void WebPlatform::Frame() {
  // While the bundle downloads, one frame is drawn, and only once the bundle has taken longer
  // than m_loadingFrameAt (it publishes the loading screen's mirror; the page shows its own
  // progress bar): the CPU goes to the download and the start-up instead of redrawing "Loading…".
  const bool loading = m_app.GetPhase() == ui::Phase::Loading;
  if (!loading) m_loadingDrawn = false;
  // (The wake-up timer may read the clock a hair before m_loadingFrameAt: a millisecond's grace.)
  if (loading && (m_loadingDrawn || emscripten_get_now() / 1000.0 + 0.001 < m_loadingFrameAt)) m_framesLeft = 0;
  if (m_framesLeft <= 0) {
    m_paused = true;
    emscripten_pause_main_loop();
    return;
  }
  --m_framesLeft;
  SyncCanvasSize();
  // The atlas is built in Start(); again when the scale or the content asks for more.
  if (m_app.UpdateFonts("/fonts")) m_renderer.UploadFonts();
  ++m_framesDrawn;
  ImGui_ImplGlfw_NewFrame();
  // A frame drawn at once (DrawNow) can follow the last one within the clock's resolution;
  // ImGui needs time to pass.
  if (ImGui::GetIO().DeltaTime <= 0) ImGui::GetIO().DeltaTime = 1e-4f;
  const double now = emscripten_get_now() / 1000.0;
  if (m_touch.Apply(m_app, now, m_ratio)) m_framesLeft = std::max(m_framesLeft, 2);
  if (m_swallowMouse) {
    ImGui::GetIO().MouseDown[0] = false;
    if (m_releaseSwallowed) m_swallowMouse = m_releaseSwallowed = false;
  }
  if (m_kiosk) m_app.SetClock(now, app_js_minute_of_week());
  ImGui::NewFrame();
  if (m_app.Frame()) m_framesLeft = std::max(m_framesLeft, 1);
  ImGui::Render();
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(m_window, &fw, &fh);
  m_renderer.Render(ImGui::GetDrawData(), fw, fh, m_app.GetPalette().background);
  Publish();
  m_loadingDrawn = loading;
  if (m_kiosk) {
    const double wake = m_app.KioskWakeIn();
    if (wake > 0) app_js_wake_after(this, wake);
  }
}

// Tells the page what changed: state, route (history), mirror and its positions.
void WebPlatform::Publish() {
  if (m_app.GetPhase() != m_phase || m_mirrorVersion == 0) {
    m_phase = m_app.GetPhase();
    app_js_set_state(m_phase == ui::Phase::Ready ? "ready" : m_phase == ui::Phase::Error ? "error" : "loading");
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
    m_rects.clear();
    for (const auto& n : mirror.nodes) {
      m_rects.push_back(n.rect.x);
      m_rects.push_back(n.rect.y);
      m_rects.push_back(n.rect.w);
      m_rects.push_back(n.rect.h);
    }
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
    const std::string error = core::SetKioskParameter(settings, name, value);
    if (!error.empty()) emscripten_log(EM_LOG_WARN, "kiosk: %s; keeping the default", error.c_str());
  }
  m_kiosk = true;
  m_app.EnableKiosk(settings, emscripten_get_now() / 1000.0, app_js_reduced_motion() != 0);
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

core::LoadResult WebPlatform::Load(const char* bytes, size_t size) {
  for (std::unique_ptr<char[]>* room : {&m_downloadRoom, &m_checkRoom})
    if (*room && bytes == room->get()) return core::LoadBundle(std::move(*room), size);
  return core::LoadBundle(std::string_view(bytes, size));
}

void WebPlatform::OnBundle(const char* bytes, size_t size) {
  m_images.Clear();
  core::LoadResult result = Load(bytes, size);
  for (const auto& d : result.diagnostics)
    emscripten_log(d.severity == core::Severity::Error ? EM_LOG_ERROR : EM_LOG_WARN, "bundle: %s",
                   core::FormatDiagnostic(d).c_str());
  m_app.ShowLoadResult(std::move(result), Take(app_js_bundle_url()));
  ShowNewContent();
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
  Wake();
  return true;
}

void WebPlatform::OnBundleFailure(const char* message) {
  m_downloadRoom.reset();  // room made for a download that then failed
  m_app.ShowLoadFailure(message, Take(app_js_bundle_url()));
  ShowNewContent();
}

}  // namespace
}  // namespace platform

using platform::WebPlatform;

extern "C" {
EMSCRIPTEN_KEEPALIVE char* app_bundle_buffer(void* p, int size, int forCheck) {
  return static_cast<WebPlatform*>(p)->BundleBuffer(static_cast<size_t>(size), forCheck != 0);
}
EMSCRIPTEN_KEEPALIVE void app_on_bundle(void* p, const char* bytes, int size) {
  static_cast<WebPlatform*>(p)->OnBundle(bytes, static_cast<size_t>(size));
}
EMSCRIPTEN_KEEPALIVE void app_on_bundle_failure(void* p, const char* message) {
  static_cast<WebPlatform*>(p)->OnBundleFailure(message);
}
EMSCRIPTEN_KEEPALIVE void app_on_hash_change(void* p) { static_cast<WebPlatform*>(p)->OnHashChange(); }
EMSCRIPTEN_KEEPALIVE void app_on_image(void* p, const char* path, const unsigned char* bytes, int size) {
  static_cast<WebPlatform*>(p)->OnImage(path, bytes, static_cast<size_t>(size));
}
EMSCRIPTEN_KEEPALIVE void app_on_image_failed(void* p, const char* path) { static_cast<WebPlatform*>(p)->OnImageFailed(path); }
EMSCRIPTEN_KEEPALIVE void app_on_mirror_activate(void* p, int index) {
  static_cast<WebPlatform*>(p)->OnMirrorActivate(index);
}
EMSCRIPTEN_KEEPALIVE void app_on_color_scheme(void* p, int dark) { static_cast<WebPlatform*>(p)->OnColorScheme(dark != 0); }
EMSCRIPTEN_KEEPALIVE void app_on_search_input(void* p, const char* text) {
  static_cast<WebPlatform*>(p)->OnSearchInput(text);
}
EMSCRIPTEN_KEEPALIVE void app_on_touch(void* p, int phase, float x, float y, double ms) {
  static_cast<WebPlatform*>(p)->OnTouch(phase, x, y, ms);
}
EMSCRIPTEN_KEEPALIVE void app_on_mirror_focus(void* p, int index) { static_cast<WebPlatform*>(p)->OnMirrorFocus(index); }
EMSCRIPTEN_KEEPALIVE void app_on_back(void* p) { static_cast<WebPlatform*>(p)->OnBack(); }
EMSCRIPTEN_KEEPALIVE int app_on_bundle_update(void* p, const char* bytes, int size) {
  return static_cast<WebPlatform*>(p)->OnBundleUpdate(bytes, static_cast<size_t>(size)) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void app_wake(void* p) { static_cast<WebPlatform*>(p)->Wake(); }
}

int main() {
  // Lives as long as the page: the runtime never exits.
  auto* platform = new WebPlatform();
  platform->Start();
  return 0;
}
