// What every view receives: the content, the interface state, where to record the mirror, the
// platform, the fonts and palette, and the language. Views draw one screen each.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/bundle.h"
#include "core/diagnostics.h"
#include "core/strings.h"
#include "core/search.h"
#include "core/timeline.h"
#include "ui/fonts.h"
#include "ui/host.h"
#include "ui/mirror_recorder.h"
#include "ui/onscreen_keyboard.h"
#include "ui/row_layout.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace ui {

// One row of the news timeline: a year heading, a month heading (its own row on phones;
// beside the first card on wider screens) or a card.
struct TimelineRow {
  enum Kind { Year, Month, Card } kind;
  int year = 0, month = 0;
  size_t item = 0;          // Card: index into bundle.news
  bool monthStart = false;  // Card, wide layout: draws its month's label beside it
  bool groupEnd = false;    // Card: last of its month (extra space after it)
};

// A timeline row's words in the mirror (its heading, or its card's title, link and note),
// made when the row first enters the mirror's window: not again in every scrolled frame.
struct RowMirrorText {
  std::string heading;            // a Year row's year, a Month row's (or a month-starting card's) month
  std::string title, href, note;  // a card
};

// A filter chip as drawn and mirrored: "2023 (412)", where it leads, whether it is on.
struct ChipSpec {
  std::string label;
  core::Route target;
  std::string href;  // core::FormatRoute(target)
  bool active = false;
};

// A screen's filter chips (rows of them), made again only when `key` (the language and the
// filter they were made for) changes: not in every drawn frame. The lists they count are made
// once per bundle, and a new bundle starts a new Derived.
struct FilterChips {
  std::string key;
  std::vector<std::vector<ChipSpec>> rows;
};

// The timeline's rows and their layout, kept while width, scale, language and filter stay.
struct NewsLayout {
  std::string key;
  std::vector<TimelineRow> rows;
  RowLayout layout;
  std::vector<std::optional<RowMirrorText>> mirror;  // per row, as they are mirrored
};

// One search result as shown: its route, "News · 5 Dhjetor 2023", title and snippet.
struct SearchResult {
  core::Route route;
  std::string kind;
  std::string_view title;  // the bundle's
  std::string snippet;
};

// The results of the current query, made lazily (only those that are drawn or mirrored) and
// kept until the query or the language changes: not rebuilt every frame.
struct SearchResults {
  std::string key;
  std::vector<std::optional<SearchResult>> items;
};

// The archive's layout, kept while width, scale, language, sort and filter stay.
struct ArchiveLayout {
  RowLayout layout;
};

// Derived from the bundle when a screen first needs it, and again only when a filter, the sort
// or the language changes; never per frame. App::UpdateDerived keeps it current for the screen
// shown; a new bundle resets it.
struct Derived {
  bool newsBuilt = false;                               // newsOrder, years, tags
  std::vector<size_t> newsOrder;                        // newest first
  std::vector<std::pair<int, int>> years;               // (year, news items), newest first
  std::vector<std::pair<std::string, int>> tags;        // most used first
  bool categoriesBuilt = false;
  std::vector<std::pair<std::string, int>> categories;  // of directives, most used first

  std::vector<core::TimelineGroup> timeline;            // the news filter's items by year and month
  int timelineYear = -1;                                // the filter it was made for
  std::string timelineTag;

  // Layout caches of the drawing code: derived from the lists above and the screen's width;
  // views fill them (hence mutable) and a new bundle resets them.
  mutable NewsLayout newsLayout;
  mutable FilterChips newsFilters;      // years, tags
  mutable FilterChips categoryFilters;  // the directives' categories
  mutable bool layoutPending = false;  // a list was measured in part this frame: more frames wanted
  mutable ArchiveLayout archiveLayout;
  mutable RowLayout searchLayout;
  mutable SearchResults searchResults;

  std::vector<size_t> directiveOrder;                   // sorted and filtered archive
  bool directivesBuilt = false;
  core::DirectiveSort directiveSortFor = core::DirectiveSort::DateNewest;
  std::string directiveLangFor, directiveCategoryFor;
  core::SearchIndex search;  // for searchLangFor, once searchBuilt
  std::string searchLangFor;
  bool searchBuilt = false;
  // The index under construction, a slice per frame after the bundle appears (App::Frame).
  std::optional<core::SearchIndexBuilder> searchBuilder;
  // The hits of the last query asked for (the best 500); recomputed only when the query changes.
  const std::vector<core::SearchHit>& SearchFor(const std::string& query) const {
    if (query != m_lastQuery || m_lastIndex != &search || m_lastLang != searchLangFor) {
      m_lastHits = search.Search(query, kShownHits, &m_lastTotal);
      m_lastQuery = query;
      m_lastIndex = &search;
      m_lastLang = searchLangFor;
    }
    return m_lastHits;
  }
  size_t SearchTotal() const { return m_lastTotal; }  // all items the last query matched
  static constexpr size_t kShownHits = 500;

 private:
  mutable size_t m_lastTotal = 0;
  mutable std::string m_lastQuery, m_lastLang;
  mutable const core::SearchIndex* m_lastIndex = nullptr;
  mutable std::vector<core::SearchHit> m_lastHits;
};

struct ViewContext {
  const core::Bundle& bundle;
  const Derived& derived;
  UiState& state;
  MirrorRecorder& mirror;
  Host& host;
  const Fonts& fonts;
  const Palette& palette;
  int skippedItems = 0;
  float measure = 0;  // width of the content column, device pixels (set by the shell)
  OnScreenKeyboard* keyboard = nullptr;  // the kiosk's on-screen keyboard; nullptr elsewhere

  std::string_view Lang() const { return state.lang; }
  const char* Tr(core::Str s) const { return core::Tr(s, state.lang); }
  // The content text in the visitor's language, falling back to the bundle's first language.
  std::string_view Get(const core::Text& t) const { return t.Get(state.lang, bundle.DefaultLanguage()); }
  void Go(core::Route r) const {
    state.pending = std::move(r);
    state.pendingReplace = false;
  }
  // The visitor typed `text` into a search field: the search screen, refined in place (one
  // history entry for a whole search).
  void TypedSearch(const std::string& text) const {
    state.searchText = text;
    core::Route r;
    r.screen = core::Screen::Search;
    r.query = text;
    const bool refining = state.route.screen == core::Screen::Search;
    Go(r);
    state.pendingReplace = refining;
  }
  float Px(float cssPixels) const { return cssPixels * state.scale; }
  bool Narrow() const;  // a phone-width screen: one column
};

void DrawMissionView(const ViewContext& ctx);
void DrawNewsView(const ViewContext& ctx);
void DrawDirectivesView(const ViewContext& ctx);
void DrawNewsDetail(const ViewContext& ctx, const core::NewsItem& item);
void DrawDirectiveDetail(const ViewContext& ctx, const core::Directive& item);
void DrawNotFound(const ViewContext& ctx);
void DrawSearchView(const ViewContext& ctx);
void DrawDiagnosticsView(const ViewContext& ctx, const std::vector<core::Diagnostic>& diagnostics);

}  // namespace ui
