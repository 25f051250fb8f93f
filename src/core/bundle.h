// The publication bundle (format "publication-bundle", version 1) as the app holds it once
// loaded: immutable, already validated, items in the bundle's order.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/text.h"

namespace core {

struct MissionItem {
  std::string label;  // "a", "ç", "dh", ...
  Text text;
};

struct MissionParagraph {
  std::string number;  // "1", "2", ...; may be empty
  Text text;
  std::vector<MissionItem> items;
};

struct Mission {
  Text title;
  std::vector<MissionParagraph> paragraphs;
};

struct NewsItem {
  std::string id;
  Date date;
  Text title;
  Text summary;
  Text body;
  std::string image;  // relative path inside the bundle's folder; "" when none
  std::vector<std::string> tags;
  std::string link;   // absolute URL; "" when none
};

struct Directive {
  std::string id;
  Date date;
  Text title;
  std::string category;
  Text summary;
  Text body;
  std::string document;  // relative path or absolute URL; "" when none
  std::string link;
};

struct Bundle {
  // The bundle's JSON text, kept: every Text views its strings here (decoded in place by the
  // loader). A Bundle can be moved, never copied, so the views always have their text.
  std::unique_ptr<char[]> source;
  // A published site's shards merged into it (core/published_archive.h): their text, likewise.
  std::vector<std::unique_ptr<char[]>> parts;
  std::vector<std::string> languages;  // first is the default; never empty once loaded
  Text siteTitle;
  Mission mission;
  std::vector<NewsItem> news;
  std::vector<Directive> directives;
  // Every code point above U+007F in the bundle's text, ascending: the glyphs the fonts need
  // for it beyond the interface's own (ui/fonts).
  std::vector<char32_t> codePoints;

  const std::string& DefaultLanguage() const { return languages.front(); }
  const NewsItem* FindNews(std::string_view id) const;
  const Directive* FindDirective(std::string_view id) const;
};

}  // namespace core
