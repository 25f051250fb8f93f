// One description of each screen, made from the content model (core/content.h) and the route:
// the blocks the screen holds, in order. The viewer draws them (ui/screen_view) and records its
// mirror in the same calls; mod-bundle publish writes the same blocks as the screen's page
// (core/page.h); reading mode shows the mirror. So a search engine, a reader without WebGL and
// a visitor on the canvas read one text.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/content.h"
#include "core/route.h"
#include "core/strings.h"

namespace core {

// How a paragraph reads: running text, a lead (the summary), a note (small, muted), an error.
enum class TextStyle { Body, Lead, Note, Error, ErrorNote };

// A filter link: "2023 (412)", where it leads, whether it is the filter shown.
struct Chip {
  std::string label;
  Route target;
  bool active = false;
};

// The rows of a long list: the news timeline, the directive archive, the search results.
struct ListBlock {
  enum Kind { Timeline, Directives, Results } kind = Timeline;
  std::vector<Handle> items;      // Timeline, Directives: in the order shown
  std::vector<SearchHit> hits;    // Results
  std::string query;              // Results: its words are marked
  uint64_t version = 0;           // ItemList::version: the rows changed
  bool extends = false;           // ItemList::extends: older rows were added at the end
  bool complete = true;           // every row is in (not: older ones are on their way)
};

struct Block {
  enum Kind {
    Heading,     // level, text
    Paragraph,   // text, style
    Paragraphs,  // text split into paragraphs at blank lines (a body)
    Numbered,    // number, text: a numbered paragraph, the number in the margin
    Lettered,    // entries (label, text): a lettered list
    Items,       // lines (text, style): a list of plain items (the content's problems)
    Link,        // text, target: a link to another screen
    External,    // text, url: a document of the bundle's folder or an address outside
    Documents,   // links: a directive's documents, each with its type, size and language
    Image,       // url, text (its alt text), caption, credit: an image of the bundle's folder
    Chips,       // chips: filter links in rows (the directives' categories)
    Strip,       // chips: filter links in one row that scrolls sideways (the news's years, a year's months)
    Filters,     // text ("Filters"), chips: filter links folded behind one control, the chosen ones
                 // shown beside it (the news's tags, most used first)
    Sort,        // the directive archive's order (the app's own control: toggles)
    CopyLink,    // "Copy link" (the app's own control)
    More,        // "Show more results" (the app's own control)
    Progress,    // text, progress: a part on its way, or why it failed ("Try again")
    List,        // list
  } kind = Paragraph;
  int level = 0;
  std::string text;
  TextStyle style = TextStyle::Body;
  std::string number;
  std::vector<std::pair<std::string, std::string>> entries;
  std::vector<std::pair<std::string, TextStyle>> lines;
  Route target;
  std::string url;
  std::vector<Chip> chips;
  core::Progress progress;
  ListBlock list;
  std::string caption, credit;  // Image
  int width = 0, height = 0;    // Image: its size in pixels, when known
  struct DocumentLink {
    std::string title, url, note;  // note: "PDF, 147 KB, English"
  };
  std::vector<DocumentLink> links;  // Documents
};

struct ScreenDoc {
  std::string title;        // the screen's, without the site's name (the document's title)
  std::string description;  // a sentence or two for search engines and link previews
  std::vector<Block> blocks;
};

// What the app chose that the description depends on.
struct ScreenChoices {
  DirectiveSort sort = DirectiveSort::DateNewest;  // the directive archive's order
  size_t searchWanted = 0;                         // results asked for; 0: the content's first batch
};

// The screen of `route` in `lang`. Screens without content of their own (not found) are
// described too. May ask `content` for parts (core::Content::TakeRequests).
ScreenDoc Describe(Content& content, const Route& route, const std::string& lang, const ScreenChoices& choices = {});

// The words of a list's rows, as the viewer draws them and the page writes them.
struct RowText {
  std::string title;
  Route target;
  std::string note;  // "5 December 2023 — summary", "21 March 2023 · Report"
};
RowText NewsRow(const Content& content, Handle h, const std::string& lang);
RowText DirectiveRow(const Content& content, Handle h, const std::string& lang);
// A search result: its route, "News · 5 Dhjetor 2023" as `kind`, title and snippet.
struct ResultRow {
  Route target;
  std::string kind;
  std::string_view title;  // the content's
  std::string snippet;     // why it is here: the matching part of the summary or body
};
ResultRow SearchRow(const Content& content, const SearchHit& hit, const std::string& query, const std::string& lang);

// The timeline of news `items` (newest first): a heading per year and per month between them.
struct TimelineEntry {
  enum Kind { Year, Month, Item } kind = Item;
  int year = 0, month = 0;
  Handle item = 0;
};
std::vector<TimelineEntry> Timeline(const Content& content, const std::vector<Handle>& items);

// An image's caption and credit, as one line under it: "The new hall — Photo: MoD".
std::string Caption(const Block& image);

// "1,234 of 20,000" / "1 234 nga 20 000".
std::string OfCount(size_t done, size_t all, const std::string& lang);
// The text with its "{}" replaced by `value`.
std::string Fill(std::string text, const std::string& value);

}  // namespace core
