// Native benchmark of the core on a large bundle: load, sort and search, each timed (median of
// several runs) side by side with a plain baseline doing comparable work in the same process,
// printed with the ratio. It reports figures; it asserts nothing.   bench_core [BUNDLE] [--runs N]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bundle_loader.h"
#include "core/json_doc.h"
#include "core/limits.h"
#include "core/search.h"
#include "core/timeline.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Keeps results alive so the optimiser cannot drop the work being timed.
volatile size_t g_sink = 0;

struct Pair {
  double subject = 0, baseline = 0;
};

// Runs subject and baseline alternately `runs` times (alternating spreads drift over both)
// and returns their medians.
Pair Measure(int runs, const std::function<size_t()>& subject, const std::function<size_t()>& baseline) {
  std::vector<double> s, b;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    g_sink = g_sink + subject();
    auto t1 = Clock::now();
    g_sink = g_sink + baseline();
    auto t2 = Clock::now();
    s.push_back(Ms(t0, t1));
    b.push_back(Ms(t1, t2));
  }
  return {Median(s), Median(b)};
}

void Print(const char* name, const Pair& p, const char* baselineName) {
  std::printf("%-38s %10.3f ms  baseline %10.3f ms  ratio %7.2fx  (baseline: %s)\n", name, p.subject, p.baseline,
              p.baseline > 0 ? p.subject / p.baseline : 0.0, baselineName);
}

int DateKey(const core::Date& d) { return d.year * 10000 + d.month * 100 + d.day; }

// The baseline sort: the same indices by a precomputed int, newest first.
size_t SortByKey(const std::vector<int>& key) {
  std::vector<size_t> order(key.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key[a] > key[b]; });
  return order.empty() ? 0 : order.front();
}

size_t CountFinds(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = MODV_SOURCE_DIR "/build/bench/bundle-20k.json";
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else path = argv[i];
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench_core: cannot read %s (make it with bench/gen_bundle.py)\n", path.c_str());
    return 2;
  }
  in.seekg(0, std::ios::end);
  std::string text(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  const long rssText = PeakRssKb();

  core::LoadResult loaded = core::LoadBundle(text);
  if (!loaded.Ok()) {
    std::fprintf(stderr, "bench_core: %s does not load\n", path.c_str());
    return 1;
  }
  const core::Bundle& b = *loaded.bundle;
  const long rssLoaded = PeakRssKb();
  std::printf("bench_core: %s: %.1f MB, %zu news, %zu directives (%d left out), median of %d runs\n", path.c_str(),
              text.size() / 1e6, b.news.size(), b.directives.size(), loaded.skippedItems, runs);

  Print("LoadBundle", Measure(runs, [&] { return core::LoadBundle(text).bundle->news.size(); },
                              [&] {
                                const auto j = nlohmann::json::parse(text, nullptr, false);
                                return j.is_discarded() ? size_t{0} : j.size();
                              }),
        "nlohmann::json::parse of the same text");
  Print("  of which json::Document::Parse", Measure(runs, [&] {
          const auto doc = core::json::Document::Parse(text, core::limits::kMaxDepth);
          return doc ? doc->NodeCount() : size_t{0};
        }, [&] {
          const auto j = nlohmann::json::parse(text, nullptr, false);
          return j.is_discarded() ? size_t{0} : j.size();
        }),
        "nlohmann::json::parse of the same text");

  std::vector<int> newsKey, dirKey;
  for (const auto& n : b.news) newsKey.push_back(DateKey(n.date));
  for (const auto& d : b.directives) dirKey.push_back(DateKey(d.date));
  const int sortRuns = runs * 4;  // cheap: more runs for a steadier median
  Print("NewsNewestFirst", Measure(sortRuns, [&] { return core::NewsNewestFirst(b.news).front(); },
                                   [&] { return SortByKey(newsKey); }),
        "std::sort of the indices by an int key");
  Print("SortDirectives date", Measure(sortRuns, [&] {
          return core::SortDirectives(b.directives, core::DirectiveSort::DateNewest, "sq", "sq").front();
        }, [&] { return SortByKey(dirKey); }),
        "std::sort of the indices by an int key");
  Print("SortDirectives title A-Z (sq)", Measure(sortRuns, [&] {
          return core::SortDirectives(b.directives, core::DirectiveSort::TitleAZ, "sq", "sq").front();
        }, [&] {
          std::vector<size_t> order(b.directives.size());
          std::iota(order.begin(), order.end(), size_t{0});
          std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
            return b.directives[x].title.Get("sq", "sq") < b.directives[y].title.Get("sq", "sq");
          });
          return order.front();
        }),
        "std::sort of the indices by title bytes");

  Print("SearchIndex build (sq)", Measure(runs, [&] { return core::SearchIndex(b, "sq").Size(); },
                                          [&] {
                                            std::string low(text);
                                            std::transform(low.begin(), low.end(), low.begin(),
                                                           [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
                                            return low.size();
                                          }),
        "ASCII tolower copy of the raw text");
  const core::SearchIndex index(b, "sq");
  for (const char* q : {"berzhite", "nato", "ceshtje mbrojtje", "b", "zzzz"}) {
    size_t hits = 0;
    const std::vector<std::string> words = core::QueryTerms(q);
    const Pair p = Measure(runs * 2, [&] { return hits = index.Search(q).size(); },
                           [&] {
                             size_t n = 0;
                             for (const auto& w : words) n += CountFinds(text, w);
                             return n;
                           });
    const std::string name = std::string("Search \"") + q + "\" (" + std::to_string(hits) + " hits)";
    Print(name.c_str(), p, "std::string::find of each word over the raw text");
  }
  std::printf("peak RSS %.1f MB (text alone %.1f MB, after one load %.1f MB; file %.1f MB)\n", PeakRssKb() / 1024.0,
              rssText / 1024.0, rssLoaded / 1024.0, text.size() / 1048576.0);
  return 0;
}
