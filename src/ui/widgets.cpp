// Drawing helpers shared by the views.
#include "ui/widgets.h"

#include <imgui_internal.h>

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

void Heading(const ViewContext& ctx, int level, std::string_view text) {
  ImFont* font = level <= 1 ? ctx.fonts.h1 : level == 2 ? ctx.fonts.h2 : ctx.fonts.bold;
  TextBlock(font, ctx.palette.text, text);
  ctx.mirror.Heading(level, text);
  Gap(ctx, level <= 1 ? 12 : 6);
}

void Paragraphs(const ViewContext& ctx, std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view para = text.substr(start, end - start);
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

float DrawMarkedText(ImDrawList* dl, ImFont* font, ImVec2 pos, float wrapWidth, std::string_view text,
                     const std::vector<std::pair<size_t, size_t>>& marks, ImU32 color, ImU32 markColor,
                     int maxLines) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  const float size = font->FontSize;
  float y = pos.y;
  int lines = 0;
  for (const char* s = begin; s < end;) {
    const char* lineEnd = font->CalcWordWrapPositionA(1.0f, s, end, wrapWidth);
    if (lineEnd <= s) lineEnd = s + 1;
    const size_t a = static_cast<size_t>(s - begin), b = static_cast<size_t>(lineEnd - begin);
    for (const auto& [mb, me] : marks) {
      if (me <= a || mb >= b) continue;
      const char* from = begin + std::max(mb, a);
      const char* to = begin + std::min(me, b);
      const float x0 = pos.x + font->CalcTextSizeA(size, FLT_MAX, 0, s, from).x;
      const float x1 = pos.x + font->CalcTextSizeA(size, FLT_MAX, 0, s, to).x;
      dl->AddRectFilled(ImVec2(x0 - 1, y), ImVec2(x1 + 1, y + size), markColor, 2.0f);
    }
    const char* drawEnd = lineEnd;
    while (drawEnd > s && (drawEnd[-1] == '\n' || drawEnd[-1] == '\r')) --drawEnd;
    dl->AddText(font, size, ImVec2(pos.x, y), color, s, drawEnd);
    // Like ImGui's own wrapping: blanks at the start of the next line are dropped.
    const char* next = lineEnd;
    while (next < end && (*next == ' ' || *next == '\t')) ++next;
    if (next < end && *next == '\n') ++next;
    if (++lines == maxLines && next < end) {  // cut here: an ellipsis says there is more
      const char* last = drawEnd;
      while (last > s && last[-1] == ' ') --last;
      dl->AddText(font, size, ImVec2(pos.x + font->CalcTextSizeA(size, FLT_MAX, 0, s, last).x, y), color, "…");
      y += size;
      break;
    }
    y += size;
    s = next;
  }
  return y - pos.y;
}

void SearchField(const ViewContext& ctx, float width) {
  const float height = ctx.Px(44);
  ImGui::PushFont(ctx.fonts.body);
  if (ctx.state.kiosk) {
    // No physical keyboard: the field opens the on-screen one (drawn by the shell).
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##news_search", ImVec2(width, height))) ctx.state.keyboardOpen = !ctx.state.keyboardOpen;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ctx.palette.surface, ctx.Px(6));
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), ctx.state.keyboardOpen ? ctx.palette.focus : ctx.palette.muted,
                ctx.Px(6), 0, ctx.Px(ctx.state.keyboardOpen ? 2 : 1));
    const bool empty = ctx.state.searchText.empty();
    const std::string shown = empty ? std::string(ctx.Tr(core::Str::SearchHint)) : ctx.state.searchText + "|";
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
    const size_t n = std::min(ctx.state.searchText.size(), sizeof buffer - 1);
    ctx.state.searchText.copy(buffer, n);
    buffer[n] = '\0';
    // An active field keeps its own copy of the text and would write it back over a query
    // that came from elsewhere (the back button, a link): let go of it first.
    if (ctx.state.searchTextReplaced && ImGui::GetActiveID() == ImGui::GetID("##news_search")) ImGui::ClearActiveID();
    ctx.state.searchTextReplaced = false;
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ctx.Px(12), (height - ctx.fonts.body->FontSize) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ctx.palette.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, ctx.palette.muted);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ctx.Px(1));
    if (ImGui::InputTextWithHint("##news_search", ctx.Tr(core::Str::SearchHint), buffer, sizeof buffer))
      ctx.TypedSearch(buffer);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
  }
  ImGui::PopFont();
  if (ctx.state.kiosk) ctx.mirror.Button(ctx.Tr(core::Str::Search));
  else ctx.mirror.SearchField(ctx.state.searchText);
}

namespace {

bool DrawChip(const ViewContext& ctx, const std::string& label, bool active, const std::string& href) {
  ImGui::PushFont(ctx.fonts.small);
  const ImVec2 text = ImGui::CalcTextSize(label.c_str());
  const ImVec2 size(text.x + ctx.Px(24), ctx.Px(44));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::PushID(label.c_str());
  const bool pressed = ImGui::InvisibleButton("##chip", size);
  ImGui::PopID();
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 min(pos.x, pos.y + ctx.Px(6)), max(pos.x + size.x, pos.y + size.y - ctx.Px(6));
  const ImU32 fill = active ? ctx.palette.accent : hovered ? ctx.palette.surfaceHover : ctx.palette.surface;
  dl->AddRectFilled(min, max, fill, (max.y - min.y) * 0.5f);
  if (!active) dl->AddRect(min, max, ctx.palette.axis, (max.y - min.y) * 0.5f, 0, ctx.Px(1));
  dl->AddText(ImVec2(pos.x + ctx.Px(12), pos.y + (size.y - text.y) * 0.5f), active ? ctx.palette.accentText : ctx.palette.text,
              label.c_str());
  ImGui::PopFont();
  ctx.mirror.Item(label, href).current = active;
  return pressed;
}

}  // namespace

bool ChipRow::Add(const ChipSpec& chip) {
  ImGui::PushFont(m_ctx.fonts.small);
  const float width = ImGui::CalcTextSize(chip.label.c_str()).x + m_ctx.Px(24);
  ImGui::PopFont();
  if (!m_first) {
    ImGui::SameLine(0, m_ctx.Px(6));
    if (ImGui::GetCursorScreenPos().x + width > m_right) ImGui::NewLine();  // wraps at the measure
  }
  m_first = false;
  return DrawChip(m_ctx, chip.label, chip.active, chip.href);
}

void ChipRows(const ViewContext& ctx, const FilterChips& chips) {
  for (const std::vector<ChipSpec>& row : chips.rows) {
    if (row.empty()) continue;
    ChipRow chipRow(ctx);
    ctx.mirror.ListBegin();
    for (const ChipSpec& chip : row)
      if (chipRow.Add(chip)) ctx.Go(chip.target);
    ctx.mirror.ListEnd();
  }
}

void Gap(const ViewContext& ctx, float cssPixels) { ImGui::Dummy(ImVec2(0, ctx.Px(cssPixels))); }

}  // namespace ui
