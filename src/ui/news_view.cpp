// The news timeline; see news_view.h.
#include "ui/news_view.h"

#include <algorithm>
#include <cstdlib>

#include "core/date.h"
#include "ui/archive_note.h"

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

std::vector<NewsView::Row> MakeRows(const std::vector<core::TimelineGroup>& timeline, bool narrow) {
  using Row = NewsView::Row;
  std::vector<Row> rows;
  int year = 0;
  for (const core::TimelineGroup& g : timeline) {
    if (g.year != year) rows.push_back({Row::Year, year = g.year});
    if (g.month != 0 && narrow) rows.push_back({Row::Month, g.year, g.month});
    for (size_t k = 0; k < g.items.size(); ++k)
      rows.push_back({Row::Card, g.year, g.month, g.items[k], !narrow && k == 0 && g.month != 0, k + 1 == g.items.size()});
  }
  return rows;
}

float RowHeight(const ViewContext& ctx, const std::vector<core::NewsItem>& news, const NewsView::Row& r, float cardW) {
  switch (r.kind) {
    case NewsView::Row::Year: return ctx.fonts.h2->FontSize + ctx.Px(12);
    case NewsView::Row::Month: return ctx.fonts.bold->FontSize + ctx.Px(8);
    case NewsView::Row::Card: {
      const core::NewsItem& item = news[r.item];
      return MeasureCard(ctx, item, cardW, !item.image.empty()).height + ctx.Px(r.groupEnd ? 18 : 6);
    }
  }
  return 0;
}

// Draws row `i` at `y` (screen); records it in the mirror (headings; cards as list items).
bool DrawRow(const ViewContext& ctx, const std::vector<core::NewsItem>& news, const NewsView::Row& r,
             const TimelineGeometry& g, float y, ImDrawList* dl) {
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
      return NewsCard(ctx, news[r.item], g.cardW);
    }
  }
  return false;
}

NewsView::MirrorWords MirrorText(const ViewContext& ctx, const std::vector<core::NewsItem>& news, const NewsView::Row& r) {
  NewsView::MirrorWords t;
  if (r.kind == NewsView::Row::Year) {
    t.heading = std::to_string(r.year);
    return t;
  }
  if (r.kind == NewsView::Row::Month || r.monthStart) t.heading = core::FormatMonthYear(r.year, r.month, ctx.Lang());
  if (r.kind == NewsView::Row::Month) return t;
  const core::NewsItem& item = news[r.item];
  t.title = std::string(ctx.Get(item.title));
  t.href = core::FormatRoute(core::Route::NewsDetail(item.id));
  t.note = core::FormatDate(item.date, ctx.Lang());
  if (!ctx.Get(item.summary).empty()) (t.note += " — ") += ctx.Get(item.summary);
  return t;
}

}  // namespace

void NewsView::Prepare(const core::Bundle& bundle, const core::PublishedArchive* archive) {
  if (m_prepared) return;
  m_order = core::NewsNewestFirst(bundle.news);
  m_allNews = bundle.news.size();
  if (archive) {
    const core::PublishedList& list = archive->List(true);
    m_allNews = list.count;
    m_years.clear();
    m_tags.clear();
    for (const core::Tally& y : list.years) m_years.emplace_back(std::atoi(y.name.c_str()), static_cast<int>(y.count));
    for (const core::Tally& t : list.groups) m_tags.emplace_back(t.name, static_cast<int>(t.count));
  } else {
    m_years = core::CountYears(bundle.news);
    m_tags = core::CountTags(bundle.news);
  }
  m_prepared = true;
}

// A published archive whose older news are not all in: a line after the list says what is
// loading (or why it failed, with "Try again"), and the list wants more when its end comes
// within eight screens (a shard is about six screens of rows: a fast wheel outran three). True when the line was drawn.
bool NewsView::DrawArchiveEnd(const ViewContext& ctx, const core::Route& route, float listBottom, float clipBottom) {
  if (!ctx.archive || ctx.archive->Complete(ctx.bundle, true) || m_yearNews) return false;
  const core::PublishedArchive& a = *ctx.archive;
  Gap(ctx, 8);
  if (route.year != 0) {  // the year's shards on their way (the list shows the year when all are in)
    const auto missing = a.MissingOfYear(ctx.bundle, true, route.year);
    ArchiveNote(ctx, core::Str::LoadingNewsOfYear, missing ? a.List(true).headlines[*missing].file : "", std::to_string(route.year));
    return true;
  }
  const auto next = a.NextHeadlines(ctx.bundle, true);
  const std::string file = next ? a.List(true).headlines[*next].file : "";
  m_wantsMore = listBottom < clipBottom + 8 * ImGui::GetWindowHeight();
  ArchiveNote(ctx, core::Str::LoadingOlderNews, file, OfCount(ctx, a.LoadedCount(ctx.bundle, true), a.List(true).count));
  return true;
}

void NewsView::Grew(const core::Bundle& bundle) {
  if (!m_prepared) return;
  const size_t had = m_order.size();
  if (had >= bundle.news.size() || (had > 0 && bundle.news[m_order.back()].date < bundle.news[had].date)) {
    Reset();  // not an archive's older part: everything is made again
    return;
  }
  for (size_t i = had; i < bundle.news.size(); ++i) m_order.push_back(i);
  m_timelineFor.reset();
  m_grown = true;
}

