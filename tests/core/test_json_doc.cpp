// The strict JSON parser: the same verdict as nlohmann/json (a mature, conformant parser used
// here only as the reference) on every JSONTestSuite file, the same values for every file both
// accept, and errors that point at the first byte that cannot continue a document.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/json_doc.h"
#include "json_reference.h"
#include "test_helpers.h"

namespace {

using core::json::Document;
using core::json::ParseError;
using core::json::Type;
using core::json::Value;

std::optional<Document> Parse(std::string_view text, ParseError& error, size_t depth = 32) {
  auto doc = Document::Parse(text, depth);
  if (!doc) {
    error = doc.GetError();
    return std::nullopt;
  }
  error = {};
  return std::move(*doc);
}

// The offset of the error for `text`; -1 when it parses.
long ErrorAt(std::string_view text, size_t depth = 32) {
  ParseError e;
  return Parse(text, e, depth) ? -1 : static_cast<long>(e.offset);
}

}  // namespace

TEST_CASE("JSONTestSuite: every file gets nlohmann's verdict, and the same values") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(MODV_TESTDATA_DIR) / "JSONTestSuite" / "test_parsing";
  REQUIRE(fs::is_directory(dir));
  int accepted = 0, rejected = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string text = ReadFile(entry.path().string());
    ParseError e;
    const auto doc = Parse(text, e, 512);  // JSONTestSuite nests up to 500 levels in its y_ files
    const auto reference = nlohmann::json::parse(text, nullptr, false);
    if (name.rfind("y_", 0) == 0) CHECK_MESSAGE(doc.has_value(), name, ": ", e.message);
    if (name.rfind("n_", 0) == 0) CHECK_MESSAGE(!doc.has_value(), name);
    if (!doc) {
      CHECK_MESSAGE(e.offset <= text.size(), name);
      CHECK_MESSAGE(!e.message.empty(), name);
      ++rejected;
      continue;
    }
    ++accepted;
    // Implementation-defined files (i_) may differ: huge numbers are numbers to us (we never
    // compute with them), nlohmann refuses those that overflow a double.
    if (name.rfind("i_", 0) == 0 && reference.is_discarded()) continue;
    REQUIRE_MESSAGE(!reference.is_discarded(), name);
    CHECK_MESSAGE(test::ToNlohmann(doc->Root()) == reference, name);
  }
  CHECK(accepted > 90);
  CHECK(rejected > 180);
}

TEST_CASE("Strings: escapes decoded when read, keys too") {
  const std::string text = R"({"a":"plain Bërzhitë","b":"tab\tquote\" \u00eb \ud83d\ude00 \/","a":"last","\u0063":1})";
  ParseError e;
  const auto doc = Parse(text, e);
  REQUIRE(doc);
  const Value root = doc->Root();
  CHECK(root.Size() == 4);
  CHECK(root.Find("c").Integer() == 1);  // an escaped key is found by its decoded name
  CHECK(root.Find("a").String() == "last");  // a repeated key: the last one counts
  CHECK(root.Find("b").String() == "tab\tquote\" ë 😀 /");
  CHECK_FALSE(root.Find("missing"));
  CHECK(root.Find("missing").GetType() == Type::Null);
  std::vector<std::string> keys;
  root.ForEachMember([&](std::string_view k, Value) { keys.emplace_back(k); });
  CHECK(keys == std::vector<std::string>{"a", "b", "a", "c"});
  CHECK(root.Find("b").StringEquals("tab\tquote\" ë 😀 /"));
  CHECK_FALSE(root.Find("b").StringEquals("tab"));
  CHECK(root.Find("a").StringEquals("last"));
  CHECK_FALSE(root.StringEquals(""));  // not a string
  CHECK(root.Find("b").Offset() == text.find("\"tab"));
}

