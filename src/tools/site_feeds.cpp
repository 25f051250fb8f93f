// Sitemap, robots.txt and the Atom feeds; see site_feeds.h.
#include "tools/site_feeds.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/mirror.h"
#include "core/strings.h"
#include "core/links.h"
#include "core/timeline.h"
#include "tools/structured_data.h"

namespace tools {

namespace fs = std::filesystem;

namespace {

constexpr size_t kFeedEntries = 50;

std::string X(std::string_view s) { return core::EscapeHtml(s); }  // the same five escapes serve XML

// A sitemap of `pages` [begin, end).
std::string Sitemap(const core::Content& c, const std::vector<core::Page>& pages, size_t begin, size_t end, const std::string& base) {
  std::ostringstream s;
  s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  for (size_t i = begin; i < end; ++i) {
    const core::Page& p = pages[i];
    s << "  <url><loc>" << X(base + "/" + core::PagePath(p.route, p.lang)) << "</loc>";
    if (p.news || p.directive) s << "<lastmod>" << core::FormatIsoDate(p.news ? p.news->date : p.directive->Updated()) << "</lastmod>";
    for (const std::string& lang : c.Languages())
      s << "<xhtml:link rel=\"alternate\" hreflang=\"" << lang << "\" href=\"" << X(base + "/" + core::PagePath(p.route, lang))
        << "\"/>";
    s << "</url>\n";
  }
  s << "</urlset>\n";
  return s.str();
}

// The newest news and directives, newest first.
std::string Feed(const core::Content& c, const std::string& lang, const std::string& base) {
  const core::Bundle& b = c.Loaded();
  struct Entry {
    core::Date date, updated;
    core::Route route;
    const core::Text* title;
    const core::Text* summary;
    const core::Image* image;
  };
  std::vector<Entry> entries;
  for (const core::NewsItem& n : b.news) entries.push_back({n.date, n.date, core::Route::NewsDetail(n.id), &n.title, &n.summary, &n.image});
  for (const core::Directive& d : b.directives)
    entries.push_back({d.date, d.Updated(), core::Route::DirectiveDetail(d.id), &d.title, &d.summary, nullptr});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& c) { return c.date < a.date; });
  if (entries.size() > kFeedEntries) entries.resize(kFeedEntries);
  const std::string site(b.siteTitle.Empty() ? core::Tr(core::Str::SiteTitleFallback, lang) : b.siteTitle.Get(lang, b.DefaultLanguage()));
  const std::string self = base + "/" + FeedPath(lang);
  core::Date updated;  // the feed's: its newest entry's
  for (const Entry& e : entries)
    if (updated < e.updated) updated = e.updated;
  std::ostringstream f;
  f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" << lang << "\">\n"
    << "  <id>" << X(self) << "</id>\n  <title>" << X(site) << "</title>\n"
    << "  <updated>" << (entries.empty() ? "1970-01-01T00:00:00Z" : AtomDate(updated)) << "</updated>\n"
    << "  <author><name>" << X(site) << "</name></author>\n"
    << "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" << X(self) << "\"/>\n"
    << "  <link rel=\"alternate\" type=\"text/html\" href=\"" << X(base + "/" + core::PagePath(core::Route::News(), lang)) << "\"/>\n";
  for (const Entry& e : entries) {
    const std::string url = base + "/" + core::PagePath(e.route, lang);
    f << "  <entry>\n    <id>" << X(url) << "</id>\n    <title>" << X(e.title->Get(lang, b.DefaultLanguage())) << "</title>\n"
      << "    <published>" << AtomDate(e.date) << "</published>\n"
      << "    <updated>" << AtomDate(e.updated) << "</updated>\n"
      << "    <link rel=\"alternate\" type=\"text/html\" href=\"" << X(url) << "\"/>\n";
    if (e.image && !e.image->Empty()) {  // the image, with its alt text as the link's title
      const std::string type = MediaType(core::FileTypeOf(e.image->src));
      f << "    <link rel=\"enclosure\"" << (type.empty() ? "" : " type=\"" + type + "\"") << " href=\"" << X(base + "/" + e.image->src)
        << "\"";
      const std::string_view alt = e.image->alt.Get(lang, b.DefaultLanguage());
      if (!alt.empty()) f << " title=\"" << X(alt) << "\"";
      f << "/>\n";
    }
    const std::string_view summary = e.summary->Get(lang, b.DefaultLanguage());
    if (!summary.empty()) f << "    <summary>" << X(summary) << "</summary>\n";
    f << "  </entry>\n";
  }
  f << "</feed>\n";
  return f.str();
}

}  // namespace

std::string FeedPath(const std::string& lang) { return lang + "/feed.atom"; }

std::string AtomDate(const core::Date& d) {
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT00:00:00Z", d.year, d.month ? d.month : 1, d.day ? d.day : 1);
  return out;
}

std::vector<std::pair<std::string, std::string>> Sitemaps(const core::Content& c, const std::vector<core::Page>& pages,
                                                          const std::string& base, size_t perFile) {
  if (pages.size() <= perFile) return {{"sitemap.xml", Sitemap(c, pages, 0, pages.size(), base)}};
  std::vector<std::pair<std::string, std::string>> files;
  std::ostringstream index;
  index << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t begin = 0, n = 1; begin < pages.size(); begin += perFile, ++n) {
    const std::string name = "sitemap-" + std::to_string(n) + ".xml";
    files.emplace_back(name, Sitemap(c, pages, begin, std::min(begin + perFile, pages.size()), base));
    index << "  <sitemap><loc>" << X(base + "/" + name) << "</loc></sitemap>\n";
  }
  index << "</sitemapindex>\n";
  files.insert(files.begin(), {"sitemap.xml", index.str()});
  return files;
}

std::string WriteFeeds(const core::Content& b, const std::vector<core::Page>& pages, const std::string& site,
                       const std::string& base, const WriteFile& write) {
  const fs::path root(site);
  const auto sitemaps = Sitemaps(b, pages, base);
  for (const auto& [name, text] : sitemaps)
    if (!write(root / name, text)) return "cannot write " + name;
  // An earlier publication's further sitemap files.
  std::error_code ec;
  for (size_t n = sitemaps.size(); fs::exists(root / ("sitemap-" + std::to_string(n) + ".xml"), ec); ++n)
    for (const char* ext : {"", ".gz", ".br"}) fs::remove(root / ("sitemap-" + std::to_string(n) + ".xml" + ext), ec);
  if (!write(root / "robots.txt", "User-agent: *\nAllow: /\nSitemap: " + base + "/sitemap.xml\n")) return "cannot write robots.txt";
  for (const std::string& lang : b.Languages())
    if (!write(root / FeedPath(lang), Feed(b, lang, base))) return "cannot write " + FeedPath(lang);
  return "";
}

}  // namespace tools
