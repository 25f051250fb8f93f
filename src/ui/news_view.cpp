// The news timeline: newest first, grouped by year and month along a vertical time axis;
// each entry is a card (date, title, summary, image) that opens the item.
#include <algorithm>

#include "core/date.h"
#include "ui/row_layout.h"
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
  c.dateH = ctx.fonts.small->FontSize;  // "5 Dhjetor 2023": one line at any card width (measuring 20,000 of them cost)
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
  const std::string_view title = ctx.Get(item.title);
  dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(x, y), ctx.palette.link, title.data(), title.data() + title.size(),
              c.textWidth);
  y += c.titleH + ctx.Px(6);
  const std::string_view summary = ctx.Get(item.summary);
  if (!summary.empty())
    dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(x, y), ctx.palette.text, summary.data(),
                summary.data() + summary.size(), c.textWidth);
  return pressed;
}


// The year rail (each year with its number of items) and the tags, as filter chips: their
// labels and links made when the language or the filter changes.
const FilterChips& NewsFilters(const ViewContext& ctx) {
  const core::Route& r = ctx.state.route;
  FilterChips& chips = ctx.derived.newsFilters;
  std::string key = std::string(ctx.Lang()) + "|" + std::to_string(r.year) + "|" + r.tag;
  if (chips.key == key) return chips;
  chips.key = std::move(key);
  chips.rows.assign(2, {});
  std::vector<ChipSpec>& years = chips.rows[0];
  std::vector<ChipSpec>& tags = chips.rows[1];
  const auto add = [](std::vector<ChipSpec>& to, std::string label, const core::Route& target, bool active) {
    to.push_back(ChipSpec{std::move(label), target, core::FormatRoute(target), active});
  };
  core::Route all;
  all.screen = core::Screen::News;
  all.tag = r.tag;
  add(years, std::string(ctx.Tr(core::Str::AllYears)) + " (" + core::FormatCount(ctx.bundle.news.size(), ctx.Lang()) + ")", all,
      r.year == 0);
  for (const auto& [year, count] : ctx.derived.years) {
    core::Route target = all;
    target.year = year;
    add(years, std::to_string(year) + " (" + core::FormatCount(static_cast<size_t>(count), ctx.Lang()) + ")", target,
        r.year == year);
  }
  for (const auto& [tag, count] : ctx.derived.tags) {
    core::Route target;
    target.screen = core::Screen::News;
    target.year = r.year;
    const bool active = r.tag == tag;
    if (!active) target.tag = tag;  // a second press lifts the filter
    add(tags, "#" + tag + " (" + core::FormatCount(static_cast<size_t>(count), ctx.Lang()) + ")", target, active);
  }
  return chips;
}

void Filters(const ViewContext& ctx) {
  ChipRows(ctx, NewsFilters(ctx));
  Gap(ctx, 12);
}

struct TimelineGeometry {
  bool narrow;
  float left, axisX, cardX, cardW;
};

TimelineGeometry Geometry(const ViewContext& ctx) {
  TimelineGeometry g;
  g.narrow = ctx.Narrow();
  g.left = ImGui::GetCursorScreenPos().x;
  // Wide: month labels in a column left of the axis. Narrow: the axis hugs the left edge and
  // month labels sit above their entries.
  const float labelW = g.narrow ? 0 : ctx.Px(132);
  g.axisX = g.left + labelW + ctx.Px(10);
  g.cardX = g.axisX + ctx.Px(22);
  g.cardW = std::max(g.left + ctx.measure - g.cardX, ctx.Px(120));
  return g;
}

std::vector<TimelineRow> Rows(const ViewContext& ctx, bool narrow) {
  std::vector<TimelineRow> rows;
  int year = 0;
  for (const core::TimelineGroup& g : ctx.derived.timeline) {
    if (g.year != year) rows.push_back({TimelineRow::Year, year = g.year});
    if (g.month != 0 && narrow) rows.push_back({TimelineRow::Month, g.year, g.month});
    for (size_t k = 0; k < g.items.size(); ++k)
      rows.push_back({TimelineRow::Card, g.year, g.month, g.items[k], !narrow && k == 0 && g.month != 0,
                      k + 1 == g.items.size()});
  }
  return rows;
}

