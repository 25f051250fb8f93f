// The application: owns the loaded bundle, the interface state and the views; draws one frame
// at a time (FrameDriver calls Frame); navigates (every change of screen goes through GoTo) and
// tells the platform what changed (the route to put in the address, the mirror to publish).
// It never touches platform APIs; the platform calls it and implements Host.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/bundle_loader.h"
#include "core/published_archive.h"
#include "core/kiosk.h"
#include "core/mirror.h"
#include "ui/detail_view.h"
#include "ui/directives_view.h"
#include "ui/fonts.h"
#include "ui/host.h"
#include "ui/kiosk_session.h"
#include "ui/mirror_recorder.h"
#include "ui/navigator.h"
#include "ui/news_view.h"
#include "ui/search_view.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace ui {

enum class Phase { Loading, Ready, Error };

// The views that keep state between frames; a new bundle resets them.
struct Views {
  NewsView news;
  DirectivesView directives;
  SearchView search;
  DetailView detail;
};

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
  bool UpdateFonts(const std::string& dir);
  void SetScale(float scale) { m_state.scale = scale; }
  void SetDark(bool dark) { m_palette = dark ? &DarkPalette() : &LightPalette(); }
  const Palette& GetPalette() const { return *m_palette; }

  void ShowLoading();
  // Takes the loader's result: the bundle when it loaded, otherwise the error screen.
  // `source` names the file or URL for messages. With content already shown, a bundle that
  // does not load changes nothing, and one that does replaces it, keeping the visitor's
  // place when it still exists.
  void ShowLoadResult(core::LoadResult result, std::string source);
  // What core::LoadContent read: a plain bundle goes to ShowLoadResult; a published site's
  // manifest (core/published.h) shows the mission at once and the rest of the archive a part at
  // a time as screens need it (Host::FetchContent); the app is ready once the newest headlines
  // are in. A manifest that does not load is shown as a bundle that does not would be.
  void ShowPublished(core::ManifestResult manifest, std::string source);
  // A failure before there was anything to parse (404, network, unreadable file).
  void ShowLoadFailure(std::string message, std::string source);

  // Navigator: the one way to change screens (see navigator.h).
  void GoTo(const core::Route& route, How how) override;
  void TypedSearch(const std::string& text) override;
  void ChooseLanguage(const std::string& code) override;
  void RetryContent() override;
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
  // Activates mirror node `index` (a screen reader pressed a mirror button or link).
  void ActivateMirrorNode(size_t index);
  // The page's keyboard focus is on mirror node `index` (nullopt: elsewhere): the canvas
  // outlines that item and scrolls it into view.
  void FocusMirrorNode(std::optional<size_t> index);

  // Frames on demand: the one way to ask for frames. At least `n` more are drawn (the
  // platform is woken through Host::FramesRequested); FramesWanted says how many are owed.
  void RequestFrames(int n);
  int FramesWanted() const { return m_framesWanted; }
  // Draws one frame; FrameDriver calls it inside DrawImGuiFrame (Dear ImGui's frame). It asks
  // for more frames itself while something loads, settles, fades or is measured.
  void Frame();

  // The museum kiosk: idle timeout, attract loop, opening hours, burn-in drift, reload
  // interval, nothing that leads out of the app, an on-screen keyboard.
  void EnableKiosk(const core::KioskSettings& settings, double now, bool reducedMotion);
  KioskSession* Kiosk() { return m_kiosk ? &*m_kiosk : nullptr; }
  const KioskSession* Kiosk() const { return m_kiosk ? &*m_kiosk : nullptr; }
  // A touch or click at `now`. True when it only woke the kiosk: the platform must not pass
  // that touch on (it opens nothing by accident).
  bool KioskInput(double now);
  // The kiosk's clock (seconds, any origin) and local minute of the week; FrameDriver sets it
  // before each frame.
  void SetClock(double now, std::optional<int> minuteOfWeek = std::nullopt);

  Phase GetPhase() const { return m_phase; }
  // A published site given while content is shown, waiting for its newest headlines.
  bool HasIncoming() const { return m_incoming.has_value(); }
  const core::Route& Route() const { return m_state.route; }
  const std::string& Language() const { return m_state.lang; }
  void SetLanguage(const std::string& lang);
  // The language the visitor chose with the switch since the last call, to remember it.
  std::optional<std::string> TakeLanguageChoice() {
    auto l = std::move(m_languageChoice);
    m_languageChoice.reset();
    return l;
  }
  const core::Bundle* GetBundle() const { return m_bundle ? &*m_bundle : nullptr; }
  const core::PublishedArchive* Archive() const { return m_archive ? &*m_archive : nullptr; }
  const std::vector<core::Diagnostic>& Diagnostics() const { return m_diagnostics; }
  const UiState& State() const { return m_state; }
  const Views& GetViews() const { return m_views; }
  // True once the search index of the shown bundle and language is built (in the frames after
  // the bundle appears, or when somebody searches first).
  bool SearchIndexReady() const { return m_views.search.IndexReady(m_state.lang); }
  // Code points above U+007F the screens can need beyond the interface's own, ascending: the
  // bundle's text, what the visitor typed, an error message quoting the file.
  const std::vector<char32_t>& WantedGlyphs();
  const core::Mirror& Mirror() const { return m_mirror; }
  uint64_t MirrorVersion() const { return m_mirrorVersion; }    // bumps when content changes
  uint64_t MirrorRectVersion() const { return m_rectVersion; }  // bumps when positions change

 private:
  void ApplyRoute(const core::Route& route, How how);
  void ApplyPending();
  void ChooseBundleLanguage();
  bool StepBackground();
  // app_archive.cpp: fetches and takes the parts of a published archive the screen needs.
  bool PumpArchive();
  void PumpSearch(const core::Route& r, bool& took);
  void PumpIncoming();
  void Show(core::LoadResult result, std::string source, bool archive);
  std::optional<size_t> DetailOrdinal(bool news, const std::string& id) const;
  void FetchShard(const core::ShardRef& ref, bool news, bool full, size_t index, bool& took);
  std::optional<Host::ContentFile> Arrived(const std::string& file, bool& took);
  bool DrawScreen(const ViewContext& ctx);
  void DrawStatusScreen(const DrawContext& ctx);
  void DrawFocus();
  void PublishMirror();
  void NoteNavigation(const core::Route& route, bool replace);
  DrawContext MakeDrawContext(const std::string& lang);

  Host& m_host;
  Phase m_phase = Phase::Loading;
  std::optional<core::Bundle> m_bundle;
  std::optional<core::PublishedArchive> m_archive;  // when the content is a published site
  std::map<std::string, core::SearchChunk> m_chunks;  // its search index chunks that are in, by file
  std::optional<std::tuple<std::string, std::string, size_t>> m_searchedFor;  // (query, language, hits) the search view has
  struct Incoming {
    core::ManifestResult manifest;
    std::string source;
  };
  std::optional<Incoming> m_incoming;  // a new manifest while content is shown, until its newest headlines are in
  std::vector<core::Diagnostic> m_diagnostics;
  int m_skipped = 0;
  std::string m_errorMessage;   // error screen text
  std::string m_errorLocation;  // "bundle.json, line 3, column 7: news[2].date"
  std::vector<std::string> m_preferred;
  UiState m_state;
  Views m_views;
  Fonts m_fonts;
  GlyphNeeds m_glyphs;
  const Palette* m_palette = &LightPalette();
  MirrorRecorder m_recorder;
  core::Mirror m_mirror;
  uint64_t m_mirrorVersion = 0;
  uint64_t m_rectVersion = 0;
  std::optional<Navigation> m_userNavigation;
  int m_framesWanted = 3;
  bool m_drawing = false;                      // inside Frame: navigation waits for its end
  std::optional<std::pair<core::Route, How>> m_pendingRoute;  // chosen while drawing
  std::optional<std::string> m_pendingLanguage;               // chosen while drawing
  std::optional<size_t> m_activate;            // mirror node to activate during the next frame
  std::optional<std::string> m_languageChoice;
  std::optional<KioskSession> m_kiosk;
  uint64_t m_contentGeneration = 0;  // bumps with every bundle or error shown
  uint64_t m_shownGeneration = 0;    // the content generation the last frame drew
};

}  // namespace ui
