// Text in several languages, and the UTF-8 helpers the rest of the app needs.
// A bundle's Text is either one string for every language or a map from language code to string.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

// The strings are views: of the loaded bundle's own text (core::Bundle::source, where the
// loader decoded them in place, so a 58 MB archive is not copied string by string), or of
// literals in tests. A Text lives no longer than what it views.
struct Text {
  struct Entry {
    std::string lang;        // language code; "" = all languages
    std::string_view text;
    bool escaped = false;    // still as written in JSON; only while the loader works on it
    bool hostile = false;    // holds characters no output may carry (IsHostile); the loader drops them
  };
  std::vector<Entry> byLang;

  bool Empty() const { return byLang.empty(); }
  // The text for `lang`, else for `fallback`, else the first one given; "" when there is none.
  std::string_view Get(std::string_view lang, std::string_view fallback = {}) const;
  bool Has(std::string_view lang) const;  // true for a plain string (it serves every language)
};

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);
// Decodes the code point at s[i] and advances i; ill-formed bytes give U+FFFD and advance by one.
char32_t DecodeUtf8(std::string_view s, size_t& i);
void AppendUtf8(std::string& out, char32_t cp);
size_t CountCodePoints(std::string_view s);
// Collapses runs of whitespace into one space and trims both ends.
std::string CollapseWhitespace(std::string_view s);
// True when `s` is empty or only spaces, tabs and line breaks (what CollapseWhitespace removes).
bool IsBlank(std::string_view s);

// Characters no text of a bundle may bring into any output (a page, a feed, the mirror, the
// canvas): C0 controls but tab and line feed, the non-characters U+FFFE and U+FFFF, and the
// bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make a text
// read differently from what it says.
bool IsHostile(char32_t cp);
// The first hostile character of UTF-8 `s` (U+0000 is one); nullopt when there is none.
std::optional<char32_t> FirstHostile(std::string_view s);
// Removes them from the `size` bytes at `s`, in place; returns the new size.
size_t StripHostile(char* s, size_t size);
std::string WithoutHostile(std::string_view s);

}  // namespace core
