// Turns JSON text into a Bundle, checking the format-version-1 contract field by field and
// recording every problem with its path. See docs/bundle-format.md.
#include "core/bundle_loader.h"

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <string>

#include "core/bundle_checker.h"
#include "core/json_doc.h"
#include "core/limits.h"
#include "core/links.h"

namespace core {

namespace {

using Json = json::Value;

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
    c.Error(j, Checker::Join(path, "id"), "is missing");
    ok = false;
  } else if (!idValue.IsString()) {
    c.Error(idValue, Checker::Join(path, "id"), "must be a string, not " + Checker::TypeName(idValue));
    ok = false;
  } else if (!IsValidId(id)) {
    c.Error(idValue, Checker::Join(path, "id"), "must be 1 to " + std::to_string(limits::kMaxIdBytes) +
                                           " characters of a-z, 0-9 and '-', starting with a letter or digit");
    ok = false;
  } else if (!ids.insert(id).second) {
    c.Error(idValue, Checker::Join(path, "id"), "\"" + id + "\" is used by an earlier item");
    ok = false;
  } else {
    item.id = id;
  }

  const Json date = j.Find("date");
  if (!date) {
    c.Error(j, Checker::Join(path, "date"), "is missing");
    ok = false;
  } else if (!date.IsString()) {
    c.Error(date, Checker::Join(path, "date"), "must be a string like \"2024-01-15\", not " + Checker::TypeName(date));
    ok = false;
  } else if (auto d = ParseDate(date.String())) {
    item.date = *d;
  } else {
    c.Error(date, Checker::Join(path, "date"),
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
    else c.Warn(j.Find("link"), Checker::Join(path, "link"), "only https:, http: and mailto: links are opened; this one is left out");
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
    else c.Warn(j.Find("image"), Checker::Join(path, "image"), "must be a relative path inside the bundle's folder; the image is left out");
  }
  const Json tags = j.Find("tags");
  if (tags && !tags.IsNull()) {
    const std::string tpath = Checker::Join(path, "tags");
    if (!tags.IsArray()) {
      c.Error(tags, tpath, "must be an array of strings, not " + Checker::TypeName(tags));
      ok = false;
    } else if (tags.Size() > limits::kMaxTags) {
      c.Error(tags, tpath, "has more than " + std::to_string(limits::kMaxTags) + " tags");
      ok = false;
    } else {
      tags.ForEachElement([&](size_t i, Json t) {
        const std::string tag = t.String();
        if (!t.IsString() || IsBlank(tag) || Checker::TooLong(tag, limits::kMaxShortChars)) {
          c.Error(t, Checker::Index(tpath, i), "must be a non-empty string of at most " +
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
    else c.Warn(j.Find("document"), Checker::Join(path, "document"), "must be a relative path inside the bundle's folder or an https:/http: "
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
    c.Error(list, key, "has " + std::to_string(list.Size()) + " items; at most " + std::to_string(maxCount) + " are read");
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
      c.Error(j, path, "must be an object, not " + Checker::TypeName(j));
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
      c.Warn(list, "languages", "must be an array of language codes; ignored");
    } else {
      list.ForEachElement([&](size_t i, Json l) {
        if (langs.size() >= limits::kMaxLanguages) return;
        const std::string code = l.String();
        if (!l.IsString() || !IsLanguageCode(code)) {
          c.Warn(l, Checker::Index("languages", i), "is not a language code like \"sq\" or \"en\"; ignored");
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
    c.Error(paras ? paras : j, "mission.paragraphs", !paras ? "is missing" : "must be an array, not " + Checker::TypeName(paras));
    return false;
  }
  if (paras.Size() > limits::kMaxParagraphs) {
    c.Error(paras, "mission.paragraphs", "has more than " + std::to_string(limits::kMaxParagraphs) + " paragraphs");
    return false;
  }
  paras.ForEachElement([&](size_t i, Json p) {
    const std::string path = Checker::Index("mission.paragraphs", i);
    if (!p.IsObject()) {
      c.Error(p, path, "must be an object, not " + Checker::TypeName(p));
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
        c.Error(items, ipath, "must be an array of at most " + std::to_string(limits::kMaxMissionItems) + " items");
        ok = false;
      } else {
        items.ForEachElement([&](size_t k, Json it) {
          const std::string itpath = Checker::Index(ipath, k);
          if (!it.IsObject()) {
            c.Error(it, itpath, "must be an object, not " + Checker::TypeName(it));
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

LoadResult ReadAndCheck(std::string_view text);

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
  if (json.size() > limits::kMaxFileBytes) return ReadAndCheck(json);  // refused, not copied
  std::unique_ptr<char[]> copy(new char[std::max<size_t>(json.size(), 1)]);
  std::copy(json.begin(), json.end(), copy.get());
  return LoadBundle(std::move(copy), json.size());
}

namespace {

// Positions, then decoding in place, then the bytes kept: what every load does after reading.
LoadResult Finish(LoadResult result, std::unique_ptr<char[]> bytes, size_t size) {
  const std::string_view text(bytes.get(), size);
  // Positions come from the text as written, so before anything is decoded in it.
  AttachLineColumns(text, result.diagnostics);
  if (result.bundle) {
    DecodeTexts(*result.bundle);
    result.bundle->source = std::move(bytes);
  }
  return result;
}

LoadResult ReadAndCheckShard(std::string_view text, const std::vector<std::string>& languages);

}  // namespace

LoadResult LoadShard(std::unique_ptr<char[]> bytes, size_t size, const std::vector<std::string>& languages) {
  LoadResult result = ReadAndCheckShard(std::string_view(bytes.get(), size), languages);
  return Finish(std::move(result), std::move(bytes), size);
}

LoadResult LoadBundle(std::unique_ptr<char[]> bytes, size_t size) {
  const std::string_view text(bytes.get(), size);
  LoadResult result = ReadAndCheck(text);
  return Finish(std::move(result), std::move(bytes), size);
}

namespace {

// What makes the text a bundle at all: an object with the format's name and version 1, and
// its three sections of the right types. False (with the problem reported) when it is not.
bool CheckEnvelope(Checker& c, const Json& root) {
  if (!root.IsObject()) {
    c.Error(root, "", "a bundle is a JSON object, but this file holds " + Checker::TypeName(root));
    return false;
  }
  const Json format = root.Find("format");
  if (!format) {
    c.Error(root, "format", "is missing; a bundle starts with \"format\": \"publication-bundle\"");
    return false;
  }
  if (!format.StringEquals("publication-bundle")) {
    c.Error(format, "format", "must be \"publication-bundle\"; this file is not a publication bundle");
    return false;
  }
  const Json version = root.Find("version");
  if (!version) {
    c.Error(root, "version", "is missing");
    return false;
  }
  if (version.Integer() != 1) {
    const std::string says = version.IsString() ? "\"" + version.String() + "\""
                             : version.IsObject() || version.IsArray() ? Checker::TypeName(version)
                                                                       : std::string(version.Source());
    c.Error(version, "version", "this viewer reads bundle format version 1; the file says " + says);
    return false;
  }
  for (const char* key : {"mission", "news", "directives"}) {
    const Json v = root.Find(key);
    const bool wantObject = std::string_view(key) == "mission";
    if (!v) c.Error(root, key, "is missing");
    else if (wantObject ? !v.IsObject() : !v.IsArray())
      c.Error(v, key, std::string("must be ") + (wantObject ? "an object" : "an array") + ", not " + Checker::TypeName(v));
    else continue;
    return false;
  }
  return true;
}

// The text parsed within the limits, or nothing (with the problem reported).
// `what` names the kind of file in the message ("bundles", "shards").
std::optional<json::Document> Parse(Checker& c, std::string_view text, size_t maxBytes, const char* what) {
  if (text.size() > maxBytes) {
    c.ErrorAt(kNoOffset, "the file is " + std::to_string(text.size() >> 20) + " MiB; " + what + " may be at most " +
                             std::to_string(maxBytes >> 20) + " MiB");
    return std::nullopt;
  }
  if (text.empty()) {
    c.ErrorAt(0, "the file is empty");
    return std::nullopt;
  }
  auto doc = json::Document::Parse(text, limits::kMaxDepth, limits::kMaxJsonValues);
  if (!doc) {
    c.ErrorAt(doc.GetError().offset, "not valid JSON: " + doc.GetError().message);
    return std::nullopt;
  }
  return std::move(*doc);
}

// The news and directives of a bundle or shard into `b`, which then is `result`'s bundle
// (`c` reports into result.diagnostics: `result` stays where it is).
void ReadItems(Checker& c, const Json& root, const json::Document& doc, Bundle b, LoadResult& result) {
  ReadList(c, root, "news", limits::kMaxNews, b.languages, ReadNews, b.news, result.skippedItems);
  ReadList(c, root, "directives", limits::kMaxDirectives, b.languages, ReadDirective, b.directives, result.skippedItems);
  b.codePoints = doc.CodePoints();
  result.bundle = std::move(b);
}

LoadResult ReadAndCheck(std::string_view text) {
  LoadResult result;
  Checker c(result.diagnostics);
  const auto doc = Parse(c, text, limits::kMaxFileBytes, "bundles");
  if (!doc) return result;
  const Json root = doc->Root();
  if (!CheckEnvelope(c, root)) return result;

  Bundle b;
  ReadLanguages(c, root, b.languages);
  const Json site = root.Find("site");
  if (site.IsObject()) c.ReadText(site, "title", "site", limits::kMaxTitleChars, false, b.languages, b.siteTitle);
  if (!ReadMission(c, root, b.languages, b.mission)) {
    result.diagnostics.back().message += " (the mission statement cannot be shown without it)";
    return result;
  }
  ReadItems(c, root, *doc, std::move(b), result);
  return result;
}

// A shard of a published site (core/published.h): {"format": "publication-shard", "version": 1,
// "news": [...]} or "directives": [...], items as in a bundle; the languages are the manifest's.
LoadResult ReadAndCheckShard(std::string_view text, const std::vector<std::string>& languages) {
  LoadResult result;
  Checker c(result.diagnostics);
  const auto doc = Parse(c, text, limits::kMaxShardBytes, "shards");
  if (!doc) return result;
  const Json root = doc->Root();
  if (!root.IsObject() || !root.Find("format").StringEquals("publication-shard") || root.Find("version").Integer() != 1) {
    c.Error(root, "format", "this is not a shard of a published site (\"format\": \"publication-shard\", \"version\": 1)");
    return result;
  }
  Bundle b;
  b.languages = languages;
  if (b.languages.empty()) b.languages.push_back("sq");
  for (const char* key : {"news", "directives"}) {
    const Json v = root.Find(key);
    if (v && !v.IsArray()) {
      c.Error(v, key, "must be an array, not " + Checker::TypeName(v));
      return result;
    }
  }
  ReadItems(c, root, *doc, std::move(b), result);
  return result;
}

}  // namespace
}  // namespace core
