// The format's richer forms (docs/bundle-format.md): images with their words, directives with a
// number, documents and history, tags and categories with a word per language, and the
// characters no output may carry, which validate names and the loader leaves out.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/bundle_loader.h"
#include "core/content.h"
#include "core/links.h"
#include "core/screen.h"
#include "core/strings.h"
#include "test_helpers.h"

namespace {

const core::Diagnostic* Find(const core::LoadResult& r, const std::string& path) {
  for (const auto& d : r.diagnostics)
    if (d.path == path) return &d;
  return nullptr;
}

core::LoadResult Rich() { return core::LoadBundle(SourceFile("tests/fixtures/rich.json")); }

std::string Wrap(const std::string& news, const std::string& directives = "[]") {
  return R"({"format":"publication-bundle","version":1,"languages":["sq","en"],"mission":{"title":"M","paragraphs":[]},"news":)" +
         news + R"(,"directives":)" + directives + "}";
}

bool AnyBlock(const core::ScreenDoc& doc, core::Block::Kind kind) {
  return std::any_of(doc.blocks.begin(), doc.blocks.end(), [&](const core::Block& b) { return b.kind == kind; });
}

}  // namespace

TEST_CASE("An image with its words; a bare path still is one, with a warning that it has none") {
  const core::LoadResult r = Rich();
  REQUIRE(r.Ok());
  const core::Image& image = r.bundle->news[0].image;
  CHECK(image.src == "images/museum.png");
  CHECK(image.alt.Get("sq") == "Salla e muzeut me dy tanke");
  CHECK(image.alt.Get("en") == "The museum's hall with two tanks");  // its U+0008 left out
  CHECK(image.caption.Get("en") == "The new hall, opened in March");
  CHECK(image.credit == "Foto: MM");  // its U+202D left out
  CHECK(r.bundle->news[1].image.src == "images/museum.png");
  CHECK(r.bundle->news[1].image.alt.Empty());
  REQUIRE(Find(r, "news[1].image"));
  CHECK(Find(r, "news[1].image")->severity == core::Severity::Warning);
  CHECK(Find(r, "news[1].image")->message.find("no alt text") != std::string::npos);
  CHECK_FALSE(Find(r, "news[0].image"));

  const auto missing = core::LoadBundle(Wrap(R"([{"id":"a","date":"2024","title":"t","image":{"alt":"x"}}])"));
  REQUIRE(Find(missing, "news[0].image.src"));
  CHECK(Find(missing, "news[0].image.src")->severity == core::Severity::Error);
  const auto outside = core::LoadBundle(Wrap(R"([{"id":"a","date":"2024","title":"t","image":{"src":"../x.png","alt":"x"}}])"));
  REQUIRE(outside.Ok());
  CHECK(outside.bundle->news[0].image.Empty());
  CHECK(Find(outside, "news[0].image"));
}

TEST_CASE("A directive's number, documents and history of changes") {
  const core::LoadResult r = Rich();
  REQUIRE(r.Ok());
  const core::Directive& d = r.bundle->directives[0];
  CHECK(d.number == "Nr. 17/2024");
  REQUIRE(d.documents.size() == 2);
  CHECK(d.documents[0].title.Get("en") == "The strategy (Albanian)");
  CHECK(d.documents[0].src == "docs/strategy-2024.pdf");
  CHECK(d.documents[0].lang == "sq");
  CHECK(d.documents[0].type.empty());  // publish reads it from the file
  CHECK(d.documents[1].src == "https://www.mod.gov.al/files/strategy-2024-en.pdf");
  REQUIRE(d.changes.size() == 2);
  CHECK(core::FormatIsoDate(d.changes[1].date) == "2024-04-02");
  CHECK(d.changes[1].note.Get("en") == "Annex B added.");
  CHECK(core::FormatIsoDate(d.Updated()) == "2024-04-02");
  CHECK(core::FormatIsoDate(r.bundle->directives[1].Updated()) == "2023-06-01");

  const auto bad = core::LoadBundle(Wrap("[]", R"J([
    {"id":"a","date":"2024","title":"t","documents":{"title":"x"}},
    {"id":"b","date":"2024","title":"t","documents":[{"title":"x"}]},
    {"id":"c","date":"2024","title":"t","documents":[{"title":"x","src":"a.pdf","bytes":-3}]},
    {"id":"d","date":"2024","title":"t","changes":[{"date":"2024-13-01","note":"x"}]},
    {"id":"e","date":"2024","title":"t","documents":[{"title":"x","src":"javascript:alert(1)"}]},
    {"id":"f","date":"2024","title":"t","number":7}])J"));
  REQUIRE(bad.Ok());
  CHECK(Find(bad, "directives[0].documents")->severity == core::Severity::Error);
  CHECK(Find(bad, "directives[1].documents[0].src")->severity == core::Severity::Error);
  CHECK(Find(bad, "directives[2].documents[0].bytes")->severity == core::Severity::Error);
  CHECK(Find(bad, "directives[3].changes[0].date")->severity == core::Severity::Error);
  CHECK(Find(bad, "directives[4].documents[0].src")->severity == core::Severity::Warning);
  CHECK(Find(bad, "directives[5].number")->severity == core::Severity::Error);
  REQUIRE(bad.bundle->directives.size() == 1);  // the ones with errors are left out
  CHECK(bad.bundle->directives[0].id == "e");
  CHECK(bad.bundle->directives[0].documents.empty());
}

