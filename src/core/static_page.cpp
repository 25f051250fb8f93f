// The published site's pages; see static_page.h.
#include "core/static_page.h"

#include <algorithm>
#include <map>

#include "core/date.h"
#include "core/strings.h"
#include "core/text.h"
#include "core/timeline.h"

namespace core {

std::string PagePath(const Route& r, std::string_view lang) {
  const std::string root = std::string(lang) + "/";
  switch (r.screen) {
    case Screen::Mission: return root;
    case Screen::News: return r.year > 0 && r.tag.empty() ? root + "news/" + std::to_string(r.year) + ".html" : root + "news/";
    case Screen::NewsDetail: return root + "news/" + r.id + "/";
    case Screen::Directives: return root + "directives/";
    case Screen::DirectiveDetail: return root + "directives/" + r.id + "/";
    default: return "";
  }
}

namespace {

// A description: the text's first sentences, cut at a word within `limit` characters.
std::string Describe(std::string_view text, size_t limit = 200) {
  std::string s = CollapseWhitespace(text);
  if (CountCodePoints(s) <= limit) return s;
  size_t bytes = 0;
  for (size_t n = 0; n < limit - 1 && bytes < s.size(); ++n) DecodeUtf8(s, bytes);
  const size_t space = s.rfind(' ', bytes);
  s.resize(space != std::string::npos && space > bytes / 2 ? space : bytes);
  return s + "…";
}

class PageWriter {
 public:
  PageWriter(const Bundle& b, std::string lang, const Route& route, std::string path = {})
      : m_b(b), m_lang(std::move(lang)) {
    m_page.route = route;
    m_page.lang = m_lang;
    m_page.path = path.empty() ? PagePath(route, m_lang) : path;
    if (m_page.path.back() == '/') m_page.path += "index.html";
    // "../" for each folder between the page and the site's root.
    for (char c : m_page.path)
      if (c == '/') m_up += "../";
  }

  std::string_view Get(const Text& t) const { return t.Get(m_lang, m_b.DefaultLanguage()); }
  const char* Tr(Str s) const { return Tr(s, m_lang); }
  static const char* Tr(Str s, std::string_view lang) { return core::Tr(s, lang); }
  // The link from this page to `route`'s page in `lang` (this page's language by default).
  std::string Href(const Route& route, std::string_view lang = {}) const {
    return m_up + PagePath(route, lang.empty() ? m_lang : lang);
  }
  Mirror& M() { return m_page.body; }
  void Item(std::string text, std::string href, std::string note = {}) {
    MirrorNode n;
    n.kind = MirrorKind::Item;
    n.text = std::move(text);
    n.href = std::move(href);
    n.note = std::move(note);
    M().nodes.push_back(std::move(n));
  }
  void Node(MirrorKind kind, std::string text = {}, int level = 0, std::string href = {}, bool current = false,
            bool external = false) {
    MirrorNode n;
    n.kind = kind;
    n.text = std::move(text);
    n.level = level;
    n.href = std::move(href);
    n.current = current;
    n.external = external;
    M().nodes.push_back(std::move(n));
  }
  void Paragraphs(std::string_view text) {
    for (size_t start = 0; start < text.size();) {
      size_t end = text.find("\n\n", start);
      if (end == std::string_view::npos) end = text.size();
      if (end > start) Node(MirrorKind::Paragraph, std::string(text.substr(start, end - start)));
      start = end + 2;
    }
  }

  // The site's title, the navigation between the three lists and to the other languages.
  void Header() {
    M().lang = m_lang;
    Node(MirrorKind::Paragraph, std::string(m_b.siteTitle.Empty() ? Tr(Str::SiteTitleFallback) : Get(m_b.siteTitle)));
    Node(MirrorKind::NavBegin);
    const Screen current = ParentRoute(m_page.route).screen;
    for (const auto& [label, route] : {std::pair{Str::Mission, Route::Mission()}, std::pair{Str::News, Route::News()},
                                       std::pair{Str::Directives, Route::Directives()}})
      Node(MirrorKind::Link, Tr(label), 0, Href(route), route.screen == current);
    for (const std::string& other : m_b.languages)
      if (other != m_lang) Node(MirrorKind::Link, std::string(LanguageName(other)), 0, Href(m_page.route, other));
    Node(MirrorKind::NavEnd);
  }

