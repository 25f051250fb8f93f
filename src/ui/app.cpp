// App: state transitions (loading, ready, error), navigation and the frame.
#include "ui/app.h"

#include <algorithm>

#include "core/check.h"
#include "core/strings.h"
#include "ui/shell.h"
#include "ui/status_view.h"
#include "ui/widgets.h"

namespace ui {

void App::ShowLoading() {
  m_phase = Phase::Loading;
  RequestFrames(3);
}

void App::ShowLoadResult(core::LoadResult result, std::string source) {
  std::optional<core::Content> content;
  if (result.bundle) {
    content.emplace(std::move(*result.bundle));
    content->SetProblems(std::move(result.diagnostics), result.skippedItems);
  }
  Show(std::move(content), result, std::move(source));
}

void App::ShowLoadFailure(std::string message, std::string source) {
  if (m_content) return;
  ++m_contentGeneration;
  m_errorMessage = std::move(message);
  m_errorLocation = std::move(source);
  m_phase = Phase::Error;
  RequestFrames(3);
}

void App::SetScale(float scale) {
  m_baseScale = scale;
  Restyle();
}

void App::SetAppearance(const Appearance& appearance) {
  m_appearance = appearance;
  Restyle();
}

void App::SetTextSize(float size) {
  m_state.textSize = size;
  Restyle();
}

void App::ChooseTextSize(float size) {
  if (m_drawing) {
    m_pendingTextSize = size;
    return;
  }
  SetTextSize(size);
  m_host.TextSizeChosen(size);
}

void App::ChooseLowVision(bool on) {
  if (m_drawing) {
    m_pendingLowVision = on;
    return;
  }
  m_state.lowVision = on;
  Restyle();
}

// The scale and the palette from the platform's and the visitor's choices; the ImGui style and
// the fonts follow before the next frame.
void App::Restyle() {
  m_state.scale = m_baseScale * m_state.textSize * (m_state.lowVision ? 1.4f : 1.0f);
  Appearance a = m_appearance;
  a.moreContrast = a.moreContrast || m_state.lowVision;
  m_palette = PaletteFor(a);
  m_styleDirty = true;
  RequestFrames(3);
}

bool App::UpdateFonts(const FontFile& file) {
  if (m_styleDirty) {
    ApplyTheme(m_palette, m_state.scale);
    m_styleDirty = false;
  }
  const std::vector<char32_t>& wanted = WantedGlyphs();
  // The atlas is compared with the wanted glyphs only when either changed, not every frame.
  if (m_fonts.body && m_fonts.scale == m_state.scale && (m_glyphs.Checked() || HasGlyphs(m_fonts, wanted))) {
    m_glyphs.SetChecked(true);
    return false;
  }
  LoadFonts(file, m_state.scale, m_fonts, wanted);
  m_glyphs.SetChecked(true);
  return true;
}

const std::vector<char32_t>& App::WantedGlyphs() {
  // The content's generation changes as a published site's parts bring new text.
  const uint64_t generation = (m_contentGeneration << 32) + (m_content ? m_content->Generation() : 0);
  return m_glyphs.Wanted(generation, m_content ? &m_content->CodePoints() : nullptr,
                         {&m_state.searchText, &m_errorMessage, &m_errorLocation});
}

void App::SetPreferredLanguages(std::vector<std::string> langs) {
  m_preferred = std::move(langs);
  if (!m_content && !m_preferred.empty()) m_state.lang = m_preferred.front() == "en" ? "en" : "sq";
}

void App::ChooseContentLanguage() {
  const auto& langs = m_content->Languages();
  for (const auto& want : m_preferred) {
    if (std::find(langs.begin(), langs.end(), want) != langs.end()) {
      m_state.lang = want;
      return;
    }
  }
  if (std::find(langs.begin(), langs.end(), m_state.lang) == langs.end()) m_state.lang = m_content->DefaultLanguage();
}

void App::SetLanguage(const std::string& lang) {
  m_preferred.insert(m_preferred.begin(), lang);
  if (m_content) ChooseContentLanguage();
  else m_state.lang = lang;
  RequestFrames(3);
}

void App::ChooseLanguage(const std::string& code) {
  if (m_drawing) {
    m_pendingLanguage = code;
    return;
  }
  SetLanguage(code);
  m_languageChoice = m_state.lang;
  if (m_kiosk) m_kiosk->Counts().LanguageSwitch(m_state.lang);
}

void App::GoTo(const core::Route& route, How how) {
  if (m_drawing) {
    m_pendingRoute.emplace(route, how);  // the frame under way finishes with the screen it began
    return;
  }
  ApplyRoute(route, how);
}

// What a change of route resets, for every way of navigating: the scroll position (not while a
// search is refined in place), the keyboard focus, "Link copied"; and what it records: the
// history entry, unless the address already shows the route.
void App::ApplyRoute(const core::Route& route, How how) {
  RequestFrames(3);
  if (route.screen == core::Screen::Search && route.query != m_state.searchText) {
    m_state.searchText = route.query;
    m_state.searchTextReplaced = true;  // the field lets go of its own copy
  }
  if (route == m_state.route) return;
  const bool refining = how == How::Replace && route.screen == core::Screen::Search &&
                        m_state.route.screen == core::Screen::Search;
  // A kiosk counts the screens its visitors go to (not its own return to the start, nor a
  // filter or a search refined on the same screen).
  if (m_kiosk && how == How::Push && (route.screen != m_state.route.screen || route.id != m_state.route.id))
    m_kiosk->Counts().Screen(route);
  m_state.route = route;
  m_state.resetScroll = !refining;
  m_state.focusNode.reset();
  m_screen.RouteChanged();
  if (how != How::Address) NoteNavigation(route, how == How::Replace);
}

void App::TypedSearch(const std::string& text) {
  m_state.searchText = text;
  const bool refining = m_state.route.screen == core::Screen::Search;
  if (m_kiosk && !refining) ++m_kiosk->Counts().searches;
  GoTo(core::Route::Search(text), refining ? How::Replace : How::Push);
}

void App::ApplyPending() {
  MODV_CHECK(!m_drawing && "pending navigation applies after the frame");
  if (m_pendingLanguage) {
    ChooseLanguage(*m_pendingLanguage);
    m_pendingLanguage.reset();
  }
  if (m_pendingTextSize) {
    ChooseTextSize(*m_pendingTextSize);
    m_pendingTextSize.reset();
  }
  if (m_pendingLowVision) {
    ChooseLowVision(*m_pendingLowVision);
    m_pendingLowVision.reset();
  }
  if (m_pendingRoute) {
    const auto [route, how] = std::move(*m_pendingRoute);
    m_pendingRoute.reset();
    ApplyRoute(route, how);
  }
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

void App::GoBack() { GoTo(core::ParentRoute(m_state.route), How::Push); }

void App::ScrollBy(float pixels) {
  m_state.scrollBy += pixels;
  RequestFrames(2);
}

void App::ScrollSideways(float pixels, float x, float y) {
  m_state.sideScroll.dx += pixels;
  m_state.sideScroll.x = x;
  m_state.sideScroll.y = y;
  RequestFrames(2);
}

void App::FocusMirrorNode(std::optional<size_t> index) {
  m_state.focusNode = index;
  RequestFrames(3);
}

void App::ActivateMirrorNode(size_t index) {
  m_activate = index;
  RequestFrames(3);
}

void App::RequestFrames(int n) {
  m_framesWanted = std::max(m_framesWanted, n);
  m_host.FramesRequested();
}

DrawContext App::MakeDrawContext(const std::string& lang) {
  return DrawContext{lang, m_fonts, m_palette, m_state.scale, m_kiosk.has_value(), m_recorder, m_host, *this,
                     m_host.MirrorIsPage(), 0, &m_state.sideScroll, m_state.focusNode};
}

void App::Frame() {
  const ImGuiIO& io = ImGui::GetIO();
  const bool ready = m_phase == Phase::Ready;
  bool more = false;
  if (m_kiosk && ready && m_kiosk->Update(*m_content)) {
    // The visit is over: back to the top of the start, keyboard closed, search forgotten, the
    // next visitor's type and colours.
    GoTo(core::Route::Mission(), How::Replace);
    m_state.resetScroll = true;
    m_state.keyboardOpen = false;
    m_state.searchText.clear();
    if (m_state.lowVision) ChooseLowVision(false);
  }
  // Against burn-in the kiosk's whole picture drifts by a few pixels over the hours.
  ImGui::SetNextWindowPos(m_kiosk ? m_kiosk->Drift(m_state.scale) : ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags rootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##root", nullptr, rootFlags);
  ImGui::PopStyleVar();
  m_recorder.SetActivation(m_activate);
  m_activate.reset();
  m_drawing = true;
  const std::string statusLang = m_state.lang.empty() ? "sq" : m_state.lang;  // before any bundle
  if (!ready) {
    DrawStatusScreen(MakeDrawContext(statusLang));
  } else if (m_kiosk && m_kiosk->Mode() == core::KioskMode::Blank) {
    m_recorder.Begin("", m_state.lang);  // outside opening hours: nothing lit, nothing to read
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(-8, -8), ImVec2(io.DisplaySize.x + 8, io.DisplaySize.y + 8),
                                              IM_COL32_BLACK);
  } else {
    const ViewContext ctx(MakeDrawContext(m_state.lang), *m_content);
    if (m_kiosk && m_kiosk->Mode() == core::KioskMode::Attract) {
      m_kiosk->DrawAttract(ctx);
    } else {
      const core::ScreenDoc& doc = Doc();
      const ShellInput shell{doc.title, m_state, m_kiosk ? &m_kiosk->Keyboard() : nullptr};
      DrawShell(ctx, shell, [&](const ViewContext& c) { more = m_screen.Draw(c, doc, m_state.route); });
      DrawFocus();
    }
  }
  m_drawing = false;
  ImGui::End();
  const bool routePending = m_pendingRoute.has_value();
  const core::Route before = routePending ? m_state.route : core::Route{};
  ApplyPending();
  m_routeChangedInFrame = routePending && !(m_state.route == before);
  PublishMirror();
  // What the content wants after the first screen goes out with this frame's requests (it is
  // drawn), or once the platform says it is on the screen (ScreenShown).
  if (ready && m_content && !m_host.SaysWhenShown()) m_content->FirstScreenShown();
  SendRequests();
  m_framesWanted = std::max(m_framesWanted - 1, 0);
  const bool fading = m_kiosk && m_kiosk->Fading();
  const bool background = ready && StepBackground();
  if (fading || background || more) {
    RequestFrames(1);
  } else if (ready && m_framesWanted == 0) {
    // The screen has settled: the years its rows of chips show whole get their newest
    // headlines, so that one chosen opens at once (not those a row passed while it moved).
    m_content->ChoicesInView(m_state.sideScroll.inView);
    SendRequests();
  }
}

void App::ScreenShown() {
  if (m_phase != Phase::Ready || !m_content) return;
  m_content->FirstScreenShown();
  SendRequests();
}

// In the frames after the content appears: the news order (so that News opens without sorting
// 20,000 items), then the search index, about 512 KB of text a frame (a few milliseconds in the
// browser; a 20,000-item archive is searchable a second or two later). None of it in the frame
// that first shows new content: that frame is the one people wait for. True while work is left.
bool App::StepBackground() {
  const bool shownBefore = m_shownGeneration == m_contentGeneration;
  m_shownGeneration = m_contentGeneration;
  if (!shownBefore) return true;  // next frame
  return m_content->Step(m_state.lang, 512 * 1024);
}

void App::EnableKiosk(const core::KioskSettings& settings, double now, bool reducedMotion) {
  m_kiosk.emplace(settings, now, reducedMotion, m_state.lang);
  m_kiosk->SetClock(now, std::nullopt);
  m_state.kiosk = true;
  if (m_content) {
    m_content->WantEverything();  // a kiosk never waits for a part
    SendRequests();
  }
}

void App::SetClock(double now, std::optional<int> minuteOfWeek) {
  if (m_kiosk) m_kiosk->SetClock(now, minuteOfWeek);
}

bool App::KioskInput(double now) {
  if (!m_kiosk) return false;
  RequestFrames(3);
  const bool attract = m_kiosk->Mode() == core::KioskMode::Attract;
  const bool woke = m_kiosk->Touch(now);
  if (woke && attract) ++m_kiosk->Counts().visits;
  return woke;
}

std::string App::KioskReport(core::KioskFacts facts) const {
  if (m_content) {
    facts.news = m_content->NewsCount();
    facts.directives = m_content->DirectiveCount();
  }
  return core::KioskMetrics(facts, m_kiosk ? m_kiosk->Counts() : core::KioskCounts{});
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
                                          m_palette.focus, 4 * m_state.scale, 0, 3 * m_state.scale);
  for (size_t i = 0; i < nodes.size() && i <= *m_state.focusNode; ++i)
    if (nodes[i].kind == core::MirrorKind::NavEnd) {
      // Content, not the header (which never scrolls): keep it inside the visible area.
      const float margin = 24 * m_state.scale, top = m_state.contentTop, bottom = m_state.contentBottom;
      if (r.y < top + margin) ScrollBy(r.y - top - margin);
      else if (r.y + r.h > bottom - margin) ScrollBy(std::min(r.y + r.h - bottom + margin, r.y - top - margin));
      return;
    }
}

// The description of the screen shown, made again only when what it depends on changed.
const core::ScreenDoc& App::Doc() {
  const core::ScreenChoices choices = m_screen.Choices(m_state.route);
  const DocKey key{m_state.route,       m_state.lang,       choices.sort, choices.searchWanted, m_contentGeneration,
                   m_content->Generation()};
  if (!(m_docFor == key)) {
    m_doc = core::Describe(*m_content, m_state.route, m_state.lang, choices);
    m_docFor = key;
  }
  return m_doc;
}

void App::DrawStatusScreen(const DrawContext& ctx) {
  if (m_phase == Phase::Loading) {
    m_recorder.Begin(ctx.Tr(core::Str::Loading), ctx.lang);
    DrawLoadingScreen(ctx);
    return;
  }
  if (m_kiosk) {  // no content yet: the platform tries again (Host::RetryLoad, with back-off)
    m_recorder.Begin(core::Tr(core::Str::WaitingForContent, "sq") + std::string(" / ") +
                         core::Tr(core::Str::WaitingForContent, "en"), ctx.lang);
    DrawWaitingScreen(ctx);
    return;
  }
  m_recorder.Begin(ctx.Tr(core::Str::ErrorTitle), ctx.lang);
  if (DrawErrorScreen(ctx, m_errorMessage, m_errorLocation)) {
    m_phase = Phase::Loading;
    m_host.RetryLoad();
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
  RequestFrames(2);
}

}  // namespace ui
