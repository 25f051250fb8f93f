// Text lookup by language and small UTF-8 utilities (decoding, validation, whitespace).
#include "core/text.h"

namespace core {

std::string_view Text::Get(std::string_view lang, std::string_view fallback) const {
  for (const Entry& e : byLang)
    if (e.lang.empty() || e.lang == lang) return e.text;
  for (const Entry& e : byLang)
    if (e.lang == fallback) return e.text;
  return byLang.empty() ? std::string_view() : byLang.front().text;
}

bool Text::Has(std::string_view lang) const {
  for (const Entry& e : byLang)
    if (e.lang.empty() || e.lang == lang) return true;
  return false;
}

char32_t DecodeUtf8(std::string_view s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  int len = 0;
  char32_t cp = 0, min = 0;
  if (b0 < 0x80) { ++i; return b0; }
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else { ++i; return 0xFFFD; }
  if (i + len > s.size()) { ++i; return 0xFFFD; }
  for (int k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFD; }
  i += len;
  return cp;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    if (DecodeUtf8(s, i) == 0xFFFD && !(i - at == 3 && s.substr(at, 3) == "\xEF\xBF\xBD")) return false;
  }
  return true;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) DecodeUtf8(s, i);
  return n;
}

namespace {
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}  // namespace

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (!IsSpace(c)) return false;
  return true;
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

bool IsHostile(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

std::optional<char32_t> FirstHostile(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    // Most bytes are printable ASCII or start none of the hostile sequences (E2 80/81, EF BF).
    if (b >= 0x20 && b != 0xE2 && b != 0xEF) {
      ++i;
      continue;
    }
    const char32_t cp = DecodeUtf8(s, i);
    if (IsHostile(cp)) return cp;
  }
  return std::nullopt;
}

size_t StripHostile(char* s, size_t size) {
  const std::string_view in(s, size);
  size_t out = 0;
  for (size_t i = 0; i < size;) {
    const size_t at = i;
    const char32_t cp = DecodeUtf8(in, i);
    if (IsHostile(cp)) continue;
    for (size_t k = at; k < i; ++k) s[out++] = s[k];  // out <= at: moving left only
  }
  return out;
}

std::string WithoutHostile(std::string_view s) {
  std::string out(s);
  out.resize(StripHostile(out.data(), out.size()));
  return out;
}

}  // namespace core
