// JSON-LD of the published pages; see structured_data.h.
#include "tools/structured_data.h"

#include <nlohmann/json.hpp>

#include "core/links.h"
#include "core/strings.h"

namespace tools {

namespace {

using Json = nlohmann::ordered_json;

std::string Iso(const core::Date& d) { return core::FormatIsoDate(d); }

// A file of the site (an image, a document) or an address outside it, as an absolute URL.
std::string Absolute(const std::string& base, const std::string& src) {
  return core::IsSafeExternalUrl(src) ? src : base + "/" + src;
}

Json Ministry(const std::string& base, const std::string& site) {
  return {{"@type", "GovernmentOrganization"}, {"name", site}, {"url", base + "/"}};
}

Json Article(const core::Content& c, const core::NewsItem& n, const core::Page& p, const std::string& base, const std::string& site) {
  Json j = {{"@type", "NewsArticle"}, {"headline", p.title}, {"url", base + "/" + core::PagePath(p.route, p.lang)},
            {"datePublished", Iso(n.date)}, {"dateModified", Iso(n.date)}, {"inLanguage", p.lang}};
  if (!p.description.empty()) j["description"] = p.description;
  if (!n.image.Empty()) j["image"] = Absolute(base, n.image.src);
  if (!n.tags.empty()) {
    Json& keywords = j["keywords"] = Json::array();
    for (const core::Label& t : n.tags) keywords.push_back(std::string(t.Get(p.lang, c.DefaultLanguage())));
  }
  j["author"] = Ministry(base, site);
  j["publisher"] = Ministry(base, site);
  return j;
}

Json Legislation(const core::Content& c, const core::Directive& d, const core::Page& p, const std::string& base, const std::string& site) {
  const std::string& fallback = c.DefaultLanguage();
  Json j = {{"@type", "Legislation"}, {"name", p.title}, {"url", base + "/" + core::PagePath(p.route, p.lang)},
            {"legislationDate", Iso(d.date)}, {"datePublished", Iso(d.date)},
            {"dateModified", Iso(d.Updated())}, {"inLanguage", p.lang}};
  if (!p.description.empty()) j["description"] = p.description;
  if (!d.number.empty()) j["legislationIdentifier"] = d.number;
  if (!d.category.Empty()) j["legislationType"] = std::string(d.category.Get(p.lang, fallback));
  j["legislationPassedBy"] = Ministry(base, site);
  Json files = Json::array();
  if (!d.document.empty()) files.push_back({{"@type", "LegislationObject"}, {"contentUrl", Absolute(base, d.document)}});
  for (const core::Document& doc : d.documents) {
    Json f = {{"@type", "LegislationObject"}, {"name", std::string(doc.title.Get(p.lang, fallback))}, {"contentUrl", Absolute(base, doc.src)}};
    const std::string type = doc.type.empty() ? core::FileTypeOf(doc.src) : doc.type;
    if (!MediaType(type).empty()) f["encodingFormat"] = MediaType(type);
    if (doc.bytes > 0) f["contentSize"] = core::FormatSize(doc.bytes, "en");
    if (!doc.lang.empty()) f["inLanguage"] = doc.lang;
    files.push_back(std::move(f));
  }
  if (!files.empty()) j["encoding"] = std::move(files);
  return j;
}

}  // namespace

std::string MediaType(const std::string& type) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {"PDF", "application/pdf"},
      {"DOC", "application/msword"},
      {"DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"XLS", "application/vnd.ms-excel"},
      {"XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"ODT", "application/vnd.oasis.opendocument.text"},
      {"ODS", "application/vnd.oasis.opendocument.spreadsheet"},
      {"RTF", "application/rtf"},
      {"TXT", "text/plain"},
      {"HTML", "text/html"},
      {"ZIP", "application/zip"},
      {"PNG", "image/png"},
      {"JPEG", "image/jpeg"},
      {"JPG", "image/jpeg"},
  };
  for (const auto& [name, mime] : kTypes)
    if (type == name) return mime;
  return "";
}

std::string StructuredData(const core::Content& content, const core::Page& page, const std::string& base, const std::string& site) {
  Json j;
  if (page.news) j = Article(content, *page.news, page, base, site);
  else if (page.directive) j = Legislation(content, *page.directive, page, base, site);
  else if (page.route.screen == core::Screen::Mission) {
    j = Ministry(base, site);
    if (!page.description.empty()) j["description"] = page.description;
  } else {
    j = {{"@type", "CollectionPage"}, {"name", page.title}, {"url", base + "/" + core::PagePath(page.route, page.lang)},
         {"inLanguage", page.lang}, {"publisher", Ministry(base, site)}};
  }
  Json doc = {{"@context", "https://schema.org"}};
  doc.update(j);
  // Inside <script>, "</script" or "<!--" in a title would end or bend the element: the JSON
  // writes < > & as escapes, which every JSON reader turns back.
  std::string text;
  for (const char ch : doc.dump(-1, ' ', false, Json::error_handler_t::replace)) {
    if (ch == '<') text += "\\u003c";
    else if (ch == '>') text += "\\u003e";
    else if (ch == '&') text += "\\u0026";
    else text += ch;
  }
  return "<script type=\"application/ld+json\">" + text + "</script>\n";
}

}  // namespace tools
