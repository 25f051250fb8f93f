// Header, navigation, language switch, search field and the content area.
#include "ui/shell.h"

#include <imgui_internal.h>

#include <algorithm>

#include "ui/widgets.h"

namespace ui {

namespace {

struct NavEntry {
  core::Str label;
  core::Screen screen;
  core::Route target;
};
const NavEntry kNav[] = {
    {core::Str::Mission, core::Screen::Mission, core::Route::Mission()},
    {core::Str::News, core::Screen::News, core::Route::News()},
    {core::Str::Directives, core::Screen::Directives, core::Route::Directives()},
};

float TabWidth(const ViewContext& ctx, const char* label) {
  ImGui::PushFont(ctx.fonts.bold);
  const float w = ImGui::CalcTextSize(label).x + ctx.Px(24);
  ImGui::PopFont();
  return w;
}

// One navigation tab: text with an underline when it is the current screen (or a toggle that
// is on). On the row after the one before, or on the next row when it would not fit before
// `right`; the first of a row starts it.
bool NavTab(const ViewContext& ctx, const char* id, const char* label, bool current, float right, bool& first) {
  if (!first) {
    ImGui::SameLine(0, ctx.Px(4));
    if (ImGui::GetCursorScreenPos().x + TabWidth(ctx, label) > right) ImGui::NewLine();
  }
  first = false;
  ImGui::PushFont(ctx.fonts.bold);
  const ImVec2 text = ImGui::CalcTextSize(label);
  const ImVec2 size(text.x + ctx.Px(24), std::max(text.y, ctx.Px(44)));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (hovered) dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ctx.palette.surfaceHover, ctx.Px(6));
  dl->AddText(ImVec2(pos.x + ctx.Px(12), pos.y + (size.y - text.y) * 0.5f), current ? ctx.palette.accent : ctx.palette.text,
              label);
  if (current)
    dl->AddRectFilled(ImVec2(pos.x + ctx.Px(12), pos.y + size.y - ctx.Px(4)),
                      ImVec2(pos.x + size.x - ctx.Px(12), pos.y + size.y - ctx.Px(1)), ctx.palette.accent);
  ImGui::PopFont();
  return pressed;
}

// The search field of the header, `width` wide: the kiosk's (it opens the on-screen keyboard),
// the place where the page puts its own <input> (Host::PageProvidesTextField), or an ImGui field.
void SearchField(const ViewContext& ctx, UiState& state, float width) {
  const float height = ctx.Px(44);
  ImGui::PushFont(ctx.fonts.body);
  if (ctx.kiosk) {
    // No physical keyboard: the field opens the on-screen one (drawn by the shell).
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##news_search", ImVec2(width, height))) state.keyboardOpen = !state.keyboardOpen;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ctx.palette.surface, ctx.Px(6));
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), state.keyboardOpen ? ctx.palette.focus : ctx.palette.muted,
                ctx.Px(6), 0, ctx.Px(state.keyboardOpen ? 2 : 1));
    const bool empty = state.searchText.empty();
    const std::string shown = empty ? std::string(ctx.Tr(core::Str::SearchHint)) : state.searchText + "|";
    dl->PushClipRect(pos, ImVec2(pos.x + width - ctx.Px(8), pos.y + height), true);
    dl->AddText(ImVec2(pos.x + ctx.Px(12), pos.y + (height - ctx.fonts.body->FontSize) * 0.5f),
                empty ? ctx.palette.muted : ctx.palette.text, shown.c_str());
    dl->PopClipRect();
  } else if (ctx.host.PageProvidesTextField()) {
    // The page lays its <input> over this box; the canvas only draws the frame.
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##news_search", ImVec2(width, height));
    ImGui::GetWindowDrawList()->AddRect(pos, ImVec2(pos.x + width, pos.y + height), ctx.palette.muted, ctx.Px(6), 0,
                                        ctx.Px(1));
  } else {
    char buffer[512];
    const size_t n = std::min(state.searchText.size(), sizeof buffer - 1);
    state.searchText.copy(buffer, n);
    buffer[n] = '\0';
    // An active field keeps its own copy of the text and would write it back over a query
    // that came from elsewhere (the back button, a link): let go of it first.
    if (state.searchTextReplaced && ImGui::GetActiveID() == ImGui::GetID("##news_search")) ImGui::ClearActiveID();
    state.searchTextReplaced = false;
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ctx.Px(12), (height - ctx.fonts.body->FontSize) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ctx.palette.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, ctx.palette.muted);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ctx.Px(1));
    if (ImGui::InputTextWithHint("##news_search", ctx.Tr(core::Str::SearchHint), buffer, sizeof buffer))
      ctx.nav.TypedSearch(buffer);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
  }
  ImGui::PopFont();
  if (ctx.kiosk) ctx.mirror.Button(ctx.Tr(core::Str::Search));
  else ctx.mirror.SearchField(state.searchText);
}