void NewsView::UpdateTimeline(const ViewContext& ctx, const core::Route& route) {
  const core::Bundle& bundle = ctx.bundle;
  Prepare(bundle, ctx.archive);
  const std::pair<int, std::string> filter(route.year, route.tag);
  if (m_timelineFor == filter) return;
  m_yearNews.reset();
  if (ctx.archive && route.year != 0 && !ctx.archive->Complete(bundle, true)) {
    // A year of a published archive that is not all in: shown from its own shards once they
    // are (not after every newer year's); until then the list is empty and says what comes.
    m_timeline.clear();
    if (ctx.archive->MissingOfYear(bundle, true, route.year)) return;  // asked again next frame
    m_yearNews = ctx.archive->NewsOfYear(bundle, route.year);
    std::vector<size_t> order(m_yearNews->size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;  // the archive's order: newest first
    m_timeline = core::GroupByMonth(*m_yearNews, core::FilterNews(*m_yearNews, order, route.year, route.tag));
  } else {
    m_timeline = core::GroupByMonth(bundle.news, core::FilterNews(bundle.news, m_order, route.year, route.tag));
  }
  m_timelineFor = filter;
}

// The year rail (each year with its number of items) and the tags, as filter chips: their
// labels and links made when the language or the filter changes.
const std::vector<std::vector<ChipSpec>>& NewsView::Chips(const ViewContext& ctx, const core::Route& r) {
  const ChipKey key{ctx.lang, r.year, r.tag};
  if (m_chipsFor == key) return m_chips;
  m_chipsFor = key;
  m_chips.assign(2, {});
  const auto add = [](std::vector<ChipSpec>& to, std::string label, const core::Route& target, bool active) {
    to.push_back(ChipSpec{std::move(label), target, core::FormatRoute(target), active});
  };
  const auto count = [&](size_t n) { return " (" + core::FormatCount(n, ctx.Lang()) + ")"; };
  add(m_chips[0], ctx.Tr(core::Str::AllYears) + count(m_allNews), core::Route::News(0, r.tag), r.year == 0);
  for (const auto& [year, n] : m_years)
    add(m_chips[0], std::to_string(year) + count(static_cast<size_t>(n)), core::Route::News(year, r.tag), r.year == year);
  for (const auto& [tag, n] : m_tags) {
    const bool active = r.tag == tag;  // a second press lifts the filter
    add(m_chips[1], "#" + tag + count(static_cast<size_t>(n)), core::Route::News(r.year, active ? "" : tag), active);
  }
  return m_chips;
}

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
    if (!m_words[i]) m_words[i] = MirrorText(ctx, Items(ctx), r);
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

bool NewsView::Draw(const ViewContext& ctx, const core::Route& route) {
  m_wantsMore = false;
  Heading(ctx, 1, ctx.Tr(core::Str::News));
  const float clipBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  if (ctx.bundle.news.empty()) {
    if (!DrawArchiveEnd(ctx, route, 0, clipBottom)) Paragraphs(ctx, ctx.Tr(core::Str::NoNews));
    return false;
  }
  UpdateTimeline(ctx, route);
  ChipRows(ctx, Chips(ctx, route));
  Gap(ctx, 12);
  if (m_timeline.empty()) {
    if (!DrawArchiveEnd(ctx, route, 0, clipBottom)) Paragraphs(ctx, ctx.Tr(core::Str::NoNews));
    return false;
  }
  const TimelineGeometry g = Geometry(ctx);
  // Rows once per width, scale, language and filter; afterwards only visible rows are drawn.
  const LayoutKey key{LayoutBasis{g.cardW, ctx.scale, ctx.lang, ctx.fonts.generation, g.narrow}, route.year, route.tag};
  if (!(m_rowsFor == key)) {
    m_rows = MakeRows(m_timeline, g.narrow);
    m_rowsFor = key;
    m_layout.Invalidate();
    m_words.assign(m_rows.size(), std::nullopt);  // the words may differ (language, filter)
  } else if (m_grown) {
    m_rows = MakeRows(m_timeline, g.narrow);  // the rows before the new ones are as they were
    m_words.resize(m_rows.size());
  }
  m_grown = false;
  const float originY = ImGui::GetCursorScreenPos().y;
  const float clipTop = ImGui::GetWindowPos().y;
  // Rows are measured as far as the screen and the mirror's window reach, and a slice more each
  // frame until all are (kMirrorRows + kSliceRows).
  const bool pending = m_layout.Measure(key, m_rows.size(), [&](size_t i) { return RowHeight(ctx, Items(ctx), m_rows[i], g.cardW); },
                                        clipBottom - originY, kMirrorRows + kSliceRows);
  const auto visible = m_layout.Visible(clipTop - originY, clipBottom - originY);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);  // the axis line goes under the dots drawn on it
  dl->ChannelsSetCurrent(1);
  for (size_t i = visible.first; i < visible.second; ++i)
    if (DrawRow(ctx, Items(ctx), m_rows[i], g, originY + m_layout.Y(i), dl))
      ctx.nav.GoTo(core::Route::NewsDetail(Items(ctx)[m_rows[i].item].id), How::Push);
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
  DrawArchiveEnd(ctx, route, originY + m_layout.Total(), clipBottom);
  return pending;
}

}  // namespace ui
