// The status screens; see status_view.h.
#include "ui/status_view.h"

#include <algorithm>

#include "core/strings.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// Paints the background and places the cursor at the left of a centred column, `top` of the
// way down the screen; returns the column's width.
float CentredColumn(const DrawContext& ctx, float top) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), display, ctx.palette.background);
  const float width = std::min(display.x - ctx.Px(32), ctx.Px(640));
  ImGui::SetCursorPos(ImVec2((display.x - width) * 0.5f, display.y * top));
  return width;
}

// Wrapped text in `font` and `color` (the error screen's own sizes), drawn only.
void Wrapped(ImFont* font, ImU32 color, const std::string& text) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace

void DrawLoadingScreen(const DrawContext& ctx) {
  CentredColumn(ctx, 0.4f);
  ImGui::PushFont(ctx.fonts.h2);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.muted);
  ImGui::TextUnformatted(ctx.Tr(core::Str::Loading));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ctx.mirror.Paragraph(ctx.Tr(core::Str::Loading));
}

bool DrawErrorScreen(const DrawContext& ctx, const std::string& message, const std::string& location) {
  const float width = CentredColumn(ctx, 0.2f);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::BeginGroup();
  Wrapped(ctx.fonts.h1, ctx.palette.error, ctx.Tr(core::Str::ErrorTitle));
  ctx.mirror.Heading(1, ctx.Tr(core::Str::ErrorTitle));
  ImGui::Dummy(ImVec2(0, ctx.Px(12)));
  const std::string where = location.empty() ? std::string() : std::string(ctx.Tr(core::Str::Where)) + ": " + location;
  Wrapped(ctx.fonts.body, ctx.palette.text, message);
  ctx.mirror.Alert(message + (where.empty() ? "" : " (" + where + ")"));  // one alert: what and where
  if (!where.empty()) Wrapped(ctx.fonts.body, ctx.palette.muted, where);
  ImGui::Dummy(ImVec2(0, ctx.Px(20)));
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Button, ctx.palette.accent);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accentText);
  const bool retry = ImGui::Button(ctx.Tr(core::Str::Retry), ImVec2(0, ctx.Px(44)));
  ImGui::PopStyleColor(2);
  ImGui::PopFont();
  const bool fromMirror = ctx.mirror.Button(ctx.Tr(core::Str::Retry));
  ImGui::EndGroup();
  ImGui::PopTextWrapPos();
  return retry || fromMirror;
}

void DrawWaitingScreen(const DrawContext& ctx) {
  const float width = CentredColumn(ctx, 0.35f);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::BeginGroup();
  for (const char* lang : {"sq", "en"}) {
    Wrapped(ctx.fonts.h2, ctx.palette.text, core::Tr(core::Str::WaitingForContent, lang));
    Wrapped(ctx.fonts.body, ctx.palette.muted, core::Tr(core::Str::WaitingNote, lang));
    ImGui::Dummy(ImVec2(0, ctx.Px(24)));
    ctx.mirror.Paragraph(std::string(core::Tr(core::Str::WaitingForContent, lang)) + ". " + core::Tr(core::Str::WaitingNote, lang));
  }
  ImGui::EndGroup();
  ImGui::PopTextWrapPos();
}

}  // namespace ui
