// Turns JSON text into a Bundle, checking the format-version-1 contract field by field and
// recording every problem with its path. See docs/bundle-format.md.
#include "core/bundle_loader.h"

#include <algorithm>
#include <set>
#include <unordered_set>
#include <string>

#include "core/json_doc.h"
#include "core/json_positions.h"
#include "core/limits.h"
#include "core/links.h"

namespace core {

namespace {

using Json = json::Value;

class Checker {
 public:
  explicit Checker(std::vector<Diagnostic>& out) : m_out(out) {}

  void Error(const std::string& path, std::string message) { Add(Severity::Error, path, std::move(message)); }
  void Warn(const std::string& path, std::string message) { Add(Severity::Warning, path, std::move(message)); }
  int Errors() const { return m_errors; }

  // Reads a Text (string or language map) at `path`. `required` fields must be present and
  // non-empty. Returns false on a problem (already reported).
  bool ReadText(const Json& parent, const char* key, const std::string& base, size_t maxChars, bool required,
                const std::vector<std::string>& langs, Text& out) {
    const Json v = parent.Find(key);
    if (!v || v.IsNull()) {
      if (required) Error(Join(base, key), "is missing");
      return !required;
    }
    if (v.IsString()) return ReadTextValue(v, base, key, {}, maxChars, required, out);
    if (!v.IsObject()) {
      Error(Join(base, key), "must be a string or an object of language code to string, not " + TypeName(v));
      return false;
    }
    bool ok = true;
    out.byLang.reserve(std::min(v.Size(), limits::kMaxLanguages));
    bool full = false;
    v.ForEachMember([&](std::string_view lang, Json value) {
      if (out.byLang.size() >= limits::kMaxLanguages && !out.Has(lang)) {
        if (!full) Warn(Join(base, key), "has more than " + std::to_string(limits::kMaxLanguages) + " languages; the rest are ignored");
        full = true;
        return;
      }
      if (!value.IsString()) {
        Error(Join(base, key) + "." + std::string(lang), "must be a string, not " + TypeName(value));
        ok = false;
        return;
      }
      if (!langs.empty() && std::find(langs.begin(), langs.end(), lang) == langs.end())
        Warn(Join(base, key) + "." + std::string(lang), "language \"" + std::string(lang) + "\" is not listed in \"languages\"");
      ok = ReadTextValue(value, base, key, lang, maxChars, false, out) && ok;
    });
    if (ok && required && out.Empty()) {
      Error(Join(base, key), "has no text in any language");
      ok = false;
    }
    return ok;
  }

  // Reads an optional short string; returns false on a problem (already reported).
  bool ReadString(const Json& parent, const char* key, const std::string& base, size_t maxChars, std::string& out) {
    const Json v = parent.Find(key);
    if (!v || v.IsNull()) return true;
    if (!v.IsString()) {
      Error(Join(base, key), "must be a string, not " + TypeName(v));
      return false;
    }
    std::string s = v.String();
    if (TooLong(s, maxChars)) {
      Error(Join(base, key), "is longer than " + std::to_string(maxChars) + " characters");
      return false;
    }
    out = std::move(s);
    return true;
  }

  // More than `maxChars` code points; a string of no more bytes than that cannot be.
  static bool TooLong(std::string_view s, size_t maxChars) { return s.size() > maxChars && CountCodePoints(s) > maxChars; }

