// Routes are the navigation model: every screen has one, written as a URL fragment
// ("#/news/black-hawk"). Clicks, the browser's history, deep links and --route all produce a Route.
#pragma once
#include <string>
#include <string_view>
#include <utility>

namespace core {

enum class Screen { Mission, News, NewsDetail, Directives, DirectiveDetail, Search, Diagnostics, NotFound };

// Built through the named constructors (Route::News(2023), Route::NewsDetail("x")), so that a
// route's fields always fit its screen; compared field by field.
struct Route {
  Screen screen = Screen::Mission;
  std::string id;     // NewsDetail, DirectiveDetail
  std::string query;  // Search
  std::string raw;    // NotFound: what was asked for
  // Filters of the list screens: News by year and tag, Directives by category ("" / 0: all).
  int year = 0;
  std::string tag;
  std::string category;
  // News of a year: the month the list is opened at (1-12; 0: its newest). A place in the list,
  // not a filter: the older months follow it.
  int month = 0;
  // News, Directives: the page of the published list the route names (2, 3, ...: older items;
  // core::kListPageItems a page); the viewer starts there. 0: the first.
  int page = 0;

  static Route Mission() { return {}; }
  static Route News(int year = 0, std::string tag = {}) { return Make(Screen::News, {}, {}, year, std::move(tag), {}); }
  static Route NewsDetail(std::string id) { return Make(Screen::NewsDetail, std::move(id), {}, 0, {}, {}); }
  static Route Directives(std::string category = {}) { return Make(Screen::Directives, {}, {}, 0, {}, std::move(category)); }
  static Route DirectiveDetail(std::string id) { return Make(Screen::DirectiveDetail, std::move(id), {}, 0, {}, {}); }
  static Route Search(std::string query = {}) { return Make(Screen::Search, {}, std::move(query), 0, {}, {}); }
  static Route Diagnostics() { return Make(Screen::Diagnostics, {}, {}, 0, {}, {}); }
  static Route NotFound(std::string raw) {
    Route r = Make(Screen::NotFound, {}, {}, 0, {}, {});
    r.raw = std::move(raw);
    return r;
  }

  bool operator==(const Route& o) const {
    return screen == o.screen && id == o.id && query == o.query && year == o.year && tag == o.tag &&
           category == o.category && month == o.month && page == o.page;
  }
  bool operator!=(const Route& o) const { return !(*this == o); }

 private:
  static Route Make(Screen screen, std::string id, std::string query, int year, std::string tag, std::string category) {
    Route r;
    r.screen = screen;
    r.id = std::move(id);
    r.query = std::move(query);
    r.year = year;
    r.tag = std::move(tag);
    r.category = std::move(category);
    return r;
  }
};

// Accepts "#/news/x", "/news/x" or "news/x"; "" and "#" and "#/" are the mission. Unknown paths
// give Screen::NotFound rather than silently showing something else. Filters are query
// parameters: "#/news?year=2023&tag=NATO", "#/news?year=2023&month=5&page=3",
// "#/directives?category=Report".
Route ParseRoute(std::string_view fragment);
std::string FormatRoute(const Route& r);  // always "#/..."

// The list screen a route belongs to (detail -> its list), for navigation highlighting and Escape.
Route ParentRoute(const Route& r);

std::string PercentEncode(std::string_view s);
std::string PercentDecode(std::string_view s);

}  // namespace core
