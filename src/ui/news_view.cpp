// The news timeline: newest first, grouped by year and month along a vertical time axis;
// each entry is a card (date, title, summary, image) that opens the item.
#include <algorithm>

#include "core/date.h"
#include "ui/widgets.h"

namespace ui {

namespace {

struct CardLayout {
  float width = 0, height = 0;
  float textX = 0, textWidth = 0;
  float thumbW = 0, thumbH = 0;
  float dateH = 0, titleH = 0, summaryH = 0;
};

CardLayout MeasureCard(const ViewContext& ctx, const core::NewsItem& item, float width, bool hasImage) {
  CardLayout c;
  const float pad = ctx.Px(14);
  c.width = width;
  if (hasImage) {
    c.thumbW = ctx.Narrow() ? width - 2 * pad : std::min(ctx.Px(168), width * 0.3f);
    c.thumbH = c.thumbW * (ctx.Narrow() ? 0.5f : 0.625f);
  }
  const bool beside = hasImage && !ctx.Narrow();
  c.textX = pad + (beside ? c.thumbW + pad : 0);
  c.textWidth = width - c.textX - pad;
  const std::string date = core::FormatDate(item.date, ctx.Lang());
  c.dateH = WrappedHeight(ctx.fonts.small, date, c.textWidth);
  c.titleH = WrappedHeight(ctx.fonts.bold, ctx.Get(item.title), c.textWidth);
  c.summaryH = WrappedHeight(ctx.fonts.body, ctx.Get(item.summary), c.textWidth);
  float textH = c.dateH + ctx.Px(4) + c.titleH + (c.summaryH > 0 ? ctx.Px(6) + c.summaryH : 0);
  if (hasImage && !beside) textH += c.thumbH + pad;
  c.height = pad + std::max(textH, beside ? c.thumbH : 0.0f) + pad;
  return c;
}

void DrawThumb(const ViewContext& ctx, const std::string& path, ImVec2 min, ImVec2 max) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImageView img = ctx.host.Image(path);
  if (img.status == ImageStatus::Ready && img.texture && img.width > 0 && img.height > 0) {
    // Cover the box, cropping the longer side.
    const float boxAspect = (max.x - min.x) / (max.y - min.y);
    const float imgAspect = img.width / img.height;
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (imgAspect > boxAspect) {
      const float keep = boxAspect / imgAspect;
      uv0.x = (1 - keep) * 0.5f;
      uv1.x = 1 - uv0.x;
    } else {
      const float keep = imgAspect / boxAspect;
      uv0.y = (1 - keep) * 0.5f;
      uv1.y = 1 - uv0.y;
    }
    dl->AddImageRounded(img.texture, min, max, uv0, uv1, IM_COL32_WHITE, ctx.Px(4));
  } else {
    dl->AddRectFilled(min, max, ctx.palette.surfaceHover, ctx.Px(4));
    if (img.status == ImageStatus::Failed) {
      const char* label = ctx.Tr(core::Str::ImageUnavailable);
      ImGui::PushFont(ctx.fonts.small);
      dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(min.x + ctx.Px(8), min.y + ctx.Px(8)), ctx.palette.muted,
                  label, nullptr, max.x - min.x - ctx.Px(16));
      ImGui::PopFont();
    }
  }
}

// Draws one news card at the cursor; returns true when it was activated.
bool NewsCard(const ViewContext& ctx, const core::NewsItem& item, float width) {
  const bool hasImage = !item.image.empty();
  const CardLayout c = MeasureCard(ctx, item, width, hasImage);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::PushID(item.id.c_str());
  const bool pressed = ImGui::InvisibleButton("##card", ImVec2(c.width, c.height));
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  if (!ImGui::IsItemVisible()) return pressed;

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = ctx.Px(14);
  const ImVec2 max(pos.x + c.width, pos.y + c.height);
  dl->AddRectFilled(pos, max, hovered ? ctx.palette.surfaceHover : ctx.palette.surface, ctx.Px(8));
  dl->AddRect(pos, max, ctx.palette.axis, ctx.Px(8), 0, ctx.Px(1));
  float y = pos.y + pad;
  if (hasImage) {
    const ImVec2 tmin(pos.x + pad, pos.y + pad);
    DrawThumb(ctx, item.image, tmin, ImVec2(tmin.x + c.thumbW, tmin.y + c.thumbH));
    if (ctx.Narrow()) y += c.thumbH + pad;
  }
  const float x = pos.x + c.textX;
  const std::string date = core::FormatDate(item.date, ctx.Lang());
  dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(x, y), ctx.palette.muted, date.c_str(), nullptr, c.textWidth);
  y += c.dateH + ctx.Px(4);
  const std::string& title = ctx.Get(item.title);
  dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(x, y), ctx.palette.link, title.c_str(), nullptr, c.textWidth);
  y += c.titleH + ctx.Px(6);
  const std::string& summary = ctx.Get(item.summary);
  if (!summary.empty())
    dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(x, y), ctx.palette.text, summary.c_str(), nullptr, c.textWidth);
  return pressed;
}

}  // namespace

