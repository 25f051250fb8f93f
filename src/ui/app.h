// The application: owns the content shown (core::Content), the interface state and the screens'
// views; draws one frame at a time (FrameDriver calls Frame): the route's description
// (core::Describe) drawn by ScreenView; navigates (every change of screen goes through GoTo);
// asks the platform for the files the content waits for (Host::Fetch) and takes them (Deliver);
// tells the platform what changed (the route to put in the address, the mirror to publish).
// It never touches platform APIs; the platform calls it and implements Host.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <memory>
#include <vector>

#include "core/bundle_loader.h"
#include "core/content.h"
#include "core/kiosk.h"
#include "core/mirror.h"
#include "core/published.h"
#include "core/screen.h"
#include "ui/fonts.h"
#include "ui/host.h"
#include "ui/kiosk_session.h"
#include "ui/mirror_recorder.h"
#include "ui/navigator.h"
#include "ui/screen_view.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace ui {

enum class Phase { Loading, Ready, Error };

class App : public Navigator {
 public:
  explicit App(Host& host) : m_host(host) {}

  // Languages asked for (?lang=, --lang, the browser's), the first first: the bundle's content
  // is shown in the first it has; screens before any bundle (loading, error) in the first the
  // interface speaks.
  void SetPreferredLanguages(std::vector<std::string> langs);
  void SetFonts(const Fonts& fonts) {
    m_fonts = fonts;
    m_glyphs.SetChecked(false);
  }
  // Call before a frame begins (FrameDriver does): (re)builds the font atlas from `dir` when
  // there is none yet, the scale changed or the content needs glyphs it lacks. Returns true
  // when it did: the renderer's font texture must then be made again.
  bool UpdateFonts(const FontFile& file);
  // The platform's scale (device pixels per CSS pixel, and the kiosk's zoom) and the colours
  // the system asks for. The interface's own scale is this times the visitor's text size; the
  // style follows before the next frame (UpdateFonts).
  void SetScale(float scale);
  void SetAppearance(const Appearance& appearance);
  // The visitor's text size (1, 1.5, 2) as the platform remembers it; Navigator::ChooseTextSize
  // is the visitor's own choice.
  void SetTextSize(float size);
  float TextSize() const { return m_state.textSize; }
  const Palette& GetPalette() const { return m_palette; }

  void ShowLoading();
  // Takes the loader's result: the bundle when it loaded, otherwise the error screen.
  // `source` names the file or URL for messages. With content already shown, a bundle that
  // does not load changes nothing, and one that does replaces it, keeping the visitor's
  // place when it still exists.
  void ShowLoadResult(core::LoadResult result, std::string source);
  // What core::LoadContent read: a plain bundle goes to ShowLoadResult; a published site's
  // manifest (core/published.h) shows the mission at once and the rest of the archive a part at
  // a time as screens need it (Host::Fetch); the app is ready once the newest headlines are in.
  // A manifest that does not load is shown as a bundle that does not would be. A manifest given
  // while content is shown (a kiosk's check) replaces it only once its newest headlines are in.
  void ShowPublished(core::ManifestResult manifest, std::string source);
  // What a kiosk's check brought (core::LoadContent's reading of the changed file), offered as
  // new content, in one place for every platform: Taken (shown; the visitor's place is kept
  // where it still exists), Pending (a published site, taken once its newest headlines are in:
  // Host::IncomingSettled tells), or Refused with why (it does not load; what is shown stays).
  struct UpdateAnswer {
    enum Kind { Refused, Taken, Pending } kind = Refused;
    std::string why;
  };
  UpdateAnswer OfferUpdate(core::ManifestResult result, std::string source);
  // A file the app asked for (Host::Fetch) arrived, or could not be had (why).
  void Deliver(const std::string& file, std::unique_ptr<char[]> bytes, size_t size);
  void FetchFailed(const std::string& file, std::string why);
  // A failure before there was anything to parse (404, network, unreadable file).
  void ShowLoadFailure(std::string message, std::string source);

