// Drawing helpers shared by the views.
#include "ui/widgets.h"

#include <algorithm>

namespace ui {

float WrappedHeight(ImFont* font, std::string_view text, float width) {
  if (text.empty()) return 0;
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size());
  return size.y;
}

void TextBlock(ImFont* font, ImU32 color, std::string_view text) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void Heading(const ViewContext& ctx, int level, const std::string& text) {
  ImFont* font = level <= 1 ? ctx.fonts.h1 : level == 2 ? ctx.fonts.h2 : ctx.fonts.bold;
  TextBlock(font, ctx.palette.text, text);
  ctx.mirror.Heading(level, text);
  Gap(ctx, level <= 1 ? 12 : 6);
}

void Paragraphs(const ViewContext& ctx, const std::string& text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    const std::string para = text.substr(start, end - start);
    if (!para.empty()) {
      TextBlock(ctx.fonts.body, ctx.palette.text, para);
      ctx.mirror.Paragraph(para);
      Gap(ctx, 10);
    }
    start = end + 2;
  }
}

bool LinkButton(const ViewContext& ctx, const char* id, std::string_view label) {
  ImGui::PushFont(ctx.fonts.bold);
  const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  const ImVec2 size(text.x, std::max(text.y, ctx.Px(44)));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at(pos.x, pos.y + (size.y - text.y) * 0.5f);
  dl->AddText(at, ctx.palette.link, label.data(), label.data() + label.size());
  const float underline = at.y + text.y + (hovered ? ctx.Px(1) : 0);
  dl->AddLine(ImVec2(at.x, underline), ImVec2(at.x + text.x, underline), ctx.palette.link, ctx.Px(hovered ? 2 : 1));
  ImGui::PopFont();
  return pressed;
}

bool ActionButton(const ViewContext& ctx, const char* id, std::string_view label) {
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Button, ctx.palette.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ctx.palette.link);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accentText);
  const std::string full = std::string(label) + id;
  const bool pressed = ImGui::Button(full.c_str(), ImVec2(0, ctx.Px(44)));
  ImGui::PopStyleColor(3);
  ImGui::PopFont();
  return pressed;
}

void Gap(const ViewContext& ctx, float cssPixels) { ImGui::Dummy(ImVec2(0, ctx.Px(cssPixels))); }

}  // namespace ui
