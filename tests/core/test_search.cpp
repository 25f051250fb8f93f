// Search ignores case and diacritics, needs every word, ranks titles first, and reports
// match ranges in the original text for highlighting.
#include <doctest/doctest.h>

#include "core/bundle_loader.h"
#include "core/collate.h"
#include "core/search.h"
#include "test_helpers.h"

TEST_CASE("Search finds Albanian text without diacritics or case") {
  const auto r = core::LoadBundle(SourceFile("tests/fixtures/bilingual.json"));
  REQUIRE(r.Ok());
  const core::SearchIndex sq(*r.bundle, "sq");
  auto hits = sq.Search("berzhite");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].news);
  CHECK(r.bundle->news[hits[0].index].id == "museum-berzhite");
  hits = sq.Search("CESHTJE");
  REQUIRE(hits.size() == 2);  // "Çështje të vitit" (title starts with it) before the museum
  CHECK(r.bundle->news[hits[0].index].id == "ceshtje-2022");
  CHECK(sq.Search("muzeu berzhite").size() == 1);   // every word must occur
  CHECK(sq.Search("muzeu helikopter").empty());
  CHECK(sq.Search("   ").empty());
  hits = sq.Search("strategji");  // a directive's category and title
  REQUIRE_FALSE(hits.empty());
  CHECK_FALSE(hits[0].news);
  CHECK(sq.Search("muze").size() == 1);  // tags are searched
  const core::SearchIndex en(*r.bundle, "en");
  CHECK(en.Search("helicopters").size() == 1);
  CHECK(en.Search("helikopter").empty());
}

TEST_CASE("Match ranges map back to the original bytes") {
  const std::string text = "Muzeu në Bërzhitë: “Çështje”";
  auto m = core::FindMatches(text, "berzhite");
  REQUIRE(m.size() == 1);
  CHECK(text.substr(m[0].first, m[0].second - m[0].first) == "Bërzhitë");
  m = core::FindMatches(text, "CESHTJE ne");
  REQUIRE(m.size() == 2);
  CHECK(text.substr(m[0].first, m[0].second - m[0].first) == "në");
  CHECK(text.substr(m[1].first, m[1].second - m[1].first) == "Çështje");
  m = core::FindMatches("Encyclopædia", "aed");
  REQUIRE(m.size() == 1);
  CHECK(std::string("Encyclopædia").substr(m[0].first, m[0].second - m[0].first) == "æd");
  CHECK(core::FindMatches("abc", "").empty());
  m = core::FindMatches("aaaa", "aa a");
  REQUIRE(m.size() == 1);  // overlapping matches merge
  CHECK(m[0] == std::make_pair(size_t{0}, size_t{4}));
}

TEST_CASE("Words are split at punctuation of every kind, and a query word matches word starts") {
  const std::string folded = core::Fold("“Çështje” – ’ë’ U.S.-Adriatic 2024/25 Bërzhitë…");
  const auto w = core::SplitWords(folded);  // views into `folded`
  REQUIRE(w.size() == 8);
  CHECK(w[0] == "ceshtje");
  CHECK(w[1] == "e");
  CHECK(w[2] == "u");
  CHECK(w[4] == "adriatic");
  CHECK(w[7] == "berzhite");
  const auto r = core::LoadBundle(SourceFile("assets/bundle.json"));
  REQUIRE(r.Ok());
  const core::SearchIndex en(*r.bundle, "en");
  CHECK(en.Search("adriat").size() == 1);   // a prefix of a word
  CHECK(en.Search("driatic").empty());      // not the middle of one
  CHECK(en.Search("black hawk").size() == 1);
  CHECK(en.Search("BËRZHITË").size() == 1);
}
