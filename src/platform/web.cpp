// The browser build: the platform object's canvas, input, frames and what it tells the page
// (see web_platform.h; its content, the kiosk's and the exports are in web_content.cpp). The
// page's own JavaScript listens for the input (web/page/input.mjs) and schedules the frames.
#include <cfloat>
#include <cmath>

#include "core/kiosk.h"
#include "core/strings.h"
#include "platform/web_platform.h"

namespace platform {

namespace {

// The drawing buffer's size: the canvas's CSS size in device pixels (boot.js computes the same).
float BackingSize(int& w, int& h, double* cssHeight = nullptr) {
  double cssW = 0, cssH = 0;
  const double ratio = app_js_canvas_size(&cssW, &cssH);
  w = static_cast<int>(std::lround(cssW * ratio));
  h = static_cast<int>(std::lround(cssH * ratio));
  if (cssHeight) *cssHeight = cssH;
  return static_cast<float>(ratio);
}

}  // namespace

ui::FontFile FontsFromPage() {
  const int size = app_js_font_bytes(nullptr, 0);
  if (size <= 0) return nullptr;  // the page said why
  std::vector<unsigned char> bytes(static_cast<size_t>(size));
  app_js_font_bytes(bytes.data(), size);
  ui::FontFile file = ui::MakeFontFile(std::move(bytes));
  if (!file)
    Warn("fonts.ttc is not a font collection (" + std::to_string(size) +
         " bytes): the viewer writes with its built-in font, Latin-1 only");
  return file;
}

bool WebPlatform::CreateRenderer() {
  if (!app_js_can_draw()) return false;
  m_renderer = &m_frames;
  m_images.UseRenderer(m_renderer);
  return m_renderer->Init();
}

// Mouse: positions in CSS px from the canvas's corner, as device pixels for ImGui. A press is
// held for at least one frame, so that a click shorter than a frame is not missed, and the frame
// sees a press or a release where it happened (m_changedAt).
void WebPlatform::OnMouse(int kind, float x, float y, int button) {
  if (kind == kMouseLeft) {
    m_mouse = ImVec2(-FLT_MAX, -FLT_MAX);
  } else {
    m_mouse = ImVec2(x * m_ratio, y * m_ratio);
  }
  if ((kind == kMouseDown || kind == kMouseUp) && button >= 0 && button < kMouseButtons) {
    const bool down = kind == kMouseDown;
    m_buttons[button] = down;
    if (down) m_pressed[button] = true;
    m_changedAt = m_mouse;
    if (button == 0) m_driver.Touch().MouseButton(m_app, down, Seconds());
  }
  Wake();
}

// Wheel: converted to ImGui's units (one unit scrolls 5 lines of the body font) from pixels,
// lines or pages (the DOM's deltaMode 0, 1, 2).
void WebPlatform::OnWheel(double dx, double dy, int mode) {
  ImGuiIO& io = ImGui::GetIO();
  const double lineCss = 18.0;  // one ImGui wheel unit scrolls 5 body lines (5 x 18 CSS px)
  if (mode == 1) { dy *= lineCss; dx *= lineCss; }
  if (mode == 2) { dy *= 600; dx *= 600; }
  io.MouseWheel -= static_cast<float>(dy / (5 * lineCss));
  io.MouseWheelH -= static_cast<float>(dx / (5 * lineCss));
  Wake();
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
  ImGui::GetIO().BackendPlatformName = "mod-viewer web";
  if (!CreateRenderer()) {
    Warn("no WebGL2 renderer: the page shows the text without the canvas");
    EnterReadingMode();
  }
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
  m_looping = true;
  app_js_request_frame(this);
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
  app_js_build_fonts_soon(this);
}

void WebPlatform::BuildFonts() { m_app.UpdateFonts(m_driver.Fonts()); }

void WebPlatform::SyncCanvasSize() {
  int w = 0, h = 0;
  double cssH = 0;
  const float ratio = BackingSize(w, h, &cssH);
  if (w > 0 && h > 0 && (w != m_width || h != m_height) && m_renderer) app_js_set_canvas_size(w, h);
  m_width = std::max(w, 1);
  m_height = std::max(h, 1);
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
  if (m_looping) app_js_request_frame(this);
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

// An animation frame (app_js_request_frame asked for it): a turn of the run loop, and the next
// frame asked for while one is owed; with none owed, the loop pauses until one is.
void WebPlatform::Loop() {
  if (Turn()) app_js_request_frame(this);
  else m_paused = true;
}

bool WebPlatform::Turn() {
  if (m_retryAt > 0 && Seconds() >= m_retryAt) {
    m_retryAt = 0;
    app_js_request_bundle(this);  // the waiting screen stays while it comes
  }
  // The font atlas before the first frame, in a task of its own: Start's call for it may come
  // after the first animation frame (a frame is due when main() ends), and the first frame is
  // the longest task of the start already. The frame follows at the next animation frame.
  if (m_driver.FramesDrawn() == 0 && m_driver.WantsFrame() && !HoldLoadingFrame() && m_app.UpdateFonts(m_driver.Fonts())) return true;
  const bool loading = m_app.GetPhase() == ui::Phase::Loading;
  if (!loading) m_loadingDrawn = false;
  if (!m_runner.Tick()) return false;
  m_loadingDrawn = loading;
  return true;
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

// ImGui's display is the drawing buffer, in device pixels (SyncCanvasSize measured it before
// the frame); the mouse as OnMouse left it.
void WebPlatform::BeginFrame() {
  const double now = Seconds();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(m_width), static_cast<float>(m_height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = m_lastFrame > 0 ? static_cast<float>(now - m_lastFrame) : 1.0f / 60;
  m_lastFrame = now;
  io.MousePos = m_changedAt.value_or(m_mouse);
  if (m_changedAt && (m_changedAt->x != m_mouse.x || m_changedAt->y != m_mouse.y)) Wake(1);  // then where it is now
  m_changedAt.reset();
  for (int b = 0; b < kMouseButtons; ++b) {
    io.MouseDown[b] = m_buttons[b] || m_pressed[b];
    m_pressed[b] = false;
  }
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
  m_renderer->Render(data, m_width, m_height, background);
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

void WebPlatform::OnHashChange() {
  const core::Route before = m_app.State().route;
  m_app.GoTo(core::ParseRoute(Take(app_js_hash())), ui::How::Address);
  if (m_looping && !(m_app.State().route == before)) DrawNow();
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
