// The mirror: what a screen reader should find on the current screen (headings, paragraphs,
// lists, links with their routes) and where each sits on the canvas. The UI records it while it
// draws; the web platform writes it into #mirror as HTML, native --mirror prints it as text.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace core {

enum class MirrorKind {
  Heading,    // level 1-3
  Paragraph,
  ListBegin,  // opens a list (<ul>); closed by ListEnd
  ListEnd,
  Item,       // a list item holding text and optionally a link (href)
  Link,       // a link outside lists (navigation, "open the document")
  NavBegin,   // opens the navigation landmark
  NavEnd,
  Alert,      // an error message (role=alert)
  Button,     // an action that is not a route (retry, language); activated through the app
  SearchField,  // where the search field is; the web platform places a real <input> there
  Figure,     // an image: its alt text (text), its address (href), its caption and credit (note)
  Disclosure,     // a published page's folded group (<details>) named `text`; closed by DisclosureEnd
  DisclosureEnd,
};

struct MirrorRect {
  float x = 0, y = 0, w = 0, h = 0;  // in canvas pixels
};

struct MirrorNode {
  MirrorKind kind = MirrorKind::Paragraph;
  int level = 0;          // headings
  std::string text;
  std::string note;       // Item: plain text after the link (date, summary)
  std::vector<std::pair<size_t, size_t>> marks;  // byte ranges of `text` to highlight (search matches)
  std::string href;       // "#/news/x" for routes, absolute URL for external links; "" = none
  bool external = false;  // opens in a new tab
  bool current = false;   // the navigation entry of the current screen (aria-current)
  std::optional<bool> pressed;  // Button: a toggle, on or off (aria-pressed)
  bool control = false;   // part of the app's own controls (a label of buttons, a part's progress),
                          // not of the screen's content: a published page has none of it
  int width = 0, height = 0;  // Figure: the image's size in pixels, when known (a page keeps its room)
  std::string layout;     // ListBegin: "strip", one row that scrolls sideways; "chips" and "filters"
                          // (a screen's tags), chips that wrap; "": items in rows
  MirrorRect rect;

  bool SameContent(const MirrorNode& o) const {
    return kind == o.kind && level == o.level && text == o.text && note == o.note && marks == o.marks && href == o.href && external == o.external &&
           current == o.current && control == o.control && pressed == o.pressed && layout == o.layout;
  }
};

struct Mirror {
  std::string title;  // the screen's title, for document.title
  std::string lang;
  std::vector<MirrorNode> nodes;

  void Clear() { title.clear(); nodes.clear(); }
  bool SameContent(const Mirror& o) const;  // ignores rectangles
  bool SameRects(const Mirror& o) const;
  std::string ToHtml() const;  // every text escaped: nothing from a bundle is ever markup
  std::string ToText() const;  // for native --mirror and tests
};

std::string EscapeHtml(std::string_view s);

}  // namespace core
