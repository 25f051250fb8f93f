// The bundle loader: the default bundle, whole-bundle errors with their location, item-level
// problems with their paths, and every file of JSONTestSuite answered cleanly.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/bundle_loader.h"
#include "core/limits.h"
#include "test_helpers.h"

namespace {

std::string Wrap(const std::string& news, const std::string& directives = "[]") {
  return R"({"format":"publication-bundle","version":1,"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":)" +
         news + R"(,"directives":)" + directives + "}";
}

const core::Diagnostic* Find(const core::LoadResult& r, const std::string& path) {
  for (const auto& d : r.diagnostics)
    if (d.path == path) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("The default bundle loads with the whole seed") {
  const auto r = core::LoadBundle(SourceFile("assets/bundle.json"));
  REQUIRE(r.Ok());
  CHECK(r.diagnostics.empty());
  const core::Bundle& b = *r.bundle;
  CHECK(b.languages == std::vector<std::string>{"sq", "en"});
  CHECK(b.mission.paragraphs.size() == 4);
  REQUIRE(b.mission.paragraphs[2].items.size() == 9);
  std::string labels;
  for (const auto& i : b.mission.paragraphs[2].items) labels += i.label + " ";
  CHECK(labels == "a b c ç d dh e ë f ");
  CHECK(b.news.size() == 7);
  CHECK(b.directives.size() == 3);
  REQUIRE(b.FindDirective("defence-directive-2024"));
  REQUIRE(b.FindDirective("secretary-general-annual-report-2022"));
  CHECK(b.FindDirective("secretary-general-annual-report-2022")->date.day == 21);
  REQUIRE(b.FindDirective("nato-strategic-concept-2022"));
  REQUIRE(b.FindNews("armed-forces-museum-berzhite"));
  CHECK(b.FindNews("armed-forces-museum-berzhite")->summary.Get("en").find("Bërzhitë") != std::string::npos);
  CHECK(b.siteTitle.Get("sq") == "Ministria e Mbrojtjes");
}

TEST_CASE("Syntax errors carry line and column") {
  const auto r = core::LoadBundle("{\n  \"format\": \"publication-bundle\",\n  \"version\": tru\n}");
  REQUIRE_FALSE(r.Ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].line == 3);
  CHECK(r.diagnostics[0].column == 17);
  CHECK(r.diagnostics[0].message.find("not valid JSON") == 0);
}

TEST_CASE("Invalid UTF-8 is a syntax error with a position") {
  const auto r = core::LoadBundle("{\"format\": \"publication-bundle\xC3(\"}");
  REQUIRE_FALSE(r.Ok());
  CHECK(r.diagnostics[0].line == 1);
  CHECK(r.diagnostics[0].column > 0);
}

TEST_CASE("Whole-bundle problems name the field") {
  const auto check = [](const std::string& text, const std::string& path, const std::string& words) {
    const auto r = core::LoadBundle(text);
    REQUIRE_FALSE(r.Ok());
    REQUIRE(r.FirstError());
    CHECK(r.FirstError()->path == path);
    CHECK_MESSAGE(r.FirstError()->message.find(words) != std::string::npos, r.FirstError()->message);
  };
  check("[]", "", "JSON object");
  check("", "", "empty");
  check(R"({"version":1})", "format", "missing");
  check(R"({"format":"other","version":1})", "format", "publication-bundle");
  check(R"({"format":"publication-bundle","version":2})", "version", "version 1");
  check(R"({"format":"publication-bundle","version":"1"})", "version", "version 1");
  check(R"({"format":"publication-bundle","version":1,"news":[],"directives":[]})", "mission", "missing");
  check(R"({"format":"publication-bundle","version":1,"mission":{"title":"M","paragraphs":[]},"news":{},"directives":[]})",
        "news", "array");
  check(R"({"format":"publication-bundle","version":1,"mission":{"title":"M","paragraphs":[]},"news":[]})", "directives",
        "missing");
  check(R"({"format":"publication-bundle","version":1,"mission":{"paragraphs":[]},"news":[],"directives":[]})",
        "mission.title", "missing");
}

TEST_CASE("Item problems leave the item out and name its path") {
  const auto r = core::LoadBundle(Wrap(R"([
    {"id":"ok","date":"2024-01","title":"Fine"},
    {"id":"bad-date","date":"2024-13","title":"x"},
    {"id":"Bad Id","date":"2024","title":"x"},
    {"id":"ok","date":"2024","title":"duplicate"},
    {"date":"2024","title":"no id"},
    {"id":"no-title","date":"2024"},
    {"id":"num","date":"2024","title":"x","summary":5},
    "not an object"
  ])"));
  REQUIRE(r.Ok());
  CHECK(r.bundle->news.size() == 1);
  CHECK(r.skippedItems == 7);
  CHECK(Find(r, "news[1].date"));
  CHECK(Find(r, "news[2].id"));
  REQUIRE(Find(r, "news[3].id"));
  CHECK(Find(r, "news[3].id")->message.find("earlier") != std::string::npos);
  CHECK(Find(r, "news[4].id"));
  CHECK(Find(r, "news[5].title"));
  CHECK(Find(r, "news[6].summary"));
  CHECK(Find(r, "news[7]"));
}

TEST_CASE("Unsafe links and image paths are dropped with a warning, the item stays") {
  const auto r = core::LoadBundle(Wrap(
      R"J([{"id":"a","date":"2024","title":"<b>x</b>","link":"javascript:alert(1)","image":"../secret.png"}])J",
      R"([{"id":"d","date":"2024","title":"D","document":"data:text/html,hi","link":"https://example.org/x"}])"));
  REQUIRE(r.Ok());
  REQUIRE(r.bundle->news.size() == 1);
  CHECK(r.bundle->news[0].link.empty());
  CHECK(r.bundle->news[0].image.Empty());
  CHECK(r.bundle->news[0].title.Get("en") == "<b>x</b>");
  CHECK(Find(r, "news[0].link")->severity == core::Severity::Warning);
  CHECK(Find(r, "news[0].image")->severity == core::Severity::Warning);
  CHECK(r.bundle->directives[0].document.empty());
  CHECK(r.bundle->directives[0].link == "https://example.org/x");
}

TEST_CASE("Length limits and nesting depth") {
  const std::string longTitle(301, 'x');
  const auto r = core::LoadBundle(Wrap(R"([{"id":"a","date":"2024","title":")" + longTitle + R"("}])"));
  REQUIRE(r.Ok());
  CHECK(r.bundle->news.empty());
  CHECK(Find(r, "news[0].title"));
  const auto deep = core::LoadBundle(std::string(100000, '[') + std::string(100000, ']'));
  REQUIRE_FALSE(deep.Ok());
  CHECK(deep.diagnostics[0].message.find("nested") != std::string::npos);
  CHECK(deep.diagnostics[0].column == 33);
}

TEST_CASE("Bilingual texts and unknown fields") {
  const auto r = core::LoadBundle(
      R"({"format":"publication-bundle","version":1,"languages":["sq","en"],"extra":{"ignored":true},
          "mission":{"title":{"sq":"Misioni","en":"Mission"},"paragraphs":[{"number":"1","text":{"sq":"Një","en":"One"},
          "items":[{"label":"ç","text":"Çështje"}]}]},"news":[],"directives":[]})");
  REQUIRE(r.Ok());
  CHECK(r.bundle->mission.title.Get("en") == "Mission");
  CHECK(r.bundle->mission.title.Get("sq") == "Misioni");
  CHECK(r.bundle->mission.paragraphs[0].items[0].label == "ç");
}

TEST_CASE("Every JSONTestSuite file gets a clean answer") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(MODV_TESTDATA_DIR) / "JSONTestSuite" / "test_parsing";
  REQUIRE(fs::is_directory(dir));
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const auto r = core::LoadBundle(ReadFile(entry.path().string()));
    ++files;
    CHECK_MESSAGE(!r.Ok(), name);  // none of them is a bundle
    REQUIRE_MESSAGE(r.FirstError(), name);
    if (name.rfind("n_", 0) == 0 && r.FirstError()->message.find("not valid JSON") == 0)
      CHECK_MESSAGE(r.FirstError()->line > 0, name);
    if (name.rfind("y_", 0) == 0)
      CHECK_MESSAGE(r.FirstError()->message.find("not valid JSON") == std::string::npos, name);
  }
  CHECK(files > 300);
}