  static std::string Join(const std::string& base, const std::string& key) { return base.empty() ? key : base + "." + key; }
  static std::string Index(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

  static std::string TypeName(const Json& j) {
    switch (j.GetType()) {
      case json::Type::Null: return "null";
      case json::Type::Object: return "an object";
      case json::Type::Array: return "an array";
      case json::Type::String: return "a string";
      case json::Type::Boolean: return "a boolean";
      default: return "a number";
    }
  }

 private:
  // The text of language `lang` ("" for all) at path `base`.`key`[.`lang`]; the path is only
  // spelled out for a message.
  bool ReadTextValue(const Json& value, const std::string& base, const char* key, std::string_view lang, size_t maxChars,
                     bool required, Text& out) {
    const auto path = [&] { return Join(base, key) + (lang.empty() ? "" : "." + std::string(lang)); };
    // The string stays where it is written; it is decoded there once the whole bundle has been
    // read (DecodeTexts), after the positions of any problems were taken from the text as it was.
    // The checks see decoded contents: escaped strings they need are decoded into m_scratch.
    const std::string_view raw = value.Raw();
    const bool escaped = value.Escaped();
    const auto decoded = [&]() -> std::string_view {
      if (!escaped) return raw;
      m_scratch.assign(raw);
      m_scratch.resize(json::UnescapeInPlace(m_scratch.data(), m_scratch.size()));
      return m_scratch;
    };
    if (required && IsBlank(decoded())) {
      Error(path(), "is empty");
      return false;
    }
    if (raw.size() > maxChars && TooLong(decoded(), maxChars)) {  // escapes only shorten
      Error(path(), "is longer than " + std::to_string(maxChars) + " characters");
      return false;
    }
    // A language named twice: the last one counts, as for any repeated field.
    for (Text::Entry& e : out.byLang) {
      if (e.lang == lang) {
        e.text = raw;
        e.escaped = escaped;
        return true;
      }
    }
    out.byLang.push_back(Text::Entry{std::string(lang), raw, escaped});
    return true;
  }

  void Add(Severity severity, const std::string& path, std::string message) {
    if (severity == Severity::Error) ++m_errors;
    if (m_out.size() >= limits::kMaxDiagnostics) return;  // a list nobody could read, and memory
    const bool last = m_out.size() + 1 == limits::kMaxDiagnostics;
    Diagnostic d;
    d.severity = last ? Severity::Warning : severity;
    d.path = last ? std::string() : path;
    d.message = last ? "more problems were found; only the first " + std::to_string(limits::kMaxDiagnostics - 1) +
                           " are listed"
                     : std::move(message);
    m_out.push_back(std::move(d));
  }

  std::vector<Diagnostic>& m_out;
  int m_errors = 0;
  std::string m_scratch;  // an escaped string decoded for a check; reused
};

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > limits::kMaxIdBytes) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
    if (!ok) return false;
  }
  return true;
}

bool IsLanguageCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 12) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (i >= 2 && (c == '-' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))))
      return false;
  }
  return true;
}

