// App: state transitions (loading, ready, error), navigation and the frame.
#include "ui/app.h"

#include <algorithm>

#include "core/strings.h"
#include "core/text.h"
#include "ui/kiosk_view.h"
#include "ui/shell.h"
#include "ui/widgets.h"

namespace ui {

void App::ShowLoading() {
  m_phase = Phase::Loading;
  m_settleFrames = 3;
}

void App::ShowLoadResult(core::LoadResult result, std::string source) {
  if (!result.bundle && m_bundle) return;  // a failed reload keeps the content (and diagnostics) we had
  ++m_contentGeneration;
  m_diagnostics = std::move(result.diagnostics);
  m_skipped = result.skippedItems;
  if (!result.bundle) {
    const core::Diagnostic* first = nullptr;
    for (const auto& d : m_diagnostics)
      if (d.severity == core::Severity::Error) { first = &d; break; }
    std::string location = source;
    if (first && first->line > 0)
      location += ", line " + std::to_string(first->line) + ", column " + std::to_string(first->column);
    if (first && !first->path.empty()) location += " — " + first->path;
    m_errorMessage = first ? first->message : "unknown problem";
    m_errorLocation = location;
    m_phase = Phase::Error;
    m_settleFrames = 3;
    return;
  }
  const bool replacing = m_bundle.has_value();
  m_bundle = std::move(result.bundle);
  m_phase = Phase::Ready;
  m_derived = {};
  ChooseLanguage();
  if (replacing) {
    // New content while somebody reads (the kiosk's reload): stay where they are when it still
    // exists, else go to its list; keep the scroll position on list screens.
    const core::Route& r = m_state.route;
    const bool gone = (r.screen == core::Screen::NewsDetail && !m_bundle->FindNews(r.id)) ||
                      (r.screen == core::Screen::DirectiveDetail && !m_bundle->FindDirective(r.id));
    if (gone) {
      m_state.route = core::ParentRoute(r);
      m_state.resetScroll = true;
      NoteNavigation(m_state.route, true);
    }
  } else {
    m_state.resetScroll = true;
  }
  UpdateDerived();
  m_settleFrames = 3;
}

void App::ShowLoadFailure(std::string message, std::string source) {
  if (m_bundle) return;
  ++m_contentGeneration;
  m_errorMessage = std::move(message);
  m_errorLocation = std::move(source);
  m_phase = Phase::Error;
  m_settleFrames = 3;
}

bool App::UpdateFonts(const std::string& dir) {
  const std::vector<char32_t>& wanted = WantedGlyphs();
  // The atlas is compared with the wanted glyphs only when either changed, not every frame.
  if (m_fonts.body && m_fonts.scale == m_state.scale && (m_glyphsChecked || HasGlyphs(m_fonts, wanted))) {
    m_glyphsChecked = true;
    return false;
  }
  LoadFonts(dir, m_state.scale, m_fonts, wanted);
  m_glyphsChecked = true;
  return true;
}

const std::vector<char32_t>& App::WantedGlyphs() {
  if (m_wantedGeneration == m_contentGeneration && m_wantedTyped == m_state.searchText) return m_wanted;
  m_wantedGeneration = m_contentGeneration;
  m_wantedTyped = m_state.searchText;
  m_glyphsChecked = false;
  m_wanted = m_bundle ? m_bundle->codePoints : std::vector<char32_t>();
  for (const std::string* text : {&m_state.searchText, &m_errorMessage, &m_errorLocation}) {
    for (size_t i = 0; i < text->size();) {
      const char32_t cp = core::DecodeUtf8(*text, i);
      if (cp >= 0x80) m_wanted.push_back(cp);
    }
  }
  std::sort(m_wanted.begin(), m_wanted.end());
  m_wanted.erase(std::unique(m_wanted.begin(), m_wanted.end()), m_wanted.end());
  return m_wanted;
}

void App::ChooseLanguage() {
  const auto& langs = m_bundle->languages;
  for (const auto& want : m_preferred) {
    if (std::find(langs.begin(), langs.end(), want) != langs.end()) {
      m_state.lang = want;
      return;
    }
  }
  if (std::find(langs.begin(), langs.end(), m_state.lang) == langs.end()) m_state.lang = m_bundle->DefaultLanguage();
}

void App::SetLanguage(const std::string& lang) {
  m_preferred.insert(m_preferred.begin(), lang);
  if (m_bundle) ChooseLanguage();
  else m_state.lang = lang;
  m_settleFrames = 3;
}

// The news in timeline order, their years and tags: when News is first shown, or in the first
// idle frame after the bundle appears (App::Frame), whichever comes first.
void App::BuildNewsLists() {
  Derived& d = m_derived;
  if (!m_bundle || d.newsBuilt) return;
  d.newsOrder = core::NewsNewestFirst(m_bundle->news);
  d.years = core::CountYears(m_bundle->news);
  d.tags = core::CountTags(m_bundle->news);
  d.newsBuilt = true;
}

void App::UpdateDerived() {
  if (!m_bundle) return;
  Derived& d = m_derived;
  const core::Bundle& b = *m_bundle;
  const core::Route& r = m_state.route;
  // Each list when its screen is first shown: a large archive opened on its mission page
  // does not wait for the timeline or the archive's order (20-30 ms in wasm for 23,000 items).
  if (r.screen == core::Screen::News) {
    BuildNewsLists();
    if (d.timelineYear != r.year || d.timelineTag != r.tag) {
      d.timeline = core::GroupByMonth(b.news, core::FilterNews(b.news, d.newsOrder, r.year, r.tag));
      d.timelineYear = r.year;
      d.timelineTag = r.tag;
    }
  }
  if (r.screen == core::Screen::Directives) {
    if (!d.categoriesBuilt) {
      d.categories = core::CountCategories(b.directives);
      d.categoriesBuilt = true;
    }
    if (!d.directivesBuilt || d.directiveSortFor != m_state.directiveSort || d.directiveLangFor != m_state.lang ||
        d.directiveCategoryFor != r.category) {
      d.directiveOrder.clear();
      for (size_t i : core::SortDirectives(b.directives, m_state.directiveSort, m_state.lang, b.DefaultLanguage()))
        if (r.category.empty() || b.directives[i].category == r.category) d.directiveOrder.push_back(i);
      d.directiveSortFor = m_state.directiveSort;
      d.directiveLangFor = m_state.lang;
      d.directiveCategoryFor = r.category;
      d.directivesBuilt = true;
    }
  }
  // Somebody searches before the index is finished (or in another language): finish it now.
  if (r.screen == core::Screen::Search) StepSearchIndex(SIZE_MAX);
}

// The search index is built in the frames after the bundle appears, a slice each, so that a
// large archive neither delays the first screen nor makes the first keystroke wait; again when
// the language changes. Returns true while there is more to do.
bool App::StepSearchIndex(size_t bytes) {
  if (!m_bundle) return false;
  Derived& d = m_derived;
  if (d.searchBuilt && d.searchLangFor == m_state.lang) return false;
  if (!d.searchBuilder || d.searchBuilder->Language() != m_state.lang) d.searchBuilder.emplace(*m_bundle, m_state.lang);
  if (!d.searchBuilder->Step(bytes)) return true;
  d.search = d.searchBuilder->Take();
  d.searchBuilder.reset();
  d.searchLangFor = m_state.lang;
  d.searchBuilt = true;
  return false;
}

void App::Navigate(const core::Route& route) {
  if (route != m_state.route) {
    m_state.resetScroll = true;
    m_state.linkCopied = false;
    m_state.focusNode.reset();
  }
  m_state.route = route;
  if (route.screen == core::Screen::Search && route.query != m_state.searchText) {
    m_state.searchText = route.query;
    m_state.searchTextReplaced = true;
  }
  m_settleFrames = 3;
}

void App::SetSearchText(const std::string& text) {
  // Called between frames: the route changes at once so the next frame shows the results.
  m_state.searchText = text;
  core::Route r;
  r.screen = core::Screen::Search;
  r.query = text;
  const bool refining = m_state.route.screen == core::Screen::Search;
  if (r != m_state.route) {
    m_state.route = r;
    m_state.resetScroll = !refining;
    m_state.focusNode.reset();
    NoteNavigation(r, refining);
  }
  m_settleFrames = 3;
}

// Several navigations before the platform takes them merge into one: a replace only when
// all of them were (the first keystroke of a search makes a history entry even when the
// second arrives before the next frame).
void App::NoteNavigation(const core::Route& route, bool replace) {
  const bool push = !replace || (m_userNavigation && !m_userNavigation->replace);
  m_userNavigation = Navigation{route, !push};
}

std::optional<App::Navigation> App::TakeUserNavigation() {
  auto r = std::move(m_userNavigation);
  m_userNavigation.reset();
  return r;
}

void App::FocusMirrorNode(std::optional<size_t> index) {
  m_state.focusNode = index;
  m_settleFrames = 3;
}

void App::GoBack() {
  const core::Route parent = core::ParentRoute(m_state.route);
  if (parent != m_state.route) m_state.pending = parent;
  m_settleFrames = 3;
}

void App::ActivateMirrorNode(size_t index) {
  m_activate = index;
  m_settleFrames = 3;
}

bool App::Frame() {
  const ImGuiIO& io = ImGui::GetIO();
  const bool ready = m_phase == Phase::Ready;
  m_derived.layoutPending = false;  // a list measured in part says so again when it is drawn
  if (m_kiosk && ready) UpdateKiosk();
  // Against burn-in the kiosk's whole picture drifts by a few pixels over the hours.
  const ImVec2 drift = m_kiosk ? ImVec2(m_kioskDrift.x * m_state.scale, m_kioskDrift.y * m_state.scale) : ImVec2(0, 0);
  ImGui::SetNextWindowPos(drift);
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags rootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##root", nullptr, rootFlags);
  ImGui::PopStyleVar();
  m_recorder.SetActivation(m_activate);
  m_activate.reset();

  if (!ready) {
    DrawStatusScreen();
  } else if (m_kiosk && m_kioskState.mode == core::KioskMode::Blank) {
    m_recorder.Begin("", m_state.lang);  // outside opening hours: nothing lit, nothing to read
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(-8, -8), ImVec2(io.DisplaySize.x + 8, io.DisplaySize.y + 8),
                                              IM_COL32_BLACK);
  } else {
    UpdateDerived();
    ViewContext ctx{*m_bundle, m_derived, m_state, m_recorder, m_host, m_fonts, *m_palette, m_skipped};
    if (m_kiosk) ctx.keyboard = &m_keyboard;
    if (m_kiosk && m_kioskState.mode == core::KioskMode::Attract) {
      m_recorder.Begin(core::Tr(core::Str::TouchToExplore, m_state.lang), m_state.lang);
      DrawAttract(ctx, m_playlist, m_kioskState, m_reducedMotion);
    } else {
      DrawShell(ctx, [&](const ViewContext& c) { DrawScreen(c); });
      DrawFocus();
    }
  }
  ImGui::End();

