// The directive archive; see directives_view.h.
#include "ui/directives_view.h"

#include <algorithm>

#include "core/date.h"

namespace ui {

namespace {

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

// Narrow: date · category above the title. Wide: date | title | category, the title wrapped.
float RowHeight(const ViewContext& ctx, const core::Directive& d, const ArchiveGeometry& g) {
  const float titleH = WrappedHeight(ctx.fonts.bold, ctx.Get(d.title), g.titleW);
  if (g.narrow)
    return std::max(2 * g.pad + ctx.fonts.small->FontSize + ctx.Px(4) + titleH, ctx.Px(44)) + ctx.Px(4);
  const float catH = WrappedHeight(ctx.fonts.small, ctx.Get(d.category), g.catW - 2 * g.pad);
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
    const std::string meta = core::FormatDate(d.date, ctx.Lang()) + (d.category.Empty() ? "" : " · " + std::string(ctx.Get(d.category)));
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(g.left + g.pad, y + g.pad), ctx.palette.muted, meta.c_str(),
                nullptr, g.titleW);
    dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize,
                ImVec2(g.left + g.pad, y + g.pad + ctx.fonts.small->FontSize + ctx.Px(4)), ctx.palette.link, title.data(),
                title.data() + title.size(), g.titleW);
  } else {
    const std::string date = core::FormatDate(d.date, ctx.Lang());
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(g.left + g.pad, y + g.pad + ctx.Px(2)), ctx.palette.muted,
                date.c_str(), nullptr, g.dateW - g.pad);
    dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(g.left + g.titleX, y + g.pad), ctx.palette.link, title.data(),
                title.data() + title.size(), g.titleW);
    const std::string_view category = ctx.Get(d.category);
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(g.left + g.catX, y + g.pad + ctx.Px(2)), ctx.palette.text,
                category.data(), category.data() + category.size(), g.catW - 2 * g.pad);
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

}  // namespace

void DirectivesView::SortControls(const ViewContext& ctx, const std::string& label) {
  const std::string title = ctx.Tr(core::Str::Title);
  const std::pair<core::DirectiveSort, std::string> options[] = {
      {core::DirectiveSort::DateNewest, ctx.Tr(core::Str::Newest)},
      {core::DirectiveSort::DateOldest, ctx.Tr(core::Str::Oldest)},
      {core::DirectiveSort::TitleAZ, title + " A–Z"},
      {core::DirectiveSort::TitleZA, title + " Z–A"}};
  Paragraph(ctx, label, TextStyle::Note);
  ctx.mirror.Last().control = true;  // the label of the toggles below
  for (const auto& [sort, label] : options) {
    ImGui::PushID(static_cast<int>(sort));
    if (Toggle(ctx, label, m_sort == sort)) m_sort = sort;
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::NewLine();
  Gap(ctx, 8);
}

// The archive, virtualised like the timeline: laid out once, only visible rows drawn, a
// window of rows in the mirror.
bool DirectivesView::Draw(const ViewContext& ctx, const core::ListBlock& list, const core::Route& route) {
  // The list's own sort: a sort chosen in this frame applies from the next, with its list.
  if (list.version != m_version) {
    m_version = list.version;
    m_listSort = m_sort;
  }
  const ArchiveGeometry g = Geometry(ctx);
  if (!g.narrow) HeaderRow(ctx, g);
  const LayoutKey key{LayoutBasis{g.width, ctx.scale, ctx.lang, ctx.fonts.generation, g.narrow}, m_listSort, route.category};
  const float originY = ImGui::GetCursorScreenPos().y;
  const float clipTop = ImGui::GetWindowPos().y, clipBottom = clipTop + ImGui::GetWindowHeight();
  const auto& items = list.items;
  // Measured as the timeline is (news_view.cpp): the screen's rows and the mirror's window
  // first, then a slice a frame.
  const bool pending =
      m_layout.Measure(key, items.size(), [&](size_t i) { return RowHeight(ctx, ctx.content.GetDirective(items[i]), g); },
                       clipBottom - originY, kMirrorRows + kSliceRows);
  m_place.Follow(route);
  if (const auto first = m_place.Item())  // started from a later page of the published archive
    m_place.ScrollTo(m_layout, key, items.size(), [&](size_t i) { return RowHeight(ctx, ctx.content.GetDirective(items[i]), g); },
                     std::min(*first, items.empty() ? 0 : items.size() - 1), originY);
  const auto visible = m_layout.Visible(clipTop - originY, clipBottom - originY);
  for (size_t i = visible.first; i < visible.second; ++i) {
    const core::Directive& d = ctx.content.GetDirective(items[i]);
    if (DrawRow(ctx, d, g, originY + m_layout.Y(i), m_layout.H(i))) ctx.nav.GoTo(core::Route::DirectiveDetail(d.id), How::Push);
  }
  ctx.mirror.ListBegin();
  const auto window = m_layout.MirrorRows(visible, 40, 20, ctx.mirrorIsPage);
  for (size_t i = window.first; i < window.second; ++i) {
    core::RowText row = core::DirectiveRow(ctx.content, items[i], ctx.lang);
    ctx.mirror.Item(std::move(row.title), core::FormatRoute(row.target), std::move(row.note)).rect = {g.left, originY + m_layout.Y(i),
                                                                                                       g.width, m_layout.H(i)};
  }
  ctx.mirror.ListEnd();
  ImGui::SetCursorScreenPos(ImVec2(g.left, originY + m_layout.Total()));
  ImGui::Dummy(ImVec2(1, 0));
  PageCutNote(ctx, std::min(m_layout.Measured(), kPageRows), items.size());
  return pending;
}

}  // namespace ui