// Fields every item (news or directive) shares: id, date, title, summary, body, link.
template <class Item>
bool ReadCommon(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs,
                std::unordered_set<std::string>& ids, Item& item) {
  bool ok = true;
  const Json idValue = j.Find("id");
  const std::string id = idValue.String();
  if (!idValue) {
    c.Error(Checker::Join(path, "id"), "is missing");
    ok = false;
  } else if (!idValue.IsString()) {
    c.Error(Checker::Join(path, "id"), "must be a string, not " + Checker::TypeName(idValue));
    ok = false;
  } else if (!IsValidId(id)) {
    c.Error(Checker::Join(path, "id"), "must be 1 to " + std::to_string(limits::kMaxIdBytes) +
                                           " characters of a-z, 0-9 and '-', starting with a letter or digit");
    ok = false;
  } else if (!ids.insert(id).second) {
    c.Error(Checker::Join(path, "id"), "\"" + id + "\" is used by an earlier item");
    ok = false;
  } else {
    item.id = id;
  }

  const Json date = j.Find("date");
  if (!date) {
    c.Error(Checker::Join(path, "date"), "is missing");
    ok = false;
  } else if (!date.IsString()) {
    c.Error(Checker::Join(path, "date"), "must be a string like \"2024-01-15\", not " + Checker::TypeName(date));
    ok = false;
  } else if (auto d = ParseDate(date.String())) {
    item.date = *d;
  } else {
    c.Error(Checker::Join(path, "date"),
            "\"" + std::string(date.String()) + "\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
    ok = false;
  }

  ok = c.ReadText(j, "title", path, limits::kMaxTitleChars, true, langs, item.title) && ok;
  ok = c.ReadText(j, "summary", path, limits::kMaxSummaryChars, false, langs, item.summary) && ok;
  ok = c.ReadText(j, "body", path, limits::kMaxBodyChars, false, langs, item.body) && ok;

  std::string link;
  ok = c.ReadString(j, "link", path, limits::kMaxUrlBytes, link) && ok;
  if (!link.empty()) {
    if (IsSafeExternalUrl(link)) item.link = std::move(link);
    else c.Warn(Checker::Join(path, "link"), "only https:, http: and mailto: links are opened; this one is left out");
  }
  return ok;
}

bool ReadNews(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs,
              std::unordered_set<std::string>& ids, NewsItem& item) {
  bool ok = ReadCommon(c, j, path, langs, ids, item);
  std::string image;
  ok = c.ReadString(j, "image", path, limits::kMaxUrlBytes, image) && ok;
  if (!image.empty()) {
    if (IsSafeRelativePath(image)) item.image = std::move(image);
    else c.Warn(Checker::Join(path, "image"), "must be a relative path inside the bundle's folder; the image is left out");
  }
  const Json tags = j.Find("tags");
  if (tags && !tags.IsNull()) {
    const std::string tpath = Checker::Join(path, "tags");
    if (!tags.IsArray()) {
      c.Error(tpath, "must be an array of strings, not " + Checker::TypeName(tags));
      ok = false;
    } else if (tags.Size() > limits::kMaxTags) {
      c.Error(tpath, "has more than " + std::to_string(limits::kMaxTags) + " tags");
      ok = false;
    } else {
      tags.ForEachElement([&](size_t i, Json t) {
        const std::string tag = t.String();
        if (!t.IsString() || IsBlank(tag) || Checker::TooLong(tag, limits::kMaxShortChars)) {
          c.Error(Checker::Index(tpath, i), "must be a non-empty string of at most " +
                                                std::to_string(limits::kMaxShortChars) + " characters");
          ok = false;
        } else {
          item.tags.push_back(CollapseWhitespace(tag));
        }
      });
    }
  }
  return ok;
}

bool ReadDirective(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs,
                   std::unordered_set<std::string>& ids, Directive& item) {
  bool ok = ReadCommon(c, j, path, langs, ids, item);
  ok = c.ReadString(j, "category", path, limits::kMaxShortChars, item.category) && ok;
  std::string doc;
  ok = c.ReadString(j, "document", path, limits::kMaxUrlBytes, doc) && ok;
  if (!doc.empty()) {
    if (IsSafeExternalUrl(doc) || IsSafeRelativePath(doc)) item.document = std::move(doc);
    else c.Warn(Checker::Join(path, "document"), "must be a relative path inside the bundle's folder or an https:/http: "
                                                 "address; the document is left out");
  }
  return ok;
}

// Reads news or directives: an item with a problem of its own is left out, the rest stay.
template <class Item, class ReadFn>
void ReadList(Checker& c, const Json& root, const char* key, size_t maxCount, const std::vector<std::string>& langs,
              ReadFn read, std::vector<Item>& out, int& skipped) {
  const Json list = root.Find(key);
  if (list.Size() > maxCount) {
    c.Error(key, "has " + std::to_string(list.Size()) + " items; at most " + std::to_string(maxCount) + " are read");
  }
  std::unordered_set<std::string> ids;
  out.reserve(std::min(list.Size(), maxCount));
  list.ForEachElement([&](size_t i, Json j) {
    if (i >= maxCount) {
      ++skipped;
      return;
    }
    const std::string path = Checker::Index(key, i);
    Item item;
    if (!j.IsObject()) {
      c.Error(path, "must be an object, not " + Checker::TypeName(j));
      ++skipped;
    } else if (read(c, j, path, langs, ids, item)) {
      out.push_back(std::move(item));
    } else {
      ++skipped;
    }
  });
}

void ReadLanguages(Checker& c, const Json& root, std::vector<std::string>& langs) {
  const Json list = root.Find("languages");
  if (list && !list.IsNull()) {
    if (!list.IsArray()) {
      c.Warn("languages", "must be an array of language codes; ignored");
    } else {
      list.ForEachElement([&](size_t i, Json l) {
        if (langs.size() >= limits::kMaxLanguages) return;
        const std::string code = l.String();
        if (!l.IsString() || !IsLanguageCode(code)) {
          c.Warn(Checker::Index("languages", i), "is not a language code like \"sq\" or \"en\"; ignored");
        } else if (std::find(langs.begin(), langs.end(), code) == langs.end()) {
          langs.push_back(code);
        }
      });
    }
  }
  if (langs.empty()) langs.push_back("sq");  // the ministry's language, when the bundle names none
}

bool ReadMission(Checker& c, const Json& root, const std::vector<std::string>& langs, Mission& m) {
  const Json j = root.Find("mission");
  bool ok = c.ReadText(j, "title", "mission", limits::kMaxTitleChars, true, langs, m.title);
  const Json paras = j.Find("paragraphs");
  if (!paras || !paras.IsArray()) {
    c.Error("mission.paragraphs", !paras ? "is missing" : "must be an array, not " + Checker::TypeName(paras));
    return false;
  }
  if (paras.Size() > limits::kMaxParagraphs) {
    c.Error("mission.paragraphs", "has more than " + std::to_string(limits::kMaxParagraphs) + " paragraphs");
    return false;
  }
  paras.ForEachElement([&](size_t i, Json p) {
    const std::string path = Checker::Index("mission.paragraphs", i);
    if (!p.IsObject()) {
      c.Error(path, "must be an object, not " + Checker::TypeName(p));
      ok = false;
      return;
    }
    MissionParagraph para;
    ok = c.ReadString(p, "number", path, limits::kMaxShortChars, para.number) && ok;
    ok = c.ReadText(p, "text", path, limits::kMaxBodyChars, true, langs, para.text) && ok;
    const Json items = p.Find("items");
    if (items && !items.IsNull()) {
      const std::string ipath = Checker::Join(path, "items");
      if (!items.IsArray() || items.Size() > limits::kMaxMissionItems) {
        c.Error(ipath, "must be an array of at most " + std::to_string(limits::kMaxMissionItems) + " items");
        ok = false;
      } else {
        items.ForEachElement([&](size_t k, Json it) {
          const std::string itpath = Checker::Index(ipath, k);
          if (!it.IsObject()) {
            c.Error(itpath, "must be an object, not " + Checker::TypeName(it));
            ok = false;
            return;
          }
          MissionItem item;
          ok = c.ReadString(it, "label", itpath, limits::kMaxShortChars, item.label) && ok;
          ok = c.ReadText(it, "text", itpath, limits::kMaxBodyChars, true, langs, item.text) && ok;
          para.items.push_back(std::move(item));
        });
      }
    }
    m.paragraphs.push_back(std::move(para));
  });
  return ok;
}

}  // namespace

