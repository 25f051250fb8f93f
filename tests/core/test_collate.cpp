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

TEST_CASE("Albanian collation orders like the alphabet, letter by letter, on many words") {
  // The alphabet with its digraphs, as the standard lists it.
  const std::vector<std::string> alphabet = {"a", "b", "c", "ç", "d", "dh", "e", "ë", "f", "g", "gj", "h", "i",
                                             "j", "k", "l", "ll", "m", "n", "nj", "o", "p", "q", "r", "rr", "s",
                                             "sh", "t", "th", "u", "v", "x", "xh", "y", "z", "zh"};
  // Words made of those letters compare as their sequences of letter ranks (shorter first on
  // a tie): the reference the collation key must agree with.
  uint32_t seed = 12345;
  const auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  std::vector<std::pair<std::vector<int>, std::string>> words;
  for (int n = 0; n < 3000; ++n) {
    std::vector<int> ranks;
    std::string word;
    std::string letterKeys;
    for (int len = 1 + static_cast<int>(next() >> 16) % 6; len > 0; --len) {
      const int r = static_cast<int>((next() >> 16) % alphabet.size());
      ranks.push_back(r);
      word += alphabet[static_cast<size_t>(r)];
      letterKeys += core::CollationKey(alphabet[static_cast<size_t>(r)], "sq");
    }
    // "d" then "h" reads as "dh", "l" then "ll" as "ll" then "l": only words that read back as
    // the letters they were made of.
    if (core::CollationKey(word, "sq") == letterKeys) words.emplace_back(ranks, word);
  }
  CHECK(words.size() > 2000);
  for (size_t i = 1; i < words.size(); ++i) {
    // (no structured bindings: clang 14 cannot use them inside doctest's checks)
    const std::vector<int>& ra = words[i - 1].first;
    const std::vector<int>& rb = words[i].first;
    const std::string& a = words[i - 1].second;
    const std::string& b = words[i].second;
    CHECK_MESSAGE((ra < rb) == (core::CollationKey(a, "sq") < core::CollationKey(b, "sq")), a, " ", b);
    CHECK_MESSAGE((ra == rb) == (core::CollationKey(a, "sq") == core::CollationKey(b, "sq")), a, " ", b);
  }
}