// The year rail (each year with its number of items) and the tags, as filter chips.
void Filters(const ViewContext& ctx) {
  const core::Route& r = ctx.state.route;
  core::Route all;
  all.screen = core::Screen::News;
  all.tag = r.tag;
  ChipRow years(ctx);
  ctx.mirror.ListBegin();
  if (years.Add(std::string(ctx.Tr(core::Str::AllYears)) + " (" + std::to_string(ctx.bundle.news.size()) + ")", r.year == 0, all))
    ctx.Go(all);
  for (const auto& [year, count] : ctx.derived.years) {
    core::Route target = all;
    target.year = year;
    if (years.Add(std::to_string(year) + " (" + std::to_string(count) + ")", r.year == year, target)) ctx.Go(target);
  }
  ctx.mirror.ListEnd();
  if (!ctx.derived.tags.empty()) {
    ChipRow tags(ctx);
    ctx.mirror.ListBegin();
    for (const auto& [tag, count] : ctx.derived.tags) {
      core::Route target;
      target.screen = core::Screen::News;
      target.year = r.year;
      const bool active = r.tag == tag;
      if (!active) target.tag = tag;  // a second press lifts the filter
      if (tags.Add("#" + tag + " (" + std::to_string(count) + ")", active, target)) ctx.Go(target);
    }
    ctx.mirror.ListEnd();
  }
  Gap(ctx, 12);
}

void DrawNewsView(const ViewContext& ctx) {
  Heading(ctx, 1, ctx.Tr(core::Str::News));
  if (ctx.bundle.news.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoNews));
    return;
  }
  Filters(ctx);
  if (ctx.derived.timeline.empty()) Paragraphs(ctx, ctx.Tr(core::Str::NoNews));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool narrow = ctx.Narrow();
  const float left = ImGui::GetCursorScreenPos().x;
  const float full = ctx.measure;
  // Wide: month labels in a column left of the axis. Narrow: the axis hugs the left edge and
  // month labels sit above their entries.
  const float labelW = narrow ? 0 : ctx.Px(132);
  const float axisX = left + labelW + ctx.Px(10);
  const float cardX = axisX + ctx.Px(22);
  const float cardW = std::max(left + full - cardX, ctx.Px(120));
  const float axisTop = ImGui::GetCursorScreenPos().y;
  dl->ChannelsSplit(2);  // the axis line goes under the dots drawn on it
  dl->ChannelsSetCurrent(1);

  int year = 0;
  for (const core::TimelineGroup& g : ctx.derived.timeline) {
    if (g.year != year) {
      year = g.year;
      const std::string label = std::to_string(year);
      ImGui::SetCursorScreenPos(ImVec2(narrow ? cardX : left, ImGui::GetCursorScreenPos().y));
      TextBlock(ctx.fonts.h2, ctx.palette.text, label);
      ctx.mirror.Heading(2, label);
      const ImVec2 r = ImGui::GetItemRectMin();
      const float cy = r.y + ImGui::GetItemRectSize().y * 0.5f;
      dl->AddCircleFilled(ImVec2(axisX, cy), ctx.Px(7), ctx.palette.accent);
      Gap(ctx, 4);
    }
    const float rowY = ImGui::GetCursorScreenPos().y;
    if (g.month != 0) {  // items dated by year alone sit under the year heading itself
      const std::string month = core::FormatMonthYear(g.year, g.month, ctx.Lang());
      ImGui::SetCursorScreenPos(ImVec2(narrow ? cardX : left, rowY));
      TextBlock(ctx.fonts.bold, ctx.palette.muted, month);
      ctx.mirror.Heading(3, month);
      dl->AddCircleFilled(ImVec2(axisX, ImGui::GetItemRectMin().y + ImGui::GetItemRectSize().y * 0.5f), ctx.Px(4),
                          ctx.palette.muted);
      if (!narrow) ImGui::SetCursorScreenPos(ImVec2(cardX, rowY));
    }
    ctx.mirror.ListBegin();
    for (size_t idx : g.items) {
      const core::NewsItem& item = ctx.bundle.news[idx];
      ImGui::SetCursorScreenPos(ImVec2(cardX, ImGui::GetCursorScreenPos().y));
      core::Route target;
      target.screen = core::Screen::NewsDetail;
      target.id = item.id;
      if (NewsCard(ctx, item, cardW)) ctx.Go(target);
      std::string note = core::FormatDate(item.date, ctx.Lang());
      if (!ctx.Get(item.summary).empty()) note += " — " + ctx.Get(item.summary);
      ctx.mirror.Item(ctx.Get(item.title), core::FormatRoute(target), note);
      Gap(ctx, 4);
    }
    ctx.mirror.ListEnd();
    Gap(ctx, 10);
  }
  const float axisBottom = ImGui::GetCursorScreenPos().y;
  dl->ChannelsSetCurrent(0);
  dl->AddLine(ImVec2(axisX, axisTop), ImVec2(axisX, axisBottom), ctx.palette.axis, ctx.Px(2));
  dl->ChannelsMerge();
}

}  // namespace ui
