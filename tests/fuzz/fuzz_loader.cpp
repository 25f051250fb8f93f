// libFuzzer target: core::LoadBundle must never crash, hang or throw, whatever the bytes. When a
// bundle loads, everything the views compute from it is computed too, so a loaded-but-odd bundle
// cannot crash a screen later.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/bundle_loader.h"
#include "core/collate.h"
#include "core/date.h"
#include "core/diagnostics.h"
#include "core/links.h"
#include "core/route.h"
#include "core/text.h"
#include "core/timeline.h"

namespace {

// Keeps results alive so the optimiser cannot drop the calls.
size_t g_sink = 0;

void TouchText(const core::Text& t, const core::Bundle& b) {
  for (const auto& lang : b.languages) {
    const std::string_view s = t.Get(lang, b.DefaultLanguage());
    g_sink += s.size() + core::CountCodePoints(s) + core::Fold(s).size() + core::CollationKey(s, lang).size();
    g_sink += t.Has(lang);
  }
}

void TouchBundle(const core::Bundle& b) {
  if (b.languages.empty()) __builtin_trap();  // documented: never empty once loaded
  TouchText(b.siteTitle, b);
  TouchText(b.mission.title, b);
  for (const auto& p : b.mission.paragraphs) {
    TouchText(p.text, b);
    for (const auto& item : p.items) TouchText(item.text, b);
  }
  for (const auto& n : b.news) {
    if (b.FindNews(n.id) == nullptr) __builtin_trap();
    TouchText(n.title, b);
    TouchText(n.summary, b);
    g_sink += core::FormatIsoDate(n.date).size() + core::FormatDate(n.date, "sq").size() +
              core::FormatDate(n.date, "en").size();
    g_sink += core::IsSafeRelativePath(n.image.src) + core::IsSafeExternalUrl(n.link);
    if (!n.image.Empty() && core::IsSafeRelativePath(n.image.src))
      g_sink += core::ResolveRelative("https://example.org/a/bundle.json", n.image.src).size();
    // The detail route of every item must lead back to that item.
    core::Route r;
    r.screen = core::Screen::NewsDetail;
    r.id = n.id;
    const core::Route back = core::ParseRoute(core::FormatRoute(r));
    if (back.screen != core::Screen::NewsDetail || back.id != n.id) __builtin_trap();
  }
  for (const auto& d : b.directives) {
    if (b.FindDirective(d.id) == nullptr) __builtin_trap();
    TouchText(d.title, b);
    TouchText(d.summary, b);
    g_sink += core::FormatDate(d.date, b.DefaultLanguage()).size() + core::IsSafeExternalUrl(d.link);
    g_sink += core::IsSafeRelativePath(d.document) + core::IsSafeExternalUrl(d.document);
  }
  const auto order = core::NewsNewestFirst(b.news);
  for (const auto& g : core::GroupByMonth(b.news, order)) {
    g_sink += core::FormatMonthYear(g.year, g.month, "sq").size() + g.items.size();
  }
  for (auto sort : {core::DirectiveSort::DateNewest, core::DirectiveSort::DateOldest, core::DirectiveSort::TitleAZ,
                    core::DirectiveSort::TitleZA}) {
    g_sink += core::SortDirectives(b.directives, sort, b.DefaultLanguage(), b.DefaultLanguage()).size();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const core::LoadResult result = core::LoadBundle(text);
  for (const auto& d : result.diagnostics) g_sink += core::FormatDiagnostic(d).size();
  if (const core::Diagnostic* first = result.FirstError()) g_sink += first->message.size();
  if (result.Ok()) {
    TouchBundle(*result.bundle);
  } else if (result.FirstError() == nullptr) {
    __builtin_trap();  // a bundle that did not load must say why
  }
  return 0;
}
