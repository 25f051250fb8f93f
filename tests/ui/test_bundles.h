// Generated bundles for the ui tests: many news (short or with long bodies), many directives.
#pragma once
#include <string>

#include "core/mirror.h"

namespace test {

// `count` short news over 25 years.
inline std::string ManyNews(int count) {
  std::string news;
  for (int i = 0; i < count; ++i) {
    if (i) news += ",";
    news += R"({"id":"n)" + std::to_string(i) + R"(","date":")" + std::to_string(2000 + i % 25) + "-" +
            (i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + R"(","title":"Lajm numër )" + std::to_string(i) +
            R"( për stërvitjen e përbashkët","summary":"Përmbledhje e shkurtër e lajmit me disa fjalë më shumë."})";
  }
  return R"({"format":"publication-bundle","version":1,"languages":["sq"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[)" +
         news + R"(],"directives":[]})";
}

// `years` years of news (the newest 2026), `perYear` items each over its months, and `tags`
// tags ("tema-1" the most used), two on each item: an archive whose filters once filled a
// phone's first screen.
inline std::string ArchiveOfYears(int years, int perYear, int tags) {
  std::string news;
  for (int y = 0; y < years; ++y)
    for (int i = 0; i < perYear; ++i) {
      const int month = 12 - i * 12 / perYear, n = y * perYear + i;
      news += std::string(news.empty() ? "" : ",") + R"({"id":"n)" + std::to_string(n) + R"(","date":")" + std::to_string(2026 - y) +
              "-" + (month < 10 ? "0" : "") + std::to_string(month) + R"(-01","title":"Lajm )" + std::to_string(n) +
              R"(","tags":["tema-1","tema-)" + std::to_string(2 + n % (tags - 1)) + R"("]})";
    }
  return R"({"format":"publication-bundle","version":1,"languages":["sq"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[)" +
         news + R"(],"directives":[]})";
}

// The news items a mirror lists.
inline int CountItems(const core::Mirror& m) {
  int n = 0;
  for (const auto& node : m.nodes)
    if (node.kind == core::MirrorKind::Item && node.href.rfind("#/news/", 0) == 0) ++n;
  return n;
}

// `count` news items, each with a body of about 1 KB: several megabytes of text to index.
inline std::string ManyLongNews(int count) {
  std::string body;
  for (int k = 0; body.size() < 1000; ++k) body += "fjala" + std::to_string(k % 97) + " stërvitje mbrojtje ";
  std::string news;
  for (int i = 0; i < count; ++i) {
    if (i) news += ",";
    news += R"({"id":"n)" + std::to_string(i) + R"(","date":"2020-01","title":"Lajm numër )" + std::to_string(i) +
            R"(","summary":"Përmbledhje )" + std::to_string(i) + R"(","body":")" + body + R"("})";
  }
  return R"({"format":"publication-bundle","version":1,"languages":["sq"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[)" +
         news + R"(],"directives":[]})";
}

// `count` directives with titles long enough to wrap on a phone, in three categories.
inline std::string ManyDirectives(int count) {
  std::string list;
  for (int i = 0; i < count; ++i) {
    if (i) list += ",";
    list += R"({"id":"d)" + std::to_string(i) + R"(","date":"2021-05-0)" + std::to_string(1 + i % 9) +
            R"(","title":"Urdhër numër )" + std::to_string(i) + R"( për stërvitjen e përbashkët të forcave","category":"Kategoria )" +
            std::to_string(i % 3) + R"("})";
  }
  return R"({"format":"publication-bundle","version":1,"languages":["sq","en"],"mission":{"title":"M","paragraphs":[{"text":"p"}]},"news":[],"directives":[)" +
         list + "]}";
}

}  // namespace test