float RowHeight(const ViewContext& ctx, const TimelineRow& r, float cardW) {
  switch (r.kind) {
    case TimelineRow::Year: return ctx.fonts.h2->FontSize + ctx.Px(12);
    case TimelineRow::Month: return ctx.fonts.bold->FontSize + ctx.Px(8);
    case TimelineRow::Card: {
      const core::NewsItem& item = ctx.bundle.news[r.item];
      return MeasureCard(ctx, item, cardW, !item.image.empty()).height + ctx.Px(r.groupEnd ? 18 : 6);
    }
  }
  return 0;
}

// Draws row `i` at `y` (screen); records it in the mirror (headings; cards as list items).
bool DrawRow(const ViewContext& ctx, const TimelineRow& r, const TimelineGeometry& g, float y, ImDrawList* dl) {
  switch (r.kind) {
    case TimelineRow::Year: {
      const std::string label = std::to_string(r.year);
      ImGui::SetCursorScreenPos(ImVec2(g.narrow ? g.cardX : g.left, y));
      TextBlock(ctx.fonts.h2, ctx.palette.text, label);
      dl->AddCircleFilled(ImVec2(g.axisX, y + ctx.fonts.h2->FontSize * 0.5f), ctx.Px(7), ctx.palette.accent);
      return false;
    }
    case TimelineRow::Month: {
      ImGui::SetCursorScreenPos(ImVec2(g.cardX, y));
      TextBlock(ctx.fonts.bold, ctx.palette.muted, core::FormatMonthYear(r.year, r.month, ctx.Lang()));
      dl->AddCircleFilled(ImVec2(g.axisX, y + ctx.fonts.bold->FontSize * 0.5f), ctx.Px(4), ctx.palette.muted);
      return false;
    }
    case TimelineRow::Card: {
      if (r.monthStart) {
        ImGui::SetCursorScreenPos(ImVec2(g.left, y + ctx.Px(14)));
        ImGui::PushTextWrapPos(g.left + g.axisX - g.left - ctx.Px(16));
        TextBlock(ctx.fonts.bold, ctx.palette.muted, core::FormatMonthYear(r.year, r.month, ctx.Lang()));
        ImGui::PopTextWrapPos();
        dl->AddCircleFilled(ImVec2(g.axisX, y + ctx.Px(14) + ctx.fonts.bold->FontSize * 0.5f), ctx.Px(4), ctx.palette.muted);
      }
      ImGui::SetCursorScreenPos(ImVec2(g.cardX, y));
      return NewsCard(ctx, ctx.bundle.news[r.item], g.cardW);
    }
  }
  return false;
}

// A row's words in the mirror: a year's or a month's heading; a card's title, link and note.
RowMirrorText MirrorText(const ViewContext& ctx, const TimelineRow& r) {
  RowMirrorText t;
  if (r.kind == TimelineRow::Year) {
    t.heading = std::to_string(r.year);
    return t;
  }
  if (r.kind == TimelineRow::Month || r.monthStart) t.heading = core::FormatMonthYear(r.year, r.month, ctx.Lang());
  if (r.kind == TimelineRow::Month) return t;
  const core::NewsItem& item = ctx.bundle.news[r.item];
  core::Route target;
  target.screen = core::Screen::NewsDetail;
  target.id = item.id;
  t.title = std::string(ctx.Get(item.title));
  t.href = core::FormatRoute(target);
  t.note = core::FormatDate(item.date, ctx.Lang());
  if (!ctx.Get(item.summary).empty()) (t.note += " — ") += ctx.Get(item.summary);
  return t;
}

