// The published site's pages; see page.h.
#include "core/page.h"

#include <algorithm>
#include <cstdlib>

#include "core/strings.h"

namespace core {

std::string PagePath(const Route& r, std::string_view lang) {
  const std::string root = std::string(lang) + "/";
  switch (r.screen) {
    case Screen::Mission: return root;
    case Screen::News: {
      const std::string later = r.page > 1 ? "page-" + std::to_string(r.page) + ".html" : "";
      if (r.year > 0) return root + "news/" + std::to_string(r.year) + (later.empty() ? ".html" : "-" + later);
      return root + "news/" + later;
    }
    case Screen::NewsDetail: return root + "news/" + r.id + "/";
    case Screen::Directives: return root + "directives/" + (r.page > 1 ? "page-" + std::to_string(r.page) + ".html" : "");
    case Screen::DirectiveDetail: return root + "directives/" + r.id + "/";
    default: return "";
  }
}

size_t ListPages(size_t items) { return std::max<size_t>(1, (items + kListPageItems - 1) / kListPageItems); }

std::string PageHref(const Route& r, std::string_view lang) {
  const bool filtered = (r.screen == Screen::News && (!r.tag.empty() || r.month > 0)) ||
                        (r.screen == Screen::Directives && !r.category.empty());
  return PagePath(r, lang) + (filtered ? FormatRoute(r) : std::string());
}

namespace {

// Writes a screen's blocks as mirror nodes: what the viewer records for them (ui/screen_view),
// less the app's own controls (buttons, the sort, progress), which a page of whole content has
// no use for.
class PageWriter {
 public:
  PageWriter(Content& content, Page& page) : m_c(content), m_page(page) {
    // "../" for each folder between the page and the site's root.
    for (char c : page.path)
      if (c == '/') m_up += "../";
  }

  std::string Href(const Route& r, const std::string& lang) const { return m_up + PageHref(r, lang); }
  // A document of the bundle's folder, from this page; an address outside stays as it is.
  std::string FileHref(const std::string& target) const {
    return target.rfind("https:", 0) == 0 || target.rfind("http:", 0) == 0 ? target : m_up + target;
  }

  MirrorNode& Node(MirrorKind kind, std::string text = {}) {
    MirrorNode n;
    n.kind = kind;
    n.text = std::move(text);
    m_page.body.nodes.push_back(std::move(n));
    return m_page.body.nodes.back();
  }
  void Item(std::string text, std::string href, std::string note = {}, bool current = false) {
    MirrorNode& n = Node(MirrorKind::Item, std::move(text));
    n.href = std::move(href);
    n.note = std::move(note);
    n.current = current;
  }

  // The site's title, the navigation between the three lists and to the other languages.
  void Header() {
    const std::string& lang = m_page.lang;
    const Text& site = m_c.SiteTitle();
    Node(MirrorKind::Paragraph, site.Empty() ? Tr(Str::SiteTitleFallback, lang) : std::string(m_c.Get(site, lang)));
    Node(MirrorKind::NavBegin);
    const Screen current = ParentRoute(m_page.route).screen;
    for (const auto& [label, route] : {std::pair{Str::Mission, Route::Mission()}, std::pair{Str::News, Route::News()},
                                       std::pair{Str::Directives, Route::Directives()}}) {
      MirrorNode& n = Node(MirrorKind::Link, Tr(label, lang));
      n.href = Href(route, lang);
      n.current = route.screen == current;
    }
    for (const std::string& other : m_c.Languages())
      if (other != lang) Node(MirrorKind::Link, std::string(LanguageName(other))).href = Href(m_page.route, other);
    Node(MirrorKind::NavEnd);
  }

  void Paragraphs(std::string_view text) {
    for (size_t start = 0; start < text.size();) {
      size_t end = text.find("\n\n", start);
      if (end == std::string_view::npos) end = text.size();
      if (end > start) Node(MirrorKind::Paragraph, std::string(text.substr(start, end - start)));
      start = end + 2;
    }
  }

