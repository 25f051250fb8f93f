// The directive archive: a table of date, title and category, sortable by date and title;
// on narrow screens one column of rows. Each row opens the directive.
#include <algorithm>

#include "core/date.h"
#include "ui/row_layout.h"
#include "ui/widgets.h"

namespace ui {

namespace {

core::Route DirectiveRoute(const core::Directive& d) {
  core::Route r;
  r.screen = core::Screen::DirectiveDetail;
  r.id = d.id;
  return r;
}

// Sort controls as plain buttons (they also serve the narrow layout, which has no headers).
void SortControls(const ViewContext& ctx) {
  struct Option {
    core::DirectiveSort sort;
    const char* label;
  };
  const std::string newest = ctx.Tr(core::Str::Newest);
  const std::string oldest = ctx.Tr(core::Str::Oldest);
  const std::string titleAz = std::string(ctx.Tr(core::Str::Title)) + " A–Z";
  const std::string titleZa = std::string(ctx.Tr(core::Str::Title)) + " Z–A";
  const Option options[] = {{core::DirectiveSort::DateNewest, newest.c_str()},
                            {core::DirectiveSort::DateOldest, oldest.c_str()},
                            {core::DirectiveSort::TitleAZ, titleAz.c_str()},
                            {core::DirectiveSort::TitleZA, titleZa.c_str()}};
  TextBlock(ctx.fonts.small, ctx.palette.muted, ctx.Tr(core::Str::SortBy));
  ctx.mirror.Paragraph(ctx.Tr(core::Str::SortBy));
  for (const Option& o : options) {
    ImGui::PushID(static_cast<int>(o.sort));
    const bool active = ctx.state.directiveSort == o.sort;
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Button, active ? ctx.palette.accent : ctx.palette.surface);
    ImGui::PushStyleColor(ImGuiCol_Text, active ? ctx.palette.accentText : ctx.palette.text);
    const bool clicked = ImGui::Button(o.label, ImVec2(0, ctx.Px(44)));
    ImGui::PopStyleColor(2);
    ImGui::PopFont();
    if (ctx.mirror.Button(std::string(o.label) + (active ? " ✓" : "")) || clicked) ctx.state.directiveSort = o.sort;
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::NewLine();
  Gap(ctx, 8);
}


struct ArchiveGeometry {
  bool narrow;
  float left, width, pad;
  float dateW, catW, titleX, titleW, catX;  // wide: three columns
};

ArchiveGeometry Geometry(const ViewContext& ctx) {
  ArchiveGeometry g;
  g.narrow = ctx.Narrow();
  g.left = ImGui::GetCursorScreenPos().x;
  g.width = ctx.measure;
  g.pad = ctx.Px(12);
  g.dateW = g.narrow ? 0 : ctx.Px(150);
  g.catW = g.narrow ? 0 : ctx.Px(160);
  g.titleX = g.narrow ? g.pad : g.dateW + g.pad;
  g.catX = g.width - g.catW + g.pad;
  g.titleW = g.narrow ? g.width - 2 * g.pad : g.catX - g.titleX - 2 * g.pad;
  return g;
}

std::string Meta(const ViewContext& ctx, const core::Directive& d, bool withCategory) {
  std::string meta = core::FormatDate(d.date, ctx.Lang());
  if (withCategory && !d.category.empty()) meta += " · " + d.category;
  return meta;
}

// Narrow: date · category above the title. Wide: date | title | category, the title wrapped.
float RowHeight(const ViewContext& ctx, const core::Directive& d, const ArchiveGeometry& g) {
  const float titleH = WrappedHeight(ctx.fonts.bold, ctx.Get(d.title), g.titleW);
  if (g.narrow)
    return std::max(2 * g.pad + ctx.fonts.small->FontSize + ctx.Px(4) + titleH, ctx.Px(44)) + ctx.Px(4);
  const float catH = WrappedHeight(ctx.fonts.small, d.category, g.catW - 2 * g.pad);
  return std::max(2 * g.pad + std::max(titleH, catH), ctx.Px(44)) + ctx.Px(2);
}

bool DrawRow(const ViewContext& ctx, const core::Directive& d, const ArchiveGeometry& g, float y, float h) {
  ImGui::SetCursorScreenPos(ImVec2(g.left, y));
  ImGui::PushID(d.id.c_str());
  const bool clicked = ImGui::InvisibleButton("##row", ImVec2(g.width, h));
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(g.left, y), ImVec2(g.left + g.width, y + h - ctx.Px(2)),
                    hovered ? ctx.palette.surfaceHover : ctx.palette.surface, ctx.Px(6));
  const std::string_view title = ctx.Get(d.title);
  if (g.narrow) {
    const std::string meta = Meta(ctx, d, true);
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(g.left + g.pad, y + g.pad), ctx.palette.muted, meta.c_str(),
                nullptr, g.titleW);
    dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize,
                ImVec2(g.left + g.pad, y + g.pad + ctx.fonts.small->FontSize + ctx.Px(4)), ctx.palette.link, title.data(),
                title.data() + title.size(), g.titleW);
  } else {
    const std::string date = Meta(ctx, d, false);
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(g.left + g.pad, y + g.pad + ctx.Px(2)), ctx.palette.muted,
                date.c_str(), nullptr, g.dateW - g.pad);
    dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(g.left + g.titleX, y + g.pad), ctx.palette.link, title.data(),
                title.data() + title.size(), g.titleW);
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(g.left + g.catX, y + g.pad + ctx.Px(2)), ctx.palette.text,
                d.category.c_str(), nullptr, g.catW - 2 * g.pad);
  }
  return clicked;
}

