// The directive archive; see directives_view.h.
#include "ui/directives_view.h"

#include <algorithm>

#include "core/date.h"
#include "ui/archive_note.h"

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

}  // namespace

// Categories once per bundle; the order when the sort, the language or the category changes
// (the archive's order waits for its screen: a large archive opened elsewhere never sorts).
void DirectivesView::UpdateOrder(const ViewContext& ctx, const core::Route& route) {
  const core::Bundle& b = ctx.bundle;
  if (!m_categoriesMade) {
    m_categories = core::CountCategories(b.directives);
    m_categoriesMade = true;
  }
  const OrderKey key{m_sort, ctx.lang, route.category};
  if (m_orderFor == key) return;
  m_order.clear();
  for (size_t i : core::SortDirectives(b.directives, m_sort, ctx.lang, b.DefaultLanguage()))
    if (route.category.empty() || b.directives[i].category == route.category) m_order.push_back(i);
  m_orderFor = key;
}

// Sort controls as toggles (they also serve the narrow layout, which has no column headers).
void DirectivesView::SortControls(const ViewContext& ctx) {
  const std::string title = ctx.Tr(core::Str::Title);
  const std::pair<core::DirectiveSort, std::string> options[] = {
      {core::DirectiveSort::DateNewest, ctx.Tr(core::Str::Newest)},
      {core::DirectiveSort::DateOldest, ctx.Tr(core::Str::Oldest)},
      {core::DirectiveSort::TitleAZ, title + " A–Z"},
      {core::DirectiveSort::TitleZA, title + " Z–A"}};
  Paragraph(ctx, ctx.Tr(core::Str::SortBy), TextStyle::Note);
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
bool DirectivesView::DrawList(const ViewContext& ctx, const core::Route& route) {
  const ArchiveGeometry g = Geometry(ctx);
  if (!g.narrow) HeaderRow(ctx, g);
  // The order's own sort: a sort chosen in this frame applies from the next, with its order.
  const LayoutKey key{LayoutBasis{g.width, ctx.scale, ctx.lang, ctx.fonts.generation, g.narrow}, m_orderFor->sort,
                      route.category};
  const float originY = ImGui::GetCursorScreenPos().y;
  const float clipTop = ImGui::GetWindowPos().y, clipBottom = clipTop + ImGui::GetWindowHeight();
  // Measured as the timeline is (news_view.cpp): the screen's rows and the mirror's window
  // first, then a slice a frame.
  const bool pending =
      m_layout.Measure(key, m_order.size(), [&](size_t i) { return RowHeight(ctx, ctx.bundle.directives[m_order[i]], g); },
                       clipBottom - originY, kMirrorRows + kSliceRows);
  const auto visible = m_layout.Visible(clipTop - originY, clipBottom - originY);
  for (size_t i = visible.first; i < visible.second; ++i) {
    const core::Directive& d = ctx.bundle.directives[m_order[i]];
    if (DrawRow(ctx, d, g, originY + m_layout.Y(i), m_layout.H(i))) ctx.nav.GoTo(core::Route::DirectiveDetail(d.id), How::Push);
  }
  const auto window = m_layout.MirrorRows(visible, 40, 20, ctx.mirrorIsPage);
  for (size_t i = window.first; i < window.second; ++i) {
    const core::Directive& d = ctx.bundle.directives[m_order[i]];
    ctx.mirror.Item(std::string(ctx.Get(d.title)), core::FormatRoute(core::Route::DirectiveDetail(d.id)), Meta(ctx, d, true))
        .rect = {g.left, originY + m_layout.Y(i), g.width, m_layout.H(i)};
  }
  ImGui::SetCursorScreenPos(ImVec2(g.left, originY + m_layout.Total()));
  ImGui::Dummy(ImVec2(1, 0));
  return pending;
}

// All categories and each one with its number of directives, as filter chips: made when the
// language or the category changes.
const std::vector<std::vector<ChipSpec>>& DirectivesView::Chips(const ViewContext& ctx, const std::string& current) {
  const std::pair<std::string, std::string> key(ctx.lang, current);
  if (m_chipsFor == key) return m_chips;
  m_chipsFor = key;
  m_chips.assign(1, {});
  const auto add = [&](std::string label, const core::Route& target, bool active) {
    m_chips[0].push_back(ChipSpec{std::move(label), target, core::FormatRoute(target), active});
  };
  add(std::string(ctx.Tr(core::Str::AllCategories)) + " (" + core::FormatCount(ctx.bundle.directives.size(), ctx.Lang()) + ")",
      core::Route::Directives(), current.empty());
  for (const auto& [category, count] : m_categories)
    add(category + " (" + core::FormatCount(count, ctx.Lang()) + ")", core::Route::Directives(category), current == category);
  return m_chips;
}

bool DirectivesView::Draw(const ViewContext& ctx, const core::Route& route) {
  if (ctx.archive && !ctx.archive->Complete(ctx.bundle, false)) {
    // Sorting by title and the category filter need every directive: they come first.
    const core::PublishedArchive& a = *ctx.archive;
    const auto next = a.NextHeadlines(ctx.bundle, false);
    Heading(ctx, 1, ctx.Tr(core::Str::Directives));
    ArchiveNote(ctx, core::Str::LoadingDirectives, next ? a.List(false).headlines[*next].file : "",
                OfCount(ctx, a.LoadedCount(ctx.bundle, false), a.List(false).count));
    return false;
  }
  UpdateOrder(ctx, route);
  Heading(ctx, 1, ctx.Tr(core::Str::Directives));
  if (ctx.bundle.directives.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoDirectives));
    return false;
  }
  if (!m_categories.empty()) {
    ChipRows(ctx, Chips(ctx, route.category));
    Gap(ctx, 8);
  }
  if (m_order.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoDirectives));
    return false;
  }
  SortControls(ctx);
  ctx.mirror.ListBegin();
  const bool pending = DrawList(ctx, route);
  ctx.mirror.ListEnd();
  PageCutNote(ctx, std::min(m_layout.Measured(), kPageRows), m_order.size());
  return pending;
}

}  // namespace ui
