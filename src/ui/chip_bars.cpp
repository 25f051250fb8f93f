// Rows of chips that scroll sideways, and chips folded behind a toggle; see chip_bars.h.
#include "ui/chip_bars.h"

#include <algorithm>

#include "ui/widgets.h"

namespace ui {

namespace {

constexpr float kDragSlop = 8;  // CSS px the mouse moves before a press becomes a drag

bool Inside(ImVec2 p, ImVec2 min, ImVec2 size) {
  return p.x >= min.x && p.x < min.x + size.x && p.y >= min.y && p.y < min.y + size.y;
}

// A fade at the row's ends where more chips lie beyond them.
void Fades(const DrawContext& ctx, ImVec2 min, float width, float height) {
  const float scroll = ImGui::GetScrollX(), max = ImGui::GetScrollMaxX(), w = ctx.Px(28);
  const ImU32 solid = ctx.palette.background, clear = solid & ~IM_COL32_A_MASK;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (scroll > 1) dl->AddRectFilledMultiColor(min, ImVec2(min.x + w, min.y + height), solid, clear, clear, solid);
  if (scroll < max - 1)
    dl->AddRectFilledMultiColor(ImVec2(min.x + width - w, min.y), ImVec2(min.x + width, min.y + height), clear, solid, solid, clear);
}

}  // namespace

void ChipBars::Strip(const DrawContext& ctx, size_t index, const std::vector<core::Chip>& chips) {
  if (m_strips.size() <= index) m_strips.resize(index + 1);
  StripState& state = m_strips[index];
  const float rowH = ctx.Px(44), barH = ctx.Px(6);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, barH);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
  ImGui::BeginChild("##strip", ImVec2(ctx.measure, rowH + barH + ctx.Px(2)), false,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoSavedSettings);
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  // A finger's sideways drag that began on this row (TouchInput: it may, the row is listed), or
  // the mouse's.
  float scroll = ImGui::GetScrollX();
  if (ctx.sideScroll) {
    ctx.sideScroll->rows.push_back({min.x, min.y, min.x + size.x, min.y + size.y});
    if (ctx.sideScroll->dx != 0 && Inside(ImVec2(ctx.sideScroll->x, ctx.sideScroll->y), min, size)) {
      scroll += ctx.sideScroll->dx;
      ctx.sideScroll->dx = 0;
    }
  }
  const float slop = ctx.Px(kDragSlop);
  const bool mouseDrag = ImGui::IsMouseDragging(0, slop) && Inside(io.MouseClickedPos[0], min, size);
  if (mouseDrag) scroll -= io.MouseDelta.x;
  const bool dragged = io.MouseDragMaxDistanceSqr[0] > slop * slop;  // a release that ends a drag is no press
  ctx.mirror.ListBegin("strip");
  bool first = true;
  for (const core::Chip& chip : chips) {
    if (!first) ImGui::SameLine(0, ctx.Px(6));
    first = false;
    const ImVec2 chipSize = ChipSize(ctx, chip.label);
    const float x = ImGui::GetCursorPosX();
    // The keyboard's focus come to a chip beyond the row's ends (through the mirror): into view.
    if (m_focusMoved && ctx.focusNode == ctx.mirror.Current().nodes.size()) {
      const float pad = ctx.Px(24);
      if (x - pad < scroll) scroll = x - pad;
      else if (x + chipSize.x + pad > scroll + size.x) scroll = x + chipSize.x + pad - size.x;
    }
    if (ctx.sideScroll && x >= scroll && x + chipSize.x <= scroll + size.x && ImGui::IsRectVisible(chipSize))
      ctx.sideScroll->inView.push_back(chip.target);
    const bool pressed = ChipButton(ctx, chip.label, chip.active, chipSize);
    ctx.mirror.Item(chip.label, core::FormatRoute(chip.target)).current = chip.active;
    if (pressed && !dragged) ctx.nav.GoTo(chip.target, How::Push);
    // A new choice (or a screen started at it): the chip to the row's middle, for a few frames
    // while the row's width settles.
    if (chip.active && state.shown != chip.target) {
      scroll = x + chipSize.x * 0.5f - size.x * 0.5f;
      if (++state.frames >= 3) {
        state.shown = chip.target;
        state.frames = 0;
      }
    }
  }
  ctx.mirror.ListEnd();
  if (scroll != ImGui::GetScrollX()) ImGui::SetScrollX(std::max(0.0f, scroll));
  Fades(ctx, min, size.x, rowH);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

void ChipBars::Filters(const DrawContext& ctx, const std::string& label, const std::vector<core::Chip>& chips) {
  // The toggle: a chip with a triangle that points down (folded) or up (open).
  const ImVec2 size = ChipSize(ctx, label);
  const float arrow = ctx.Px(18);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  bool toggled = ChipButton(ctx, label, m_open, size, arrow);
  {
    const float cx = at.x + size.x - ctx.Px(4), cy = at.y + size.y * 0.5f, r = ctx.Px(4);
    const ImU32 color = m_open ? ctx.palette.accentText : ctx.palette.text;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (m_open) dl->AddTriangleFilled(ImVec2(cx - r, cy + r * 0.5f), ImVec2(cx + r, cy + r * 0.5f), ImVec2(cx, cy - r * 0.5f), color);
    else dl->AddTriangleFilled(ImVec2(cx - r, cy - r * 0.5f), ImVec2(cx + r, cy - r * 0.5f), ImVec2(cx, cy + r * 0.5f), color);
  }
  toggled = ctx.mirror.Toggle(label, m_open) || toggled;
  ctx.mirror.Last().control = true;
  // Folded: the chosen chips beside the toggle, each with a cross that lifts it.
  std::vector<core::MirrorRect> shown(chips.size());
  if (!m_open) {
    const float right = at.x + ctx.measure;
    for (size_t i = 0; i < chips.size(); ++i) {
      if (!chips[i].active) continue;
      const ImVec2 chip = ChipSize(ctx, chips[i].label);
      const float cross = ctx.Px(20);
      ImGui::SameLine(0, ctx.Px(6));
      if (ImGui::GetCursorScreenPos().x + chip.x + cross > right) ImGui::NewLine();
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      if (ChipButton(ctx, chips[i].label, true, chip, cross)) ctx.nav.GoTo(chips[i].target, How::Push);
      const float cx = pos.x + chip.x + ctx.Px(2), cy = pos.y + chip.y * 0.5f, r = ctx.Px(4);
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddLine(ImVec2(cx - r, cy - r), ImVec2(cx + r, cy + r), ctx.palette.accentText, ctx.Px(2));
      dl->AddLine(ImVec2(cx - r, cy + r), ImVec2(cx + r, cy - r), ctx.palette.accentText, ctx.Px(2));
      const ImVec2 end = ImGui::GetItemRectMax();
      shown[i] = {pos.x, pos.y, end.x - pos.x, end.y - pos.y};
    }
  }
  if (toggled) m_open = !m_open;
  if (m_open) {
    Gap(ctx, 4);
    ChipRow(ctx, chips, "filters");
    return;
  }
  // Folded, the mirror still lists every chip: a screen reader or a keyboard reaches each (and
  // the keyboard's focus on one opens the fold, to show where it is).
  ctx.mirror.ListBegin("filters");
  for (size_t i = 0; i < chips.size(); ++i) {
    if (m_focusMoved && ctx.focusNode == ctx.mirror.Current().nodes.size() && !chips[i].active) m_open = true;  // a keyboard reached it
    core::MirrorNode& n = ctx.mirror.Item(chips[i].label, core::FormatRoute(chips[i].target));
    n.current = chips[i].active;
    n.rect = shown[i];
  }
  ctx.mirror.ListEnd();
}

}  // namespace ui
