// Dates: parsing, ordering, and month names in both languages.
#include <doctest/doctest.h>

#include "core/date.h"

TEST_CASE("ParseDate accepts the three precisions and nothing else") {
  auto y = core::ParseDate("2024");
  REQUIRE(y);
  CHECK(y->year == 2024);
  CHECK(y->month == 0);
  auto m = core::ParseDate("2024-01");
  REQUIRE(m);
  CHECK(m->month == 1);
  auto d = core::ParseDate("2023-03-21");
  REQUIRE(d);
  CHECK(d->day == 21);
  CHECK(core::ParseDate("2024-02-29"));
  for (const char* bad : {"", "24", "2023-02-29", "2024-13", "2024-00", "2024-1", "2024-01-32", "2024-04-31",
                          "2024/01/01", "2024-01-01T00:00", "abcd", "0000", " 2024", "2024-01-1"})
    CHECK_MESSAGE(!core::ParseDate(bad), bad);
}

TEST_CASE("Dates order by year, month, day; less precise first within their span") {
  const auto d = [](const char* s) { return *core::ParseDate(s); };
  CHECK(d("2023-12-31") < d("2024"));
  CHECK(d("2024") < d("2024-01"));
  CHECK(d("2024-01") < d("2024-01-01"));
  CHECK(d("2024-01-02") < d("2024-02"));
  CHECK(d("2024-03") == d("2024-03"));
  CHECK(core::FormatIsoDate(d("2023-03-21")) == "2023-03-21");
  CHECK(core::FormatIsoDate(d("2024-01")) == "2024-01");
}

TEST_CASE("Month names in Albanian and English") {
  CHECK(core::FormatMonthYear(2024, 1, "sq") == "Janar 2024");
  CHECK(core::FormatMonthYear(2024, 1, "en") == "January 2024");
  CHECK(core::FormatMonthYear(2023, 11, "sq") == "Nëntor 2023");
  CHECK(core::FormatDate(*core::ParseDate("2023-03-21"), "en") == "21 March 2023");
  CHECK(core::FormatDate(*core::ParseDate("2023-03-21"), "sq") == "21 Mars 2023");
  CHECK(core::FormatDate(*core::ParseDate("2022"), "sq") == "2022");
}