// Column names above the wide layout.
void HeaderRow(const ViewContext& ctx, const ArchiveGeometry& g) {
  const float y = ImGui::GetCursorScreenPos().y;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddText(ctx.fonts.bold, ctx.fonts.small->FontSize, ImVec2(g.left + g.pad, y), ctx.palette.muted, ctx.Tr(core::Str::Date));
  dl->AddText(ctx.fonts.bold, ctx.fonts.small->FontSize, ImVec2(g.left + g.titleX, y), ctx.palette.muted, ctx.Tr(core::Str::Title));
  dl->AddText(ctx.fonts.bold, ctx.fonts.small->FontSize, ImVec2(g.left + g.catX, y), ctx.palette.muted,
              ctx.Tr(core::Str::Category));
  ImGui::Dummy(ImVec2(g.width, ctx.fonts.small->FontSize + ctx.Px(8)));
}

// The archive, virtualised like the timeline: laid out once, only visible rows drawn, a
// window of rows in the mirror.
void DrawList(const ViewContext& ctx) {
  const ArchiveGeometry g = Geometry(ctx);
  if (!g.narrow) HeaderRow(ctx, g);
  const auto& order = ctx.derived.directiveOrder;
  ArchiveLayout& cache = ctx.derived.archiveLayout;
  const std::string key = std::to_string(g.width) + "|" + std::to_string(ctx.state.scale) + "|" + std::string(ctx.Lang()) +
                          "|" + std::to_string(static_cast<int>(ctx.derived.directiveSortFor)) + "|" +
                          ctx.derived.directiveCategoryFor + "|" + (g.narrow ? "n" : "w") + "|" +
                          std::to_string(reinterpret_cast<uintptr_t>(ctx.fonts.body));
  const float originY = ImGui::GetCursorScreenPos().y;
  const float clipTop = ImGui::GetWindowPos().y, clipBottom = clipTop + ImGui::GetWindowHeight();
  // Measured as the timeline is (news_view.cpp): the screen's rows and the mirror's window
  // first, then a slice a frame.
  if (cache.layout.Measure(key, order.size(), [&](size_t i) { return RowHeight(ctx, ctx.bundle.directives[order[i]], g); },
                           clipBottom - originY, RowLayout::kMirrorRows + RowLayout::kSliceRows))
    ctx.derived.layoutPending = true;
  const RowLayout& layout = cache.layout;
  const auto visible = layout.Visible(clipTop - originY, clipBottom - originY);
  for (size_t i = visible.first; i < visible.second; ++i) {
    const core::Directive& d = ctx.bundle.directives[order[i]];
    if (DrawRow(ctx, d, g, originY + layout.Y(i), layout.H(i))) ctx.Go(DirectiveRoute(d));
  }
  const auto window = layout.Window(visible, 40, 20);
  for (size_t i = window.first; i < window.second; ++i) {
    const core::Directive& d = ctx.bundle.directives[order[i]];
    ctx.mirror.Item(std::string(ctx.Get(d.title)), core::FormatRoute(DirectiveRoute(d)), Meta(ctx, d, true)).rect = {
        g.left, originY + layout.Y(i), g.width, layout.H(i)};
  }
  ImGui::SetCursorScreenPos(ImVec2(g.left, originY + layout.Total()));
  ImGui::Dummy(ImVec2(1, 0));
}

// All categories and each one with its number of directives, as filter chips: made when the
// language or the category changes.
const FilterChips& CategoryFilters(const ViewContext& ctx) {
  FilterChips& chips = ctx.derived.categoryFilters;
  const std::string& current = ctx.state.route.category;
  std::string key = std::string(ctx.Lang()) + "|" + current;
  if (chips.key == key) return chips;
  chips.key = std::move(key);
  chips.rows.assign(1, {});
  const auto add = [&](std::string label, const core::Route& target, bool active) {
    chips.rows[0].push_back(ChipSpec{std::move(label), target, core::FormatRoute(target), active});
  };
  core::Route all;
  all.screen = core::Screen::Directives;
  add(std::string(ctx.Tr(core::Str::AllCategories)) + " (" + core::FormatCount(ctx.bundle.directives.size(), ctx.Lang()) + ")",
      all, current.empty());
  for (const auto& [category, count] : ctx.derived.categories) {
    core::Route target = all;
    target.category = category;
    add(category + " (" + core::FormatCount(count, ctx.Lang()) + ")", target, current == category);
  }
  return chips;
}

}  // namespace

void DrawDirectivesView(const ViewContext& ctx) {
  Heading(ctx, 1, ctx.Tr(core::Str::Directives));
  if (ctx.bundle.directives.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoDirectives));
    return;
  }
  if (!ctx.derived.categories.empty()) {
    ChipRows(ctx, CategoryFilters(ctx));
    Gap(ctx, 8);
  }
  if (ctx.derived.directiveOrder.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoDirectives));
    return;
  }
  SortControls(ctx);
  ctx.mirror.ListBegin();
  DrawList(ctx);
  ctx.mirror.ListEnd();
}

}  // namespace ui
