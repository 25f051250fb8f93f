// The mirror's HTML escapes everything and has the landmarks; text form for --mirror.
#include <doctest/doctest.h>

#include "core/mirror.h"

TEST_CASE("Mirror HTML escapes content and builds landmarks") {
  core::Mirror m;
  m.title = "T";
  core::MirrorNode nav;
  nav.kind = core::MirrorKind::NavBegin;
  m.nodes.push_back(nav);
  core::MirrorNode link;
  link.kind = core::MirrorKind::Link;
  link.text = "News";
  link.href = "#/news";
  link.current = true;
  m.nodes.push_back(link);
  nav.kind = core::MirrorKind::NavEnd;
  m.nodes.push_back(nav);
  core::MirrorNode h;
  h.kind = core::MirrorKind::Heading;
  h.level = 1;
  h.text = "<script>alert(1)</script>";
  m.nodes.push_back(h);
  core::MirrorNode item;
  item.kind = core::MirrorKind::Item;
  item.text = "A \"quoted\" & 'single'";
  item.href = "#/news/a\"onmouseover=x";
  item.note = "January 2024";
  core::MirrorNode lb;
  lb.kind = core::MirrorKind::ListBegin;
  m.nodes.push_back(lb);
  m.nodes.push_back(item);
  lb.kind = core::MirrorKind::ListEnd;
  m.nodes.push_back(lb);
  const std::string html = m.ToHtml();
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("href=\"#/news/a&quot;onmouseover=x\"") != std::string::npos);
  CHECK(html.find("<nav><a data-i=\"1\" href=\"#/news\" aria-current=\"page\">News</a></nav><main>") == 0);
  CHECK(html.find("<h1 data-i=\"3\">") != std::string::npos);
  CHECK(html.find("<ul><li><a data-i=\"5\"") != std::string::npos);
  CHECK(html.find("<span>January 2024</span></li></ul></main>") != std::string::npos);
  CHECK(m.ToText().find("# <script>") != std::string::npos);

  core::Mirror copy = m;
  CHECK(copy.SameContent(m));
  copy.nodes[3].rect.y += 10;
  CHECK(copy.SameContent(m));
  CHECK_FALSE(copy.SameRects(m));
  copy.nodes[3].text = "other";
  CHECK_FALSE(copy.SameContent(m));
}
