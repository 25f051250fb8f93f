// The bundle loader's checker: reads typed fields out of the parsed JSON and records every
// problem as a Diagnostic with its field path and the byte offset of the value it is about
// (or of the enclosing value, for a field that is missing). AttachLineColumns then turns the
// offsets into lines and columns in one sweep over the text.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_doc.h"
#include "core/text.h"

namespace core {

class Checker {
 public:
  using Json = json::Value;
  explicit Checker(std::vector<Diagnostic>& out) : m_out(out) {}

  // A problem with the value `at` (for a missing field: the object that lacks it).
  void Error(const Json& at, const std::string& path, std::string message) {
    Add(Severity::Error, OffsetOf(at), path, std::move(message));
  }
  void Warn(const Json& at, const std::string& path, std::string message) {
    Add(Severity::Warning, OffsetOf(at), path, std::move(message));
  }
  // A problem with the text as a whole, at `offset` (kNoOffset: nowhere in particular).
  void ErrorAt(size_t offset, std::string message) { Add(Severity::Error, offset, "", std::move(message)); }
  int Errors() const { return m_errors; }

  // Reads a Text (string or language map) at `base`.`key` of `parent`. `required` fields must
  // be present and non-empty. Returns false on a problem (already reported).
  bool ReadText(const Json& parent, const char* key, const std::string& base, size_t maxChars, bool required,
                const std::vector<std::string>& langs, Text& out);
  // The same for the value `v` itself (an element of an array), at `path`.
  bool ReadTextAt(const Json& v, const std::string& path, size_t maxChars, bool required, const std::vector<std::string>& langs,
                  Text& out);
  // Reads an optional short string; returns false on a problem (already reported).
  bool ReadString(const Json& parent, const char* key, const std::string& base, size_t maxChars, std::string& out);
  // `s`, the value of `at` at `path`, without hostile characters (core::IsHostile), which are
  // reported.
  std::string Clean(const Json& at, const std::string& path, std::string s);

  // More than `maxChars` code points; a string of no more bytes than that cannot be.
  static bool TooLong(std::string_view s, size_t maxChars) { return s.size() > maxChars && CountCodePoints(s) > maxChars; }
  static std::string Join(const std::string& base, const std::string& key) { return base.empty() ? key : base + "." + key; }
  static std::string Index(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }
  static std::string TypeName(const Json& j);

 private:
  static size_t OffsetOf(const Json& at) { return at ? at.Offset() : kNoOffset; }
  bool ReadTextValue(const Json& value, const std::string& path, std::string_view lang, size_t maxChars, bool required,
                     Text& out);
  void Add(Severity severity, size_t offset, const std::string& path, std::string message);
  void WarnHostile(const Json& at, const std::string& path, char32_t cp);
  static std::optional<char32_t> HostileInJson(std::string_view raw, bool escaped);

  std::vector<Diagnostic>& m_out;
  int m_errors = 0;
  std::string m_scratch;  // an escaped string decoded for a check; reused
};

}  // namespace core
