// The bundle.json a published site serves (tools/bundle_copy): the editor's file, with each
// local document's type and size written in and no hostile character, every other byte kept.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "test_helpers.h"
#include "tools/bundle_copy.h"
#include "tools/referenced_files.h"

TEST_CASE("Hostile characters leave JSON text, as themselves and as escapes; nothing else changes") {
  CHECK(tools::WithoutHostileJson(R"({"a":"x\u0007y\u202Ez\b\f\r","b":[1,"\t\n\\u0007\\\u0000"]})") ==
        R"({"a":"xyz","b":[1,"\t\n\\u0007\\"]})");
  CHECK(tools::WithoutHostileJson("{\"a\":\"\xE2\x80\xAE" "ë\xEF\xBF\xBF\",\"\\ud83d\\ude00\":\"\\u00EB\"}") ==
        "{\"a\":\"ë\",\"\\ud83d\\ude00\":\"\\u00EB\"}");
  const std::string plain = R"({"format": "publication-bundle",  "n": [1, 2.5e3, true, null], "s": "a \"quoted\" \\ word"})";
  CHECK(tools::WithoutHostileJson(plain) == plain);
}

TEST_CASE("The served bundle: each local document's type and size, where the editor did not write them") {
  tools::BundleFile file = tools::ReadBundleFile(std::string(MODV_SOURCE_DIR) + "/tests/fixtures/rich.json");
  REQUIRE(file.result.Ok());
  tools::AddFileFacts(file);
  const auto& docs = file.result.bundle->directives[0].documents;
  CHECK(docs[0].type == "PDF");  // "%PDF-" first
  CHECK(docs[0].bytes == 42);
  CHECK(docs[1].type.empty());  // elsewhere: not read
  CHECK(file.result.bundle->news[0].image.width == 160);
  CHECK(file.result.bundle->news[0].image.height == 100);
  const std::string served = tools::PublishedBundleText(file);
  const auto j = nlohmann::json::parse(served);
  CHECK(j["directives"][0]["documents"][0]["type"] == "PDF");
  CHECK(j["directives"][0]["documents"][0]["bytes"] == 42);
  CHECK_FALSE(j["directives"][0]["documents"][1].contains("type"));
  CHECK(j["news"][0]["title"]["sq"] == "Salla e re e muzeut në Bërzhitë");
  CHECK(served.find("\\u0000") == std::string::npos);
}

TEST_CASE("A type and size the editor wrote are kept; the rest of the file is byte for byte") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("modv-bundle-copy-" + std::to_string(::getpid()));
  fs::create_directories(dir / "docs");
  fs::copy_file(std::string(MODV_SOURCE_DIR) + "/tests/fixtures/docs/strategy-2024.pdf", dir / "docs/a.pdf");
  const std::string text = R"({"format":"publication-bundle","version":1,"mission":{"title":"M","paragraphs":[]},"news":[],
    "directives":[{"id":"d","date":"2024","title":"T","documents":[
      {"title":"A", "src":"docs/a.pdf", "type":"Acrobat"},
      {"bytes":7, "title":"B", "src":"docs/a.pdf"}]}]})";
  std::ofstream(dir / "bundle.json") << text;
  tools::BundleFile file = tools::ReadBundleFile((dir / "bundle.json").string());
  REQUIRE(file.result.Ok());
  tools::AddFileFacts(file);
  std::string expected = text;
  expected.insert(expected.find(R"({"title":"A")") + 1, R"("bytes":42,)");
  expected.insert(expected.find(R"({"bytes":7)") + 1, R"("type":"PDF",)");
  CHECK(tools::PublishedBundleText(file) == expected);
  fs::remove_all(dir);
}

TEST_CASE("The files a bundle names are copied beside the served bundle once, with their times; the missing and the outside are left") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("modv-bundle-files-" + std::to_string(::getpid()));
  const fs::path from = dir / "editor", to = dir / "site";
  fs::remove_all(dir);
  fs::create_directories(from / "docs");
  fs::copy_file(std::string(MODV_SOURCE_DIR) + "/tests/fixtures/docs/strategy-2024.pdf", from / "docs/a.pdf");
  std::ofstream(dir / "outside.pdf") << "%PDF-";
  std::ofstream(from / "bundle.json") << R"({"format":"publication-bundle","version":1,"mission":{"title":"M","paragraphs":[]},"news":[],
    "directives":[{"id":"d","date":"2024","title":"T","documents":[
      {"title":"A","src":"docs/a.pdf"},{"title":"B","src":"docs/gone.pdf"},{"title":"C","src":"../outside.pdf"},
      {"title":"D","src":"https://example.org/d.pdf"}]}]})";
  tools::BundleFile file = tools::ReadBundleFile((from / "bundle.json").string());
  REQUIRE(file.result.Ok());
  size_t made = 0;
  REQUIRE(tools::CopyReferencedFiles(file, to, &made) == "");
  CHECK(made == 1);
  CHECK(fs::file_size(to / "docs/a.pdf") == fs::file_size(from / "docs/a.pdf"));
  CHECK(fs::last_write_time(to / "docs/a.pdf") == fs::last_write_time(from / "docs/a.pdf"));
  CHECK_FALSE(fs::exists(to / "docs/gone.pdf"));
  CHECK(std::distance(fs::recursive_directory_iterator(to), fs::recursive_directory_iterator()) == 2);  // docs/, docs/a.pdf
  // Again: a copy of that size and time is left as it is (its own bytes say so).
  std::ofstream(to / "docs/a.pdf", std::ios::binary | std::ios::in | std::ios::out) << "X";
  fs::last_write_time(to / "docs/a.pdf", fs::last_write_time(from / "docs/a.pdf"));
  made = 0;
  REQUIRE(tools::CopyReferencedFiles(file, to, &made) == "");
  CHECK(made == 0);
  std::ifstream kept(to / "docs/a.pdf");
  CHECK(kept.get() == 'X');
  // A newer original is copied again.
  fs::last_write_time(from / "docs/a.pdf", fs::last_write_time(from / "docs/a.pdf") + std::chrono::hours(1));
  REQUIRE(tools::CopyReferencedFiles(file, to) == "");
  std::ifstream copied(to / "docs/a.pdf");
  CHECK(copied.get() == '%');
  fs::remove_all(dir);
}
