// Publication dates of precision year, month or day ("2024", "2024-01", "2024-01-15"),
// their ordering, and how they read in Albanian and English.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct Date {
  int year = 0;
  int month = 0;  // 1-12, 0 when the date gives only a year
  int day = 0;    // 1-31, 0 when the date gives no day

  // Orders by year, month, day; a less precise date sorts before a more precise one in its span.
  int Compare(const Date& other) const;
  bool operator<(const Date& o) const { return Compare(o) < 0; }
  bool operator==(const Date& o) const { return Compare(o) == 0; }
};

std::optional<Date> ParseDate(std::string_view s);  // strict: YYYY, YYYY-MM or YYYY-MM-DD, real days only
std::string FormatIsoDate(const Date& d);           // back to the bundle's form

// "Janar 2024" / "January 2024"; lang is "sq" or anything else for English.
std::string MonthName(int month, std::string_view lang);
std::string FormatMonthYear(int year, int month, std::string_view lang);
// "21 Mars 2023" / "21 March 2023", "Janar 2024", "2022".
std::string FormatDate(const Date& d, std::string_view lang);

}  // namespace core