TEST_CASE("Labels: a word per language, keyed by the first language's; a plain string is its own key") {
  const core::LoadResult r = Rich();
  REQUIRE(r.Ok());
  const auto& tags = r.bundle->news[0].tags;
  REQUIRE(tags.size() == 3);
  CHECK(tags[0].key == "Forcat Ajrore");
  CHECK(tags[0].Get("en") == "Air Force");
  CHECK(tags[0].Get("sq") == "Forcat Ajrore");
  CHECK(tags[2].key == "NATO");
  CHECK(tags[2].Get("en") == "NATO");
  CHECK(r.bundle->directives[0].category.key == "Direktivë");
  CHECK(r.bundle->directives[0].category.Get("en") == "Directive");
  CHECK(r.bundle->directives[1].category.Get("en") == "Urdhër");

  const auto bad = core::LoadBundle(Wrap(R"([{"id":"a","date":"2024","title":"t","tags":[{"sq":"","en":"x"}]},
                                             {"id":"b","date":"2024","title":"t","tags":[{"xx yy":"x"}]},
                                             {"id":"c","date":"2024","title":"t","tags":[["x"]]}])"));
  CHECK(Find(bad, "news[0].tags[0]")->severity == core::Severity::Error);  // a word that is empty
  CHECK(Find(bad, "news[2].tags[0]")->severity == core::Severity::Error);
  REQUIRE(bad.Ok());
  REQUIRE(bad.bundle->news.size() == 1);  // a language it does not list: a warning, and its word is the key
  CHECK(bad.bundle->news[0].tags[0].key == "x");
}

TEST_CASE("Hostile characters: validate names each with its field's path; no text keeps them") {
  const core::LoadResult r = Rich();
  REQUIRE(r.Ok());
  for (const char* path : {"news[0].title.sq", "news[0].title.en", "news[0].summary.en", "news[0].body.sq", "news[0].body.en",
                           "news[0].image.alt.en", "news[0].image.credit", "mission.paragraphs[0].text.sq",
                           "mission.paragraphs[1].items[0].text.en", "directives[0].documents[1].title.en",
                           "directives[0].changes[1].note.en"}) {
    const core::Diagnostic* d = Find(r, path);
    REQUIRE_MESSAGE(d, path);
    CHECK(d->severity == core::Severity::Warning);
    CHECK(d->message.find("U+") != std::string::npos);
  }
  CHECK(Find(r, "news[0].title.sq")->message.find("U+0000") != std::string::npos);
  const core::NewsItem& n = r.bundle->news[0];
  CHECK(n.title.Get("sq") == "Salla e re e muzeut në Bërzhitë");
  CHECK(n.title.Get("en") == "The museum's new hall in Bërzhitë");
  CHECK(n.body.Get("en") == "First paragraph.\n\nSecond paragraph.");
  CHECK(n.body.Get("sq") == "Paragrafi i parë.\n\nParagrafi i dytë.");
  CHECK(r.bundle->mission.paragraphs[0].text.Get("sq") == "Ministria e Mbrojtjes mbështet Ministrin.");

  // Written as themselves (UTF-8), and as short escapes.
  const auto raw = core::LoadBundle(Wrap("[{\"id\":\"a\",\"date\":\"2024\",\"title\":\"a\xE2\x80\xAE b\\rc\\fd\\t\\ne\",\"link\":\"https://x.al/\xE2\x81\xA6\"}]"));
  REQUIRE(raw.Ok());
  CHECK(raw.bundle->news[0].title.Get("sq") == "a bcd\t\ne");
  CHECK(raw.bundle->news[0].link == "https://x.al/");
  CHECK(Find(raw, "news[0].title"));
  CHECK(Find(raw, "news[0].link"));
  CHECK(core::FirstHostile(std::string_view("a\0b", 3)) == U'\0');
  CHECK_FALSE(core::FirstHostile("tab\tand\nnewline, ë, “quotes”"));
  CHECK(core::WithoutHostile("\xEF\xBF\xBE" "x" "\xEF\xBF\xBF") == "x");
}

