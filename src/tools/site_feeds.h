// What robots read besides the pages (mod-bundle publish): sitemap.xml, with every page and its
// other languages (beyond 50,000 pages, the sitemaps.org limit of a file, a sitemap index of
// sitemap-1.xml, sitemap-2.xml, ...); robots.txt, which names it; and an Atom feed (RFC 4287)
// per language of the newest news and directives, which every page links to.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/date.h"
#include "core/page.h"

namespace tools {

// "en/feed.atom": the feed of `lang`, relative to the site's root.
std::string FeedPath(const std::string& lang);
// An RFC 3339 time for a date of any precision ("2024-01" -> "2024-01-01T00:00:00Z").
std::string AtomDate(const core::Date& d);
// Writes a file of the site; false when it could not.
using WriteFile = std::function<bool(const std::filesystem::path& file, const std::string& bytes)>;

// The sitemap files by name: "sitemap.xml" alone, or with more than `perFile` pages a sitemap
// index by that name and "sitemap-1.xml", "sitemap-2.xml", ... of at most `perFile` each.
std::vector<std::pair<std::string, std::string>> Sitemaps(const core::Content& content, const std::vector<core::Page>& pages,
                                                          const std::string& baseUrl, size_t perFile = 50000);

// Writes the sitemaps, robots.txt and the feeds into `site` with `write` (and removes the
// sitemap files of an earlier, larger publication); returns "" or what went wrong.
std::string WriteFeeds(const core::Content& content, const std::vector<core::Page>& pages, const std::string& site,
                       const std::string& baseUrl, const WriteFile& write);

}  // namespace tools
