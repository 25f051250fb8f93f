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

TEST_CASE("FoldedWords reads the words SplitWords(Fold()) gives") {
  const std::vector<std::string> texts = {
      "Bërzhitë, ÇËSHTJE — “Muzeu” i Forcave; Æsir Œuvre×2÷3 naïve",
      "",
      "   ",
      "x",
      "a\xC3(b \xFF c\xE2\x80\x99" "d",            // broken UTF-8 separates words
      "Ολυμπία Москва 東京 İstanbul ŁÓDŹ ŒÆ",  // other scripts keep their letters
      "dh-gj_nj.ll/rr:sh;th'xh\"zh",
  };
  for (const auto& text : texts) {
    const std::string folded = core::Fold(text);
    std::vector<std::string> expected;
    for (auto w : core::SplitWords(folded)) expected.emplace_back(w);
    std::vector<std::string> got;
    core::FoldedWords reader(text);
    std::string_view w;
    while (reader.Next(w)) got.emplace_back(w);
    CHECK_MESSAGE(got == expected, text);
  }
  // Every code point of the BMP, one per word.
  std::string all;
  for (char32_t cp = 0x20; cp < 0x3000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    core::AppendUtf8(all, cp);
    all += ' ';
  }
  std::vector<std::string> expected, got;
  const std::string foldedAll = core::Fold(all);
  for (auto w : core::SplitWords(foldedAll)) expected.emplace_back(w);
  core::FoldedWords reader(all);
  std::string_view w;
  while (reader.Next(w)) got.emplace_back(w);
  CHECK(got == expected);
}

TEST_CASE("An index built in small steps is the index built at once") {
  const auto r = core::LoadBundle(SourceFile("assets/bundle.json"));
  REQUIRE(r.Ok());
  core::SearchIndexBuilder builder(*r.bundle, "en");
  int steps = 0;
  CHECK_FALSE(builder.Done());
  while (!builder.Step(1)) ++steps;
  CHECK(steps == static_cast<int>(r.bundle->news.size() + r.bundle->directives.size()) - 1);  // one item per step
  CHECK(builder.Done());
  const core::SearchIndex stepped = builder.Take();
  const core::SearchIndex whole(*r.bundle, "en");
  for (const char* q : {"berzhite", "b", "nato strategic", "helicopters", "zzz", "2022"}) {
    const auto a = stepped.Search(q), b = whole.Search(q);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].news == b[i].news);
      CHECK(a[i].index == b[i].index);
      CHECK(a[i].score == b[i].score);
    }
  }
  CHECK_FALSE(whole.Search("b").empty());
}