  // A list's rows on this page (Route::page): the page's kListPageItems of them.
  std::vector<Handle> PageOf(const std::vector<Handle>& items) const {
    const size_t first = std::min(items.size(), static_cast<size_t>(std::max(m_page.route.page, 1) - 1) * kListPageItems);
    return {items.begin() + static_cast<std::ptrdiff_t>(first),
            items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), first + kListPageItems))};
  }

  // Where this page is among the list's, and the links to the newer and the older one.
  void Pager(size_t count) {
    const int pages = static_cast<int>(ListPages(count)), page = std::max(m_page.route.page, 1);
    if (pages < 2) return;
    const std::string& lang = m_page.lang;
    Node(MirrorKind::Paragraph, Fill(Tr(Str::PageOf, lang), OfCount(static_cast<size_t>(page), static_cast<size_t>(pages), lang)));
    Route other = m_page.route;
    if (page > 1) {
      other.page = page - 1 > 1 ? page - 1 : 0;
      Node(MirrorKind::Link, Tr(Str::Newer, lang)).href = Href(other, lang);
    }
    if (page < pages) {
      other.page = page + 1;
      Node(MirrorKind::Link, Tr(Str::Older, lang)).href = Href(other, lang);
    }
  }

  void List(const ListBlock& list) {
    const std::string& lang = m_page.lang;
    if (list.kind == ListBlock::Timeline) {
      bool open = false;
      for (const TimelineEntry& e : Timeline(m_c, PageOf(list.items))) {
        if (e.kind != TimelineEntry::Item && open) Node(MirrorKind::ListEnd);
        if (e.kind != TimelineEntry::Item) open = false;
        if (e.kind == TimelineEntry::Year) Node(MirrorKind::Heading, std::to_string(e.year)).level = 2;
        if (e.kind == TimelineEntry::Month) Node(MirrorKind::Heading, FormatMonthYear(e.year, e.month, lang)).level = 3;
        if (e.kind != TimelineEntry::Item) continue;
        if (!open) Node(MirrorKind::ListBegin);
        open = true;
        RowText r = NewsRow(m_c, e.item, lang);
        Item(std::move(r.title), Href(r.target, lang), std::move(r.note));
      }
      if (open) Node(MirrorKind::ListEnd);
      Pager(list.items.size());
      return;
    }
    Node(MirrorKind::ListBegin);
    for (Handle h : PageOf(list.items)) {
      RowText r = DirectiveRow(m_c, h, lang);
      Item(std::move(r.title), Href(r.target, lang), std::move(r.note));
    }
    for (const SearchHit& hit : list.hits) {
      const ResultRow r = SearchRow(m_c, hit, list.query, lang);
      Item(std::string(r.title), Href(r.target, lang), r.kind + (r.snippet.empty() ? "" : " — " + r.snippet));
    }
    Node(MirrorKind::ListEnd);
    if (list.kind == ListBlock::Directives) Pager(list.items.size());
  }

  void Chips(const std::vector<Chip>& chips, std::string layout) {
    Node(MirrorKind::ListBegin).layout = std::move(layout);
    for (const Chip& c : chips) Item(c.label, Href(c.target, m_page.lang), "", c.active);
    Node(MirrorKind::ListEnd);
  }

  void Blocks(const ScreenDoc& doc) {
    for (const Block& b : doc.blocks) {
      switch (b.kind) {
        case Block::Heading: Node(MirrorKind::Heading, b.text).level = b.level; break;
        case Block::Paragraph: Node(MirrorKind::Paragraph, b.text); break;
        case Block::Paragraphs: Paragraphs(b.text); break;
        case Block::Numbered: Node(MirrorKind::Paragraph, b.number + ". " + b.text); break;
        case Block::Lettered:
          Node(MirrorKind::ListBegin);
          for (const auto& [label, text] : b.entries) Item(label + ") " + text, "");
          Node(MirrorKind::ListEnd);
          break;
        case Block::Items:
          Node(MirrorKind::ListBegin);
          for (const auto& line : b.lines) Item(line.first, "");
          Node(MirrorKind::ListEnd);
          break;
        case Block::Link: Node(MirrorKind::Link, b.text).href = Href(b.target, m_page.lang); break;
        case Block::External: {
          MirrorNode& n = Node(MirrorKind::Link, b.text);
          n.href = FileHref(b.url);
          n.external = true;
          break;
        }
        case Block::Chips:
        case Block::Strip:
          Chips(b.chips, b.kind == Block::Strip ? "strip" : "chips");
          break;
        case Block::Filters:  // folded, as the viewer folds them
          Node(MirrorKind::Disclosure, b.text);
          Chips(b.chips, "filters");
          Node(MirrorKind::DisclosureEnd);
          break;
        case Block::List: List(b.list); break;
        case Block::Image: {
          MirrorNode& n = Node(MirrorKind::Figure, b.text);
          n.href = FileHref(b.url);
          n.note = Caption(b);
          n.width = b.width;
          n.height = b.height;
          break;
        }
        case Block::Documents:
          Node(MirrorKind::ListBegin);
          for (const auto& d : b.links) {
            Item(d.title, FileHref(d.url), d.note);
            m_page.body.nodes.back().external = true;
          }
          Node(MirrorKind::ListEnd);
          break;
        case Block::Sort:      // the app's own controls
        case Block::CopyLink:
        case Block::More:
        case Block::Progress:  // never: a page's content is whole
          break;
      }
    }
  }

 private:
  Content& m_c;
  Page& m_page;
  std::string m_up;
};

}  // namespace

