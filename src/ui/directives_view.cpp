// The directive archive: a table of date, title and category, sortable by date and title;
// on narrow screens one column of rows. Each row opens the directive.
#include <algorithm>

#include "core/date.h"
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

void RecordItem(const ViewContext& ctx, const core::Directive& d) {
  std::string note = core::FormatDate(d.date, ctx.Lang());
  if (!d.category.empty()) note += " · " + d.category;
  ctx.mirror.Item(ctx.Get(d.title), core::FormatRoute(DirectiveRoute(d)), note);
}

void DrawTable(const ViewContext& ctx) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings;
  if (!ImGui::BeginTable("##directives", 3, flags, ImVec2(ctx.measure, 0))) return;
  ImGui::TableSetupColumn(ctx.Tr(core::Str::Date), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                                       ImGuiTableColumnFlags_PreferSortDescending,
                          ctx.Px(150), 0);
  ImGui::TableSetupColumn(ctx.Tr(core::Str::Title), ImGuiTableColumnFlags_WidthStretch, 0, 1);
  ImGui::TableSetupColumn(ctx.Tr(core::Str::Category), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                          ctx.Px(170), 2);
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TableHeadersRow();
  ImGui::PopFont();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
      const auto& s = specs->Specs[0];
      const bool asc = s.SortDirection == ImGuiSortDirection_Ascending;
      ctx.state.directiveSort = s.ColumnUserID == 1 ? (asc ? core::DirectiveSort::TitleAZ : core::DirectiveSort::TitleZA)
                                                    : (asc ? core::DirectiveSort::DateOldest : core::DirectiveSort::DateNewest);
      specs->SpecsDirty = false;
    }
  }
  for (size_t idx : ctx.derived.directiveOrder) {
    const core::Directive& d = ctx.bundle.directives[idx];
    ImGui::TableNextRow(0, ctx.Px(44));
    ImGui::TableNextColumn();
    ImGui::PushID(d.id.c_str());
    ImGui::PushFont(ctx.fonts.body);
    const std::string date = core::FormatDate(d.date, ctx.Lang());
    const bool clicked = ImGui::Selectable(("##row" + d.id).c_str(), false,
                                           ImGuiSelectableFlags_SpanAllColumns,
                                           ImVec2(0, ctx.Px(44)));
    ImGui::SameLine(0, 0);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.muted);
    ImGui::TextUnformatted(date.c_str());
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.link);
    ImGui::TextWrapped("%s", ctx.Get(d.title).c_str());
    ImGui::PopStyleColor();
    RecordItem(ctx, d);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", d.category.c_str());
    ImGui::PopFont();
    ImGui::PopID();
    if (clicked) ctx.Go(DirectiveRoute(d));
  }
  ImGui::EndTable();
}

// One column: each directive as a block (date · category, then the title).
void DrawRows(const ViewContext& ctx) {
  const float width = ctx.measure;
  for (size_t idx : ctx.derived.directiveOrder) {
    const core::Directive& d = ctx.bundle.directives[idx];
    std::string meta = core::FormatDate(d.date, ctx.Lang());
    if (!d.category.empty()) meta += " · " + d.category;
    const std::string& title = ctx.Get(d.title);
    const float pad = ctx.Px(12);
    const float h = pad + WrappedHeight(ctx.fonts.small, meta, width - 2 * pad) + ctx.Px(4) +
                    WrappedHeight(ctx.fonts.bold, title, width - 2 * pad) + pad;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(d.id.c_str());
    const bool clicked = ImGui::InvisibleButton("##row", ImVec2(width, std::max(h, ctx.Px(44))));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    RecordItem(ctx, d);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), hovered ? ctx.palette.surfaceHover : ctx.palette.surface, ctx.Px(6));
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(pos.x + pad, pos.y + pad), ctx.palette.muted, meta.c_str(),
                nullptr, width - 2 * pad);
    dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize,
                ImVec2(pos.x + pad, pos.y + pad + WrappedHeight(ctx.fonts.small, meta, width - 2 * pad) + ctx.Px(4)),
                ctx.palette.link, title.c_str(), nullptr, width - 2 * pad);
    if (clicked) ctx.Go(DirectiveRoute(d));
    Gap(ctx, 2);
  }
}

}  // namespace

void DrawDirectivesView(const ViewContext& ctx) {
  Heading(ctx, 1, ctx.Tr(core::Str::Directives));
  if (ctx.bundle.directives.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoDirectives));
    return;
  }
  if (!ctx.derived.categories.empty()) {
    ChipRow row(ctx);
    ctx.mirror.ListBegin();
    core::Route all;
    all.screen = core::Screen::Directives;
    const std::string& current = ctx.state.route.category;
    if (row.Add(std::string(ctx.Tr(core::Str::AllCategories)) + " (" + std::to_string(ctx.bundle.directives.size()) + ")",
                current.empty(), all))
      ctx.Go(all);
    for (const auto& [category, count] : ctx.derived.categories) {
      core::Route target = all;
      target.category = category;
      if (row.Add(category + " (" + std::to_string(count) + ")", current == category, target)) ctx.Go(target);
    }
    ctx.mirror.ListEnd();
    Gap(ctx, 8);
  }
  if (ctx.derived.directiveOrder.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoDirectives));
    return;
  }
  SortControls(ctx);
  ctx.mirror.ListBegin();
  if (ctx.Narrow()) DrawRows(ctx);
  else DrawTable(ctx);
  ctx.mirror.ListEnd();
}

}  // namespace ui
