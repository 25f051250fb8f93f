// Turns JSON text into a Bundle, checking the format-version-1 contract field by field and
// recording every problem with its path. See docs/bundle-format.md.
#include "core/bundle_loader.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/json_positions.h"
#include "core/json_reader.h"
#include "core/limits.h"
#include "core/links.h"

namespace core {

namespace {

using Json = nlohmann::json;

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
    const std::string path = Join(base, key);
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) {
      if (required) Error(path, "is missing");
      return !required;
    }
    if (it->is_string()) {
      return ReadTextValue(*it, path, maxChars, required, "", out);
    }
    if (!it->is_object()) {
      Error(path, "must be a string or an object of language code to string, not " + TypeName(*it));
      return false;
    }
    bool ok = true;
    for (const auto& [lang, value] : it->items()) {
      const std::string sub = path + "." + lang;
      if (!value.is_string()) {
        Error(sub, "must be a string, not " + TypeName(value));
        ok = false;
        continue;
      }
      if (!langs.empty() && std::find(langs.begin(), langs.end(), lang) == langs.end())
        Warn(sub, "language \"" + lang + "\" is not listed in \"languages\"");
      ok = ReadTextValue(value, sub, maxChars, false, lang, out) && ok;
    }
    if (ok && required && out.Empty()) {
      Error(path, "has no text in any language");
      ok = false;
    }
    return ok;
  }

  // Reads an optional short string; returns false on a problem (already reported).
  bool ReadString(const Json& parent, const char* key, const std::string& base, size_t maxChars, std::string& out) {
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) return true;
    const std::string path = Join(base, key);
    if (!it->is_string()) {
      Error(path, "must be a string, not " + TypeName(*it));
      return false;
    }
    const auto& s = it->get_ref<const std::string&>();
    if (CountCodePoints(s) > maxChars) {
      Error(path, "is longer than " + std::to_string(maxChars) + " characters");
      return false;
    }
    out = s;
    return true;
  }

  static std::string Join(const std::string& base, const std::string& key) { return base.empty() ? key : base + "." + key; }
  static std::string Index(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

  static std::string TypeName(const Json& j) {
    switch (j.type()) {
      case Json::value_t::null: return "null";
      case Json::value_t::object: return "an object";
      case Json::value_t::array: return "an array";
      case Json::value_t::string: return "a string";
      case Json::value_t::boolean: return "a boolean";
      default: return "a number";
    }
  }

 private:
  bool ReadTextValue(const Json& value, const std::string& path, size_t maxChars, bool required, const std::string& lang,
                     Text& out) {
    const auto& s = value.get_ref<const std::string&>();
    if (required && CollapseWhitespace(s).empty()) {
      Error(path, "is empty");
      return false;
    }
    if (CountCodePoints(s) > maxChars) {
      Error(path, "is longer than " + std::to_string(maxChars) + " characters");
      return false;
    }
    out.byLang.emplace_back(lang, s);
    return true;
  }

  void Add(Severity severity, const std::string& path, std::string message) {
    if (severity == Severity::Error) ++m_errors;
    Diagnostic d;
    d.severity = severity;
    d.path = path;
    d.message = std::move(message);
    m_out.push_back(std::move(d));
  }

  std::vector<Diagnostic>& m_out;
  int m_errors = 0;
};

bool IsValidId(const std::string& id) {
  if (id.empty() || id.size() > limits::kMaxIdBytes) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
    if (!ok) return false;
  }
  return true;
}

