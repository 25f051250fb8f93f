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

// A tag or a category: a string, or an object of language code to string. Its key is its word
// in the bundle's first language (or the first given): filters use it in every language.
bool ReadLabel(Checker& c, const Json& v, const std::string& path, const std::vector<std::string>& langs, Label& out) {
  const std::string words = "must be a non-empty string of at most " + std::to_string(limits::kMaxShortChars) +
                            " characters, or an object of language code to such a string";
  if (v.IsString()) {
    const std::string s = v.String();
    if (IsBlank(s) || Checker::TooLong(s, limits::kMaxShortChars)) {
      c.Error(v, path, words);
      return false;
    }
    out.key = CollapseWhitespace(c.Clean(v, path, s));
    return true;
  }
  if (!v.IsObject() || !c.ReadTextAt(v, path, limits::kMaxShortChars, true, langs, out.text)) {
    if (!v.IsObject()) c.Error(v, path, words);
    return false;
  }
  Json first = langs.empty() ? Json() : v.Find(langs.front());
  if (!first) v.ForEachMember([&](std::string_view, Json m) { if (!first) first = m; });
  out.key = CollapseWhitespace(WithoutHostile(first.String()));
  if (out.key.empty()) {
    c.Error(v, path, words);
    return false;
  }
  return true;
}

// "image": a path, or {"src": path, "alt": Text, "caption"?: Text, "credit"?: string}.
bool ReadImage(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs, Image& out) {
  const Json v = j.Find("image");
  if (!v || v.IsNull()) return true;
  const std::string ipath = Checker::Join(path, "image");
  bool ok = true;
  std::string src;
  if (v.IsObject()) {
    ok = c.ReadString(v, "src", ipath, limits::kMaxUrlBytes, src) && ok;
    if (!v.Find("src")) {
      c.Error(v, Checker::Join(ipath, "src"), "is missing");
      ok = false;
    }
    ok = c.ReadText(v, "alt", ipath, limits::kMaxSummaryChars, false, langs, out.alt) && ok;
    ok = c.ReadText(v, "caption", ipath, limits::kMaxSummaryChars, false, langs, out.caption) && ok;
    ok = c.ReadString(v, "credit", ipath, limits::kMaxTitleChars, out.credit) && ok;
  } else {
    ok = c.ReadString(j, "image", path, limits::kMaxUrlBytes, src) && ok;
  }
  if (!ok || src.empty()) return ok;
  if (!IsSafeRelativePath(src)) {
    c.Warn(v, ipath, "must be a relative path inside the bundle's folder; the image is left out");
    return true;
  }
  out.src = std::move(src);
  if (out.alt.Empty())
    c.Warn(v, ipath, "has no alt text: a reader who cannot see the image is told nothing of it "
                     "(write \"image\": {\"src\": ..., \"alt\": ...})");
  return true;
}

bool ReadNews(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs,
              std::unordered_set<std::string>& ids, NewsItem& item) {
  bool ok = ReadCommon(c, j, path, langs, ids, item);
  ok = ReadImage(c, j, path, langs, item.image) && ok;
  const Json tags = j.Find("tags");
  if (tags && !tags.IsNull()) {
    const std::string tpath = Checker::Join(path, "tags");
    if (!tags.IsArray()) {
      c.Error(tags, tpath, "must be an array of tags, not " + Checker::TypeName(tags));
      ok = false;
    } else if (tags.Size() > limits::kMaxTags) {
      c.Error(tags, tpath, "has more than " + std::to_string(limits::kMaxTags) + " tags");
      ok = false;
    } else {
      tags.ForEachElement([&](size_t i, Json t) {
        Label tag;
        if (ReadLabel(c, t, Checker::Index(tpath, i), langs, tag)) item.tags.push_back(std::move(tag));
        else ok = false;
      });
    }
  }
  return ok;
}

// A document's place: a relative path inside the bundle's folder or an absolute http(s) address.
bool SafeDocument(const std::string& src) { return IsSafeExternalUrl(src) || IsSafeRelativePath(src); }

// An optional list `key` of at most `max` `what`s: `each(at, element)` reads each; false (with an
// error) when it is not such a list or `each` said so of one.
template <class Each>
bool ReadList(Checker& c, const Json& j, const char* key, const std::string& path, size_t max, const char* what, Each each) {
  const Json list = j.Find(key);
  if (!list || list.IsNull()) return true;
  const std::string lpath = Checker::Join(path, key);
  if (!list.IsArray() || list.Size() > max) {
    c.Error(list, lpath, "must be an array of at most " + std::to_string(max) + " " + what);
    return false;
  }
  bool ok = true;
  list.ForEachElement([&](size_t i, Json e) { ok = each(Checker::Index(lpath, i), e) && ok; });
  return ok;
}

