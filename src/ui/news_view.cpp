// The news timeline; see news_view.h.
#include "ui/news_view.h"

#include <algorithm>
#include <cstdlib>

#include "core/date.h"

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
  const bool hasImage = !item.image.Empty();
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
    DrawThumb(ctx, item.image.src, tmin, ImVec2(tmin.x + c.thumbW, tmin.y + c.thumbH));
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

std::vector<NewsView::Row> MakeRows(const std::vector<core::TimelineEntry>& entries, bool narrow) {
  using Row = NewsView::Row;
  using Entry = core::TimelineEntry;
  std::vector<Row> rows;
  rows.reserve(entries.size());
  bool monthStarts = false;  // the next card begins a month (wide: its label beside the card)
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (e.kind == Entry::Year) {
      rows.push_back({Row::Year, e.year});
      monthStarts = false;
    } else if (e.kind == Entry::Month) {
      if (narrow) rows.push_back({Row::Month, e.year, e.month});
      monthStarts = !narrow;
    } else {
      // The last card of its month: the next entry is a heading, or an item of another month
      // (an item dated by its year alone after a month's).
      const bool last = i + 1 == entries.size() || entries[i + 1].kind != Entry::Item || entries[i + 1].month != e.month;
      rows.push_back({Row::Card, e.year, e.month, e.item, monthStarts, last});
      monthStarts = false;
    }
  }
  return rows;
}

float RowHeight(const ViewContext& ctx, const NewsView::Row& r, float cardW) {
  switch (r.kind) {
    case NewsView::Row::Year: return ctx.fonts.h2->FontSize + ctx.Px(12);
    case NewsView::Row::Month: return ctx.fonts.bold->FontSize + ctx.Px(8);
    case NewsView::Row::Card: {
      const core::NewsItem& item = ctx.content.News(r.item);
      return MeasureCard(ctx, item, cardW, !item.image.Empty()).height + ctx.Px(r.groupEnd ? 18 : 6);
    }
  }
  return 0;
}

// Draws row `i` at `y` (screen); records it in the mirror (headings; cards as list items).
bool DrawRow(const ViewContext& ctx, const NewsView::Row& r, const TimelineGeometry& g, float y, ImDrawList* dl) {
  switch (r.kind) {
    case NewsView::Row::Year: {
      const std::string label = std::to_string(r.year);
      ImGui::SetCursorScreenPos(ImVec2(g.narrow ? g.cardX : g.left, y));
      TextBlock(ctx.fonts.h2, ctx.palette.text, label);
      dl->AddCircleFilled(ImVec2(g.axisX, y + ctx.fonts.h2->FontSize * 0.5f), ctx.Px(7), ctx.palette.accent);
      return false;
    }
    case NewsView::Row::Month: {
      ImGui::SetCursorScreenPos(ImVec2(g.cardX, y));
      TextBlock(ctx.fonts.bold, ctx.palette.muted, core::FormatMonthYear(r.year, r.month, ctx.Lang()));
      dl->AddCircleFilled(ImVec2(g.axisX, y + ctx.fonts.bold->FontSize * 0.5f), ctx.Px(4), ctx.palette.muted);
      return false;
    }
    case NewsView::Row::Card: {
      if (r.monthStart) {
        ImGui::SetCursorScreenPos(ImVec2(g.left, y + ctx.Px(14)));
        ImGui::PushTextWrapPos(g.left + g.axisX - g.left - ctx.Px(16));
        TextBlock(ctx.fonts.bold, ctx.palette.muted, core::FormatMonthYear(r.year, r.month, ctx.Lang()));
        ImGui::PopTextWrapPos();
        dl->AddCircleFilled(ImVec2(g.axisX, y + ctx.Px(14) + ctx.fonts.bold->FontSize * 0.5f), ctx.Px(4), ctx.palette.muted);
      }
      ImGui::SetCursorScreenPos(ImVec2(g.cardX, y));
      return NewsCard(ctx, ctx.content.News(r.item), g.cardW);
    }
  }
  return false;
}

NewsView::MirrorWords MirrorText(const ViewContext& ctx, const NewsView::Row& r) {
  NewsView::MirrorWords t;
  if (r.kind == NewsView::Row::Year) {
    t.heading = std::to_string(r.year);
    return t;
  }
  if (r.kind == NewsView::Row::Month || r.monthStart) t.heading = core::FormatMonthYear(r.year, r.month, ctx.Lang());
  if (r.kind == NewsView::Row::Month) return t;
  core::RowText row = core::NewsRow(ctx.content, r.item, ctx.lang);
  t.title = std::move(row.title);
  t.href = core::FormatRoute(row.target);
  t.note = std::move(row.note);
  return t;
}

}  // namespace

// The mirror of rows [first, last): headings, and cards as items of a list per month.
void NewsView::RecordRows(const ViewContext& ctx, size_t first, size_t last, float left, float cardX, float cardW,
                          float originY) {
  bool listOpen = false;
  const auto closeList = [&] {
    if (listOpen) ctx.mirror.ListEnd();
    listOpen = false;
  };
  for (size_t i = first; i < last; ++i) {
    const Row& r = m_rows[i];
    if (!m_words[i]) m_words[i] = MirrorText(ctx, r);
    const MirrorWords& t = *m_words[i];
    const core::MirrorRect rect{left, originY + m_layout.Y(i), ctx.measure, m_layout.H(i)};
    if (r.kind == Row::Year) {
      closeList();
      ctx.mirror.Heading(2, t.heading).rect = rect;
      continue;
    }
    if (r.kind == Row::Month || r.monthStart) {
      closeList();
      ctx.mirror.Heading(3, t.heading).rect = rect;
      if (r.kind == Row::Month) continue;
    }
    if (!listOpen) ctx.mirror.ListBegin();
    listOpen = true;
    ctx.mirror.Item(t.title, t.href, t.note).rect = {cardX, rect.y, cardW, rect.h};
  }
  closeList();
}

