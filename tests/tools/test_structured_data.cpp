// A published page's JSON-LD (tools/structured_data): the schema.org types and fields search
// engines read, as JSON any reader parses, with nothing in it that could end its <script>.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/bundle_loader.h"
#include "core/page.h"
#include "test_helpers.h"
#include "tools/structured_data.h"

namespace {

const std::string kBase = "https://mod.example";

// The JSON inside the <script> element, parsed (a parse error fails the test).
nlohmann::json Parsed(const std::string& element) {
  const std::string open = "<script type=\"application/ld+json\">", close = "</script>\n";
  REQUIRE(element.rfind(open, 0) == 0);
  REQUIRE(element.size() > open.size() + close.size());
  REQUIRE(element.compare(element.size() - close.size(), close.size(), close) == 0);
  const std::string json = element.substr(open.size(), element.size() - open.size() - close.size());
  CHECK(json.find('<') == std::string::npos);
  return nlohmann::json::parse(json);
}

core::Content Rich() {
  core::LoadResult r = core::LoadBundle(SourceFile("tests/fixtures/rich.json"));
  REQUIRE(r.Ok());
  return core::Content(std::move(*r.bundle));
}

}  // namespace

TEST_CASE("A news item is a NewsArticle, a directive a Legislation with its documents, a list a CollectionPage") {
  core::Content c = Rich();
  const nlohmann::json news = Parsed(tools::StructuredData(c, core::MakePage(c, core::Route::NewsDetail("museum-hall"), "en"), kBase, "MoD"));
  CHECK(news["@context"] == "https://schema.org");
  CHECK(news["@type"] == "NewsArticle");
  CHECK(news["url"] == kBase + "/en/news/museum-hall/");
  CHECK(news["datePublished"] == "2024-03-05");
  CHECK(news["inLanguage"] == "en");
  CHECK(news["image"].get<std::string>().rfind(kBase + "/", 0) == 0);
  CHECK(news["keywords"].is_array());
  CHECK(news["publisher"] == nlohmann::json({{"@type", "GovernmentOrganization"}, {"name", "MoD"}, {"url", kBase + "/"}}));
  // The members in the order written: the kind of thing first.
  const std::string text = tools::StructuredData(c, core::MakePage(c, core::Route::NewsDetail("museum-hall"), "en"), kBase, "MoD");
  CHECK(text.find("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":") != std::string::npos);

  const nlohmann::json law = Parsed(tools::StructuredData(c, core::MakePage(c, core::Route::DirectiveDetail("strategy-2024"), "en"), kBase, "MoD"));
  CHECK(law["@type"] == "Legislation");
  CHECK(law["name"] == "Defence strategy 2024");
  CHECK(law["legislationIdentifier"] == "Nr. 17/2024");
  REQUIRE(law["encoding"].is_array());
  CHECK(law["encoding"][0] == nlohmann::json({{"@type", "LegislationObject"}, {"contentUrl", kBase + "/docs/strategy-2024.pdf"}}));
  CHECK(law["encoding"].size() > 1);
  CHECK(law["encoding"][1]["encodingFormat"] == "application/pdf");

  const nlohmann::json list = Parsed(tools::StructuredData(c, core::MakePage(c, core::Route::News(2024), "sq"), kBase, "MM"));
  CHECK(list["@type"] == "CollectionPage");
  CHECK(list["url"] == kBase + "/sq/news/2024.html");
  const nlohmann::json mission = Parsed(tools::StructuredData(c, core::MakePage(c, core::Route::Mission(), "en"), kBase, "MoD"));
  CHECK(mission["@type"] == "GovernmentOrganization");
}

TEST_CASE("Quotes, backslashes, control characters, markup and ill-formed UTF-8 in a title: escaped, and read back as they were") {
  core::Content c = Rich();
  core::Page page = core::MakePage(c, core::Route::NewsDetail("museum-hall"), "en");
  page.title = "A \"quoted\" \\ path\t</script><!-- & \x01 Bërzhitë \xff end";
  const std::string element = tools::StructuredData(c, page, kBase, "Site </script>");
  CHECK(element.find("</script>") == element.size() - std::string("</script>\n").size());
  const nlohmann::json j = Parsed(element);
  CHECK(j["headline"] == "A \"quoted\" \\ path\t</script><!-- & \x01 Bërzhitë \xef\xbf\xbd end");
  CHECK(j["author"]["name"] == "Site </script>");
}
