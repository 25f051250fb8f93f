// Route parsing and formatting.
#include "core/route.h"

#include <algorithm>

namespace core {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '_' || c == '.' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else if (s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

Route ParseRoute(std::string_view f) {
  if (!f.empty() && f.front() == '#') f.remove_prefix(1);
  if (!f.empty() && f.front() == '/') f.remove_prefix(1);
  std::string_view query;
  if (const size_t q = f.find('?'); q != std::string_view::npos) {
    query = f.substr(q + 1);
    f = f.substr(0, q);
  }
  while (!f.empty() && f.back() == '/') f.remove_suffix(1);

  const size_t slash = f.find('/');
  const std::string_view head = f.substr(0, slash);
  const std::string_view tail = slash == std::string_view::npos ? std::string_view{} : f.substr(slash + 1);
  Route r = Route::NotFound(std::string(f));
  if (head.empty() || (head == "mission" && tail.empty())) {
    r = Route::Mission();
  } else if (head == "news" || head == "directives") {
    const bool news = head == "news";
    if (tail.empty()) r = news ? Route::News() : Route::Directives();
    else if (tail.find('/') == std::string_view::npos)
      r = news ? Route::NewsDetail(PercentDecode(tail)) : Route::DirectiveDetail(PercentDecode(tail));
  } else if (head == "search" && tail.empty()) {
    r = Route::Search();
  } else if (head == "diagnostics" && tail.empty()) {
    r = Route::Diagnostics();
  }
  // Parameters among &-separated pairs; each only where it means something.
  size_t start = 0;
  while (start < query.size()) {
    const size_t end = std::min(query.find('&', start), query.size());
    const std::string_view kv = query.substr(start, end - start);
    const size_t eq = kv.find('=');
    const std::string_view key = kv.substr(0, eq);
    const std::string value = eq == std::string_view::npos ? std::string() : PercentDecode(kv.substr(eq + 1));
    if (r.screen == Screen::Search && key == "q") r.query = value;
    if (r.screen == Screen::News && key == "year" && !value.empty() && value.size() <= 6 &&
        value.find_first_not_of("0123456789") == std::string::npos)
      r.year = std::stoi(value);  // at most six digits: cannot overflow, cannot throw
    if (r.screen == Screen::News && key == "tag") r.tag = value;
    if (r.screen == Screen::News && key == "month" && (value.size() == 1 || value.size() == 2) &&
        value.find_first_not_of("0123456789") == std::string::npos && std::stoi(value) >= 1 && std::stoi(value) <= 12)
      r.month = std::stoi(value);
    if ((r.screen == Screen::News || r.screen == Screen::Directives) && key == "page" && !value.empty() &&
        value.size() <= 6 && value.find_first_not_of("0123456789") == std::string::npos)
      r.page = std::stoi(value) > 1 ? std::stoi(value) : 0;
    if (r.screen == Screen::Directives && key == "category") r.category = value;
    start = end + 1;
  }
  if (r.year == 0) r.month = 0;  // a month of no year names no place
  return r;
}

std::string FormatRoute(const Route& r) {
  switch (r.screen) {
    case Screen::Mission: return "#/mission";
    case Screen::News: {
      std::string out = "#/news";
      if (r.year > 0) out += "?year=" + std::to_string(r.year);
      if (!r.tag.empty()) out += std::string(r.year > 0 ? "&" : "?") + "tag=" + PercentEncode(r.tag);
      if (r.year > 0 && r.month > 0) out += "&month=" + std::to_string(r.month);
      if (r.page > 1) out += std::string(r.year > 0 || !r.tag.empty() ? "&" : "?") + "page=" + std::to_string(r.page);
      return out;
    }
    case Screen::NewsDetail: return "#/news/" + PercentEncode(r.id);
    case Screen::Directives: {
      std::string out = r.category.empty() ? "#/directives" : "#/directives?category=" + PercentEncode(r.category);
      if (r.page > 1) out += std::string(r.category.empty() ? "?" : "&") + "page=" + std::to_string(r.page);
      return out;
    }
    case Screen::DirectiveDetail: return "#/directives/" + PercentEncode(r.id);
    case Screen::Search: return r.query.empty() ? "#/search" : "#/search?q=" + PercentEncode(r.query);
    case Screen::Diagnostics: return "#/diagnostics";
    case Screen::NotFound: return "#/" + r.raw;
  }
  return "#/mission";
}

Route ParentRoute(const Route& r) {
  switch (r.screen) {
    case Screen::NewsDetail:
    case Screen::News: return Route::News();  // a list without its filters
    case Screen::DirectiveDetail:
    case Screen::Directives: return Route::Directives();
    default: return r;
  }
}

}  // namespace core
