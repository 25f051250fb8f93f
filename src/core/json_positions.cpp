// A small scanner over valid JSON that records the offsets of values at wanted paths.
#include "core/json_positions.h"

#include <vector>

namespace core {

namespace {

class Scanner {
 public:
  Scanner(std::string_view text, const std::set<std::string>& wanted) : m_text(text), m_wanted(wanted) {
    for (const auto& path : wanted) {
      // Every prefix at a '.' or '[' boundary leads to something wanted.
      for (size_t i = 0; i < path.size(); ++i)
        if (path[i] == '.' || path[i] == '[') m_prefixes.insert(path.substr(0, i));
      m_prefixes.insert(path);
    }
  }

  std::map<std::string, size_t> Run() {
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;  // a byte order mark, skipped as the parser does
    SkipSpace();
    Value("");
    return std::move(m_found);
  }

 private:
  void SkipSpace() {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' ||
                                     m_text[m_pos] == '\t'))
      ++m_pos;
  }

  // Reads a string token at m_pos (on the opening quote) and returns its decoded-enough text:
  // escapes other than \" and \\ are kept as written, which is fine for matching keys.
  std::string String() {
    std::string out;
    ++m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size()) {
        const char next = m_text[m_pos + 1];
        if (next == '"' || next == '\\' || next == '/') {
          out += next;
          m_pos += 2;
          continue;
        }
        out += m_text[m_pos++];
      }
      out += m_text[m_pos++];
    }
    ++m_pos;
    return out;
  }

  // Skips any value without recording (iteratively, whatever the nesting).
  void SkipValue() {
    int depth = 0;
    do {
      SkipSpace();
      if (m_pos >= m_text.size()) return;
      const char c = m_text[m_pos];
      if (c == '"') {
        String();
      } else if (c == '{' || c == '[') {
        ++depth;
        ++m_pos;
      } else if (c == '}' || c == ']') {
        --depth;
        ++m_pos;
      } else {
        ++m_pos;  // ',', ':', literals and numbers, a byte at a time
        while (m_pos < m_text.size() && std::string_view(",:[]{}\" \n\r\t").find(m_text[m_pos]) == std::string_view::npos)
          ++m_pos;
      }
    } while (depth > 0);
  }

  void Value(const std::string& path) {
    SkipSpace();
    if (m_wanted.count(path)) m_found[path] = m_pos;
    if (m_pos >= m_text.size()) return;
    const char c = m_text[m_pos];
    if ((c != '{' && c != '[') || !m_prefixes.count(path)) {
      SkipValue();
      return;
    }
    // Containers on the way to a wanted path recurse; depth is bounded by the loader's limit,
    // and only containers that lead somewhere wanted are entered.
    ++m_pos;
    size_t index = 0;
    for (;;) {
      SkipSpace();
      if (m_pos >= m_text.size()) return;
      if (m_text[m_pos] == '}' || m_text[m_pos] == ']') {
        ++m_pos;
        return;
      }
      if (m_text[m_pos] == ',') {
        ++m_pos;
        continue;
      }
      if (c == '{') {
        const std::string key = String();
        SkipSpace();
        ++m_pos;  // ':'
        Value(path.empty() ? key : path + "." + key);
      } else {
        Value(path + "[" + std::to_string(index++) + "]");
      }
    }
  }

  std::string_view m_text;
  const std::set<std::string>& m_wanted;
  std::set<std::string> m_prefixes;
  std::map<std::string, size_t> m_found;
  size_t m_pos = 0;
};

}  // namespace

std::map<std::string, size_t> LocatePaths(std::string_view text, const std::set<std::string>& wanted) {
  return Scanner(text, wanted).Run();
}

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  LineColumn lc;
  size_t lineStart = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++lc.line;
      lineStart = i + 1;
    }
  for (size_t i = lineStart; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++lc.column;
  return lc;
}

}  // namespace core
