// The rows of the screens' long lists (screen.h): their words, and the timeline's headings.
#include <algorithm>

#include "core/date.h"
#include "core/screen.h"

namespace core {

RowText NewsRow(const Content& content, Handle h, const std::string& lang) {
  const NewsItem& n = content.News(h);
  RowText r;
  r.title = std::string(content.Get(n.title, lang));
  r.target = Route::NewsDetail(n.id);
  r.note = FormatDate(n.date, lang);
  const std::string_view summary = content.Get(n.summary, lang);
  if (!summary.empty()) (r.note += " — ") += summary;
  return r;
}

RowText DirectiveRow(const Content& content, Handle h, const std::string& lang) {
  const Directive& d = content.GetDirective(h);
  RowText r;
  r.title = std::string(content.Get(d.title, lang));
  r.target = Route::DirectiveDetail(d.id);
  r.note = FormatDate(d.date, lang);
  if (!d.category.Empty()) r.note += " · " + std::string(d.category.Get(lang, content.DefaultLanguage()));
  return r;
}

namespace {

constexpr size_t kSnippetBytes = 220;

// Moves `at` back (or on) to the start of a code point.
size_t Back(std::string_view s, size_t at) {
  while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}
size_t On(std::string_view s, size_t at) {
  while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  return at;
}

// What tells the visitor why this result is here: the summary when it matches, else the part
// of the body around the first match, else the summary; a summary goes on into the body, so
// that a card's three lines of snippet are filled whenever there is a body.
std::string Snippet(std::string_view summary, std::string_view body, const std::string& query) {
  const auto withBody = [&] {
    std::string out(summary);
    if (body.empty()) return out;
    const size_t cut = On(body, std::min(body.size(), kSnippetBytes));
    if (!out.empty()) out += " — ";
    out += body.substr(0, cut);
    if (cut < body.size()) out += "…";
    return out;
  };
  if (!summary.empty() && !FindMatches(summary, query).empty()) return withBody();
  const auto inBody = FindMatches(body, query);
  if (inBody.empty()) return withBody();
  const size_t start = Back(body, inBody.front().first > 60 ? inBody.front().first - 60 : 0);
  const size_t end = On(body, std::min(body.size(), start + kSnippetBytes));
  std::string out = start > 0 ? "…" : "";
  out += body.substr(start, end - start);
  if (end < body.size()) out += "…";
  return out;
}

template <class Item>
ResultRow MakeResult(const Content& c, const Item& item, Route target, Str kind, const std::string& query, const std::string& lang) {
  ResultRow r;
  r.target = std::move(target);
  r.kind = std::string(Tr(kind, lang)) + " · " + FormatDate(item.date, lang);
  r.title = c.Get(item.title, lang);
  r.snippet = Snippet(c.Get(item.summary, lang), c.Get(item.body, lang), query);
  return r;
}

}  // namespace

ResultRow SearchRow(const Content& c, const SearchHit& hit, const std::string& query, const std::string& lang) {
  if (hit.news) {
    const NewsItem& n = c.News(static_cast<Handle>(hit.index));
    return MakeResult(c, n, Route::NewsDetail(n.id), Str::NewsItem, query, lang);
  }
  const Directive& d = c.GetDirective(static_cast<Handle>(hit.index));
  return MakeResult(c, d, Route::DirectiveDetail(d.id), Str::DirectiveItem, query, lang);
}

std::vector<TimelineEntry> Timeline(const Content& content, const std::vector<Handle>& items) {
  std::vector<TimelineEntry> out;
  out.reserve(items.size() + items.size() / 4 + 2);
  int year = 0, month = -1;
  for (Handle h : items) {
    const Date& d = content.News(h).date;
    if (d.year != year) {
      out.push_back({TimelineEntry::Year, d.year, 0, 0});
      year = d.year;
      month = -1;
    }
    if (d.month != month) {
      month = d.month;
      if (month != 0) out.push_back({TimelineEntry::Month, d.year, d.month, 0});
    }
    out.push_back({TimelineEntry::Item, d.year, d.month, h});
  }
  return out;
}

}  // namespace core