TEST_CASE("The screens show the richer content in the visitor's language") {
  core::LoadResult r = Rich();
  REQUIRE(r.Ok());
  core::Content c(std::move(*r.bundle));
  // The news item: its image with alt text, caption and credit, and its tags in English.
  core::ScreenDoc doc = core::Describe(c, core::Route::NewsDetail("museum-hall"), "en");
  const auto image = std::find_if(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) { return b.kind == core::Block::Image; });
  REQUIRE(image != doc.blocks.end());
  CHECK(image->text == "The museum's hall with two tanks");
  CHECK(image->url == "images/museum.png");
  CHECK(core::Caption(*image) == "The new hall, opened in March — Foto: MM");
  CHECK(std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) { return b.text == "Tags: Air Force, Museum, NATO"; }));

  // The directive: its number in the line under the title, its documents, its history.
  doc = core::Describe(c, core::Route::DirectiveDetail("strategy-2024"), "en");
  CHECK(std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) { return b.text == "15 January 2024 · Directive · Nr. 17/2024"; }));
  const auto docs = std::find_if(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) { return b.kind == core::Block::Documents; });
  REQUIRE(docs != doc.blocks.end());
  REQUIRE(docs->links.size() == 2);
  CHECK(docs->links[0].title == "The strategy (Albanian)");
  CHECK(docs->links[0].note == "PDF, Shqip");  // its type by its name until publish reads the file
  CHECK(docs->links[1].note == "PDF, English");
  CHECK(AnyBlock(doc, core::Block::Items));

  // Filters: the English words, the first language's keys.
  doc = core::Describe(c, core::Route::News(), "en");
  const auto tags = std::find_if(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) { return b.kind == core::Block::Filters; });
  REQUIRE(tags != doc.blocks.end());
  CHECK(tags->chips[0].label == "#Air Force (2)");
  CHECK(tags->chips[0].target.tag == "Forcat Ajrore");
  doc = core::Describe(c, core::Route::News(0, "Forcat Ajrore"), "sq");
  CHECK(std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) {
    return b.kind == core::Block::List && b.list.items.size() == 2;
  }));
  doc = core::Describe(c, core::Route::Directives(), "en");
  const auto cats = std::find_if(doc.blocks.begin(), doc.blocks.end(), [](const core::Block& b) { return b.kind == core::Block::Chips; });
  REQUIRE(cats != doc.blocks.end());
  CHECK(cats->chips[1].label == "Directive (1)");
  CHECK(cats->chips[1].target.category == "Direktivë");

  // Search finds a tag by its word in the language searched.
  CHECK(c.Search("force", "en", 10).hits.size() == 2);
  CHECK(c.Search("ajrore", "sq", 10).hits.size() == 2);
}

TEST_CASE("A document's size and type as the visitor reads them") {
  CHECK(core::FormatSize(42, "en") == "42 B");
  CHECK(core::FormatSize(150528, "en") == "151 KB");
  CHECK(core::FormatSize(1234567, "en") == "1.2 MB");
  CHECK(core::FormatSize(1234567, "sq") == "1,2 MB");
  CHECK(core::FormatSize(25000000, "en") == "25.0 MB");
  CHECK(core::FileTypeOf("docs/a.pdf") == "PDF");
  CHECK(core::FileTypeOf("https://x.al/files/plan.docx?v=2#p") == "DOCX");
  CHECK(core::FileTypeOf("docs/readme").empty());
  CHECK(core::FileTypeOf("docs.v2/readme").empty());
  CHECK(core::FileTypeOf("a.tar-gz").empty());
}
