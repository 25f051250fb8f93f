// Ordering and grouping of news and directives.
#include "core/timeline.h"

#include <algorithm>
#include <numeric>

#include "core/collate.h"

namespace core {

std::vector<size_t> NewsNewestFirst(const std::vector<NewsItem>& news) {
  std::vector<size_t> order(news.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return news[b].date < news[a].date; });
  return order;
}

std::vector<TimelineGroup> GroupByMonth(const std::vector<NewsItem>& news, const std::vector<size_t>& order) {
  std::vector<TimelineGroup> groups;
  for (size_t i : order) {
    const Date& d = news[i].date;
    if (groups.empty() || groups.back().year != d.year || groups.back().month != d.month)
      groups.push_back({d.year, d.month, {}});
    groups.back().items.push_back(i);
  }
  return groups;
}

std::vector<size_t> SortDirectives(const std::vector<Directive>& directives, DirectiveSort sort, std::string_view lang,
                                   std::string_view fallbackLang) {
  std::vector<size_t> order(directives.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (sort == DirectiveSort::DateNewest || sort == DirectiveSort::DateOldest) {
    const bool newest = sort == DirectiveSort::DateNewest;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return newest ? directives[b].date < directives[a].date : directives[a].date < directives[b].date;
    });
    return order;
  }
  std::vector<std::string> keys(directives.size());
  for (size_t i = 0; i < directives.size(); ++i) keys[i] = CollationKey(directives[i].title.Get(lang, fallbackLang), lang);
  const bool az = sort == DirectiveSort::TitleAZ;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return az ? keys[a] < keys[b] : keys[b] < keys[a]; });
  return order;
}

}  // namespace core
