// Screens shown without a bundle (loading, error) and the not-found and diagnostics screens.
#include <algorithm>

#include "core/strings.h"
#include "ui/shell.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// Centres a column of `width` in the window and returns its left edge.
float CentredColumn(float scale, float& width) {
  const float avail = ImGui::GetIO().DisplaySize.x;
  width = std::min(avail - 32 * scale, 640 * scale);
  return (avail - width) * 0.5f;
}

}  // namespace

void DrawLoadingScreen(const Fonts& fonts, const Palette& palette, float scale, const std::string& lang,
                       MirrorRecorder& mirror) {
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImGui::GetIO().DisplaySize, palette.background);
  float width = 0;
  const float left = CentredColumn(scale, width);
  ImGui::SetCursorPos(ImVec2(left, ImGui::GetIO().DisplaySize.y * 0.4f));
  ImGui::PushFont(fonts.h2);
  ImGui::PushStyleColor(ImGuiCol_Text, palette.muted);
  ImGui::TextUnformatted(core::Tr(core::Str::Loading, lang));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  mirror.Paragraph(core::Tr(core::Str::Loading, lang));
}

bool DrawErrorScreen(const Fonts& fonts, const Palette& palette, float scale, const std::string& lang,
                     const std::string& message, const std::string& location, MirrorRecorder& mirror) {
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImGui::GetIO().DisplaySize, palette.background);
  float width = 0;
  const float left = CentredColumn(scale, width);
  ImGui::SetCursorPos(ImVec2(left, ImGui::GetIO().DisplaySize.y * 0.2f));
  ImGui::PushTextWrapPos(left + width);
  ImGui::BeginGroup();
  ImGui::PushFont(fonts.h1);
  ImGui::PushStyleColor(ImGuiCol_Text, palette.error);
  ImGui::TextWrapped("%s", core::Tr(core::Str::ErrorTitle, lang));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  mirror.Heading(1, core::Tr(core::Str::ErrorTitle, lang));
  ImGui::Dummy(ImVec2(0, 12 * scale));
  ImGui::PushFont(fonts.body);
  ImGui::PushStyleColor(ImGuiCol_Text, palette.text);
  ImGui::TextWrapped("%s", message.c_str());
  ImGui::PopStyleColor();
  const std::string where = location.empty() ? std::string() : std::string(core::Tr(core::Str::Where, lang)) + ": " + location;
  mirror.Alert(message + (where.empty() ? "" : " (" + where + ")"));
  if (!where.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette.muted);
    ImGui::TextWrapped("%s", where.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 20 * scale));
  ImGui::PushFont(fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Button, palette.accent);
  ImGui::PushStyleColor(ImGuiCol_Text, palette.accentText);
  const bool retry = ImGui::Button(core::Tr(core::Str::Retry, lang), ImVec2(0, 44 * scale));
  ImGui::PopStyleColor(2);
  ImGui::PopFont();
  const bool fromMirror = mirror.Button(core::Tr(core::Str::Retry, lang));
  ImGui::EndGroup();
  ImGui::PopTextWrapPos();
  return retry || fromMirror;
}

void DrawNotFound(const ViewContext& ctx) {
  Heading(ctx, 1, ctx.Tr(core::Str::NotFoundTitle));
  Paragraphs(ctx, ctx.Tr(core::Str::NotFoundText));
  Gap(ctx, 12);
  if (LinkButton(ctx, "##home", ctx.Tr(core::Str::Mission))) ctx.Go(core::Route{});
  ctx.mirror.Link(ctx.Tr(core::Str::Mission), "#/mission");
}

void DrawDiagnosticsView(const ViewContext& ctx, const std::vector<core::Diagnostic>& diagnostics) {
  Heading(ctx, 1, ctx.Tr(core::Str::Diagnostics));
  if (ctx.skippedItems > 0) {
    const std::string text = std::string(ctx.Tr(core::Str::SkippedItems)) + ": " + core::FormatCount(static_cast<size_t>(ctx.skippedItems), ctx.Lang());
    TextBlock(ctx.fonts.body, ctx.palette.error, text);
    ctx.mirror.Paragraph(text);
  }
  if (diagnostics.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoProblems));
    return;
  }
  ctx.mirror.ListBegin();
  for (const auto& d : diagnostics) {
    const std::string severity = ctx.Tr(d.severity == core::Severity::Error ? core::Str::ErrorWord : core::Str::WarningWord);
    const std::string where = d.path.empty() ? std::string() : d.path + ": ";
    const std::string text = severity + ": " + where + d.message;
    TextBlock(ctx.fonts.body, d.severity == core::Severity::Error ? ctx.palette.error : ctx.palette.text, text);
    ctx.mirror.Item(text, "");
    Gap(ctx, 6);
  }
  ctx.mirror.ListEnd();
}

}  // namespace ui
