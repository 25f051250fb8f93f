// Folding for search and Albanian collation.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "core/collate.h"

TEST_CASE("Fold removes case and diacritics") {
  CHECK(core::Fold("Bërzhitë") == "berzhite");
  CHECK(core::Fold("ÇËSHTJE") == "ceshtje");
  CHECK(core::Fold("Çështje") == core::Fold("CESHTJE"));
  CHECK(core::Fold("Łódź Ÿ Ž ſ") == "lodz y z s");
  CHECK(core::Fold("“Adriatic” – 2024") == "“adriatic” – 2024");
}

TEST_CASE("Albanian collation: ç after c, dh after d, ë after e, digraphs as letters") {
  std::vector<std::string> words = {"zh", "ë", "e", "dh", "d", "ç", "c", "sh", "s", "xh", "x", "z", "gj", "h", "g", "ll", "l", "rr", "r", "nj", "n", "th", "t"};
  std::sort(words.begin(), words.end(),
            [](const std::string& a, const std::string& b) { return core::CollationKey(a, "sq") < core::CollationKey(b, "sq"); });
  CHECK(words == std::vector<std::string>{"c", "ç", "d", "dh", "e", "ë", "g", "gj", "h", "l", "ll", "n", "nj", "r", "rr",
                                          "s", "sh", "t", "th", "x", "xh", "z", "zh"});
  const auto less = [](const char* a, const char* b) { return core::CollationKey(a, "sq") < core::CollationKey(b, "sq"); };
  CHECK(less("dyqan", "dhomë"));      // d-y before dh: dh is one letter after d
  CHECK(less("ezmer", "ëndërr"));
  CHECK(less("Cuca", "çaj"));
  CHECK(less("shtëpi", "ta"));
  CHECK(less("zog", "zhurmë"));
  // English ignores the diacritics
  CHECK(core::CollationKey("ëndërr", "en") < core::CollationKey("ezmer", "en"));
  CHECK(core::CollationKey("Apple", "en") == core::CollationKey("apple", "en"));
}