// The visitor's ways of reading: the text view where the platform has one, the text size
// (100%, 150%, 200%); in the kiosk, "large text, high contrast" until the visit ends.
void ReadingControls(const ViewContext& ctx, const UiState& state, float right, bool& first) {
  if (ctx.kiosk) {
    const char* label = ctx.Tr(core::Str::LowVision);
    const bool clicked = NavTab(ctx, "##low-vision", label, state.lowVision, right, first);
    if (ctx.mirror.Toggle(label, state.lowVision) || clicked) ctx.nav.ChooseLowVision(!state.lowVision);
    return;
  }
  if (ctx.host.CanShowTextView()) {
    const bool shown = ctx.host.TextViewShown();
    const char* label = ctx.Tr(core::Str::TextView);
    const bool clicked = NavTab(ctx, "##text-view", label, shown, right, first);
    if (ctx.mirror.Toggle(label, shown) || clicked) ctx.host.ShowTextView(!shown);
  }
  const int percent = static_cast<int>(state.textSize * 100 + 0.5f);
  const std::string label = core::Fill(ctx.Tr(core::Str::TextSize), std::to_string(percent) + "%");
  const bool clicked = NavTab(ctx, "##text-size", label.c_str(), false, right, first);
  if (ctx.mirror.Button(label) || clicked) ctx.nav.ChooseTextSize(kTextSizes[(TextSizeStep(state.textSize) + 1) % kTextSizeCount]);
}

void DrawHeader(const ViewContext& ctx, UiState& state) {
  const Palette& p = ctx.palette;
  const float pad = ctx.Px(ctx.Narrow() ? 12 : 24);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + ctx.Px(8)));
  ImGui::BeginGroup();
  const core::Text& site = ctx.content.SiteTitle();
  const std::string_view siteTitle = site.Empty() ? ctx.Tr(core::Str::SiteTitleFallback) : ctx.Get(site);
  ImGui::PushTextWrapPos(width - pad);  // a long title, or large text on a phone, wraps
  TextBlock(ctx.fonts.h2, p.text, siteTitle);
  ImGui::PopTextWrapPos();
  ctx.mirror.Paragraph(siteTitle);

  ctx.mirror.NavBegin();
  const core::Screen current = core::ParentRoute(state.route).screen;
  const float right = origin.x + width - pad;
  bool first = true;
  for (const NavEntry& e : kNav) {
    ImGui::PushID(static_cast<int>(e.screen));
    const bool isCurrent = current == e.screen;
    if (NavTab(ctx, "##nav", ctx.Tr(e.label), isCurrent, right, first)) ctx.nav.GoTo(e.target, How::Push);
    ctx.mirror.Link(ctx.Tr(e.label), core::FormatRoute(e.target), false, isCurrent);
    ImGui::PopID();
  }
  // Language switch: only when the bundle speaks more than one language.
  if (ctx.content.Languages().size() > 1) {
    for (const auto& code : ctx.content.Languages()) {
      if (code == ctx.lang) continue;
      ImGui::PushID(code.c_str());
      const std::string label(core::LanguageName(code));
      const bool clicked = NavTab(ctx, "##lang", label.c_str(), false, right, first);
      if (ctx.mirror.Button(label) || clicked) ctx.nav.ChooseLanguage(code);
      ImGui::PopID();
    }
  }
  ReadingControls(ctx, state, right, first);
  // The search field: at the right of the navigation, or on a row of its own on phones (and
  // where the row is full).
  const float fieldW = ctx.Narrow() ? width - 2 * pad : std::min(ctx.Px(320), width * 0.3f);
  ImGui::SameLine(0, ctx.Px(16));
  if (ctx.Narrow() || ImGui::GetCursorScreenPos().x + fieldW > right) {
    ImGui::NewLine();
  } else {
    // SameLine counts from the group's start, which is `pad` in from the window's edge.
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), width - 2 * pad - fieldW));
  }
  SearchField(ctx, state, fieldW);
  ctx.mirror.NavEnd();
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + ctx.Px(4);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(origin.x, bottom), ImVec2(origin.x + width, bottom), p.axis, ctx.Px(1));
  ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + ctx.Px(1)));
}

