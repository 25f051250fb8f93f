// Draws a screen's description (core/screen.h) block by block, recording the mirror in the same
// calls: headings, paragraphs, lists, links, documents (a code to scan in the kiosk), images,
// filters, notes of parts on their way, and the long lists, whose views keep their layout
// between frames. It owns the screens' state that is the visitor's: the directive order, the
// search results asked for, "Link copied".
#pragma once
#include "core/route.h"
#include "core/screen.h"
#include "ui/chip_bars.h"
#include "ui/directives_view.h"
#include "ui/news_view.h"
#include "ui/search_view.h"
#include "ui/view_context.h"

namespace ui {

class ScreenView {
 public:
  // Draws `doc`, the screen of `route`. True when a list wants more frames (measured in part).
  bool Draw(const ViewContext& ctx, const core::ScreenDoc& doc, const core::Route& route);
  // New content: what was derived from the old goes (the visitor's sort order stays).
  void Reset();
  // The route changed: "Link copied" goes back to "Copy link", folded filters close.
  void RouteChanged() {
    m_linkCopied = false;
    m_bars.Close();
  }
  // What the description depends on that the visitor chose here.
  core::ScreenChoices Choices(const core::Route& route) const;

  const NewsView& Timeline() const { return m_timeline; }
  const DirectivesView& Directives() const { return m_directives; }
  const SearchView& Results() const { return m_results; }
  const ChipBars& Bars() const { return m_bars; }

 private:
  void Block(const ViewContext& ctx, const core::Block& b, const core::Route& route, bool& more, size_t& strips);
  void Image(const ViewContext& ctx, const core::Block& b);
  void Documents(const ViewContext& ctx, const core::Block& b);
  void OpenButton(const ViewContext& ctx, const core::Block& b);

  NewsView m_timeline;
  DirectivesView m_directives;
  SearchView m_results;
  ChipBars m_bars;
  bool m_linkCopied = false;  // "Link copied" instead of "Copy link"
};

}  // namespace ui
