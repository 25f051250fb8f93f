// The published pages; see site_pages.h.
#include "tools/site_pages.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "core/mirror.h"
#include "core/strings.h"
#include "tools/site_feeds.h"
#include "tools/site_files.h"
#include "tools/structured_data.h"

namespace tools {

namespace fs = std::filesystem;

namespace {

std::string Attr(std::string_view s) { return core::EscapeHtml(s); }

std::string SiteTitle(const core::Content& c, const std::string& lang) {
  return std::string(c.SiteTitle().Empty() ? core::Tr(core::Str::SiteTitleFallback, lang) : c.Get(c.SiteTitle(), lang));
}

// "sq" -> "sq_AL", "en" -> "en_GB": og:locale wants a territory.
std::string Locale(const std::string& lang) { return lang == "sq" ? "sq_AL" : lang == "en" ? "en_GB" : lang; }

// Replaces the first `from` in `html` by `to`; false when there is none.
bool ReplaceOnce(std::string& html, const std::string& from, const std::string& to) {
  const size_t at = html.find(from);
  if (at == std::string::npos) return false;
  html.replace(at, from.size(), to);
  return true;
}

// The page sits `up` folders below the site's root: relative addresses of the template
// (href, src and boot.js's data- names) get the way up in front.
std::string Relocate(std::string html, const std::string& up) {
  if (up.empty()) return html;
  for (const char* attr : {" href=\"", " src=\"", " data-program=\"", " data-wasm=\"", " data-fonts=\"", " data-renderer=\"",
                           " data-root=\""}) {
    for (size_t at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
      const size_t value = at + std::string(attr).size();
      const std::string_view rest = std::string_view(html).substr(value);
      if (rest.rfind("data:", 0) == 0 || rest.rfind("http", 0) == 0 || rest[0] == '/' || rest[0] == '#') continue;
      html.insert(value, up);
    }
  }
  return html;
}

std::string Head(const core::Content& b, const core::Page& p, const std::string& base) {
  const std::string url = base + "/" + core::PagePath(p.route, p.lang);
  const std::string site = SiteTitle(b, p.lang);
  std::ostringstream h;
  h << "<meta name=\"description\" content=\"" << Attr(p.description) << "\">\n"
    << "<link rel=\"canonical\" href=\"" << Attr(url) << "\">\n";
  for (const std::string& lang : b.Languages())
    h << "<link rel=\"alternate\" hreflang=\"" << lang << "\" href=\"" << Attr(base + "/" + core::PagePath(p.route, lang)) << "\">\n";
  h << "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" << Attr(base + "/" + core::PagePath(p.route, b.DefaultLanguage())) << "\">\n"
    << "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" << Attr(site) << "\" href=\""
    << Attr(base + "/" + FeedPath(p.lang)) << "\">\n"
    << "<meta property=\"og:type\" content=\"" << (p.news || p.directive ? "article" : "website") << "\">\n"
    << "<meta property=\"og:site_name\" content=\"" << Attr(site) << "\">\n"
    << "<meta property=\"og:title\" content=\"" << Attr(p.title) << "\">\n"
    << "<meta property=\"og:description\" content=\"" << Attr(p.description) << "\">\n"
    << "<meta property=\"og:url\" content=\"" << Attr(url) << "\">\n"
    << "<meta property=\"og:locale\" content=\"" << Locale(p.lang) << "\">\n";
  for (const std::string& lang : b.Languages())
    if (lang != p.lang) h << "<meta property=\"og:locale:alternate\" content=\"" << Locale(lang) << "\">\n";
  const std::string image = p.news && !p.news->image.Empty() ? base + "/" + p.news->image.src : "";
  const std::string alt = image.empty() ? "" : std::string(b.Get(p.news->image.alt, p.lang));
  if (!image.empty()) h << "<meta property=\"og:image\" content=\"" << Attr(image) << "\">\n";
  if (!alt.empty()) h << "<meta property=\"og:image:alt\" content=\"" << Attr(alt) << "\">\n";
  if (p.news || p.directive)
    h << "<meta property=\"article:published_time\" content=\"" << AtomDate(p.news ? p.news->date : p.directive->date) << "\">\n";
  h << "<meta name=\"twitter:card\" content=\"" << (image.empty() ? "summary" : "summary_large_image") << "\">\n"
    << "<meta name=\"twitter:title\" content=\"" << Attr(p.title) << "\">\n"
    << "<meta name=\"twitter:description\" content=\"" << Attr(p.description) << "\">\n";
  if (!image.empty()) h << "<meta name=\"twitter:image\" content=\"" << Attr(image) << "\">\n";
  if (!alt.empty()) h << "<meta name=\"twitter:image:alt\" content=\"" << Attr(alt) << "\">\n";
  h << StructuredData(b, p, base, site);
  return h.str();
}

// How far below the site's root a page sits: "en/news/x/index.html" -> "../../../".
std::string WayUp(const core::Page& p) {
  std::string up;
  for (char c : p.path)
    if (c == '/') up += "../";
  return up;
}

// The page's HTML from the template already placed at the page's depth (Relocate).
std::string PlacedPageHtml(std::string html, bool root, const core::Content& b, const core::Page& p, const std::string& base,
                           const std::string& content) {
  ReplaceOnce(html, "<html lang=\"sq\"",
              "<html lang=\"" + p.lang + "\"" + (root ? "" : " data-route=\"" + Attr(core::FormatRoute(p.route)) + "\""));
  const std::string site = SiteTitle(b, p.lang);
  const size_t open = html.find("<title>"), close = html.find("</title>");
  if (open != std::string::npos && close != std::string::npos)
    html.replace(open, close + 8 - open, "<title>" + Attr(p.title == site ? site : p.title + " – " + site) + "</title>");
  if (!content.empty()) ReplaceOnce(html, " data-root=\"", " data-content=\"" + Attr(content) + "\" data-root=\"");  // boot.js reads it
  ReplaceOnce(html, "<!--page:head-->", Head(b, p, base));
  ReplaceOnce(html, "<!--page:body-->", p.body.ToHtml());
  return html;
}

// The template placed at each depth once: a page's addresses differ from another's of its depth
// only in what PlacedPageHtml fills in (placed for every page, it searched the template for each
// kind of address: with the language folders swept on threads, an unchanged 50,000 + 10,000
// republish went from 8.25 s to 7.05 s).
class PlacedTemplates {
 public:
  explicit PlacedTemplates(const std::string& html) : m_html(html) {
    for (std::string up; m_placed.size() < 8; up += "../") m_placed.push_back(Relocate(html, up));
  }
  std::string Html(const core::Content& b, const core::Page& p, const std::string& base, const std::string& content) const {
    const std::string up = WayUp(p);
    const size_t depth = up.size() / 3;
    return PlacedPageHtml(depth < m_placed.size() ? m_placed[depth] : Relocate(m_html, up), up.empty(), b, p, base, content);
  }

