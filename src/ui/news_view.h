// The news timeline: newest first, grouped by year and month along a vertical time axis; each
// entry is a card (date, title, summary, image) that opens the item. The view draws the
// timeline block of the news screen's description (core/screen.h) and keeps what it derives
// from it (the rows, their layout and mirror words) until the list, the width or the language
// changes: scrolling 20,000 items costs what 20 do.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/route.h"
#include "core/screen.h"
#include "ui/list_place.h"
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
    core::Handle item = 0;    // Card: the news item
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

  // Draws the timeline of `list` (the news of `route`'s filter). Returns true when the list was
  // measured only in part: more frames measure the rest. Near its end it asks the content for
  // more (a published archive's older parts). A list that grew at its end (ListBlock::extends)
  // keeps its rows measured, instead of measuring the list again down to where the visitor is.
  bool Draw(const ViewContext& ctx, const core::ListBlock& list, const core::Route& route);
  void Reset() { *this = NewsView(); }  // new content

  bool TimelineMade() const { return m_version != 0; }
  const RowLayout<LayoutKey>& Layout() const { return m_layout; }
  const std::vector<std::optional<MirrorWords>>& Words() const { return m_words; }

 private:
  void RecordRows(const ViewContext& ctx, size_t first, size_t last, float left, float cardX, float cardW, float originY);

  uint64_t m_version = 0;                         // the list's (core::ItemList::version) the rows are made of
  std::vector<core::TimelineEntry> m_entries;     // its years, months and items
  std::optional<LayoutKey> m_rowsFor;             // what m_rows and m_words were made for
  bool m_grown = false;                           // the list grew at its end: rows made again, their layout kept
  std::vector<Row> m_rows;
  std::vector<std::optional<MirrorWords>> m_words;  // per row, as they are mirrored
  RowLayout<LayoutKey> m_layout;
  ListPlace m_place;                              // a later page's first item, to bring to the top
};

}  // namespace ui