  // A document of the bundle's folder, from this page; an address outside stays as it is.
  std::string FileHref(const std::string& target) const {
    return target.rfind("https:", 0) == 0 || target.rfind("http:", 0) == 0 ? target : m_up + target;
  }
  StaticPage Take() { return std::move(m_page); }
  StaticPage& Page() { return m_page; }

 private:
  const Bundle& m_b;
  std::string m_lang;
  std::string m_up;
  StaticPage m_page;
};

void MissionPage(PageWriter& w, const Bundle& b) {
  w.Page().title = std::string(w.Get(b.mission.title));
  w.Node(MirrorKind::Heading, w.Page().title, 1);
  for (const MissionParagraph& p : b.mission.paragraphs) {
    const std::string text = std::string(w.Get(p.text));
    if (w.Page().description.empty()) w.Page().description = Describe(text);
    w.Node(MirrorKind::Paragraph, p.number.empty() ? text : p.number + ". " + text);
    if (p.items.empty()) continue;
    w.Node(MirrorKind::ListBegin);
    for (const MissionItem& item : p.items) w.Item(item.label + ") " + std::string(w.Get(item.text)), "");
    w.Node(MirrorKind::ListEnd);
  }
}

// The news list, all years or one: the year rail, then the items by year and month.
void NewsList(PageWriter& w, const Bundle& b, const std::vector<size_t>& order, int year) {
  w.Page().title = w.Tr(Str::News) + (year ? " " + std::to_string(year) : std::string());
  w.Page().description = w.Page().title + " — " + std::string(b.siteTitle.Empty() ? w.Tr(Str::SiteTitleFallback) : w.Get(b.siteTitle));
  w.Node(MirrorKind::Heading, w.Page().title, 1);
  w.Node(MirrorKind::ListBegin);
  w.Item(w.Tr(Str::AllYears), w.Href(Route::News()));
  for (const auto& [y, count] : CountYears(b.news))
    w.Item(std::to_string(y) + " (" + FormatCount(static_cast<size_t>(count), w.Page().lang) + ")", w.Href(Route::News(y)));
  w.Node(MirrorKind::ListEnd);
  bool open = false;
  int shownYear = 0;
  for (const TimelineGroup& g : GroupByMonth(b.news, FilterNews(b.news, order, year, ""))) {
    if (open) w.Node(MirrorKind::ListEnd);
    if (g.year != shownYear) w.Node(MirrorKind::Heading, std::to_string(shownYear = g.year), 2);
    if (g.month) w.Node(MirrorKind::Heading, FormatMonthYear(g.year, g.month, w.Page().lang), 3);
    w.Node(MirrorKind::ListBegin);
    open = true;
    for (size_t i : g.items) {
      const NewsItem& n = b.news[i];
      std::string note = FormatDate(n.date, w.Page().lang);
      if (!w.Get(n.summary).empty()) note += " — " + std::string(w.Get(n.summary));
      w.Item(std::string(w.Get(n.title)), w.Href(Route::NewsDetail(n.id)), note);
    }
  }
  if (open) w.Node(MirrorKind::ListEnd);
}

template <class Item>
void Detail(PageWriter& w, const Item& item, const Route& list, Str listName, const std::string& meta) {
  w.Node(MirrorKind::Link, std::string("‹ ") + w.Tr(listName), 0, w.Href(list));
  w.Page().title = std::string(w.Get(item.title));
  w.Page().description = Describe(!w.Get(item.summary).empty() ? w.Get(item.summary) : w.Get(item.body));
  if (w.Page().description.empty()) w.Page().description = w.Page().title;
  w.Node(MirrorKind::Heading, w.Page().title, 1);
  w.Node(MirrorKind::Paragraph, meta);
  if (!w.Get(item.summary).empty()) w.Node(MirrorKind::Paragraph, std::string(w.Get(item.summary)));
  w.Paragraphs(w.Get(item.body));
}

void DirectivesPage(PageWriter& w, const Bundle& b) {
  w.Page().title = w.Tr(Str::Directives);
  w.Page().description = w.Page().title + " — " + std::string(b.siteTitle.Empty() ? w.Tr(Str::SiteTitleFallback) : w.Get(b.siteTitle));
  w.Node(MirrorKind::Heading, w.Page().title, 1);
  w.Node(MirrorKind::ListBegin);
  for (size_t i : SortDirectives(b.directives, DirectiveSort::DateNewest, w.Page().lang, b.DefaultLanguage())) {
    const Directive& d = b.directives[i];
    std::string note = FormatDate(d.date, w.Page().lang);
    if (!d.category.empty()) note += " · " + d.category;
    w.Item(std::string(w.Get(d.title)), w.Href(Route::DirectiveDetail(d.id)), note);
  }
  w.Node(MirrorKind::ListEnd);
}

}  // namespace

std::vector<StaticPage> StaticPages(const Bundle& b) {
  std::vector<StaticPage> pages;
  const std::vector<size_t> order = NewsNewestFirst(b.news);
  const auto years = CountYears(b.news);
  for (const std::string& lang : b.languages) {
    const auto page = [&](const Route& route, auto&& content) {
      PageWriter w(b, lang, route);
      w.Header();
      content(w);
      w.M().title = w.Page().title;
      pages.push_back(w.Take());
    };
    page(Route::Mission(), [&](PageWriter& w) { MissionPage(w, b); });
    page(Route::News(), [&](PageWriter& w) { NewsList(w, b, order, 0); });
    for (const auto& entry : years) {
      const int year = entry.first;  // (a structured binding cannot be captured in C++17)
      page(Route::News(year), [&](PageWriter& w) { NewsList(w, b, order, year); });
    }
    for (const NewsItem& n : b.news)
      page(Route::NewsDetail(n.id), [&](PageWriter& w) {
        w.Page().news = &n;
        Detail(w, n, Route::News(), Str::News, FormatDate(n.date, lang));
        if (!n.tags.empty()) {
          std::string tags = std::string(w.Tr(Str::Tags)) + ": ";
          for (size_t i = 0; i < n.tags.size(); ++i) tags += (i ? ", " : "") + n.tags[i];
          w.Node(MirrorKind::Paragraph, tags);
        }
        if (!n.link.empty()) w.Node(MirrorKind::Link, w.Tr(Str::OpenLink), 0, n.link, false, true);
      });
    page(Route::Directives(), [&](PageWriter& w) { DirectivesPage(w, b); });
    for (const Directive& d : b.directives)
      page(Route::DirectiveDetail(d.id), [&](PageWriter& w) {
        w.Page().directive = &d;
        Detail(w, d, Route::Directives(), Str::Directives,
               FormatDate(d.date, lang) + (d.category.empty() ? std::string() : " · " + d.category));
        if (!d.document.empty()) w.Node(MirrorKind::Link, w.Tr(Str::OpenDocument), 0, w.FileHref(d.document), false, true);
        if (!d.link.empty()) w.Node(MirrorKind::Link, w.Tr(Str::OpenLink), 0, d.link, false, true);
      });
  }
  return pages;
}

StaticPage FrontPage(const Bundle& b) {
  PageWriter w(b, b.DefaultLanguage(), Route::Mission(), "index.html");
  w.Header();
  MissionPage(w, b);
  w.M().title = w.Page().title;
  return w.Take();
}

}  // namespace core
