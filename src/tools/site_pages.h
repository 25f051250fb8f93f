// `mod-bundle publish`: a real page for every screen, so that search engines, link previews
// and readers without JavaScript get the content. Each page is the built site's index.html
// with the page's head (title, description, canonical address, hreflang alternates, the feed,
// Open Graph and Twitter card tags, all within the first 16 KB) and its text (core::Page, the
// screen's description as the mirror's structure) in <div id="page">; with JavaScript and WebGL2 the same file starts
// the viewer at that screen (<html data-route>) and hides the text when the canvas is drawn.
// Also sitemap.xml, robots.txt and an Atom feed per language (site_feeds.h).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/page.h"
#include "tools/site_files.h"

namespace tools {

struct PublishOptions {
  std::string site;     // the built site (its index.html is the template); pages are written here
  std::string baseUrl;  // the site's public address, "https://www.mod.gov.al/botime" (no slash at the end)
  // What the viewer reads by default, relative to the site ("content/manifest.json": the
  // published content a part at a time); "" for the site's bundle.json.
  std::string content;
  // Called after each page with how many of how many are written (a terminal's progress line).
  std::function<void(size_t done, size_t total)> progress;
};

// Writes the pages, the sitemap, robots.txt and the feeds, each only where its bytes changed, and
// removes the pages (and languages) of an earlier publication that this one has not; writes
// with `writer` (or one of its own); returns "" or what went wrong.
// `helpers`: each gives, on a thread of its own, another content of the same bundle (a content
// answers one caller at a time) or null; the pages go one at a time to whichever content is
// free, so a helper that comes late (it first did other work) still takes its share.
using ContentSource = std::function<core::Content*()>;
std::string PublishPages(core::Content& content, const PublishOptions& options, SiteWriter* writer = nullptr,
                         const std::vector<ContentSource>& helpers = {});

}  // namespace tools
