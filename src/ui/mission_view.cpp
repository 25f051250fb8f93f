// The mission statement: numbered paragraphs and lettered lists with a hanging indent.
#include <algorithm>

#include "ui/widgets.h"

namespace ui {

namespace {

// "number" then text, the text wrapped in a column after a hanging indent of `indent`.
void Hanging(const ViewContext& ctx, ImFont* font, const std::string& marker, std::string_view text, float indent) {
  const float x = ImGui::GetCursorPosX();
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.muted);
  ImGui::TextUnformatted(marker.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(x + indent, 0);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.text);
  ImGui::PushTextWrapPos(0.0f);  // TextWrapped, without copying the text through a format
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace

void DrawMissionView(const ViewContext& ctx) {
  const core::Mission& m = ctx.bundle.mission;
  Heading(ctx, 1, ctx.Get(m.title));
  const float numberIndent = ctx.Px(32);
  const float letterIndent = ctx.Px(36);
  for (const auto& p : m.paragraphs) {
    const std::string_view text = ctx.Get(p.text);
    if (p.number.empty()) {
      TextBlock(ctx.fonts.body, ctx.palette.text, text);
      ctx.mirror.Paragraph(text);
    } else {
      Hanging(ctx, ctx.fonts.body, p.number + ".", text, numberIndent);
      ctx.mirror.Paragraph(p.number + ". " + std::string(text));
    }
    if (!p.items.empty()) {
      Gap(ctx, 6);
      ImGui::Indent(numberIndent);
      ctx.mirror.ListBegin();
      for (const auto& item : p.items) {
        const std::string_view itemText = ctx.Get(item.text);
        Hanging(ctx, ctx.fonts.body, item.label + ")", itemText, letterIndent);
        ctx.mirror.Item(item.label + ") " + std::string(itemText), "");
        Gap(ctx, 6);
      }
      ctx.mirror.ListEnd();
      ImGui::Unindent(numberIndent);
    }
    Gap(ctx, 14);
  }
}

}  // namespace ui