TEST_CASE("Item problems carry the line and column of the offending value") {
  const std::string text =
      "{\n"
      "  \"format\": \"publication-bundle\",\n"
      "  \"version\": 1,\n"
      "  \"mission\": {\"title\": \"Misioni\", \"paragraphs\": []},\n"
      "  \"news\": [\n"
      "    {\"id\": \"a\", \"date\": \"2024-01\", \"title\": \"Mirë\"},\n"
      "    {\"id\": \"b\", \"date\": \"2024-13\", \"title\": \"Çështje\"},\n"
      "    {\"date\": \"2024\", \"title\": \"pa id\"},\n"
      "    {\"id\": \"c\", \"date\": \"2024\", \"title\": {\"sq\": 5}}\n"
      "  ],\n"
      "  \"directives\": [{\"id\": \"a\", \"date\": \"2024\", \"title\": \"ë\", \"link\": \"javascript:x\"}]\n"
      "}\n";
  const auto r = core::LoadBundle(text);
  REQUIRE(r.Ok());
  CHECK(r.bundle->news.size() == 1);
  CHECK(r.skippedItems == 3);
  const auto* date = Find(r, "news[1].date");
  REQUIRE(date);
  CHECK(date->line == 7);
  CHECK(date->column == 25);
  const auto* id = Find(r, "news[2].id");  // missing: points at its object
  REQUIRE(id);
  CHECK(id->line == 8);
  CHECK(id->column == 5);
  const auto* title = Find(r, "news[3].title.sq");
  REQUIRE(title);
  CHECK(title->line == 9);
  CHECK(title->column == 49);
  const auto* link = Find(r, "directives[0].link");
  REQUIRE(link);
  CHECK(link->severity == core::Severity::Warning);
  CHECK(link->line == 11);
  CHECK(link->column == 68);  // counted in characters: "ë" is one
}