bool NewsView::Draw(const ViewContext& ctx, const core::ListBlock& list, const core::Route& route) {
  if (list.version != m_version) {
    const bool grew = list.extends && m_version != 0;
    m_entries = core::Timeline(ctx.content, list.items);
    m_version = list.version;
    if (grew) m_grown = true;
    else m_rowsFor.reset();
  }
  const float clipBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  const TimelineGeometry g = Geometry(ctx);
  // Rows once per width, scale, language and filter; afterwards only visible rows are drawn.
  const LayoutKey key{LayoutBasis{g.cardW, ctx.scale, ctx.lang, ctx.fonts.generation, g.narrow}, route.year, route.tag};
  if (!(m_rowsFor == key)) {
    m_rows = MakeRows(m_entries, g.narrow);
    m_rowsFor = key;
    m_layout.Invalidate();
    m_words.assign(m_rows.size(), std::nullopt);  // the words may differ (language, filter)
  } else if (m_grown) {
    m_rows = MakeRows(m_entries, g.narrow);  // the rows before the new ones are as they were
    m_words.resize(m_rows.size());
  }
  m_grown = false;
  const float originY = ImGui::GetCursorScreenPos().y;
  const float clipTop = ImGui::GetWindowPos().y;
  // Rows are measured as far as the screen and the mirror's window reach, and a slice more each
  // frame until all are (kMirrorRows + kSliceRows).
  const bool pending = m_layout.Measure(key, m_rows.size(), [&](size_t i) { return RowHeight(ctx, m_rows[i], g.cardW); },
                                        clipBottom - originY, kMirrorRows + kSliceRows);
  // Started from a later page of the published archive: that page's first item at the top, once
  // the archive has brought it.
  m_place.Follow(route);
  if (const int month = m_place.Month()) {  // opened at a month of the year: its heading at the top
    const auto at = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row& r) { return r.kind != Row::Year && r.year == route.year && r.month == month; });
    if (at != m_rows.end())
      m_place.ScrollTo(m_layout, key, m_rows.size(), [&](size_t i) { return RowHeight(ctx, m_rows[i], g.cardW); },
                       static_cast<size_t>(at - m_rows.begin()), originY, !list.complete);
    else if (list.complete) m_place.Done();
    // The year's older items down to the month, and the rows after its heading that let the
    // list scroll it to the top, asked for while it waits (as for a page, below).
    if (m_place.Month() && !list.complete) ctx.content.WantMoreNews(route.year);
  } else if (const auto first = m_place.Item()) {
    if (*first < list.items.size()) {
      size_t row = 0;
      for (size_t cards = 0; row < m_rows.size(); ++row)
        if (m_rows[row].kind == Row::Card && cards++ == *first) break;
      m_place.ScrollTo(m_layout, key, m_rows.size(), [&](size_t i) { return RowHeight(ctx, m_rows[i], g.cardW); }, row, originY,
                       !list.complete);
    } else if (list.complete) {
      m_place.Done();  // a page past the list's end: its top
    }
    // Its item, or the rows after it that let the list scroll it to the top, still to come: asked
    // for while it waits (the list's end may lie far below the top the screen still shows, where
    // scrolling would not ask).
    // A page past the list's end asks for nothing (the list's end is still asked for below).
    const core::Tally* year = route.year ? ctx.content.YearTally(route.year) : nullptr;
    const size_t items = route.year ? (year ? year->count : 0) : ctx.content.NewsCount();
    if (m_place.Item() && !list.complete && *first < items) ctx.content.WantMoreNews(route.year);
  }
  const auto visible = m_layout.Visible(clipTop - originY, clipBottom - originY);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);  // the axis line goes under the dots drawn on it
  dl->ChannelsSetCurrent(1);
  for (size_t i = visible.first; i < visible.second; ++i)
    if (DrawRow(ctx, m_rows[i], g, originY + m_layout.Y(i), dl))
      ctx.nav.GoTo(core::Route::NewsDetail(ctx.content.News(m_rows[i].item).id), How::Push);
  dl->ChannelsSetCurrent(0);
  const float axisTop = std::max(originY, clipTop), axisBottom = std::min(originY + m_layout.Total(), clipBottom);
  if (axisBottom > axisTop) dl->AddLine(ImVec2(g.axisX, axisTop), ImVec2(g.axisX, axisBottom), ctx.palette.axis, ctx.Px(2));
  dl->ChannelsMerge();
  // 20 rows either side: room to Tab through before the window moves; each mirrored row is
  // placed over the canvas in every scrolled frame, so more would cost in every frame.
  const auto window = m_layout.MirrorRows(visible, 20, 10, ctx.mirrorIsPage);
  RecordRows(ctx, window.first, window.second, g.left, g.cardX, g.cardW, originY);
  PageCutNote(ctx, window.second, m_rows.size());
  // The list's full height, so the scrollbar and scrolling know it.
  ImGui::SetCursorScreenPos(ImVec2(g.left, originY + m_layout.Total()));
  ImGui::Dummy(ImVec2(1, 0));
  // Its end within eight screens (a published archive's part is about six screens of rows: a
  // fast wheel outran three): the older news are wanted, of all years or of the year chosen.
  if (!list.complete && originY + m_layout.Total() < clipBottom + 8 * ImGui::GetWindowHeight()) ctx.content.WantMoreNews(route.year);
  return pending;
}

}  // namespace ui
