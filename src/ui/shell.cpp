// Header, navigation, language switch and the content area.
#include "ui/shell.h"

#include <algorithm>

#include "ui/widgets.h"

namespace ui {

namespace {

struct NavEntry {
  core::Str label;
  core::Screen screen;
};
constexpr NavEntry kNav[] = {
    {core::Str::Mission, core::Screen::Mission},
    {core::Str::News, core::Screen::News},
    {core::Str::Directives, core::Screen::Directives},
};

std::string ScreenTitle(const ViewContext& ctx) {
  const core::Route& r = ctx.state.route;
  switch (r.screen) {
    case core::Screen::Mission: return std::string(ctx.Get(ctx.bundle.mission.title));
    case core::Screen::News: return ctx.Tr(core::Str::News);
    case core::Screen::Directives: return ctx.Tr(core::Str::Directives);
    case core::Screen::NewsDetail:
      if (const auto* n = ctx.bundle.FindNews(r.id)) return std::string(ctx.Get(n->title));
      break;
    case core::Screen::DirectiveDetail:
      if (const auto* d = ctx.bundle.FindDirective(r.id)) return std::string(ctx.Get(d->title));
      break;
    case core::Screen::Diagnostics: return ctx.Tr(core::Str::Diagnostics);
    case core::Screen::Search:
      return r.query.empty() ? std::string(ctx.Tr(core::Str::Search))
                             : std::string(ctx.Tr(core::Str::Search)) + ": " + r.query;
    default: break;
  }
  return ctx.Tr(core::Str::NotFoundTitle);
}

// One navigation tab: text with an underline when it is the current screen.
bool NavTab(const ViewContext& ctx, const char* id, const char* label, bool current) {
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

void DrawHeader(const ViewContext& ctx) {
  const Palette& p = ctx.palette;
  const float pad = ctx.Px(ctx.Narrow() ? 12 : 24);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + ctx.Px(8)));
  ImGui::BeginGroup();
  const std::string_view siteTitle = ctx.bundle.siteTitle.Empty() ? ctx.Tr(core::Str::SiteTitleFallback) : ctx.Get(ctx.bundle.siteTitle);
  ImGui::PushFont(ctx.fonts.h2);
  ImGui::PushStyleColor(ImGuiCol_Text, p.text);
  ImGui::TextUnformatted(siteTitle.data(), siteTitle.data() + siteTitle.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ctx.mirror.Paragraph(siteTitle);

  ctx.mirror.NavBegin();
  const core::Screen current = core::ParentRoute(ctx.state.route).screen;
  for (const NavEntry& e : kNav) {
    ImGui::PushID(static_cast<int>(e.screen));
    const bool isCurrent = current == e.screen;
    core::Route target;
    target.screen = e.screen;
    if (NavTab(ctx, "##nav", ctx.Tr(e.label), isCurrent)) ctx.Go(target);
    ctx.mirror.Link(ctx.Tr(e.label), core::FormatRoute(target), false, isCurrent);
    ImGui::PopID();
    ImGui::SameLine(0, ctx.Px(4));
  }
  // Language switch: only when the bundle speaks more than one language.
  if (ctx.bundle.languages.size() > 1) {
    ImGui::SameLine(0, ctx.Px(16));
    for (const auto& code : ctx.bundle.languages) {
      if (code == ctx.state.lang) continue;
      ImGui::PushID(code.c_str());
      const std::string label(core::LanguageName(code));
      const bool clicked = NavTab(ctx, "##lang", label.c_str(), false);
      if (ctx.mirror.Button(label) || clicked) ctx.state.pendingLang = code;
      ImGui::PopID();
      ImGui::SameLine(0, ctx.Px(4));
    }
  }
  // The search field: at the right of the navigation, or on a row of its own on phones.
  const float fieldW = ctx.Narrow() ? width - 2 * pad : std::min(ctx.Px(320), width * 0.3f);
  if (ctx.Narrow()) {
    ImGui::NewLine();
  } else {
    // SameLine counts from the group's start, which is `pad` in from the window's edge.
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), width - 2 * pad - fieldW));
  }
  SearchField(ctx, fieldW);
  ctx.mirror.NavEnd();
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + ctx.Px(4);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(origin.x, bottom), ImVec2(origin.x + width, bottom), p.axis, ctx.Px(1));
  ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + ctx.Px(1)));
}

