// Checker: typed reads of the bundle's fields, with diagnostics at the values they concern.
#include "core/bundle_checker.h"

#include <algorithm>

#include "core/limits.h"

namespace core {

std::string Checker::TypeName(const Json& j) {
  switch (j.GetType()) {
    case json::Type::Null: return "null";
    case json::Type::Object: return "an object";
    case json::Type::Array: return "an array";
    case json::Type::String: return "a string";
    case json::Type::Boolean: return "a boolean";
    default: return "a number";
  }
}

bool Checker::ReadText(const Json& parent, const char* key, const std::string& base, size_t maxChars, bool required,
                       const std::vector<std::string>& langs, Text& out) {
  const Json v = parent.Find(key);
  if (!v || v.IsNull()) {
    if (required) Error(v ? v : parent, Join(base, key), "is missing");
    return !required;
  }
  if (v.IsString()) return ReadTextValue(v, base, key, {}, maxChars, required, out);
  if (!v.IsObject()) {
    Error(v, Join(base, key), "must be a string or an object of language code to string, not " + TypeName(v));
    return false;
  }
  bool ok = true;
  out.byLang.reserve(std::min(v.Size(), limits::kMaxLanguages));
  bool full = false;
  v.ForEachMember([&](std::string_view lang, Json value) {
    if (out.byLang.size() >= limits::kMaxLanguages && !out.Has(lang)) {
      if (!full) Warn(v, Join(base, key), "has more than " + std::to_string(limits::kMaxLanguages) + " languages; the rest are ignored");
      full = true;
      return;
    }
    if (!value.IsString()) {
      Error(value, Join(base, key) + "." + std::string(lang), "must be a string, not " + TypeName(value));
      ok = false;
      return;
    }
    if (!langs.empty() && std::find(langs.begin(), langs.end(), lang) == langs.end())
      Warn(value, Join(base, key) + "." + std::string(lang), "language \"" + std::string(lang) + "\" is not listed in \"languages\"");
    ok = ReadTextValue(value, base, key, lang, maxChars, false, out) && ok;
  });
  if (ok && required && out.Empty()) {
    Error(v, Join(base, key), "has no text in any language");
    ok = false;
  }
  return ok;
}

bool Checker::ReadString(const Json& parent, const char* key, const std::string& base, size_t maxChars, std::string& out) {
  const Json v = parent.Find(key);
  if (!v || v.IsNull()) return true;
  if (!v.IsString()) {
    Error(v, Join(base, key), "must be a string, not " + TypeName(v));
    return false;
  }
  std::string s = v.String();
  if (TooLong(s, maxChars)) {
    Error(v, Join(base, key), "is longer than " + std::to_string(maxChars) + " characters");
    return false;
  }
  out = std::move(s);
  return true;
}

// The text of language `lang` ("" for all) at path `base`.`key`[.`lang`]; the path is only
// spelled out for a message.
bool Checker::ReadTextValue(const Json& value, const std::string& base, const char* key, std::string_view lang,
                            size_t maxChars, bool required, Text& out) {
  const auto path = [&] { return Join(base, key) + (lang.empty() ? "" : "." + std::string(lang)); };
  // The string stays where it is written; it is decoded there once the whole bundle has been
  // read (the loader's DecodeTexts). The checks see decoded contents: escaped strings they
  // need are decoded into m_scratch.
  const std::string_view raw = value.Raw();
  const bool escaped = value.Escaped();
  const auto decoded = [&]() -> std::string_view {
    if (!escaped) return raw;
    m_scratch.assign(raw);
    m_scratch.resize(json::UnescapeInPlace(m_scratch.data(), m_scratch.size()));
    return m_scratch;
  };
  if (required && IsBlank(decoded())) {
    Error(value, path(), "is empty");
    return false;
  }
  if (raw.size() > maxChars && TooLong(decoded(), maxChars)) {  // escapes only shorten
    Error(value, path(), "is longer than " + std::to_string(maxChars) + " characters");
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

void Checker::Add(Severity severity, size_t offset, const std::string& path, std::string message) {
  if (severity == Severity::Error) ++m_errors;
  if (m_out.size() >= limits::kMaxDiagnostics) return;  // a list nobody could read, and memory
  const bool last = m_out.size() + 1 == limits::kMaxDiagnostics;
  Diagnostic d;
  d.severity = last ? Severity::Warning : severity;
  d.path = last ? std::string() : path;
  d.offset = last ? kNoOffset : offset;
  d.message = last ? "more problems were found; only the first " + std::to_string(limits::kMaxDiagnostics - 1) +
                         " are listed"
                   : std::move(message);
  m_out.push_back(std::move(d));
}

}  // namespace core