TEST_CASE("The word-at-a-time scan finds special bytes at every position") {
  for (size_t at = 0; at < 20; ++at) {
    for (const char* special : {"\\n", "\\\\", "\\\"", "é", "\x01", "\xC3"}) {
      std::string body(20, 'x');
      body.insert(at, special);
      const std::string text = "[\"" + body + "\"]";
      ParseError e;
      const auto doc = Parse(text, e);
      if (std::string_view(special) == "\x01" || std::string_view(special) == "\xC3") {
        CHECK_MESSAGE(!doc, at, special);
        CHECK(e.offset == 2 + at + (std::string_view(special) == "\xC3" ? 1 : 0));
        continue;
      }
      REQUIRE_MESSAGE(doc, at, special, e.message);
      std::string expected(20, 'x');
      const std::string_view s(special);
      expected.insert(at, s == "\\n" ? "\n" : s == "\\\\" ? "\\" : s == "\\\"" ? "\"" : "é");
      std::string got;
      doc->Root().ForEachElement([&](size_t, Value v) { got = v.String(); });
      CHECK(got == expected);
    }
  }
}

TEST_CASE("Errors point at the first byte that cannot continue the document") {
  CHECK(ErrorAt("{\"a\": tru\n}") == 9);      // "tru" could still become true; the line break cannot
  CHECK(ErrorAt("[1,]") == 3);
  CHECK(ErrorAt("{\"a\":1,}") == 7);
  CHECK(ErrorAt("{\"a\" 1}") == 5);
  CHECK(ErrorAt("[01]") == 2);
  CHECK(ErrorAt("[1.]") == 3);
  CHECK(ErrorAt("[\"a") == 3);
  CHECK(ErrorAt("") == 0);
  CHECK(ErrorAt("{} x") == 3);
  CHECK(ErrorAt("[\"\\ud800\"]") == 2);      // a lone surrogate, at its escape
  CHECK(ErrorAt("[\"\\x\"]") == 2);
  CHECK(ErrorAt("[\"\xED\xA0\x80\"]") == 3);  // a surrogate encoded in UTF-8
  CHECK(ErrorAt("[\"\xC0\xAF\"]") == 2);      // an overlong form
  CHECK(ErrorAt("\xEF\xBB\xBF{}") == -1);      // a byte order mark is skipped
  CHECK(ErrorAt("[[[]]]", 3) == -1);
  CHECK(ErrorAt("[[[[]]]]", 3) == 3);         // the bracket one level too deep
  ParseError e;
  Parse("[1 2]", e);
  CHECK(e.message == "expected ',' or ']' after an element, not '2'");
}

TEST_CASE("Numbers: integers read exactly, others only as written") {
  ParseError e;
  const auto doc = Parse("[1, -0, 1.0, 1e2, 9223372036854775807, -9223372036854775808, 9223372036854775808, \"1\"]", e);
  REQUIRE(doc);
  std::vector<std::optional<long long>> got;
  std::vector<std::string> source;
  doc->Root().ForEachElement([&](size_t, Value v) {
    got.push_back(v.Integer());
    source.emplace_back(v.Source());
  });
  CHECK(got[0] == 1);
  CHECK(got[1] == 0);
  CHECK_FALSE(got[2]);
  CHECK(source[2] == "1.0");
  CHECK_FALSE(got[3]);
  CHECK(got[4] == 9223372036854775807LL);
  CHECK(got[5] == (-9223372036854775807LL - 1));
  CHECK_FALSE(got[6]);
  CHECK_FALSE(got[7]);
  CHECK(source[7].empty());
}

TEST_CASE("The code points of the text are collected while parsing") {
  ParseError e;
  const auto doc = Parse(R"({"ë":"Bërzhitë – ’ç’ \u00c7 \ud83d\ude00 😀","a":"plain"})", e);
  REQUIRE(doc);
  CHECK(doc->CodePoints() == std::vector<char32_t>{0xC7, 0xE7, 0xEB, 0x2013, 0x2019, 0x1F600});
  const auto ascii = Parse(R"({"a":["b",1,true]})", e);
  REQUIRE(ascii);
  CHECK(ascii->CodePoints().empty());
}