// The mirror of rows [first, last): headings, and cards as items of a list per month.
void RecordRows(const ViewContext& ctx, NewsLayout& cache, size_t first, size_t last, const TimelineGeometry& g,
                float originY) {
  const RowLayout& layout = cache.layout;
  bool listOpen = false;
  const auto closeList = [&] {
    if (listOpen) ctx.mirror.ListEnd();
    listOpen = false;
  };
  for (size_t i = first; i < last; ++i) {
    const TimelineRow& r = cache.rows[i];
    if (!cache.mirror[i]) cache.mirror[i] = MirrorText(ctx, r);
    const RowMirrorText& t = *cache.mirror[i];
    const core::MirrorRect rect{g.left, originY + layout.Y(i), ctx.measure, layout.H(i)};
    if (r.kind == TimelineRow::Year) {
      closeList();
      ctx.mirror.Heading(2, t.heading).rect = rect;
      continue;
    }
    if (r.kind == TimelineRow::Month || r.monthStart) {
      closeList();
      ctx.mirror.Heading(3, t.heading).rect = rect;
      if (r.kind == TimelineRow::Month) continue;
    }
    if (!listOpen) ctx.mirror.ListBegin();
    listOpen = true;
    ctx.mirror.Item(t.title, t.href, t.note).rect = {g.cardX, rect.y, g.cardW, rect.h};
  }
  closeList();
}

}  // namespace

void DrawNewsView(const ViewContext& ctx) {
  Heading(ctx, 1, ctx.Tr(core::Str::News));
  if (ctx.bundle.news.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoNews));
    return;
  }
  Filters(ctx);
  if (ctx.derived.timeline.empty()) {
    Paragraphs(ctx, ctx.Tr(core::Str::NoNews));
    return;
  }
  const TimelineGeometry g = Geometry(ctx);
  // Layout once per width, scale, language and filter; afterwards only visible rows are drawn.
  NewsLayout& cache = ctx.derived.newsLayout;
  const std::string key = std::to_string(g.cardW) + "|" + std::to_string(ctx.state.scale) + "|" + std::string(ctx.Lang()) +
                          "|" + std::to_string(ctx.derived.timelineYear) + "|" + ctx.derived.timelineTag + "|" +
                          (g.narrow ? "n" : "w") + "|" + std::to_string(reinterpret_cast<uintptr_t>(ctx.fonts.body));
  if (cache.key != key) {
    cache.rows = Rows(ctx, g.narrow);
    cache.key = key;
    cache.layout.Invalidate();
    cache.mirror.assign(cache.rows.size(), std::nullopt);  // the words may differ (language, filter)
  }
  const std::vector<TimelineRow>& rows = cache.rows;
  const float originY = ImGui::GetCursorScreenPos().y;
  const float clipTop = ImGui::GetWindowPos().y, clipBottom = clipTop + ImGui::GetWindowHeight();
  // Rows are measured as far as the screen and the mirror's window reach, and a slice more each
  // frame until all are (RowLayout::kMirrorRows + RowLayout::kSliceRows).
  if (cache.layout.Measure(key, rows.size(), [&](size_t i) { return RowHeight(ctx, rows[i], g.cardW); },
                           clipBottom - originY, RowLayout::kMirrorRows + RowLayout::kSliceRows))
    ctx.derived.layoutPending = true;
  const RowLayout& layout = cache.layout;

  const auto visible = layout.Visible(clipTop - originY, clipBottom - originY);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);  // the axis line goes under the dots drawn on it
  dl->ChannelsSetCurrent(1);
  for (size_t i = visible.first; i < visible.second; ++i) {
    if (DrawRow(ctx, rows[i], g, originY + layout.Y(i), dl)) {
      core::Route target;
      target.screen = core::Screen::NewsDetail;
      target.id = ctx.bundle.news[rows[i].item].id;
      ctx.Go(target);
    }
  }
  dl->ChannelsSetCurrent(0);
  const float axisTop = std::max(originY, clipTop), axisBottom = std::min(originY + layout.Total(), clipBottom);
  if (axisBottom > axisTop) dl->AddLine(ImVec2(g.axisX, axisTop), ImVec2(g.axisX, axisBottom), ctx.palette.axis, ctx.Px(2));
  dl->ChannelsMerge();
  // 20 rows either side: room to Tab through before the window moves; each mirrored row is
  // placed over the canvas in every scrolled frame, so more would cost in every frame.
  const auto window = layout.Window(visible, 20, 10);
  RecordRows(ctx, cache, window.first, window.second, g, originY);
  // The list's full height, so the scrollbar and scrolling know it.
  ImGui::SetCursorScreenPos(ImVec2(g.left, originY + layout.Total()));
  ImGui::Dummy(ImVec2(1, 0));
}

}  // namespace ui