TEST_CASE("Whole-bundle problems point at the field or the document") {
  const auto r = core::LoadBundle("{\n  \"format\": \"publication-bundle\",\n  \"version\": 2\n}");
  REQUIRE(r.FirstError());
  CHECK(r.FirstError()->path == "version");
  CHECK(r.FirstError()->line == 3);
  CHECK(r.FirstError()->column == 14);
  const auto missing = core::LoadBundle("\n  {\"format\": \"publication-bundle\", \"version\": 1}");
  REQUIRE(missing.FirstError());
  CHECK(missing.FirstError()->path == "mission");
  CHECK(missing.FirstError()->line == 2);
  CHECK(missing.FirstError()->column == 3);
}

TEST_CASE("A language named twice in a text: the last counts; more than the limit are ignored with a warning") {
  const auto r = core::LoadBundle(Wrap(R"([{"id":"a","date":"2024","title":{"en":"Old","en":"New","sq":"Titull"}}])"));
  REQUIRE(r.Ok());
  REQUIRE(r.bundle->news.size() == 1);
  CHECK(r.bundle->news[0].title.Get("en") == "New");
  CHECK(r.bundle->news[0].title.byLang.size() == 2);
  // Thousands of language keys in one title (hostile): at most the limit are kept.
  std::string many;
  for (int i = 0; i < 5000; ++i) many += (i ? "," : "") + std::string("\"l") + std::to_string(i) + "\":\"x\"";
  const auto h = core::LoadBundle(Wrap(R"([{"id":"a","date":"2024","title":{)" + many + "}}]"));
  REQUIRE(h.Ok());
  CHECK(h.bundle->news[0].title.byLang.size() == core::limits::kMaxLanguages);
  CHECK(h.diagnostics.size() < 200);  // one warning per kept unlisted language and for the rest, not 5000
}

