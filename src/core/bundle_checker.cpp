// Checker: typed reads of the bundle's fields, with diagnostics at the values they concern.
#include "core/bundle_checker.h"

#include <algorithm>
#include <cstdio>

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
  return ReadTextAt(v, Join(base, key), maxChars, required, langs, out);
}

bool Checker::ReadTextAt(const Json& v, const std::string& path, size_t maxChars, bool required,
                         const std::vector<std::string>& langs, Text& out) {
  if (v.IsString()) return ReadTextValue(v, path, {}, maxChars, required, out);
  if (!v.IsObject()) {
    Error(v, path, "must be a string or an object of language code to string, not " + TypeName(v));
    return false;
  }
  bool ok = true;
  out.byLang.reserve(std::min(v.Size(), limits::kMaxLanguages));
  bool full = false;
  v.ForEachMember([&](std::string_view lang, Json value) {
    if (out.byLang.size() >= limits::kMaxLanguages && !out.Has(lang)) {
      if (!full) Warn(v, path, "has more than " + std::to_string(limits::kMaxLanguages) + " languages; the rest are ignored");
      full = true;
      return;
    }
    if (!value.IsString()) {
      Error(value, path + "." + std::string(lang), "must be a string, not " + TypeName(value));
      ok = false;
      return;
    }
    if (!langs.empty() && std::find(langs.begin(), langs.end(), lang) == langs.end())
      Warn(value, path + "." + std::string(lang), "language \"" + std::string(lang) + "\" is not listed in \"languages\"");
    ok = ReadTextValue(value, path, lang, maxChars, false, out) && ok;
  });
  if (ok && required && out.Empty()) {
    Error(v, path, "has no text in any language");
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
  out = Clean(v, Join(base, key), std::move(s));
  return true;
}

std::string Checker::Clean(const Json& at, const std::string& path, std::string s) {
  if (const auto cp = FirstHostile(s)) {
    WarnHostile(at, path, *cp);
    s.resize(StripHostile(s.data(), s.size()));
  }
  return s;
}

// The first hostile character (core::IsHostile) of a JSON string as written, without decoding
// it: written as itself, or as an escape (\b, \f, \r, \uXXXX).
std::optional<char32_t> Checker::HostileInJson(std::string_view raw, bool escaped) {
  if (const auto cp = FirstHostile(raw)) return cp;
  if (!escaped) return std::nullopt;
  const auto hex = [](char c) -> int {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  };
  for (size_t i = raw.find('\\'); i != std::string_view::npos && i + 1 < raw.size(); i = raw.find('\\', i + 2)) {
    const char e = raw[i + 1];
    if (e == 'b') return 0x08;
    if (e == 'f') return 0x0C;
    if (e == 'r') return 0x0D;
    if (e != 'u') continue;
    char32_t cp = 0;
    bool ok = true;
    for (size_t k = i + 2; k < i + 6 && ok; ++k) {
      const int d = k < raw.size() ? hex(raw[k]) : -1;
      ok = d >= 0;
      cp = cp * 16 + static_cast<char32_t>(d);
    }
    if (ok && IsHostile(cp)) return cp;
    i += 4;
  }
  return std::nullopt;
}

void Checker::WarnHostile(const Json& at, const std::string& path, char32_t cp) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
  Warn(at, path, std::string("holds ") + code +
                     " (a control character, a non-character or a bidirectional override); such characters are left out");
}

// The text of language `lang` ("" for all) at `at`[.`lang`]; the path is only spelled out for
// a message.
bool Checker::ReadTextValue(const Json& value, const std::string& at, std::string_view lang, size_t maxChars, bool required,
                            Text& out) {
  const auto path = [&] { return at + (lang.empty() ? "" : "." + std::string(lang)); };
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
  // Characters no output may carry: said, and dropped where the text is decoded.
  const auto hostile = HostileInJson(raw, escaped);
  if (hostile) WarnHostile(value, path(), *hostile);
  // A language named twice: the last one counts, as for any repeated field.
  for (Text::Entry& e : out.byLang) {
    if (e.lang == lang) {
      e.text = raw;
      e.escaped = escaped;
      e.hostile = hostile.has_value();
      return true;
    }
  }
  out.byLang.push_back(Text::Entry{std::string(lang), raw, escaped, hostile.has_value()});
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