bool IsLanguageCode(const std::string& s) {
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
                std::set<std::string>& ids, Item& item) {
  bool ok = true;
  const auto id = j.find("id");
  if (id == j.end()) {
    c.Error(Checker::Join(path, "id"), "is missing");
    ok = false;
  } else if (!id->is_string()) {
    c.Error(Checker::Join(path, "id"), "must be a string, not " + Checker::TypeName(*id));
    ok = false;
  } else if (!IsValidId(id->get_ref<const std::string&>())) {
    c.Error(Checker::Join(path, "id"), "must be 1 to " + std::to_string(limits::kMaxIdBytes) +
                                           " characters of a-z, 0-9 and '-', starting with a letter or digit");
    ok = false;
  } else if (!ids.insert(id->get_ref<const std::string&>()).second) {
    c.Error(Checker::Join(path, "id"), "\"" + id->get_ref<const std::string&>() + "\" is used by an earlier item");
    ok = false;
  } else {
    item.id = id->get_ref<const std::string&>();
  }

  const auto date = j.find("date");
  if (date == j.end()) {
    c.Error(Checker::Join(path, "date"), "is missing");
    ok = false;
  } else if (!date->is_string()) {
    c.Error(Checker::Join(path, "date"), "must be a string like \"2024-01-15\", not " + Checker::TypeName(*date));
    ok = false;
  } else if (auto d = ParseDate(date->get_ref<const std::string&>())) {
    item.date = *d;
  } else {
    c.Error(Checker::Join(path, "date"),
            "\"" + date->get_ref<const std::string&>() + "\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
    ok = false;
  }

  ok = c.ReadText(j, "title", path, limits::kMaxTitleChars, true, langs, item.title) && ok;
  ok = c.ReadText(j, "summary", path, limits::kMaxSummaryChars, false, langs, item.summary) && ok;
  ok = c.ReadText(j, "body", path, limits::kMaxBodyChars, false, langs, item.body) && ok;

  std::string link;
  ok = c.ReadString(j, "link", path, limits::kMaxUrlBytes, link) && ok;
  if (!link.empty()) {
    if (IsSafeExternalUrl(link)) item.link = link;
    else c.Warn(Checker::Join(path, "link"), "only https:, http: and mailto: links are opened; this one is left out");
  }
  return ok;
}

bool ReadNews(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs,
              std::set<std::string>& ids, NewsItem& item) {
  bool ok = ReadCommon(c, j, path, langs, ids, item);
  std::string image;
  ok = c.ReadString(j, "image", path, limits::kMaxUrlBytes, image) && ok;
  if (!image.empty()) {
    if (IsSafeRelativePath(image)) item.image = image;
    else c.Warn(Checker::Join(path, "image"), "must be a relative path inside the bundle's folder; the image is left out");
  }
  const auto tags = j.find("tags");
  if (tags != j.end() && !tags->is_null()) {
    const std::string tpath = Checker::Join(path, "tags");
    if (!tags->is_array()) {
      c.Error(tpath, "must be an array of strings, not " + Checker::TypeName(*tags));
      ok = false;
    } else if (tags->size() > limits::kMaxTags) {
      c.Error(tpath, "has more than " + std::to_string(limits::kMaxTags) + " tags");
      ok = false;
    } else {
      for (size_t i = 0; i < tags->size(); ++i) {
        const auto& t = (*tags)[i];
        if (!t.is_string() || CollapseWhitespace(t.get_ref<const std::string&>()).empty() ||
            CountCodePoints(t.get_ref<const std::string&>()) > limits::kMaxShortChars) {
          c.Error(Checker::Index(tpath, i), "must be a non-empty string of at most " +
                                                std::to_string(limits::kMaxShortChars) + " characters");
          ok = false;
        } else {
          item.tags.push_back(CollapseWhitespace(t.get_ref<const std::string&>()));
        }
      }
    }
  }
  return ok;
}

bool ReadDirective(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs,
                   std::set<std::string>& ids, Directive& item) {
  bool ok = ReadCommon(c, j, path, langs, ids, item);
  ok = c.ReadString(j, "category", path, limits::kMaxShortChars, item.category) && ok;
  std::string doc;
  ok = c.ReadString(j, "document", path, limits::kMaxUrlBytes, doc) && ok;
  if (!doc.empty()) {
    if (IsSafeExternalUrl(doc) || IsSafeRelativePath(doc)) item.document = doc;
    else c.Warn(Checker::Join(path, "document"), "must be a relative path inside the bundle's folder or an https:/http: "
                                                 "address; the document is left out");
  }
  return ok;
}

// Reads news or directives: an item with a problem of its own is left out, the rest stay.
template <class Item, class ReadFn>
void ReadList(Checker& c, const Json& root, const char* key, size_t maxCount, const std::vector<std::string>& langs,
              ReadFn read, std::vector<Item>& out, int& skipped) {
  const Json& list = root.at(key);
  if (list.size() > maxCount) {
    c.Error(key, "has " + std::to_string(list.size()) + " items; at most " + std::to_string(maxCount) + " are read");
  }
  std::set<std::string> ids;
  const size_t n = std::min(list.size(), maxCount);
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string path = Checker::Index(key, i);
    const Json& j = list[i];
    Item item;
    if (!j.is_object()) {
      c.Error(path, "must be an object, not " + Checker::TypeName(j));
      ++skipped;
    } else if (read(c, j, path, langs, ids, item)) {
      out.push_back(std::move(item));
    } else {
      ++skipped;
    }
  }
  skipped += static_cast<int>(list.size() - n);
}

void ReadLanguages(Checker& c, const Json& root, std::vector<std::string>& langs) {
  const auto it = root.find("languages");
  if (it != root.end() && !it->is_null()) {
    if (!it->is_array()) {
      c.Warn("languages", "must be an array of language codes; ignored");
    } else {
      for (size_t i = 0; i < it->size() && langs.size() < limits::kMaxLanguages; ++i) {
        const auto& l = (*it)[i];
        if (!l.is_string() || !IsLanguageCode(l.get_ref<const std::string&>())) {
          c.Warn(Checker::Index("languages", i), "is not a language code like \"sq\" or \"en\"; ignored");
        } else if (std::find(langs.begin(), langs.end(), l.get_ref<const std::string&>()) == langs.end()) {
          langs.push_back(l.get_ref<const std::string&>());
        }
      }
    }
  }
  if (langs.empty()) langs.push_back("sq");  // the ministry's language, when the bundle names none
}