  // Navigator: the one way to change screens (see navigator.h).
  void GoTo(const core::Route& route, How how) override;
  void TypedSearch(const std::string& text) override;
  void ChooseLanguage(const std::string& code) override;
  void RetryContent() override;
  void ChooseTextSize(float size) override;
  void ChooseLowVision(bool on) override;
  // The route the visitor chose in the app since the last call, for the platform to put in
  // the history (`replace`: instead of the current entry, as while typing a search).
  struct Navigation {
    core::Route route;
    bool replace = false;
  };
  std::optional<Navigation> TakeUserNavigation();
  // Escape: from a detail back to its list.
  void GoBack();
  // Scrolls the content by `pixels` (device pixels; positive moves the content up), as a
  // finger drag or fling does.
  void ScrollBy(float pixels);
  // A finger's sideways drag that went down at (x, y) (device px): the row of chips there scrolls.
  void ScrollSideways(float pixels, float x, float y);
  // Activates mirror node `index` (a screen reader pressed a mirror button or link).
  void ActivateMirrorNode(size_t index);
  // The page's keyboard focus is on mirror node `index` (nullopt: elsewhere): the canvas
  // outlines that item and scrolls it into view.
  void FocusMirrorNode(std::optional<size_t> index);

  // Frames on demand: the one way to ask for frames. At least `n` more are drawn (the
  // platform is woken through Host::FramesRequested); FramesWanted says how many are owed.
  void RequestFrames(int n);
  int FramesWanted() const { return m_framesWanted; }
  // The last frame's input chose another route: it drew the screen it began with (FrameDriver
  // draws the new one at once).
  bool RouteChangedInFrame() const { return m_routeChangedInFrame; }
  // Draws one frame; FrameDriver calls it inside DrawImGuiFrame (Dear ImGui's frame). It asks
  // for more frames itself while something loads, settles, fades or is measured.
  void Frame();
  // The first screen drawn is on the screen (a platform whose Host::SaysWhenShown): what the
  // content wants after it may be asked for.
  void ScreenShown();

  // The museum kiosk: idle timeout, attract loop, opening hours, burn-in drift, reload
  // interval, nothing that leads out of the app, an on-screen keyboard.
  void EnableKiosk(const core::KioskSettings& settings, double now, bool reducedMotion);
  KioskSession* Kiosk() { return m_kiosk ? &*m_kiosk : nullptr; }
  const KioskSession* Kiosk() const { return m_kiosk ? &*m_kiosk : nullptr; }
  // A touch or click at `now`. True when it only woke the kiosk: the platform must not pass
  // that touch on (it opens nothing by accident).
  bool KioskInput(double now);
  // The kiosk's metrics (core/kiosk_report.h): the platform's facts, the content's counts and
  // what visitors did.
  std::string KioskReport(core::KioskFacts facts) const;
  // The kiosk's clock (seconds, any origin) and local minute of the week; FrameDriver sets it
  // before each frame.
  void SetClock(double now, std::optional<int> minuteOfWeek = std::nullopt);

  Phase GetPhase() const { return m_phase; }
  // A published site given while content is shown, waiting for its newest headlines.
  bool HasIncoming() const { return m_incoming.has_value(); }
  // Content is in: what is shown (even while a published site's first part is on its way).
  bool HasContent() const { return m_content.has_value(); }
  const core::Route& Route() const { return m_state.route; }
  const std::string& Language() const { return m_state.lang; }
  void SetLanguage(const std::string& lang);
  // The language the visitor chose with the switch since the last call, to remember it.
  std::optional<std::string> TakeLanguageChoice() {
    auto l = std::move(m_languageChoice);
    m_languageChoice.reset();
    return l;
  }
  const core::Content* GetContent() const { return m_content ? &*m_content : nullptr; }
  const UiState& State() const { return m_state; }
  const ScreenView& Screens() const { return m_screen; }
  // True once the search index of the content and language is built (in the frames after the
  // content appears, or when somebody searches first).
  bool SearchIndexReady() const { return m_content && m_content->SearchReady(m_state.lang); }
  // Code points above U+007F the screens can need beyond the interface's own, ascending: the
  // bundle's text, what the visitor typed, an error message quoting the file.
  const std::vector<char32_t>& WantedGlyphs();
  const core::Mirror& Mirror() const { return m_mirror; }
  uint64_t MirrorVersion() const { return m_mirrorVersion; }    // bumps when content changes
  uint64_t MirrorRectVersion() const { return m_rectVersion; }  // bumps when positions change

