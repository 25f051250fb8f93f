// JSON-LD of the published pages; see structured_data.h.
#include "tools/structured_data.h"

#include <string_view>
#include <vector>

#include "core/links.h"
#include "core/strings.h"
#include "core/text.h"

namespace tools {

namespace {

// A JSON object written as it goes, its members in the order given (what search engines show
// first comes first). Written by hand: nlohmann's ordered_json took a third of a page's time.
class Object {
 public:
  Object() : m_out("{") {}
  Object& Str(std::string_view key, std::string_view value) {
    Key(key);
    Quote(value);
    return *this;
  }
  Object& StrIf(std::string_view key, std::string_view value) { return value.empty() ? *this : Str(key, value); }
  Object& Obj(std::string_view key, const Object& value) {
    Key(key);
    m_out += value.Text();
    return *this;
  }
  Object& Strings(std::string_view key, const std::vector<std::string>& values) {
    Key(key);
    m_out += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) m_out += ',';
      Quote(values[i]);
    }
    m_out += ']';
    return *this;
  }
  Object& Objects(std::string_view key, const std::vector<Object>& values) {
    Key(key);
    m_out += '[';
    for (size_t i = 0; i < values.size(); ++i) m_out += (i ? "," : "") + values[i].Text();
    m_out += ']';
    return *this;
  }
  std::string Text() const { return m_out + "}"; }

 private:
  void Key(std::string_view key) {
    if (m_out.size() > 1) m_out += ',';
    Quote(key);
    m_out += ':';
  }
  // A JSON string. Inside <script>, "</script" or "<!--" in a title would end or bend the
  // element: < > & are written as escapes, which every JSON reader turns back; ill-formed UTF-8
  // becomes U+FFFD.
  void Quote(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    m_out += '"';
    for (size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        core::AppendUtf8(m_out, core::DecodeUtf8(s, i));
        continue;
      }
      ++i;
      switch (c) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\n': m_out += "\\n"; break;
        case '\t': m_out += "\\t"; break;
        case '\r': m_out += "\\r"; break;
        default:
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            m_out += "\\u00";
            m_out += kHex[c >> 4];
            m_out += kHex[c & 15];
          } else {
            m_out += static_cast<char>(c);
          }
      }
    }
    m_out += '"';
  }

  std::string m_out;
};

std::string Iso(const core::Date& d) { return core::FormatIsoDate(d); }

// A file of the site (an image, a document) or an address outside it, as an absolute URL.
std::string Absolute(const std::string& base, const std::string& src) {
  return core::IsSafeExternalUrl(src) ? src : base + "/" + src;
}

Object Ministry(const std::string& base, const std::string& site) {
  Object o;
  o.Str("@type", "GovernmentOrganization").Str("name", site).Str("url", base + "/");
  return o;
}

Object Article(const core::Content& c, const core::NewsItem& n, const core::Page& p, const std::string& base, const std::string& site) {
  Object o;
  o.Str("@context", "https://schema.org").Str("@type", "NewsArticle").Str("headline", p.title)
      .Str("url", base + "/" + core::PagePath(p.route, p.lang)).Str("datePublished", Iso(n.date))
      .Str("dateModified", Iso(n.date)).Str("inLanguage", p.lang).StrIf("description", p.description);
  if (!n.image.Empty()) o.Str("image", Absolute(base, n.image.src));
  if (!n.tags.empty()) {
    std::vector<std::string> keywords;
    for (const core::Label& t : n.tags) keywords.emplace_back(t.Get(p.lang, c.DefaultLanguage()));
    o.Strings("keywords", keywords);
  }
  o.Obj("author", Ministry(base, site)).Obj("publisher", Ministry(base, site));
  return o;
}

Object Legislation(const core::Content& c, const core::Directive& d, const core::Page& p, const std::string& base, const std::string& site) {
  const std::string& fallback = c.DefaultLanguage();
  Object o;
  o.Str("@context", "https://schema.org").Str("@type", "Legislation").Str("name", p.title)
      .Str("url", base + "/" + core::PagePath(p.route, p.lang)).Str("legislationDate", Iso(d.date))
      .Str("datePublished", Iso(d.date)).Str("dateModified", Iso(d.Updated())).Str("inLanguage", p.lang)
      .StrIf("description", p.description).StrIf("legislationIdentifier", d.number);
  if (!d.category.Empty()) o.Str("legislationType", d.category.Get(p.lang, fallback));
  o.Obj("legislationPassedBy", Ministry(base, site));
  std::vector<Object> files;
  if (!d.document.empty()) {
    files.emplace_back();
    files.back().Str("@type", "LegislationObject").Str("contentUrl", Absolute(base, d.document));
  }
  for (const core::Document& doc : d.documents) {
    Object& f = files.emplace_back();
    f.Str("@type", "LegislationObject").Str("name", doc.title.Get(p.lang, fallback)).Str("contentUrl", Absolute(base, doc.src));
    f.StrIf("encodingFormat", MediaType(doc.type.empty() ? core::FileTypeOf(doc.src) : doc.type));
    if (doc.bytes > 0) f.Str("contentSize", core::FormatSize(doc.bytes, "en"));
    f.StrIf("inLanguage", doc.lang);
  }
  if (!files.empty()) o.Objects("encoding", files);
  return o;
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
  Object o;
  if (page.news) {
    o = Article(content, *page.news, page, base, site);
  } else if (page.directive) {
    o = Legislation(content, *page.directive, page, base, site);
  } else if (page.route.screen == core::Screen::Mission) {
    o.Str("@context", "https://schema.org").Str("@type", "GovernmentOrganization").Str("name", site).Str("url", base + "/");
    o.StrIf("description", page.description);
  } else {
    o.Str("@context", "https://schema.org").Str("@type", "CollectionPage").Str("name", page.title)
        .Str("url", base + "/" + core::PagePath(page.route, page.lang)).Str("inLanguage", page.lang)
        .Obj("publisher", Ministry(base, site));
  }
  return "<script type=\"application/ld+json\">" + o.Text() + "</script>\n";
}

}  // namespace tools
