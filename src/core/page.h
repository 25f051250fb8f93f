// The pages a published site holds, one per screen that has an address of its own, in each of
// the content's languages: the mission, the news, each year of news, each news item, the
// directives and each directive. Each is its screen's description (core/screen.h) written as
// the mirror's accessible structure, the same the viewer records while it draws, with links
// that lead to the other pages; mod-bundle publish writes them as HTML (tools/site_pages).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/mirror.h"
#include "core/route.h"
#include "core/screen.h"

namespace core {

struct Page {
  Route route;
  std::string lang;
  std::string path;         // relative to the site's root: "en/news/black-hawk/index.html"
  std::string title;        // the screen's, without the site's name
  std::string description;  // a sentence or two, at most 200 characters
  const NewsItem* news = nullptr;        // a news item's page
  const Directive* directive = nullptr;  // a directive's page
  Mirror body;                           // site title, navigation, the screen's content
};

// The address of `route` in `lang`, relative to the site's root: "en/" (the mission),
// "en/news/", "en/news/2023.html" (a year), "en/news/<id>/", "en/directives/",
// "en/directives/<id>/"; "" for a screen without a page of its own (search, diagnostics).
std::string PagePath(const Route& route, std::string_view lang);
// A link to `route` in `lang` from the site's root: its page, and where the page alone does not
// say it all (a tag or a category filter), the route as the address's fragment, which the
// viewer starts at ("en/news/#/news?tag=NATO").
std::string PageHref(const Route& route, std::string_view lang);

// The page of `route` in `lang` (`path`: where it is written, when not its PagePath).
Page MakePage(Content& content, const Route& route, const std::string& lang, const std::string& path = {});
// Every page of the content (a whole bundle), in a stable order.
std::vector<Page> AllPages(Content& content);
// The site's front page ("index.html"): the mission in the content's first language.
Page FrontPage(Content& content);

}  // namespace core
