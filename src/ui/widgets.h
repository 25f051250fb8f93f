// Small drawing helpers shared by the views: wrapped text in a given font and colour, links,
// headings, and the clickable card used by lists. Each records itself in the mirror where it
// carries meaning.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/view_context.h"

namespace ui {

// Wrapped text at the cursor, in `font` and `color`, up to the current wrap position.
void TextBlock(ImFont* font, ImU32 color, std::string_view text);
// A screen or section heading, recorded in the mirror.
void Heading(const ViewContext& ctx, int level, std::string_view text);
// Body text split into paragraphs at blank lines, each recorded in the mirror.
void Paragraphs(const ViewContext& ctx, std::string_view text);
// Text drawn as a link; returns true when activated. Sized for touch (44 CSS px high).
bool LinkButton(const ViewContext& ctx, const char* id, std::string_view label);
// A plain button with the theme's accent; returns true when activated.
bool ActionButton(const ViewContext& ctx, const char* id, std::string_view label);

// Text wrapped at `wrapWidth` drawn at `pos` with the byte ranges `marks` highlighted behind
// the text; returns the height used. Measure first with WrappedHeight (same line breaking).
// At most `maxLines` lines when it is above 0; a cut text ends in "…".
float DrawMarkedText(ImDrawList* dl, ImFont* font, ImVec2 pos, float wrapWidth, std::string_view text,
                     const std::vector<std::pair<size_t, size_t>>& marks, ImU32 color, ImU32 markColor,
                     int maxLines = 0);

// The search field of the header, `width` wide: an ImGui text field, or the place where the
// page puts its own <input> (Host::PageProvidesTextField).
void SearchField(const ViewContext& ctx, float width);

// A row of filter chips ("2023 (4)") that wraps to the next line at the end of the measure.
class ChipRow {
 public:
  explicit ChipRow(const ViewContext& ctx) : m_ctx(ctx), m_right(ImGui::GetCursorScreenPos().x + ctx.measure) {}
  // A rounded toggle, filled when active, 44 CSS px high; records a mirror list item linking
  // to the chip's target (inside a mirror list). Returns true when activated.
  bool Add(const ChipSpec& chip);

 private:
  const ViewContext& m_ctx;
  float m_right;
  bool m_first = true;
};

// Each row of `chips` as a ChipRow and a list in the mirror; a pressed chip goes to its target.
void ChipRows(const ViewContext& ctx, const FilterChips& chips);

// Full-width vertical space in CSS pixels.
void Gap(const ViewContext& ctx, float cssPixels);

// Height of `text` wrapped at `width` in `font`.
float WrappedHeight(ImFont* font, std::string_view text, float width);

}  // namespace ui
