// The browser build's platform object (web.cpp, web_content.cpp): a WebGL2 canvas sized in
// device pixels, frames only when one is owed (the main loop pauses when idle), the bundle and
// images fetched by JavaScript, hash routes and history, the #mirror element kept in step with
// the screen, and reading mode without WebGL. The JavaScript half is web/lib_app.js; the
// boundary between them is declared in web_bridge.h.
#pragma once
#include <emscripten.h>
#include <imgui.h>

#include <cfloat>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle_loader.h"
#include "core/kiosk_report.h"
#include "core/published.h"
#include "core/page.h"
#include "platform/frame_renderer.h"
#include "platform/image_cache.h"
#include "platform/web_bridge.h"
#include "ui/app.h"
#include "ui/frame_driver.h"
#include "ui/runner.h"

namespace platform {

// A string an app_js_* function returned (malloc'ed), taken over and freed.
inline std::string Take(char* s) {
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

inline double Seconds() { return emscripten_get_now() / 1000.0; }

// To the browser's console.
enum LogLevel { kLogWarning = 0, kLogError = 1 };
inline void Log(LogLevel level, const std::string& text) { app_js_log(level, text.c_str()); }
inline void Warn(const std::string& text) { Log(kLogWarning, text); }

// fonts.ttc, which the page fetched before main(); null without it (ImGui's own font then).
ui::FontFile FontsFromPage();

class WebPlatform : public ui::Host, public ui::RunnerPlatform {
 public:
  WebPlatform() : m_images([this](const std::string& p) { app_js_fetch(this, p.c_str()); }) {}

  void Start();
  // The renderer, where the page has one (boot.js chose); false without (reading mode).
  bool CreateRenderer();
  // ?lang= and the browser's languages, the colour scheme, reduced motion, the route.
  void ReadPreferences();
  // An animation frame: a turn of the run loop (ui::Runner); with nothing owed, it pauses.
  void Loop();
  // The font atlas for the first frame, in a task of its own (Start asks for it).
  void BuildFonts();
  void Wake(int frames = 3) { m_app.RequestFrames(frames); }
  // Draws a frame at once (not at the next animation frame), then the usual settling ones.
  void DrawNow();

  // From JavaScript (the exports at the end of web_content.cpp).
  enum RoomKind { kDownloadRoom = 0, kCheckRoom = 1, kFileRoom = 2 };
  char* Room(size_t size, int kind);
  bool OnBundle(const char* bytes, size_t size);  // true when it loaded
  void KeepForOffline() const;
  void OnBundleFailure(const char* message);
  // What became of a kiosk's changed bundle (app_on_bundle_update's answer to lib_app.js).
  enum UpdateAnswer { kUpdateRefused = 0, kUpdateTaken = 1, kUpdatePending = 2 };
  int OnBundleUpdate(const char* bytes, size_t size);
  void OnCheckDone(bool ok);
  void OnTouch(int phase, float x, float y, double ms);
  enum MouseEvent { kMouseMoved = 0, kMouseDown = 1, kMouseUp = 2, kMouseLeft = 3 };
  void OnMouse(int kind, float x, float y, int button);
  void OnWheel(double dx, double dy, int mode);
  // A typed letter's results are drawn (and mirrored) at once, not at the next animation frame.
  void OnSearchInput(const char* text);
  // Back, forward or a typed address: the screen it asks for is drawn at once, in the event's task.
  void OnHashChange();
  // A published site's parts (Host::Fetch) and the images, fetched through one path: handed to
  // the image cache when it waits for them, else to the app.
  void Fetch(const std::string& file) override { app_js_fetch(this, file.c_str()); }
  void OnFile(const char* name, char* bytes, size_t size);
  void OnFileFailed(const char* name, const char* why);
  void OnContextLost() { m_contextLost = true; }
  void OnContextRestored();
  // Without WebGL the app runs on, undrawn, and the page shows its mirror (boot.js and
  // app.css make it a typeset page): no context, a failed one, a failed shader, a lost one
  // that did not come back.
  void EnterReadingMode();
  // The colours the system asks for (dark, more contrast, forced colours), read again.
  void OnAppearance();
  // The page is about to be printed: the mirror holds the screen's whole text, as the text view's.
  void OnPrint(bool printing);
  ui::App& App() { return m_app; }
  const ui::FontFile& Fonts() const { return m_driver.Fonts(); }

  // ui::Host
  void OpenUrl(const std::string& url) override { app_js_open_url(url.c_str()); }
  std::string BundleFileUrl(const std::string& path) override { return Take(app_js_bundle_file_url(path.c_str())); }
  // Images are drawn on the canvas only; reading mode lists them in words.
  ui::ImageView Image(const std::string& path) override { return m_readingMode ? ui::ImageView{} : m_images.Get(path); }
  void RetryLoad() override;
  // The kiosk has no keyboard: its search uses the on-screen one, not the page's input.
  bool PageProvidesTextField() const override { return !m_kiosk || m_readingMode; }
  bool MirrorIsPage() const override { return m_readingMode || m_textView || m_printing; }
  bool SaysWhenShown() const override { return true; }  // page_state.mjs: app_on_shown
  // The text view: for visitors, not in the kiosk (nothing leads out of it), and only where there
  // is a canvas to come back to.
  bool CanShowTextView() const override { return !m_kiosk && !m_readingMode; }
  bool TextViewShown() const override { return m_textView; }
  void ShowTextView(bool on) override;
  void TextSizeChosen(float size) override;
  bool CanShare() const override { return m_canShare; }
  void Share(const std::string& url, const std::string& title) override { app_js_share(url.c_str(), title.c_str()); }
  void CopyToClipboard(const std::string& text) override { app_js_copy(text.c_str()); }
  std::string AddressOf(const std::string& route) override {
    return Take(app_js_address_of(route.c_str(), core::PagePath(core::ParseRoute(route), m_app.Language()).c_str()));
  }
  void FramesRequested() override;
  void IncomingSettled(bool taken) override;
  void ArchiveComplete() override { KeepForOffline(); }

  // ui::RunnerPlatform
  void CheckForUpdate() override;
  bool HoldFrame() override { return HoldLoadingFrame(); }
  void BeforeFrame() override { SyncCanvasSize(); }
  void AfterFrame() override;
  void BeginFrame() override;
  double Now() override { return Seconds(); }
  std::optional<int> MinuteOfWeek() override { return app_js_minute_of_week(); }
  float Ratio() override { return m_ratio; }
  void FontsChanged() override {
    if (Drawing()) m_renderer->UploadFonts();
  }
  void Present(ImDrawData* data, ImU32 background) override;

 private:
  core::ManifestResult Load(const char* bytes, size_t size);
  // New content: drawn at once when it is the first thing to show, else at the next frame.
  void ShowNewContent();
  bool Turn();  // Loop's work: false when no frame is owed
  bool HoldLoadingFrame() const;
  void SyncCanvasSize();
  void PlaceSearchField();
  void StartKioskIfAsked();
  void ApplyScale();
  void Publish();
  // web_reading.cpp: the reading choice remembered, the system's colours.
  void ApplyReadingChoice();
  void RememberReadingChoice() const;
  ui::Appearance ReadAppearance();

  ui::App m_app{*this};
  ui::FrameDriver m_driver{m_app, *this, FontsFromPage()};
  ui::Runner m_runner{m_app, m_driver, *this};
  FrameRenderer m_frames;
  Renderer* m_renderer = nullptr;  // m_frames, when the page can draw
  ImageCache m_images;
  std::unique_ptr<char[]> m_rooms[3];  // Room's, by kind, until what arrives in them takes them
  static constexpr int kMouseButtons = 3;
  ImVec2 m_mouse{-FLT_MAX, -FLT_MAX};  // device pixels
  bool m_buttons[kMouseButtons] = {};  // held
  bool m_pressed[kMouseButtons] = {};  // pressed since the last frame began
  // Where a button was last pressed or released since the last frame began: that frame takes
  // the change there, not where later moves took the mouse (a release the focus cut short is
  // far from every button, and no drag may follow the moves after it).
  std::optional<ImVec2> m_changedAt;
  int m_width = 1, m_height = 1;       // the drawing buffer (device pixels)
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
  bool m_textView = false;     // the visitor's text view: nothing is drawn; the mirror is the page
  bool m_printing = false;     // between beforeprint and afterprint
  bool m_canShare = false;     // the Web Share API on a touch screen
  bool m_contextLost = false;  // until it is restored (or reading mode takes over)
  double m_lastFrame = 0;      // when the last frame began (seconds)
  double m_retryAt = 0;        // a kiosk without content downloads again then (seconds; 0: not waiting)
  double m_retryDelay = 0;     // and after that, twice as long, at most one reload interval
  double m_reloadSeconds = 60;
  void ScheduleRetry();
  // The kiosk's metrics, to its Pushgateway (core/kiosk_report.h): at the start, after every
  // check, with every change of content or error.
  void Report();
  core::KioskFacts m_facts;    // what the report says of this page
  std::string m_reportName;    // ?name=, checked: the report's instance
  bool Drawing() const { return !m_readingMode && !m_textView && !m_contextLost; }
};

}  // namespace platform