  if (m_state.pendingLang) {
    SetLanguage(*m_state.pendingLang);
    m_languageChoice = m_state.lang;
    m_state.pendingLang.reset();
  }
  if (m_state.pending) {
    if (*m_state.pending != m_state.route) {
      const bool keepScroll = m_state.pendingReplace;  // typing refines results in place
      m_state.linkCopied = false;
      m_state.focusNode.reset();
      m_state.route = *m_state.pending;
      m_state.resetScroll = !keepScroll;
      NoteNavigation(m_state.route, m_state.pendingReplace);
    }
    m_state.pending.reset();
    m_state.pendingReplace = false;
    m_settleFrames = 3;
  }
  PublishMirror();
  if (m_settleFrames > 0) --m_settleFrames;
  const bool fading = m_kiosk && m_kioskState.mode == core::KioskMode::Attract && m_kioskState.wakeIn <= 0;
  const bool background = ready && StepBackground();
  return m_settleFrames > 0 || fading || background || m_derived.layoutPending;
}

// In the frames after the bundle appears: the news lists (so that News opens without sorting
// 20,000 items), then the search index, about 512 KB of text a frame (a few milliseconds in the
// browser; a 20,000-item archive is searchable a second or two later). None of it in the frame
// that first shows new content: that frame is the one people wait for. True while work is left.
bool App::StepBackground() {
  const bool shownBefore = m_shownGeneration == m_contentGeneration;
  m_shownGeneration = m_contentGeneration;
  if (!shownBefore) return true;  // next frame
  if (!m_derived.newsBuilt) {
    BuildNewsLists();
    return true;
  }
  return StepSearchIndex(512 * 1024);
}

