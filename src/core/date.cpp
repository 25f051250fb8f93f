// Date parsing, ordering and formatting with Albanian and English month names.
#include "core/date.h"

#include <array>
#include <cstdio>

namespace core {

namespace {

constexpr std::array<const char*, 12> kMonthsSq = {"Janar", "Shkurt", "Mars", "Prill", "Maj", "Qershor",
                                                   "Korrik", "Gusht", "Shtator", "Tetor", "Nëntor", "Dhjetor"};
constexpr std::array<const char*, 12> kMonthsEn = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};

bool Digits(std::string_view s, size_t from, size_t count, int& value) {
  value = 0;
  for (size_t i = from; i < from + count; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

int Date::Compare(const Date& o) const {
  if (year != o.year) return year < o.year ? -1 : 1;
  if (month != o.month) return month < o.month ? -1 : 1;
  if (day != o.day) return day < o.day ? -1 : 1;
  return 0;
}

std::optional<Date> ParseDate(std::string_view s) {
  Date d;
  if (!Digits(s, 0, 4, d.year) || d.year < 1) return std::nullopt;
  if (s.size() == 4) return d;
  if (s.size() < 7 || s[4] != '-' || !Digits(s, 5, 2, d.month) || d.month < 1 || d.month > 12) return std::nullopt;
  if (s.size() == 7) return d;
  if (s.size() != 10 || s[7] != '-' || !Digits(s, 8, 2, d.day)) return std::nullopt;
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

std::string FormatIsoDate(const Date& d) {
  char buf[16];
  if (d.month == 0) return std::to_string(d.year);
  if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

std::string MonthName(int month, std::string_view lang) {
  if (month < 1 || month > 12) return {};
  return lang == "sq" ? kMonthsSq[month - 1] : kMonthsEn[month - 1];
}

std::string FormatMonthYear(int year, int month, std::string_view lang) {
  if (month == 0) return std::to_string(year);
  return MonthName(month, lang) + " " + std::to_string(year);
}

std::string FormatDate(const Date& d, std::string_view lang) {
  std::string out = FormatMonthYear(d.year, d.month, lang);
  if (d.day != 0) out = std::to_string(d.day) + " " + out;
  return out;
}

}  // namespace core
