// Ordering and grouping of news and directives.
#include "core/timeline.h"

#include <algorithm>
#include <map>
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

std::vector<size_t> FilterNews(const std::vector<NewsItem>& news, const std::vector<size_t>& order, int year,
                               const std::string& tag) {
  std::vector<size_t> out;
  for (size_t i : order) {
    const NewsItem& n = news[i];
    if (year > 0 && n.date.year != year) continue;
    if (!tag.empty() && std::none_of(n.tags.begin(), n.tags.end(), [&](const Label& t) { return t.key == tag; })) continue;
    out.push_back(i);
  }
  return out;
}

namespace {

std::vector<std::pair<std::string, int>> ByCount(const std::map<std::string, int>& counts) {
  std::vector<std::pair<std::string, int>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace

std::vector<std::pair<int, int>> CountYears(const std::vector<NewsItem>& news) {
  std::map<int, int> counts;
  for (const auto& n : news) ++counts[n.date.year];
  return {counts.rbegin(), counts.rend()};
}

std::vector<std::pair<std::string, int>> CountTags(const std::vector<NewsItem>& news) {
  std::map<std::string, int> counts;
  for (const auto& n : news)
    for (const auto& t : n.tags) ++counts[t.key];
  return ByCount(counts);
}

std::vector<std::pair<std::string, int>> CountCategories(const std::vector<Directive>& directives) {
  std::map<std::string, int> counts;
  for (const auto& d : directives)
    if (!d.category.Empty()) ++counts[d.category.key];
  return ByCount(counts);
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
