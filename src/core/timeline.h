// Derived views of the bundle's lists: the news timeline (newest first, grouped by year and
// month) and the directive archive order. Pure functions; the UI caches their results.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bundle.h"

namespace core {

// Indices into bundle.news, newest first; items of equal date keep the bundle's order.
std::vector<size_t> NewsNewestFirst(const std::vector<NewsItem>& news);

struct TimelineGroup {
  int year = 0;
  int month = 0;              // 0 for items dated by year only
  std::vector<size_t> items;  // indices into bundle.news, newest first
};
// Groups an already ordered index list by (year, month), keeping the order.
std::vector<TimelineGroup> GroupByMonth(const std::vector<NewsItem>& news, const std::vector<size_t>& order);

// Keeps the indices of `order` whose item is of `year` (0: any) and carries `tag` ("": any).
std::vector<size_t> FilterNews(const std::vector<NewsItem>& news, const std::vector<size_t>& order, int year,
                               const std::string& tag);

// (value, number of items): years newest first; tags and categories most used first, then A-Z.
std::vector<std::pair<int, int>> CountYears(const std::vector<NewsItem>& news);
std::vector<std::pair<std::string, int>> CountTags(const std::vector<NewsItem>& news);
std::vector<std::pair<std::string, int>> CountCategories(const std::vector<Directive>& directives);

enum class DirectiveSort { DateNewest, DateOldest, TitleAZ, TitleZA };
// Indices into `directives` in the requested order; titles compare in `lang` (case-insensitive).
std::vector<size_t> SortDirectives(const std::vector<Directive>& directives, DirectiveSort sort, std::string_view lang,
                                   std::string_view fallbackLang);

}  // namespace core