 private:
  std::string m_html;
  std::vector<std::string> m_placed;  // [depth]: the template with "../" that many times in front of its addresses
};

}  // namespace

std::string PublishPages(core::Content& b, const PublishOptions& o, SiteWriter* writer, const std::vector<ContentSource>& helpers) {
  // The built index.html as cmake/hash_site.py wrote it, with the program's current names.
  const fs::path tmpl = fs::path(o.site) / ".page.html";
  std::ifstream in(tmpl, std::ios::binary);
  if (!in) return "cannot read " + tmpl.string() + " (build the site first: scripts/build)";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string templateHtml = ss.str();
  if (templateHtml.find("<!--page:body-->") == std::string::npos) return tmpl.string() + " has no <!--page:body--> mark";
  const PlacedTemplates placed(templateHtml);
  SiteWriter local;
  SiteWriter& w = writer ? *writer : local;
  const auto write = [&](const fs::path& file, const std::string& bytes) {
    w.Write(file, bytes);
    return true;  // a file that cannot be written is said by Wait(), below
  };
  // Each page made, written and then kept without its text (the sitemap needs only its address),
  // by whichever content takes the next one: this one here, each helper's on its thread.
  const auto routes = core::AllPageRoutes(b);
  std::vector<core::Page> pages(routes.size());
  std::atomic<size_t> next = 0, done = 0;
  const auto make = [&](core::Content& c, bool here) {
    for (size_t i = next++; i < routes.size(); i = next++) {
      core::Page p = core::MakePage(c, routes[i].first, routes[i].second);
      w.Write(fs::path(o.site) / p.path, placed.Html(c, p, o.baseUrl, o.content));
      p.body = {};
      pages[i] = std::move(p);
      const size_t n = ++done;
      if (here && o.progress) o.progress(n, routes.size());
    }
  };
  std::vector<std::thread> threads;
  for (const ContentSource& helper : helpers)
    threads.emplace_back([&make, &helper] {
      if (core::Content* c = helper()) make(*c, false);
    });
  make(b, true);
  for (std::thread& t : threads) t.join();
  if (o.progress) o.progress(routes.size(), routes.size());
  std::map<std::string, std::unordered_set<std::string>> kept;  // language -> its folder's files
  for (const core::Page& p : pages) kept[p.lang].insert(p.path.substr(p.lang.size() + 1));  // "en/news/x/index.html" -> "news/x/index.html"

  // The site's front page: the mission in the bundle's first language; old #/ addresses start there.
  write(fs::path(o.site) / "index.html", placed.Html(b, core::FrontPage(b), o.baseUrl, o.content));
  std::string problem = WriteFeeds(b, pages, o.site, o.baseUrl, write);
  if (problem.empty()) problem = w.Wait();
  if (!problem.empty()) return problem;
  // What an earlier publication wrote and this one has not: pages of items that are gone, and the
  // folders of languages the content no longer has (a folder with a feed is a language's).
  std::error_code ec;
  // A language's folder on a thread of its own: walking 60,000 pages' folders is mostly waiting.
  std::vector<size_t> removed(b.Languages().size());
  threads.clear();
  for (size_t i = 0; i < removed.size(); ++i) {
    const std::string& lang = b.Languages()[i];
    kept[lang].insert(fs::path(FeedPath(lang)).filename().string());
    threads.emplace_back([&removed, i, dir = fs::path(o.site) / lang, &keep = kept[lang]] { removed[i] = RemoveOthers(dir, keep); });
  }
  for (std::thread& t : threads) t.join();
  for (size_t n : removed) w.Removed(n);
  for (const auto& entry : fs::directory_iterator(o.site, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory(ec) && !kept.count(name) && fs::exists(fs::path(o.site) / FeedPath(name), ec))
      w.Removed(static_cast<size_t>(fs::remove_all(entry.path(), ec)));
  }
  return "";
}

}  // namespace tools
