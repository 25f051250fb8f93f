// A published list's later pages ("#/news?page=3", core::kListPageItems a page): which item a
// page lists first, and which the viewer shows first on its screen.
#pragma once
#include <string>

#include "core/bundle_loader.h"
#include "core/content.h"
#include "core/page.h"
#include "core/route.h"
#include "headless.h"

namespace test {

// The route of the first news item the page of `route` lists ("#/news/n12"), as the single
// file `json`'s page does; "" when it lists none.
inline std::string FirstNewsOfPage(const std::string& json, const std::string& route) {
  core::LoadResult r = core::LoadBundle(json);
  REQUIRE(r.Ok());
  core::Content content(std::move(*r.bundle));
  const core::Page page = core::MakePage(content, core::ParseRoute(route), "sq");
  for (const auto& n : page.body.nodes)
    if (n.kind == core::MirrorKind::Item && n.href.find("/news/n") != std::string::npos)
      return "#/news/" + n.href.substr(n.href.find("/news/n") + 6, n.href.size() - n.href.find("/news/n") - 7);
  return "";
}

// The first news item whose top is on the viewer's screen (below the header), or null.
inline const core::MirrorNode* FirstNewsOnScreen(const Headless& h) {
  const float top = h.app.State().contentTop;
  for (const auto& n : h.app.Mirror().nodes)
    if (n.kind == core::MirrorKind::Item && n.href.rfind("#/news/n", 0) == 0 && n.rect.y >= top - 1) return &n;
  return nullptr;
}

}  // namespace test
