// Text lookup by language and UTF-8 helpers.
#include <doctest/doctest.h>

#include "core/text.h"

TEST_CASE("Text picks the language, then the fallback, then the first") {
  core::Text t;
  t.byLang = {{"sq", "Lajme"}, {"en", "News"}};
  CHECK(t.Get("en") == "News");
  CHECK(t.Get("sq") == "Lajme");
  CHECK(t.Get("fr", "en") == "News");
  CHECK(t.Get("fr") == "Lajme");
  CHECK(t.Has("en"));
  CHECK_FALSE(t.Has("fr"));
  core::Text plain;
  plain.byLang = {{"", "Same"}};
  CHECK(plain.Get("sq") == "Same");
  CHECK(plain.Has("de"));
  CHECK(core::Text{}.Get("sq").empty());
}

TEST_CASE("UTF-8 decoding and validation") {
  CHECK(core::IsValidUtf8("Bërzhitë “Çështje” – ’"));
  CHECK_FALSE(core::IsValidUtf8("\xC3"));              // truncated
  CHECK_FALSE(core::IsValidUtf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(core::IsValidUtf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(core::IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK(core::IsValidUtf8("\xEF\xBF\xBD"));            // U+FFFD itself is fine
  CHECK(core::CountCodePoints("ëç") == 2);
  std::string s;
  core::AppendUtf8(s, 0xEB);
  core::AppendUtf8(s, 0x201C);
  core::AppendUtf8(s, 0x1F600);
  CHECK(s == "ë“\xF0\x9F\x98\x80");
  size_t i = 0;
  CHECK(core::DecodeUtf8(s, i) == 0xEB);
  CHECK(core::DecodeUtf8(s, i) == 0x201C);
  CHECK(core::DecodeUtf8(s, i) == 0x1F600);
  CHECK(i == s.size());
}

TEST_CASE("CollapseWhitespace") {
  CHECK(core::CollapseWhitespace("  a \n\t b  ") == "a b");
  CHECK(core::CollapseWhitespace("   ").empty());
}