bool ReadDocuments(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs, Directive& item) {
  return ReadList(c, j, "documents", path, limits::kMaxDocuments, "documents", [&](const std::string& at, Json d) {
    if (!d.IsObject()) {
      c.Error(d, at, "must be an object with \"title\" and \"src\", not " + Checker::TypeName(d));
      return false;
    }
    Document doc;
    bool good = c.ReadText(d, "title", at, limits::kMaxTitleChars, true, langs, doc.title);
    good = c.ReadString(d, "src", at, limits::kMaxUrlBytes, doc.src) && good;
    good = c.ReadString(d, "lang", at, limits::kMaxShortChars, doc.lang) && good;
    good = c.ReadString(d, "type", at, limits::kMaxShortChars, doc.type) && good;
    const Json bytes = d.Find("bytes");
    if (bytes && !bytes.IsNull()) {
      const auto n = bytes.Integer();
      if (!n || *n < 0) {
        c.Error(bytes, Checker::Join(at, "bytes"), "must be the file's size, a whole number of bytes");
        good = false;
      } else {
        doc.bytes = static_cast<uint64_t>(*n);
      }
    }
    if (good && doc.src.empty()) {
      c.Error(d, Checker::Join(at, "src"), "is missing");
      good = false;
    }
    if (good && !SafeDocument(doc.src)) {
      c.Warn(d.Find("src"), Checker::Join(at, "src"), "must be a relative path inside the bundle's folder or an https:/http: "
                                                      "address; the document is left out");
      return true;
    }
    if (good) item.documents.push_back(std::move(doc));
    return good;
  });
}

bool ReadChanges(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs, Directive& item) {
  return ReadList(c, j, "changes", path, limits::kMaxChanges, "changes", [&](const std::string& at, Json ch) {
    Change change;
    const Json date = ch.Find("date");
    const auto d = date.IsString() ? ParseDate(date.String()) : std::nullopt;
    if (!ch.IsObject() || !d) {
      c.Error(ch.IsObject() && date ? date : ch, Checker::Join(at, "date"), "must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
      return false;
    }
    change.date = *d;
    if (!c.ReadText(ch, "note", at, limits::kMaxSummaryChars, true, langs, change.note)) return false;
    item.changes.push_back(std::move(change));
    return true;
  });
}

bool ReadDirective(Checker& c, const Json& j, const std::string& path, const std::vector<std::string>& langs,
                   std::unordered_set<std::string>& ids, Directive& item) {
  bool ok = ReadCommon(c, j, path, langs, ids, item);
  ok = c.ReadString(j, "number", path, limits::kMaxShortChars, item.number) && ok;
  if (const Json category = j.Find("category"); category && !category.IsNull())
    ok = ReadLabel(c, category, Checker::Join(path, "category"), langs, item.category) && ok;
  std::string doc;
  ok = c.ReadString(j, "document", path, limits::kMaxUrlBytes, doc) && ok;
  if (!doc.empty()) {
    if (SafeDocument(doc)) item.document = std::move(doc);
    else c.Warn(j.Find("document"), Checker::Join(path, "document"), "must be a relative path inside the bundle's folder or an https:/http: "
                                                 "address; the document is left out");
  }
  ok = ReadDocuments(c, j, path, langs, item) && ok;
  ok = ReadChanges(c, j, path, langs, item) && ok;
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

// Decodes each Text's escaped strings where they are written (they only get shorter), and
// drops the characters no output may carry (the checker reported them).
void DecodeTexts(Bundle& b) {
  const auto decode = [](Text& t) {
    for (Text::Entry& e : t.byLang) {
      if (!e.escaped && !e.hostile) continue;
      char* at = const_cast<char*>(e.text.data());  // in Bundle::source, which the bundle owns
      size_t size = e.escaped ? json::UnescapeInPlace(at, e.text.size()) : e.text.size();
      if (e.hostile) size = StripHostile(at, size);
      e.text = std::string_view(at, size);
      e.escaped = e.hostile = false;
    }
  };
  decode(b.siteTitle);
  decode(b.mission.title);
  for (MissionParagraph& p : b.mission.paragraphs) {
    decode(p.text);
    for (MissionItem& item : p.items) decode(item.text);
  }
  for (NewsItem& n : b.news) {
    for (Text* t : {&n.title, &n.summary, &n.body, &n.image.alt, &n.image.caption}) decode(*t);
    for (Label& tag : n.tags) decode(tag.text);
  }
  for (Directive& d : b.directives) {
    for (Text* t : {&d.title, &d.summary, &d.body, &d.category.text}) decode(*t);
    for (Document& doc : d.documents) decode(doc.title);
    for (Change& ch : d.changes) decode(ch.note);
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