const Diagnostic* LoadResult::FirstError() const {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error) return &d;
  return nullptr;
}

namespace {

// Gives each diagnostic without a position the line and column of its path's value, or of the
// nearest enclosing value that exists (a missing field points at its object).
void AttachPositions(std::string_view text, std::vector<Diagnostic>& diagnostics) {
  std::set<std::string> wanted;
  for (const auto& d : diagnostics) {
    if (d.line > 0) continue;
    for (std::string p = d.path;; ) {
      wanted.insert(p);
      const size_t cut = p.find_last_of(".[");
      if (p.empty()) break;
      p = cut == std::string::npos ? std::string() : p.substr(0, cut);
    }
  }
  if (wanted.empty()) return;
  const auto found = LocatePaths(text, wanted);
  // One sweep over the text for all offsets, in order.
  std::vector<std::pair<size_t, Diagnostic*>> todo;
  for (auto& d : diagnostics) {
    if (d.line > 0) continue;
    for (std::string p = d.path;;) {
      if (const auto it = found.find(p); it != found.end()) {
        todo.emplace_back(it->second, &d);
        break;
      }
      if (p.empty()) break;
      const size_t cut = p.find_last_of(".[");
      p = cut == std::string::npos ? std::string() : p.substr(0, cut);
    }
  }
  std::sort(todo.begin(), todo.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  int line = 1, column = 1;
  size_t pos = 0;
  for (auto& [offset, d] : todo) {
    for (; pos < offset && pos < text.size(); ++pos) {
      if (text[pos] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    d->line = line;
    d->column = column;
  }
}

LoadResult LoadWithoutPositions(std::string_view text);

// Decodes each Text's escaped strings where they are written (they only get shorter).
void DecodeTexts(Bundle& b) {
  const auto decode = [](Text& t) {
    for (Text::Entry& e : t.byLang) {
      if (!e.escaped) continue;
      char* at = const_cast<char*>(e.text.data());  // in Bundle::source, which the bundle owns
      e.text = std::string_view(at, json::UnescapeInPlace(at, e.text.size()));
      e.escaped = false;
    }
  };
  decode(b.siteTitle);
  decode(b.mission.title);
  for (MissionParagraph& p : b.mission.paragraphs) {
    decode(p.text);
    for (MissionItem& item : p.items) decode(item.text);
  }
  for (NewsItem& n : b.news) {
    decode(n.title);
    decode(n.summary);
    decode(n.body);
  }
  for (Directive& d : b.directives) {
    decode(d.title);
    decode(d.summary);
    decode(d.body);
  }
}

}  // namespace

LoadResult LoadBundle(std::string_view json) {
  if (json.size() > limits::kMaxFileBytes) return LoadWithoutPositions(json);  // refused, not copied
  std::unique_ptr<char[]> copy(new char[std::max<size_t>(json.size(), 1)]);
  std::copy(json.begin(), json.end(), copy.get());
  return LoadBundle(std::move(copy), json.size());
}

LoadResult LoadBundle(std::unique_ptr<char[]> bytes, size_t size) {
  const std::string_view text(bytes.get(), size);
  LoadResult result = LoadWithoutPositions(text);
  // Positions come from the text as written, so before anything is decoded in it.
  if (!result.diagnostics.empty() && text.size() <= limits::kMaxFileBytes) AttachPositions(text, result.diagnostics);
  if (result.bundle) {
    DecodeTexts(*result.bundle);
    result.bundle->source = std::move(bytes);
  }
  return result;
}

namespace {

LoadResult LoadWithoutPositions(std::string_view text) {
  LoadResult result;
  Checker c(result.diagnostics);
  const auto fail = [&](const std::string& path, std::string message) {
    c.Error(path, std::move(message));
    result.bundle.reset();
    return std::move(result);
  };

  if (text.size() > limits::kMaxFileBytes)
    return fail("", "the file is " + std::to_string(text.size() >> 20) + " MiB; bundles may be at most " +
                        std::to_string(limits::kMaxFileBytes >> 20) + " MiB");
  if (text.empty()) return fail("", "the file is empty");

  json::ParseError syntax;
  const auto doc = json::Document::Parse(text, limits::kMaxDepth, syntax, limits::kMaxJsonValues);
  if (!doc) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.message = "not valid JSON: " + syntax.message;
    const LineColumn at = LineColumnAt(text, syntax.offset);
    d.line = at.line;
    d.column = at.column;
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  const Json root = doc->Root();
  if (!root.IsObject()) return fail("", "a bundle is a JSON object, but this file holds " + Checker::TypeName(root));

  const Json format = root.Find("format");
  if (!format) return fail("format", "is missing; a bundle starts with \"format\": \"publication-bundle\"");
  if (!format.StringEquals("publication-bundle"))
    return fail("format", "must be \"publication-bundle\"; this file is not a publication bundle");
  const Json version = root.Find("version");
  if (!version) return fail("version", "is missing");
  if (version.Integer() != 1) {
    const std::string says = version.IsString() ? "\"" + version.String() + "\""
                             : version.IsObject() || version.IsArray() ? Checker::TypeName(version)
                                                                       : std::string(version.Source());
    return fail("version", "this viewer reads bundle format version 1; the file says " + says);
  }

  for (const char* key : {"mission", "news", "directives"}) {
    const Json v = root.Find(key);
    if (!v) return fail(key, "is missing");
    const bool wantObject = std::string_view(key) == "mission";
    if (wantObject ? !v.IsObject() : !v.IsArray())
      return fail(key, std::string("must be ") + (wantObject ? "an object" : "an array") + ", not " + Checker::TypeName(v));
  }

  Bundle b;
  ReadLanguages(c, root, b.languages);
  const Json site = root.Find("site");
  if (site.IsObject())
    c.ReadText(site, "title", "site", limits::kMaxTitleChars, false, b.languages, b.siteTitle);
  if (!ReadMission(c, root, b.languages, b.mission)) {
    result.diagnostics.back().message += " (the mission statement cannot be shown without it)";
    result.bundle.reset();
    return result;
  }
  ReadList(c, root, "news", limits::kMaxNews, b.languages, ReadNews, b.news, result.skippedItems);
  ReadList(c, root, "directives", limits::kMaxDirectives, b.languages, ReadDirective, b.directives, result.skippedItems);
  b.codePoints = doc->CodePoints();
  result.bundle = std::move(b);
  return result;
}

}  // namespace
}  // namespace core
