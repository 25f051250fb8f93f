// The strict JSON parser behind json::Document: recursive descent with a depth limit, a
// word-at-a-time scan through string contents, UTF-8 checked as RFC 3629 defines it.
#include "core/json_doc.h"

#include <cstring>

#include "core/text.h"

namespace core::json {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// True when one of the 8 bytes of `x` is a quote, a backslash, a control character or not
// ASCII: a string's plain run ends in this word.
bool HasSpecialByte(uint64_t x) {
  const auto hasZero = [](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  const bool control = ((x - kOnes * 0x20) & ~x & kHighs) != 0;
  return (x & kHighs) != 0 || control || hasZero(x ^ (kOnes * '"')) || hasZero(x ^ (kOnes * '\\'));
}

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

int HexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the escape at `p` (a backslash) and steps over it, appending the character to `out`
// when given: the parser checks escapes without output, a string is decoded when read. Returns
// "" or what is wrong, with `p` where it is.
std::string ReadEscape(const unsigned char*& p, const unsigned char* end, std::string* out, char32_t* decoded = nullptr) {
  const unsigned char* at = p++;
  if (p == end) return "the text ends inside a string";
  char simple = 0;
  switch (*p++) {
    case '"': simple = '"'; break;
    case '\\': simple = '\\'; break;
    case '/': simple = '/'; break;
    case 'b': simple = '\b'; break;
    case 'f': simple = '\f'; break;
    case 'n': simple = '\n'; break;
    case 'r': simple = '\r'; break;
    case 't': simple = '\t'; break;
    case 'u': break;
    default:
      p = at;
      return "unknown escape \\" + std::string(1, static_cast<char>(at[1])) +
             " (a string may use \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
  }
  if (simple) {
    if (out) *out += simple;
    return {};
  }
  const auto hex4 = [&](uint32_t& v) {
    v = 0;
    for (int k = 0; k < 4; ++k, ++p) {
      const int d = p < end ? HexValue(*p) : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<uint32_t>(d);
    }
    return true;
  };
  uint32_t cp;
  if (!hex4(cp)) return "\\u must be followed by four hexadecimal digits";
  if (cp >= 0xDC00 && cp <= 0xDFFF) {
    p = at;
    return "\\u escape of a lone low surrogate";
  }
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    uint32_t low = 0;
    if (end - p < 2 || p[0] != '\\' || p[1] != 'u' || (p += 2, !hex4(low)) || low < 0xDC00 || low > 0xDFFF) {
      p = at;
      return "\\u escape of a high surrogate without the low surrogate after it";
    }
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  if (out) core::AppendUtf8(*out, static_cast<char32_t>(cp));
  if (decoded) *decoded = static_cast<char32_t>(cp);
  return {};
}

// How a byte reads in a message: 'x' when printable, otherwise its value.
std::string Describe(unsigned char c) {
  if (c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  static const char* const kHex = "0123456789ABCDEF";
  if (c == ' ') return "a space";
  if (c == '\n' || c == '\r') return "the end of the line";
  return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

}  // namespace

class Parser {
 public:
  Parser(std::string_view text, size_t maxDepth, size_t maxValues, Document& doc, ParseError& error)
      : m_begin(reinterpret_cast<const unsigned char*>(text.data())),
        m_p(m_begin),
        m_end(m_begin + text.size()),
        m_maxDepth(maxDepth),
        m_maxValues(maxValues),
        m_doc(doc),
        m_error(error) {}

  bool Run() {
    if (m_end - m_p >= 3 && m_p[0] == 0xEF && m_p[1] == 0xBB && m_p[2] == 0xBF) m_p += 3;  // a byte order mark
    if (!ParseValue(0)) return false;
    SkipSpace();
    if (m_p != m_end) return Fail(m_p, "more text after the end of the JSON value, starting with " + Describe(*m_p));
    return true;
  }

 private:
  using Node = Document::Node;

  bool Fail(const unsigned char* at, std::string message) {
    m_error.offset = static_cast<size_t>(at - m_begin);
    m_error.message = std::move(message);
    return false;
  }

  uint32_t Push(Type type, const unsigned char* at) {
    Node n;
    n.pos = static_cast<uint32_t>(at - m_begin);
    n.bits = static_cast<uint32_t>(type) << 28;
    return m_doc.Append(n);
  }
  // Closes node `i`: what follows it starts at the next node; `length` for scalars.
  void Close(uint32_t i, size_t length = 0) {
    Node& n = m_doc.At(i);
    n.next = m_doc.m_count;
    n.bits |= static_cast<uint32_t>(length);
  }

  void SkipSpace() {
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) ++m_p;
  }

  bool ParseValue(size_t depth) {
    if (m_doc.m_count >= m_maxValues)
      return Fail(m_p, "more than " + std::to_string(m_maxValues) + " values; no bundle within the limits needs as many");
    SkipSpace();
    if (m_p == m_end) return Fail(m_p, m_p == m_begin ? "the text is empty" : "the text ends where a value should be");
    switch (*m_p) {
      case '{': return ParseObject(depth + 1);
      case '[': return ParseArray(depth + 1);
      case '"': return ParseString();
      case 't': return ParseLiteral("true", Type::Boolean);
      case 'f': return ParseLiteral("false", Type::Boolean);
      case 'n': return ParseLiteral("null", Type::Null);
      default:
        if (*m_p == '-' || IsDigit(*m_p)) return ParseNumber();
        return Fail(m_p, "unexpected " + Describe(*m_p) + " where a value should be");
    }
  }

  bool Deeper(size_t depth) {
    if (depth <= m_maxDepth) return true;
    return Fail(m_p, "nested more than " + std::to_string(m_maxDepth) + " levels deep");
  }

  bool ParseObject(size_t depth) {
    if (!Deeper(depth)) return false;
    const uint32_t self = Push(Type::Object, m_p++);
    uint32_t count = 0;
    SkipSpace();
    if (m_p < m_end && *m_p == '}') {
      ++m_p;
    } else {
      for (;;) {
        SkipSpace();
        if (m_p == m_end) return Fail(m_p, "the text ends inside an object");
        if (*m_p != '"')
          return Fail(m_p, count == 0 ? "expected a member name in double quotes, not " + Describe(*m_p)
                                      : "expected another member name after ',', not " + Describe(*m_p));
        if (!ParseString()) return false;
        SkipSpace();
        if (m_p == m_end || *m_p != ':')
          return Fail(m_p, m_p == m_end ? "the text ends inside an object" : "expected ':' after the member name, not " + Describe(*m_p));
        ++m_p;
        if (!ParseValue(depth)) return false;
        ++count;
        SkipSpace();
        if (m_p == m_end) return Fail(m_p, "the text ends inside an object: a '}' is missing");
        if (*m_p == ',') {
          ++m_p;
          continue;
        }
        if (*m_p == '}') {
          ++m_p;
          break;
        }
        return Fail(m_p, "expected ',' or '}' after a member, not " + Describe(*m_p));
      }
    }
    m_doc.At(self).a = count;
    Close(self);
    return true;
  }

  bool ParseArray(size_t depth) {
    if (!Deeper(depth)) return false;
    const uint32_t self = Push(Type::Array, m_p++);
    uint32_t count = 0;
    SkipSpace();
    if (m_p < m_end && *m_p == ']') {
      ++m_p;
    } else {
      for (;;) {
        if (!ParseValue(depth)) return false;
        ++count;
        SkipSpace();
        if (m_p == m_end) return Fail(m_p, "the text ends inside an array: a ']' is missing");
        if (*m_p == ',') {
          ++m_p;
          continue;
        }
        if (*m_p == ']') {
          ++m_p;
          break;
        }
        return Fail(m_p, "expected ',' or ']' after an element, not " + Describe(*m_p));
      }
    }
    m_doc.At(self).a = count;
    Close(self);
    return true;
  }

  bool ParseLiteral(const char* word, Type type) {
    const unsigned char* start = m_p;
    for (const char* w = word; *w; ++w, ++m_p) {
      if (m_p == m_end) return Fail(m_p, std::string("the text ends inside the word \"") + word + "\"");
      if (*m_p != static_cast<unsigned char>(*w))
        return Fail(m_p, std::string("not a JSON value: did you mean \"") + word + "\"? (strings need double quotes)");
    }
    const uint32_t self = Push(type, start);
    Close(self, static_cast<size_t>(m_p - start));
    return true;
  }

  bool ParseNumber() {
    const unsigned char* start = m_p;
    if (*m_p == '-') ++m_p;
    if (m_p < m_end && *m_p == '0') {
      ++m_p;
    } else if (m_p < m_end && IsDigit(*m_p)) {
      while (m_p < m_end && IsDigit(*m_p)) ++m_p;
    } else {
      return Fail(m_p, "a number needs digits after '-'");
    }
    if (m_p < m_end && *m_p == '.') {
      ++m_p;
      if (m_p == m_end || !IsDigit(*m_p)) return Fail(m_p, "a number needs digits after its decimal point");
      while (m_p < m_end && IsDigit(*m_p)) ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
      ++m_p;
      if (m_p < m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
      if (m_p == m_end || !IsDigit(*m_p)) return Fail(m_p, "a number needs digits in its exponent");
      while (m_p < m_end && IsDigit(*m_p)) ++m_p;
    }
    const uint32_t self = Push(Type::Number, start);
    Close(self, static_cast<size_t>(m_p - start));
    return true;
  }

  // Checks the UTF-8 sequence at m_p (its first byte is not ASCII) and steps over it.
  bool SkipUtf8() {
    const unsigned char c = *m_p;
    int more;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      more = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      more = 2;
      if (c == 0xE0) lo = 0xA0;       // no overlong forms
      else if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      more = 3;
      if (c == 0xF0) lo = 0x90;
      else if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return Fail(m_p, "invalid UTF-8 (" + Describe(c) + "); bundles must be saved as UTF-8");
    }
    if (m_end - m_p <= more) return Fail(m_end, "the text ends inside a UTF-8 character");
    char32_t cp = c & (0x3F >> more);
    for (int k = 1; k <= more; ++k) {
      const unsigned char b = m_p[k];
      const bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
      if (!ok) return Fail(m_p + k, "invalid UTF-8 (" + Describe(b) + " cannot continue a character); bundles must be saved as UTF-8");
      cp = (cp << 6) | (b & 0x3F);
    }
    m_doc.SawCodePoint(cp);
    m_p += more + 1;
    return true;
  }

  bool ParseString() {
    const unsigned char* open = m_p++;
    const uint32_t self = Push(Type::String, open);
    bool escaped = false;
    for (;;) {
      while (m_end - m_p >= 8) {
        uint64_t word;
        std::memcpy(&word, m_p, 8);
        if (HasSpecialByte(word)) break;
        m_p += 8;
      }
      if (m_p == m_end) return Fail(m_p, "the text ends inside a string");
      const unsigned char c = *m_p;
      if (c == '"') break;
      if (c == '\\') {
        escaped = true;
        char32_t cp = 0;
        std::string problem = ReadEscape(m_p, m_end, nullptr, &cp);
        if (!problem.empty()) return Fail(m_p, std::move(problem));
        if (cp >= 0x80) m_doc.SawCodePoint(cp);
      } else if (c < 0x20) {
        return Fail(m_p, "a control character (" + Describe(c) + ") inside a string; write it as an escape such as \\n");
      } else if (c < 0x80) {
        ++m_p;
      } else if (c >= 0xC2 && c <= 0xDF && m_end - m_p >= 2 && (m_p[1] & 0xC0) == 0x80) {
        // Two bytes, well formed: the Latin letters (ë, ç) that make most of a bundle's non-ASCII.
        m_doc.SawCodePoint((static_cast<char32_t>(c & 0x1F) << 6) | (m_p[1] & 0x3F));
        m_p += 2;
      } else if (!SkipUtf8()) {
        return false;
      }
    }
    Node& n = m_doc.At(self);
    n.a = static_cast<uint32_t>(open + 1 - m_begin);
    if (escaped) n.bits |= 1u << 31;
    Close(self, static_cast<size_t>(m_p - open - 1));
    ++m_p;  // the closing quote
    return true;
  }

  const unsigned char* const m_begin;
  const unsigned char* m_p;
  const unsigned char* const m_end;
  const size_t m_maxDepth;
  const size_t m_maxValues;
  Document& m_doc;
  ParseError& m_error;
};

uint32_t Document::Append(const Node& n) {
  const uint32_t i = m_count++;
  if ((i >> kBlockBits) == m_blocks.size()) m_blocks.push_back(std::make_unique<Node[]>(size_t{1} << kBlockBits));
  At(i) = n;
  return i;
}

Parsed<Document, ParseError> Document::Parse(std::string_view text, size_t maxDepth, size_t maxValues) {
  using Result = Parsed<Document, ParseError>;
  ParseError error;
  if (text.size() > Node::kLengthMask) {
    error.message = "the text is too large to parse (" + std::to_string(text.size() >> 20) + " MiB)";
    return Result::Fail(std::move(error));
  }
  Document doc;
  doc.m_text = text;
  Parser parser(text, maxDepth, maxValues, doc, error);
  if (!parser.Run()) return Result::Fail(std::move(error));
  return Result::Ok(std::move(doc));
}

std::vector<char32_t> Document::CodePoints() const {
  std::vector<char32_t> out;
  for (size_t w = 0; w < m_seen.size(); ++w)
    for (uint64_t bits = m_seen[w]; bits != 0; bits &= bits - 1)
      out.push_back(static_cast<char32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
  return out;
}

Type Value::GetType() const { return m_doc ? m_doc->At(m_node).GetType() : Type::Null; }

std::string Value::String() const {
  std::string out(Raw());
  if (Escaped()) out.resize(UnescapeInPlace(out.data(), out.size()));
  return out;
}

std::string_view Value::Raw() const {
  if (GetType() != Type::String) return {};
  const Document::Node& n = m_doc->At(m_node);
  return m_doc->m_text.substr(n.a, n.Length());
}

bool Value::Escaped() const { return GetType() == Type::String && m_doc->At(m_node).Escaped(); }

size_t UnescapeInPlace(char* s, size_t size) {
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  const auto* end = p + size;
  char* w = s;
  std::string one;  // one escape's character, at most 4 bytes: no allocation
  while (p < end) {
    const auto* stop = static_cast<const unsigned char*>(std::memchr(p, '\\', static_cast<size_t>(end - p)));
    if (!stop) stop = end;
    const size_t run = static_cast<size_t>(stop - p);
    std::memmove(w, p, run);  // the write position never passes the read one: an escape is longer than its character
    w += run;
    p = stop;
    if (p < end) {
      one.clear();
      ReadEscape(p, end, &one);  // checked while parsing
      std::memcpy(w, one.data(), one.size());
      w += one.size();
    }
  }
  return static_cast<size_t>(w - s);
}

bool Value::StringEquals(std::string_view s) const {
  if (GetType() != Type::String) return false;
  const Document::Node& n = m_doc->At(m_node);
  return n.Escaped() ? String() == s : m_doc->m_text.substr(n.a, n.Length()) == s;
}

std::string_view Value::Source() const {
  if (!m_doc) return {};
  const Document::Node& n = m_doc->At(m_node);
  const Type t = n.GetType();
  if (t != Type::Number && t != Type::Boolean && t != Type::Null) return {};
  return m_doc->m_text.substr(n.pos, n.Length());
}

std::optional<long long> Value::Integer() const {
  if (GetType() != Type::Number) return std::nullopt;
  const std::string_view s = Source();
  const bool negative = s[0] == '-';
  unsigned long long v = 0;
  for (size_t i = negative ? 1 : 0; i < s.size(); ++i) {
    if (!IsDigit(static_cast<unsigned char>(s[i]))) return std::nullopt;  // a fraction or an exponent
    const unsigned d = static_cast<unsigned>(s[i] - '0');
    if (v > (9223372036854775808ull - d) / 10) return std::nullopt;
    v = v * 10 + d;
  }
  if (!negative && v > 9223372036854775807ull) return std::nullopt;
  return negative ? static_cast<long long>(0 - v) : static_cast<long long>(v);
}

size_t Value::Size() const {
  if (!m_doc) return 0;
  const Document::Node& n = m_doc->At(m_node);
  return n.GetType() == Type::Array || n.GetType() == Type::Object ? n.a : 0;
}

size_t Value::Offset() const { return m_doc ? m_doc->At(m_node).pos : 0; }

Value Value::Find(std::string_view key) const {
  Value found;
  ForEachMember([&](std::string_view k, Value v) {
    if (k == key) found = v;
  });
  return found;
}

}  // namespace core::json