Page MakePage(Content& content, const Route& route, const std::string& lang, const std::string& path) {
  Page page;
  page.route = route;
  page.lang = lang;
  page.path = path.empty() ? PagePath(route, lang) : path;
  if (!page.path.empty() && page.path.back() == '/') page.path += "index.html";
  const ScreenDoc doc = Describe(content, route, lang);
  page.title = doc.title;
  if (route.page > 1) page.title += " – " + Fill(Tr(Str::PageOf, lang), std::to_string(route.page));
  page.description = doc.description;
  if (route.screen == Screen::NewsDetail)
    if (const auto h = content.FindNews(route.id).handle) page.news = &content.News(*h);
  if (route.screen == Screen::DirectiveDetail)
    if (const auto h = content.FindDirective(route.id).handle) page.directive = &content.GetDirective(*h);
  page.body.title = doc.title;
  page.body.lang = lang;
  PageWriter w(content, page);
  w.Header();
  w.Blocks(doc);
  return page;
}

std::vector<std::pair<Route, std::string>> AllPageRoutes(Content& content) {
  std::vector<std::pair<Route, std::string>> routes;
  const Bundle& b = content.Loaded();
  for (const std::string& lang : content.Languages()) {
    routes.emplace_back(Route::Mission(), lang);
    // A list's first page, then its older ones.
    const auto list = [&](Route r, size_t items) {
      for (size_t page = 1; page <= ListPages(items); ++page) {
        r.page = page > 1 ? static_cast<int>(page) : 0;
        routes.emplace_back(r, lang);
      }
    };
    list(Route::News(), b.news.size());
    for (const Tally& year : content.Years()) list(Route::News(std::atoi(year.name.c_str())), year.count);
    for (const NewsItem& n : b.news) routes.emplace_back(Route::NewsDetail(n.id), lang);
    list(Route::Directives(), b.directives.size());
    for (const Directive& d : b.directives) routes.emplace_back(Route::DirectiveDetail(d.id), lang);
  }
  return routes;
}

std::vector<Page> AllPages(Content& content) {
  std::vector<Page> pages;
  for (const auto& [route, lang] : AllPageRoutes(content)) pages.push_back(MakePage(content, route, lang));
  return pages;
}

Page FrontPage(Content& content) { return MakePage(content, Route::Mission(), content.DefaultLanguage(), "index.html"); }

}  // namespace core
