// The interface's own words and numbers.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/strings.h"

TEST_CASE("Counts are grouped as each language writes them") {
  const std::string nbsp = "\u00A0";
  CHECK(core::FormatCount(0, "en") == "0");
  CHECK(core::FormatCount(999, "en") == "999");
  CHECK(core::FormatCount(1000, "en") == "1,000");
  CHECK(core::FormatCount(20000, "en") == "20,000");
  CHECK(core::FormatCount(1234567, "en") == "1,234,567");
  // Albanian: a no-break space between groups, and four digits stay together (CLDR).
  CHECK(core::FormatCount(999, "sq") == "999");
  CHECK(core::FormatCount(5000, "sq") == "5000");
  CHECK(core::FormatCount(20000, "sq") == "20" + nbsp + "000");
  CHECK(core::FormatCount(1234567, "sq") == "1" + nbsp + "234" + nbsp + "567");
  // Another language: as in English, like the rest of its interface.
  CHECK(core::FormatCount(20000, "fr") == "20,000");
}

TEST_CASE("Every interface string has both languages and a glyph list to match") {
  for (int i = 0; i < static_cast<int>(core::Str::Count); ++i) {
    const auto s = static_cast<core::Str>(i);
    CHECK(core::Tr(s, "sq")[0] != '\0');
    CHECK(core::Tr(s, "en")[0] != '\0');
  }
  const auto points = core::InterfaceCodePoints();
  CHECK(std::find(points.begin(), points.end(), U'ë') != points.end());
}
