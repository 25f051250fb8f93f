// Routes are the navigation model: every screen has one, written as a URL fragment
// ("#/news/black-hawk"). Clicks, the browser's history, deep links and --route all produce a Route.
#pragma once
#include <string>
#include <string_view>

namespace core {

enum class Screen { Mission, News, NewsDetail, Directives, DirectiveDetail, Search, Diagnostics, NotFound };

struct Route {
  Screen screen = Screen::Mission;
  std::string id;     // NewsDetail, DirectiveDetail
  std::string query;  // Search
  std::string raw;    // NotFound: what was asked for
  // Filters of the list screens: News by year and tag, Directives by category ("" / 0: all).
  int year = 0;
  std::string tag;
  std::string category;

  bool operator==(const Route& o) const {
    return screen == o.screen && id == o.id && query == o.query && year == o.year && tag == o.tag &&
           category == o.category;
  }
  bool operator!=(const Route& o) const { return !(*this == o); }
};

// Accepts "#/news/x", "/news/x" or "news/x"; "" and "#" and "#/" are the mission. Unknown paths
// give Screen::NotFound rather than silently showing something else. Filters are query
// parameters: "#/news?year=2023&tag=NATO", "#/directives?category=Report".
Route ParseRoute(std::string_view fragment);
std::string FormatRoute(const Route& r);  // always "#/..."

// The list screen a route belongs to (detail -> its list), for navigation highlighting and Escape.
Route ParentRoute(const Route& r);

std::string PercentEncode(std::string_view s);
std::string PercentDecode(std::string_view s);

}  // namespace core