TEST_CASE("A byte order mark does not shift the positions of problems") {
  const std::string body = "{\n  \"format\": \"publication-bundle\",\n  \"version\": 1,\n"
                           "  \"mission\": {\"title\": \"M\", \"paragraphs\": []},\n"
                           "  \"news\": [{\"id\": \"a\", \"date\": \"2024-13\", \"title\": \"T\"}],\n  \"directives\": []\n}";
  const auto plain = core::LoadBundle(body);
  const auto bom = core::LoadBundle("\xEF\xBB\xBF" + body);
  REQUIRE(plain.FirstError());
  REQUIRE(bom.FirstError());
  CHECK(plain.FirstError()->line == 5);
  CHECK(bom.FirstError()->line == plain.FirstError()->line);
  CHECK(bom.FirstError()->column == plain.FirstError()->column);
}

TEST_CASE("Limits on values and on listed problems keep hostile files small") {
  // More values than any bundle within the limits needs: refused while parsing.
  std::string zeros = "[";
  for (size_t i = 0; i < core::limits::kMaxJsonValues + 10; ++i) zeros += i ? ",0" : "0";
  zeros += "]";
  const auto r = core::LoadBundle(zeros);
  REQUIRE(r.FirstError());
  CHECK(r.FirstError()->message.find("values") != std::string::npos);
  // 20,000 items with a bad date: the list stops at the limit and says so.
  std::string news;
  for (int i = 0; i < 20000; ++i) news += (i ? "," : "") + std::string(R"({"id":"n)") + std::to_string(i) + R"(","date":"x","title":"T"})";
  const auto many = core::LoadBundle(Wrap("[" + news + "]"));
  REQUIRE(many.Ok());
  CHECK(many.skippedItems == 20000);
  CHECK(many.diagnostics.size() == core::limits::kMaxDiagnostics);
  CHECK(many.diagnostics.back().message.find("more problems were found") == 0);
}

// The bundle keeps its text and its strings are views of it, decoded where they are written
// (Bundle::source): escapes of every kind come out right, once, and problems after an escaped
// string on the same line still get the column of the text as written.
TEST_CASE("Texts are decoded in the bundle's own text, once, and positions stay those of the file") {
  const std::string json =
      R"({"format":"publication-bundle","version":1,"mission":{"title":"Mis\u00EBion \"A\"\n\ud83d\ude00 \\n","paragraphs":[{"text":"p\tq"}]},)"
      R"("news":[{"id":"a","date":"2024","title":{"en":"x\\n","en":"Line\\none \/ \u00e7"},"body":"One\n\nTwo"},)"
      R"({"id":"Bad Id","date":"2024","title":"\u00eb\u00eb"}],"directives":[]})";
  auto r = core::LoadBundle(json);
  REQUIRE(r.bundle);
  const core::Bundle& b = *r.bundle;
  CHECK(b.mission.title.Get("en") == "Misëion \"A\"\n\xF0\x9F\x98\x80 \\n");
  CHECK(b.mission.paragraphs[0].text.Get("en") == "p\tq");
  REQUIRE(b.news.size() == 1);
  // The last "en" counts, and its \\n stays a backslash and an n: not decoded a second time.
  CHECK(b.news[0].title.Get("en") == "Line\\none / ç");
  CHECK(b.news[0].body.Get("en") == "One\n\nTwo");
  // Views of the bundle's own text, not copies.
  const char* begin = b.source.get();
  const char* end = begin + json.size();
  for (const std::string_view s : {b.mission.title.Get("en"), b.news[0].title.Get("en"), b.news[0].body.Get("en")})
    CHECK((s.data() >= begin && s.data() + s.size() <= end));
  // The bad id's position, on the one line of this file: after several escaped strings.
  const core::Diagnostic* bad = Find(r, "news[1].id");
  REQUIRE(bad);
  CHECK(bad->line == 1);
  CHECK(bad->column == static_cast<int>(json.find("\"Bad Id\"")) + 1);  // the file is ASCII
}

TEST_CASE("A moved bundle keeps its texts") {
  core::Bundle kept;
  {
    auto r = core::LoadBundle(Wrap(R"([{"id":"a","date":"2024","title":"T\u00eftle","body":"B\nody"}])"));
    REQUIRE(r.bundle);
    kept = std::move(*r.bundle);
  }  // the LoadResult, and the text it owned before the move, are gone (ASan checks this in core_sanitizers)
  CHECK(kept.news[0].title.Get("en") == "Tïtle");
  CHECK(kept.news[0].body.Get("en") == "B\nody");
}