// Editors (and visitors) learn that content was left out, and where to read why.
void SkippedNotice(const ViewContext& ctx) {
  const std::string text = std::string(ctx.Tr(core::Str::SkippedItems)) + ": " + core::FormatCount(static_cast<size_t>(ctx.skippedItems), ctx.Lang());
  TextBlock(ctx.fonts.small, ctx.palette.error, text);
  ctx.mirror.Paragraph(text);
  core::Route diagnostics;
  diagnostics.screen = core::Screen::Diagnostics;
  if (LinkButton(ctx, "##diagnostics", ctx.Tr(core::Str::SeeDiagnostics))) ctx.Go(diagnostics);
  ctx.mirror.Link(ctx.Tr(core::Str::SeeDiagnostics), core::FormatRoute(diagnostics));
  Gap(ctx, 8);
}

}  // namespace

bool ViewContext::Narrow() const { return ImGui::GetIO().DisplaySize.x / state.scale < 600.0f; }

void DrawShell(const ViewContext& ctx, const std::function<void(const ViewContext&)>& content) {
  ctx.mirror.Begin(ScreenTitle(ctx), ctx.state.lang);
  ImDrawList* bg = ImGui::GetWindowDrawList();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  bg->AddRectFilled(ImVec2(0, 0), size, ctx.palette.background);
  DrawHeader(ctx);

  // The kiosk's on-screen keyboard takes the bottom of the screen while it is open.
  const bool keyboard = ctx.keyboard && ctx.state.keyboardOpen;
  const float keyboardH = keyboard ? OnScreenKeyboard::Height(ctx.state.scale) + ctx.Px(24) : 0;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
  ImGui::BeginChild("##content", ImVec2(0, -keyboardH), false, ImGuiWindowFlags_NoSavedSettings);
  if (ctx.state.resetScroll) {
    ImGui::SetScrollY(0);
    ctx.state.resetScroll = false;
    ctx.state.scrollBy = 0;
  } else if (ctx.state.scrollBy != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + ctx.state.scrollBy, 0.0f, ImGui::GetScrollMaxY()));
    ctx.state.scrollBy = 0;
  }
  // A readable measure: at most ~46em of text, centred, with side margins on small screens.
  ctx.state.contentTop = ImGui::GetWindowPos().y;
  ctx.state.contentBottom = ctx.state.contentTop + ImGui::GetWindowHeight();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float measure = std::min(avail - 2 * ctx.Px(ctx.Narrow() ? 16 : 32), ctx.Px(860));
  const float margin = std::max((avail - measure) * 0.5f, ctx.Px(16));
  ImGui::Indent(margin);
  ImGui::PushTextWrapPos(margin + measure);
  ViewContext inner = ctx;
  inner.measure = measure;
  Gap(ctx, 16);
  if (ctx.skippedItems > 0 && ctx.state.route.screen != core::Screen::Diagnostics) SkippedNotice(inner);
  content(inner);
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
    std::string text = ctx.state.searchText;
    if (ctx.keyboard->Draw("##keyboard", text, ctx.state.scale, width)) ctx.TypedSearch(text);
    ImGui::PopFont();
    if (ctx.keyboard->CloseRequested()) ctx.state.keyboardOpen = false;
    for (const auto& key : ctx.keyboard->Keys())
      ctx.mirror.Button(key.name, {key.min.x, key.min.y, key.max.x - key.min.x, key.max.y - key.min.y});
  }
}

}  // namespace ui
