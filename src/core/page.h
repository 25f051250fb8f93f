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

// The items a page of a published list holds (the news, a year's, the directives): the newest
// first, older ones on the pages after (Route::page). A page stays well under 100 KB gzipped.
constexpr size_t kListPageItems = 100;
// How many pages a list of `items` takes (1 for none).
size_t ListPages(size_t items);

// The address of `route` in `lang`, relative to the site's root: "en/" (the mission),
// "en/news/", "en/news/2023.html" (a year), "en/news/<id>/", "en/directives/",
// "en/directives/<id>/", and the lists' further pages "en/news/page-2.html",
// "en/news/2023-page-2.html", "en/directives/page-2.html"; "" for a screen without a page of its
// own (search, diagnostics).
std::string PagePath(const Route& route, std::string_view lang);
// A link to `route` in `lang` from the site's root: its page, and where the page alone does not
// say it all (a tag or a category filter, a month of a year), the route as the address's fragment, which the
// viewer starts at ("en/news/#/news?tag=NATO").
std::string PageHref(const Route& route, std::string_view lang);

// The page of `route` in `lang` (`path`: where it is written, when not its PagePath).
Page MakePage(Content& content, const Route& route, const std::string& lang, const std::string& path = {});
// The route and language of every page of the content (a whole bundle), in a stable order.
std::vector<std::pair<Route, std::string>> AllPageRoutes(Content& content);
// Every page of the content: MakePage of each of AllPageRoutes.
std::vector<Page> AllPages(Content& content);
// The site's front page ("index.html"): the mission in the content's first language.
Page FrontPage(Content& content);

}  // namespace core
