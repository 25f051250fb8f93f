// Look-ups on a loaded bundle.
#include "core/bundle.h"

namespace core {

const NewsItem* Bundle::FindNews(std::string_view id) const {
  for (const auto& n : news)
    if (n.id == id) return &n;
  return nullptr;
}

const Directive* Bundle::FindDirective(std::string_view id) const {
  for (const auto& d : directives)
    if (d.id == id) return &d;
  return nullptr;
}

Date Directive::Updated() const {
  Date last = date;
  for (const Change& c : changes)
    if (last < c.date) last = c.date;
  return last;
}

}  // namespace core
