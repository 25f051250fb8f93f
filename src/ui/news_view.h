// The news timeline: newest first, grouped by year and month along a vertical time axis; each
// entry is a card (date, title, summary, image) that opens the item; the year rail and the
// tags filter it. The view keeps what it derives from the bundle (the order, years and tags,
// the filtered timeline, the rows' layout and mirror words, the chips) until the bundle, the
// filter, the width or the language changes: scrolling 20,000 items costs what 20 do.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/route.h"
#include "core/timeline.h"
#include "ui/row_layout.h"
#include "ui/view_context.h"
#include "ui/widgets.h"

namespace ui {

class NewsView {
 public:
  // One row of the timeline: a year heading, a month heading (its own row on phones; beside
  // the first card on wider screens) or a card.
  struct Row {
    enum Kind { Year, Month, Card } kind;
    int year = 0, month = 0;
    size_t item = 0;          // Card: index into Items() (bundle.news, or a published year's news)
    bool monthStart = false;  // Card, wide layout: draws its month's label beside it
    bool groupEnd = false;    // Card: last of its month (extra space after it)
  };
  // A row's words in the mirror (its heading, or its card's title, link and note), made when
  // the row first enters the mirror's window: not again in every scrolled frame.
  struct MirrorWords {
    std::string heading;            // a Year row's year, a Month row's (or a month-starting card's) month
    std::string title, href, note;  // a card
  };
  struct LayoutKey {
    LayoutBasis basis;
    int year = 0;
    std::string tag;
    bool operator==(const LayoutKey& o) const { return basis == o.basis && year == o.year && tag == o.tag; }
  };

  // The lists every filter needs (order, years, tags): made when News is first shown, or ahead
  // of time in an idle frame after the bundle appears (App::StepBackground).
  // For a published archive, the years and tags are the whole archive's (its manifest's).
  void Prepare(const core::Bundle& bundle, const core::PublishedArchive* archive = nullptr);
  // Draws the screen for `route` (its year and tag filter). Returns true when the list was
  // measured only in part: more frames measure the rest.
  bool Draw(const ViewContext& ctx, const core::Route& route);
  void Reset() { *this = NewsView(); }  // a new bundle
  // A published archive's next headlines were added at the end of bundle.news (older than
  // every item before them): the order, timeline and rows grow, and the rows measured stay so,
  // instead of measuring the list again down to where the visitor is.
  void Grew(const core::Bundle& bundle);

  bool Prepared() const { return m_prepared; }
  // A published archive's list was drawn near the end of the news that are in: more are wanted.
  bool WantsMore() const { return m_wantsMore; }
  bool TimelineMade() const { return m_timelineFor.has_value(); }
  const RowLayout<LayoutKey>& Layout() const { return m_layout; }
  const std::vector<std::optional<MirrorWords>>& Words() const { return m_words; }

 private:
  struct ChipKey {
    std::string lang;
    int year = 0;
    std::string tag;
    bool operator==(const ChipKey& o) const { return lang == o.lang && year == o.year && tag == o.tag; }
  };
  void UpdateTimeline(const ViewContext& ctx, const core::Route& route);
  const std::vector<std::vector<ChipSpec>>& Chips(const ViewContext& ctx, const core::Route& route);
  void RecordRows(const ViewContext& ctx, size_t first, size_t last, float left, float cardX, float cardW, float originY);
  bool DrawArchiveEnd(const ViewContext& ctx, const core::Route& route, float listBottom, float clipBottom);
  // The news the rows index: the bundle's, or the year's of a published archive (m_yearNews).
  const std::vector<core::NewsItem>& Items(const ViewContext& ctx) const { return m_yearNews ? *m_yearNews : ctx.bundle.news; }

  bool m_prepared = false;
  bool m_wantsMore = false;
  bool m_grown = false;                           // Grew: the rows are made again, their layout kept
  size_t m_allNews = 0;                           // "All years (n)": the bundle's, or the archive's
  std::vector<size_t> m_order;                    // newest first
  std::vector<std::pair<int, int>> m_years;       // (year, news items), newest first
  std::vector<std::pair<std::string, int>> m_tags;  // most used first
  std::optional<std::pair<int, std::string>> m_timelineFor;  // the (year, tag) filter m_timeline is for
  std::vector<core::TimelineGroup> m_timeline;    // the filter's items by year and month
  std::optional<std::vector<core::NewsItem>> m_yearNews;  // a published year before the newer years are in
  std::optional<LayoutKey> m_rowsFor;             // what m_rows and m_words were made for
  std::vector<Row> m_rows;
  std::vector<std::optional<MirrorWords>> m_words;  // per row, as they are mirrored
  RowLayout<LayoutKey> m_layout;
  std::optional<ChipKey> m_chipsFor;
  std::vector<std::vector<ChipSpec>> m_chips;     // the year rail, the tags
};

}  // namespace ui
