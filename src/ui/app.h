// The application: owns the loaded bundle and the interface state, draws one frame at a time,
// and tells the platform what changed (the route to put in the URL, the mirror to publish).
// It never touches platform APIs; the platform calls it and implements Host.
#pragma once
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle_loader.h"
#include "core/kiosk.h"
#include "core/mirror.h"
#include "ui/fonts.h"
#include "ui/host.h"
#include "ui/mirror_recorder.h"
#include "ui/onscreen_keyboard.h"
#include "ui/theme.h"
#include "ui/ui_state.h"
#include "ui/view_context.h"

namespace ui {

enum class Phase { Loading, Ready, Error };

class App {
 public:
  explicit App(Host& host) : m_host(host) {}

  // Language asked for (?lang=, --lang, the browser's); used when the bundle has it.
  void SetPreferredLanguages(std::vector<std::string> langs) { m_preferred = std::move(langs); }
  void SetFonts(const Fonts& fonts) {
    m_fonts = fonts;
    m_glyphsChecked = false;
  }
  // Call before ImGui::NewFrame: (re)builds the font atlas from `dir` when there is none yet,
  // the scale changed or the content needs glyphs it lacks (WantedGlyphs). Returns true when
  // it did: the renderer's font texture must then be made again.
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
  // A failure before there was anything to parse (404, network, unreadable file).
  void ShowLoadFailure(std::string message, std::string source);

  // From the platform (hash change, back/forward, --route): shows that screen, no history entry.
  void Navigate(const core::Route& route);
  // The route the visitor chose in the canvas since the last call, for the platform to put in
  // the history (`replace`: instead of the current entry, as while typing a search).
  struct Navigation {
    core::Route route;
    bool replace = false;
  };
  std::optional<Navigation> TakeUserNavigation();
  // Text typed into the search field (the web page's own <input>): shows the search screen.
  void SetSearchText(const std::string& text);
  // Scrolls the content by `pixels` (device pixels; positive moves the content up), as a
  // finger drag or fling does.
  void ScrollBy(float pixels) {
    m_state.scrollBy += pixels;
    m_settleFrames = std::max(m_settleFrames, 2);
  }
  // Activates mirror node `index` (a screen reader pressed a mirror button or link).
  void ActivateMirrorNode(size_t index);
  // The page's keyboard focus is on mirror node `index` (nullopt: elsewhere): the canvas
  // outlines that item and scrolls it into view.
  void FocusMirrorNode(std::optional<size_t> index);
  // Escape: from a detail back to its list.
  void GoBack();

  // Draws one frame; call between ImGui::NewFrame() and ImGui::Render(). Returns true when it
  // wants another frame soon even without input (something is loading, settling or fading).
  bool Frame();

  // The museum kiosk: idle timeout, attract loop, opening hours, burn-in drift, reload
  // interval (core::KioskClock), nothing that leads out of the app, an on-screen keyboard.
  void EnableKiosk(const core::KioskSettings& settings, double now, bool reducedMotion);
  bool IsKiosk() const { return m_kiosk.has_value(); }
  // The time (seconds, any origin, accelerated in soak tests) and local minute of the week
  // for the opening hours; call before each Frame.
  void SetClock(double now, std::optional<int> minuteOfWeek = std::nullopt);
  // A touch or click at `now`. True when it only woke the kiosk from the attract loop or the
  // blank screen: the platform must not pass that touch on (it opens nothing by accident).
  bool KioskInput(double now);
  // The bundle check is due (once per reload interval).
  bool KioskReloadDue(double now);
  // Seconds until the kiosk needs a frame without any input (next slide, reload); -1: never.
  double KioskWakeIn() const;
  core::KioskMode KioskMode() const { return m_kioskState.mode; }

  Phase GetPhase() const { return m_phase; }
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
  const std::vector<core::Diagnostic>& Diagnostics() const { return m_diagnostics; }
  UiState& State() { return m_state; }

  // True once the search index of the shown bundle and language is built (in the frames
  // after the bundle appears, or when somebody searches first).
  bool SearchIndexReady() const { return m_derived.searchBuilt && m_derived.searchLangFor == m_state.lang; }
  const Derived& GetDerived() const { return m_derived; }
  // Code points above U+007F the screens can need beyond the interface's own, ascending: the
  // bundle's text, what the visitor typed, an error message quoting the file. The platform
  // gives them to LoadFonts when the atlas lacks some (ui::HasGlyphs).
  const std::vector<char32_t>& WantedGlyphs();
  const core::Mirror& Mirror() const { return m_mirror; }
  uint64_t MirrorVersion() const { return m_mirrorVersion; }      // bumps when content changes
  uint64_t MirrorRectVersion() const { return m_rectVersion; }    // bumps when positions change

 private:
  void ChooseLanguage();
  void UpdateDerived();
  void BuildNewsLists();
  bool StepBackground();
  bool StepSearchIndex(size_t bytes);
  void DrawScreen(const ViewContext& ctx);
  void DrawStatusScreen();
  void PublishMirror();
  void DrawFocus();
  void UpdateKiosk();
  void NoteNavigation(const core::Route& route, bool replace);

  Host& m_host;
  Phase m_phase = Phase::Loading;
  std::optional<core::Bundle> m_bundle;
  std::vector<core::Diagnostic> m_diagnostics;
  int m_skipped = 0;
  std::string m_errorMessage;   // error screen text
  std::string m_errorLocation;  // "bundle.json, line 3, column 7: news[2].date"
  std::vector<std::string> m_preferred;
  UiState m_state;
  Derived m_derived;
  Fonts m_fonts;
  const Palette* m_palette = &LightPalette();
  MirrorRecorder m_recorder;
  core::Mirror m_mirror;
  uint64_t m_mirrorVersion = 0;
  uint64_t m_rectVersion = 0;
  std::optional<Navigation> m_userNavigation;
  int m_settleFrames = 3;
  std::optional<size_t> m_activate;  // mirror node to activate during the next frame
  std::optional<std::string> m_languageChoice;
  std::optional<core::KioskClock> m_kiosk;
  core::KioskState m_kioskState;
  core::PixelOffset m_kioskDrift;
  std::vector<core::Route> m_playlist;
  OnScreenKeyboard m_keyboard;
  double m_now = 0;
  std::optional<int> m_minuteOfWeek;
  bool m_reducedMotion = false;
  uint64_t m_contentGeneration = 0;  // bumps with every bundle or error shown
  uint64_t m_shownGeneration = 0;    // the content generation the last frame drew
  uint64_t m_wantedGeneration = ~uint64_t{0};
  std::string m_wantedTyped;
  std::vector<char32_t> m_wanted;
  bool m_glyphsChecked = false;  // m_fonts has every glyph of m_wanted
};

}  // namespace ui
