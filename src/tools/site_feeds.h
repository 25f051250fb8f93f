// What robots read besides the pages (mod-bundle publish): sitemap.xml, with every page and its
// other languages; robots.txt, which names the sitemap; and an Atom feed (RFC 4287) per language
// of the newest news and directives, which every page links to.
#pragma once
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
// Writes sitemap.xml, robots.txt and the feeds into `site`; returns "" or what went wrong.
std::string WriteFeeds(const core::Content& content, const std::vector<core::Page>& pages, const std::string& site,
                       const std::string& baseUrl);

}  // namespace tools
