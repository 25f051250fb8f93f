// The pages a published site holds, one per screen that has an address of its own, in each of
// the bundle's languages: the mission, the news, each year of news, each news item, the
// directives and each directive. For each: its path in the site, its title and description
// (for search engines and link previews), and what it says as a Mirror, the same accessible
// structure the viewer records while it draws, with links that lead to the other pages.
// mod-bundle publish writes them as HTML (tools/site_pages).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.h"
#include "core/mirror.h"
#include "core/route.h"

namespace core {

struct StaticPage {
  Route route;
  std::string lang;
  std::string path;         // relative to the site's root: "en/news/black-hawk/index.html"
  std::string title;        // the screen's, without the site's name
  std::string description;  // a sentence or two, at most 200 characters
  const NewsItem* news = nullptr;            // a news item's page
  const Directive* directive = nullptr;      // a directive's page
  Mirror body;                               // site title, navigation, the screen's content
};

// The address of `route` in `lang`, relative to the site's root: "en/" (the mission),
// "en/news/", "en/news/2023.html" (a year), "en/news/<id>/", "en/directives/",
// "en/directives/<id>/"; "" for a screen without a page of its own (search, diagnostics).
std::string PagePath(const Route& route, std::string_view lang);

// Every page of the bundle, in a stable order.
std::vector<StaticPage> StaticPages(const Bundle& bundle);
// The site's front page ("index.html"): the mission in the bundle's first language.
StaticPage FrontPage(const Bundle& bundle);

}  // namespace core
