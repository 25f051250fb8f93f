// The mission statement; see mission_view.h.
#include "ui/mission_view.h"

#include <algorithm>

#include "ui/widgets.h"

namespace ui {

namespace {

// "number" then text, the text wrapped in a column after a hanging indent of `indent`; drawn
// only (NumberedParagraph and LetteredItem mirror it).
void Hanging(const ViewContext& ctx, ImFont* font, const std::string& marker, std::string_view text, float indent) {
  const float x = ImGui::GetCursorPosX();
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.muted);
  ImGui::TextUnformatted(marker.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(x + indent, 0);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.text);
  // Wrapped at the shell's measure (its text wrap position), as every screen's text is.
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// A numbered paragraph: "1." in the margin, drawn and mirrored as "1. text".
void NumberedParagraph(const ViewContext& ctx, const std::string& number, std::string_view text, float indent) {
  Hanging(ctx, ctx.fonts.body, number + ".", text, indent);
  ctx.mirror.Paragraph(number + ". " + std::string(text));
}

// A lettered item of a paragraph's list: "a)" in the margin, drawn and mirrored as a list item.
void LetteredItem(const ViewContext& ctx, const std::string& label, std::string_view text, float indent) {
  Hanging(ctx, ctx.fonts.body, label + ")", text, indent);
  ctx.mirror.Item(label + ") " + std::string(text), "");
}

}  // namespace

void DrawMissionView(const ViewContext& ctx) {
  const core::Mission& m = ctx.bundle.mission;
  Heading(ctx, 1, ctx.Get(m.title));
  const float numberIndent = ctx.Px(32);
  const float letterIndent = ctx.Px(36);
  for (const auto& p : m.paragraphs) {
    const std::string_view text = ctx.Get(p.text);
    if (p.number.empty()) Paragraph(ctx, text);
    else NumberedParagraph(ctx, p.number, text, numberIndent);
    if (!p.items.empty()) {
      Gap(ctx, 6);
      ImGui::Indent(numberIndent);
      ctx.mirror.ListBegin();
      for (const auto& item : p.items) {
        const std::string_view itemText = ctx.Get(item.text);
        LetteredItem(ctx, item.label, itemText, letterIndent);
        Gap(ctx, 6);
      }
      ctx.mirror.ListEnd();
      ImGui::Unindent(numberIndent);
    }
    Gap(ctx, 14);
  }
}

}  // namespace ui