void App::EnableKiosk(const core::KioskSettings& settings, double now, bool reducedMotion) {
  m_kiosk.emplace(settings, now);
  m_now = now;
  m_state.kiosk = true;
  m_reducedMotion = reducedMotion;
  m_keyboard.SetLabels(m_state.lang == "en" ? OnScreenKeyboard::EnglishLabels() : OnScreenKeyboard::Labels{});
}

void App::SetClock(double now, std::optional<int> minuteOfWeek) {
  m_now = now;
  m_minuteOfWeek = minuteOfWeek;
}

bool App::KioskInput(double now) {
  if (!m_kiosk) return false;
  m_now = now;
  m_settleFrames = 3;
  return m_kiosk->Touch(now);
}

bool App::KioskReloadDue(double now) { return m_kiosk && m_kiosk->ReloadDue(now); }

double App::KioskWakeIn() const {
  if (!m_kiosk) return -1;
  const double reload = std::max(0.0, m_kiosk->NextReload() - m_now);
  return m_kioskState.wakeIn > 0 ? std::min(m_kioskState.wakeIn, reload) : reload;
}

void App::UpdateKiosk() {
  m_kioskState = m_kiosk->Update(m_now, m_minuteOfWeek);
  m_kioskDrift = m_kiosk->BurnInOffset(m_now);
  if (!m_kioskState.entered) return;
  // Each time the loop begins: back to the start, keyboard closed, playlist from this bundle.
  m_playlist = core::AttractPlaylist(*m_bundle);
  m_kiosk->SetSlideCount(m_playlist.size());
  if (m_kioskState.mode != core::KioskMode::Interactive) {
    core::Route start;
    if (m_state.route != start) NoteNavigation(start, true);
    m_state.route = start;
    m_state.resetScroll = true;
    m_state.keyboardOpen = false;
    m_state.searchText.clear();
    m_state.focusNode.reset();
    m_kioskState = m_kiosk->Update(m_now, m_minuteOfWeek);
  }
}