// Editors (and visitors) learn that content was left out, and where to read why.
void SkippedNotice(const ViewContext& ctx) {
  Paragraph(ctx, std::string(ctx.Tr(core::Str::SkippedItems)) + ": " +
                     core::FormatCount(static_cast<size_t>(ctx.content.Skipped()), ctx.Lang()),
            TextStyle::ErrorNote);
  Link(ctx, "##diagnostics", ctx.Tr(core::Str::SeeDiagnostics), core::Route::Diagnostics());
  Gap(ctx, 8);
}

}  // namespace

void DrawShell(const ViewContext& ctx, const ShellInput& shell, const std::function<void(const ViewContext&)>& content) {
  UiState& state = shell.state;
  ctx.mirror.Begin(shell.title, ctx.lang);
  ImDrawList* bg = ImGui::GetWindowDrawList();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  bg->AddRectFilled(ImVec2(0, 0), size, ctx.palette.background);
  DrawHeader(ctx, state);

  // The kiosk's on-screen keyboard takes the bottom of the screen while it is open.
  const bool keyboard = shell.keyboard && state.keyboardOpen;
  const float keyboardH = keyboard ? OnScreenKeyboard::Height(ctx.scale) + ctx.Px(24) : 0;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
  ImGui::BeginChild("##content", ImVec2(0, -keyboardH), false, ImGuiWindowFlags_NoSavedSettings);
  if (state.resetScroll) {
    ImGui::SetScrollY(0);
    state.resetScroll = false;
    state.scrollBy = 0;
  } else if (state.scrollBy != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + state.scrollBy, 0.0f, ImGui::GetScrollMaxY()));
    state.scrollBy = 0;
  }
  state.contentTop = ImGui::GetWindowPos().y;
  state.contentBottom = state.contentTop + ImGui::GetWindowHeight();
  const float avail = ImGui::GetContentRegionAvail().x;
  // One reading measure for text: some 60 to 90 characters a line, whatever the width (from
  // phones to 4K; the kiosk's larger scale makes it larger with the type). Dear ImGui's 18 px
  // body font has a 13 px em (stb_truetype scales ascent to descent to the size), so 540 CSS px
  // hold about 85 characters. The timeline and the archive are laid out in columns (a time
  // axis with month labels; date, title and category) and keep a wider column.
  const core::Screen screen = state.route.screen;
  const float widest = ctx.Px(screen == core::Screen::News || screen == core::Screen::Directives ? 860 : 540);
  const float measure = std::min(avail - 2 * ctx.Px(ctx.Narrow() ? 16 : 32), widest);
  const float margin = std::max((avail - measure) * 0.5f, ctx.Px(16));
  ImGui::Indent(margin);
  ImGui::PushTextWrapPos(margin + measure);
  ViewContext inner = ctx;
  inner.measure = measure;
  Gap(ctx, 16);
  if (ctx.content.Skipped() > 0 && state.route.screen != core::Screen::Diagnostics) SkippedNotice(inner);
  state.sideScroll.rows.clear();  // drawn again by the content
  state.sideScroll.inView.clear();
  content(inner);
  state.sideScroll.dx = 0;  // no row of chips under the finger: the drag is lost
  Gap(ctx, 48);
  ImGui::PopTextWrapPos();
  ImGui::Unindent(margin);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (keyboard) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(display.x - ctx.Px(24), ctx.Px(1200));
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, display.y - keyboardH), display, ctx.palette.surfaceHover);
    ImGui::SetCursorScreenPos(ImVec2((display.x - width) * 0.5f, display.y - keyboardH + ctx.Px(12)));
    ImGui::PushFont(ctx.fonts.h2);
    std::string text = state.searchText;
    if (shell.keyboard->Draw("##keyboard", text, ctx.scale, width)) ctx.nav.TypedSearch(text);
    ImGui::PopFont();
    if (shell.keyboard->CloseRequested()) state.keyboardOpen = false;
    for (const auto& key : shell.keyboard->Keys())
      ctx.mirror.Button(key.name, {key.min.x, key.min.y, key.max.x - key.min.x, key.max.y - key.min.y});
  }
}

}  // namespace ui
