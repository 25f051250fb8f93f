// Bundles for the publisher's tests, made to measure.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "core/bundle_loader.h"

namespace tools_test {

// A bundle of `news` news and `directives` directives over several years, with bodies, tags and
// categories, in no particular date order (the publisher orders them newest first).
inline std::string MakeBundle(int news, int directives, const std::string& extra = "") {
  const char* words[] = {"Bërzhitë", "stërvitje", "NATO", "çështje", "ushtrimi", "Durrës", "helikopterët", "kadetët"};
  std::string s = R"({"format":"publication-bundle","version":1,"languages":["sq","en"],"site":{"title":"MM"},)"
                  R"("mission":{"title":{"sq":"Misioni","en":"Mission"},"paragraphs":[{"number":"1","text":"Teksti","items":[{"label":"a","text":"Pika"}]}]},"news":[)";
  for (int i = 0; i < news; ++i) {
    const int year = 2000 + (i * 7) % 25, month = 1 + i % 12;
    const std::string w = words[i % 8], w2 = words[(i * 3 + 1) % 8];
    s += std::string(i ? "," : "") + R"({"id":"n)" + std::to_string(i) + R"(","date":")" + std::to_string(year) + "-" +
         (month < 10 ? "0" : "") + std::to_string(month) + R"(","title":{"sq":")" + w + " lajm " + std::to_string(i) +
         R"(","en":"News )" + std::to_string(i) + R"("},"summary":"Përmbledhje )" + w2 + R"(","body":{"sq":")" +
         std::string(200 + i % 50, 'x') + " " + w2 + R"( trup","en":"Body text"},"tags":[")" + w + R"("]})";
  }
  s += R"(],"directives":[)";
  for (int i = 0; i < directives; ++i)
    s += std::string(i ? "," : "") + R"({"id":"d)" + std::to_string(i) + R"(","date":")" + std::to_string(2000 + (i * 5) % 30) +
         R"(","title":"Direktiva )" + words[i % 8] + R"(","category":")" + (i % 2 ? "Urdhër" : "Plan") + R"(","summary":"Përmbledhje","body":"Neni )" +
         std::to_string(i) + R"("})";
  return s + "]" + extra + "}";
}

inline core::Bundle Load(const std::string& json) {
  auto r = core::LoadBundle(json);
  REQUIRE(r.Ok());
  return std::move(*r.bundle);
}

}  // namespace tools_test