// Outlines the item the page's keyboard focus is on and brings it into view. Uses this
// frame's rectangles (the recorder's), which already include this frame's scrolling.
void App::DrawFocus() {
  const auto& nodes = m_recorder.Current().nodes;
  if (!m_state.focusNode || *m_state.focusNode >= nodes.size()) return;
  const core::MirrorRect& r = nodes[*m_state.focusNode].rect;
  if (r.w <= 0 || r.h <= 0) return;
  const float pad = 3 * m_state.scale;
  ImGui::GetForegroundDrawList()->AddRect(ImVec2(r.x - pad, r.y - pad), ImVec2(r.x + r.w + pad, r.y + r.h + pad),
                                          m_palette->focus, 4 * m_state.scale, 0, 3 * m_state.scale);
  for (size_t i = 0; i < nodes.size() && i <= *m_state.focusNode; ++i)
    if (nodes[i].kind == core::MirrorKind::NavEnd) {
      // Content, not the header (which never scrolls): keep it inside the visible area.
      const float margin = 24 * m_state.scale, top = m_state.contentTop, bottom = m_state.contentBottom;
      if (r.y < top + margin) ScrollBy(r.y - top - margin);
      else if (r.y + r.h > bottom - margin) ScrollBy(std::min(r.y + r.h - bottom + margin, r.y - top - margin));
      return;
    }
}

void App::DrawScreen(const ViewContext& ctx) {
  const core::Route& r = m_state.route;
  switch (r.screen) {
    case core::Screen::Mission: DrawMissionView(ctx); break;
    case core::Screen::News: DrawNewsView(ctx); break;
    case core::Screen::Directives: DrawDirectivesView(ctx); break;
    case core::Screen::NewsDetail:
      if (const auto* n = m_bundle->FindNews(r.id)) DrawNewsDetail(ctx, *n);
      else DrawNotFound(ctx);
      break;
    case core::Screen::DirectiveDetail:
      if (const auto* d = m_bundle->FindDirective(r.id)) DrawDirectiveDetail(ctx, *d);
      else DrawNotFound(ctx);
      break;
    case core::Screen::Diagnostics: DrawDiagnosticsView(ctx, m_diagnostics); break;
    case core::Screen::Search: DrawSearchView(ctx); break;
    case core::Screen::NotFound: DrawNotFound(ctx); break;
  }
}

void App::DrawStatusScreen() {
  const std::string& lang = m_state.lang.empty() ? std::string("sq") : m_state.lang;
  if (m_phase == Phase::Loading) {
    m_recorder.Begin(core::Tr(core::Str::Loading, lang), lang);
    DrawLoadingScreen(m_fonts, *m_palette, m_state.scale, lang, m_recorder);
  } else {
    m_recorder.Begin(core::Tr(core::Str::ErrorTitle, lang), lang);
    if (DrawErrorScreen(m_fonts, *m_palette, m_state.scale, lang, m_errorMessage, m_errorLocation, m_recorder)) {
      m_phase = Phase::Loading;
      m_host.RetryLoad();
    }
  }
}

void App::PublishMirror() {
  core::Mirror next = m_recorder.Take();
  if (!next.SameContent(m_mirror)) {
    ++m_mirrorVersion;
    ++m_rectVersion;
    m_mirror = std::move(next);
  } else if (!next.SameRects(m_mirror)) {
    ++m_rectVersion;
    m_mirror = std::move(next);
  } else {
    return;
  }
  // Something moved: layout (tables, wrapping) may need another frame to settle.
  m_settleFrames = std::max(m_settleFrames, 2);
}

}  // namespace ui