 private:
  void ApplyRoute(const core::Route& route, How how);
  void ApplyPending();
  void ChooseContentLanguage();
  bool StepBackground();
  // app_content.cpp: new content, the files it asks for and those that arrive.
  void Show(std::optional<core::Content> content, core::LoadResult& result, std::string source);
  void SendRequests();
  void ContentChanged();
  void TakeIncoming();
  const core::ScreenDoc& Doc();
  void DrawStatusScreen(const DrawContext& ctx);
  void DrawFocus();
  void PublishMirror();
  void NoteNavigation(const core::Route& route, bool replace);
  DrawContext MakeDrawContext(const std::string& lang);
  void Restyle();

  Host& m_host;
  Phase m_phase = Phase::Loading;
  std::optional<core::Content> m_content;
  std::optional<core::Content> m_incoming;  // a new published site while content is shown, until its newest headlines are in
  // The description of the screen drawn, and what it was made for: made again when the route,
  // the language, the visitor's choices or the content change, not in every frame.
  struct DocKey {
    core::Route route;
    std::string lang;
    core::DirectiveSort sort;
    size_t searchWanted;
    uint64_t content, generation;
    bool operator==(const DocKey& o) const {
      return route == o.route && lang == o.lang && sort == o.sort && searchWanted == o.searchWanted && content == o.content &&
             generation == o.generation;
    }
  };
  std::optional<DocKey> m_docFor;
  core::ScreenDoc m_doc;
  std::string m_errorMessage;   // error screen text
  std::string m_errorLocation;  // "bundle.json, line 3, column 7: news[2].date"
  std::vector<std::string> m_preferred;
  UiState m_state;
  ScreenView m_screen;
  Fonts m_fonts;
  GlyphNeeds m_glyphs;
  float m_baseScale = 1.0f;        // the platform's (SetScale)
  Appearance m_appearance;         // the system's (SetAppearance)
  Palette m_palette = LightPalette();
  bool m_styleDirty = true;        // the ImGui style is made again before the next frame
  std::optional<float> m_pendingTextSize;    // chosen while drawing
  std::optional<bool> m_pendingLowVision;    // chosen while drawing
  MirrorRecorder m_recorder;
  core::Mirror m_mirror;
  uint64_t m_mirrorVersion = 0;
  uint64_t m_rectVersion = 0;
  std::optional<Navigation> m_userNavigation;
  int m_framesWanted = 3;
  bool m_drawing = false;                      // inside Frame: navigation waits for its end
  std::optional<std::pair<core::Route, How>> m_pendingRoute;  // chosen while drawing
  bool m_routeChangedInFrame = false;
  std::optional<std::string> m_pendingLanguage;               // chosen while drawing
  std::optional<size_t> m_activate;            // mirror node to activate during the next frame
  std::optional<std::string> m_languageChoice;
  std::optional<KioskSession> m_kiosk;
  uint64_t m_contentGeneration = 0;  // bumps with every bundle or error shown
  bool m_completeTold = false;       // Host::ArchiveComplete was called for the content shown
  bool m_sending = false, m_sendAgain = false;  // SendRequests is under way; and was asked again meanwhile
  uint64_t m_shownGeneration = 0;    // the content generation the last frame drew
};

}  // namespace ui
