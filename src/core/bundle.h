// The publication bundle (format "publication-bundle", version 1) as the app holds it once
// loaded: immutable, already validated, items in the bundle's order.
#pragma once
#include <cstdint>
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

// A tag or a category: one word for every language, or a word per language. Its key is its
// word in the bundle's first language: filters and their addresses use it, so they are the
// same whatever the language shown.
struct Label {
  std::string key;  // "" when there is none
  Text text;        // its words; empty when the key is the word in every language

  bool Empty() const { return key.empty(); }
  std::string_view Get(std::string_view lang, std::string_view fallback = {}) const {
    const std::string_view t = text.Get(lang, fallback);
    return t.empty() ? std::string_view(key) : t;
  }
};

// An image with the words that stand for it: its alt text (what a reader without it is told),
// a caption and a credit, shown under it.
struct Image {
  std::string src;  // relative path inside the bundle's folder; "" when none
  Text alt, caption;
  std::string credit;
  int width = 0, height = 0;  // in pixels, when known (mod-bundle publish reads them): pages keep its room

  bool Empty() const { return src.empty(); }
};

struct NewsItem {
  std::string id;
  Date date;
  Text title;
  Text summary;
  Text body;
  Image image;
  std::vector<Label> tags;
  std::string link;   // absolute URL; "" when none
};

// A document of a directive: its title, where it is, its language, and (known once the
// bundle is published: mod-bundle publish reads the file) its type and size.
struct Document {
  Text title;
  std::string src;      // relative path inside the bundle's folder, or an absolute URL
  std::string lang;     // "" when not said
  std::string type;     // "PDF", "DOCX", ...; "" when not known
  uint64_t bytes = 0;   // 0 when not known
};

// One change of a directive: when, and what changed.
struct Change {
  Date date;
  Text note;
};

struct Directive {
  std::string id;
  Date date;
  Text title;
  std::string number;    // its reference ("Nr. 17/2024"); "" when none
  Label category;
  Text summary;
  Text body;
  std::string document;  // relative path or absolute URL; "" when none
  std::vector<Document> documents;
  std::vector<Change> changes;  // in the bundle's order
  std::string link;

  // When it last changed: its latest change, else its date.
  Date Updated() const;
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