bool ReadMission(Checker& c, const Json& root, const std::vector<std::string>& langs, Mission& m) {
  const Json& j = root.at("mission");
  bool ok = c.ReadText(j, "title", "mission", limits::kMaxTitleChars, true, langs, m.title);
  const auto paras = j.find("paragraphs");
  if (paras == j.end() || !paras->is_array()) {
    c.Error("mission.paragraphs", paras == j.end() ? "is missing" : "must be an array, not " + Checker::TypeName(*paras));
    return false;
  }
  if (paras->size() > limits::kMaxParagraphs) {
    c.Error("mission.paragraphs", "has more than " + std::to_string(limits::kMaxParagraphs) + " paragraphs");
    return false;
  }
  for (size_t i = 0; i < paras->size(); ++i) {
    const std::string path = Checker::Index("mission.paragraphs", i);
    const Json& p = (*paras)[i];
    if (!p.is_object()) {
      c.Error(path, "must be an object, not " + Checker::TypeName(p));
      ok = false;
      continue;
    }
    MissionParagraph para;
    ok = c.ReadString(p, "number", path, limits::kMaxShortChars, para.number) && ok;
    ok = c.ReadText(p, "text", path, limits::kMaxBodyChars, true, langs, para.text) && ok;
    const auto items = p.find("items");
    if (items != p.end() && !items->is_null()) {
      const std::string ipath = Checker::Join(path, "items");
      if (!items->is_array() || items->size() > limits::kMaxMissionItems) {
        c.Error(ipath, "must be an array of at most " + std::to_string(limits::kMaxMissionItems) + " items");
        ok = false;
      } else {
        for (size_t k = 0; k < items->size(); ++k) {
          const std::string itpath = Checker::Index(ipath, k);
          const Json& it = (*items)[k];
          if (!it.is_object()) {
            c.Error(itpath, "must be an object, not " + Checker::TypeName(it));
            ok = false;
            continue;
          }
          MissionItem item;
          ok = c.ReadString(it, "label", itpath, limits::kMaxShortChars, item.label) && ok;
          ok = c.ReadText(it, "text", itpath, limits::kMaxBodyChars, true, langs, item.text) && ok;
          para.items.push_back(std::move(item));
        }
      }
    }
    m.paragraphs.push_back(std::move(para));
  }
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

}  // namespace

LoadResult LoadBundle(std::string_view text) {
  LoadResult result = LoadWithoutPositions(text);
  if (!result.diagnostics.empty() && text.size() <= limits::kMaxFileBytes) AttachPositions(text, result.diagnostics);
  return result;
}

namespace {

LoadResult LoadWithoutPositions(std::string_view text) {
  LoadResult result;
  Checker c(result.diagnostics);
  const auto fail = [&](const std::string& path, std::string message) {
    c.Error(path, std::move(message));
    result.bundle.reset();
    return result;
  };

  if (text.size() > limits::kMaxFileBytes)
    return fail("", "the file is " + std::to_string(text.size() >> 20) + " MiB; bundles may be at most " +
                        std::to_string(limits::kMaxFileBytes >> 20) + " MiB");
  if (text.empty()) return fail("", "the file is empty");

  Diagnostic syntax;
  auto doc = ParseJson(text, limits::kMaxDepth, syntax);
  if (!doc) {
    result.diagnostics.push_back(std::move(syntax));
    return result;
  }
  const Json& root = *doc;
  if (!root.is_object()) return fail("", "a bundle is a JSON object, but this file holds " + Checker::TypeName(root));

  const auto format = root.find("format");
  if (format == root.end()) return fail("format", "is missing; a bundle starts with \"format\": \"publication-bundle\"");
  if (!format->is_string() || format->get_ref<const std::string&>() != "publication-bundle")
    return fail("format", "must be \"publication-bundle\"; this file is not a publication bundle");
  const auto version = root.find("version");
  if (version == root.end()) return fail("version", "is missing");
  if (!version->is_number_integer() || version->get<long long>() != 1)
    return fail("version", "this viewer reads bundle format version 1; the file says " + version->dump());

  for (const char* key : {"mission", "news", "directives"}) {
    const auto it = root.find(key);
    if (it == root.end()) return fail(key, "is missing");
    const bool wantObject = std::string_view(key) == "mission";
    if (wantObject ? !it->is_object() : !it->is_array())
      return fail(key, std::string("must be ") + (wantObject ? "an object" : "an array") + ", not " +
                           Checker::TypeName(*it));
  }

  Bundle b;
  ReadLanguages(c, root, b.languages);
  const auto site = root.find("site");
  if (site != root.end() && site->is_object())
    c.ReadText(*site, "title", "site", limits::kMaxTitleChars, false, b.languages, b.siteTitle);
  if (!ReadMission(c, root, b.languages, b.mission)) {
    result.diagnostics.back().message += " (the mission statement cannot be shown without it)";
    result.bundle.reset();
    return result;
  }
  ReadList(c, root, "news", limits::kMaxNews, b.languages, ReadNews, b.news, result.skippedItems);
  ReadList(c, root, "directives", limits::kMaxDirectives, b.languages, ReadDirective, b.directives, result.skippedItems);
  result.bundle = std::move(b);
  return result;
}

}  // namespace
}  // namespace core
