// A strict JSON parser (RFC 8259: UTF-8 checked, no comments, no trailing commas, nesting
// limited) that turns text into a compact read-only document: one 16-byte node per value, in
// document order, strings pointing into the text. Escapes are checked while parsing but decoded
// only when a string is read: into the caller's copy (String()), or where it is written
// (UnescapeInPlace on Raw(), which the bundle loader does in the text the bundle keeps).
// It replaces a general-purpose DOM for the bundle loader: a 58 MB archive is parsed several
// times faster and with a fraction of the memory (see bench_core). Never throws.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/parsed.h"

namespace core::json {

enum class Type : uint8_t { Null, Boolean, Number, String, Array, Object };

struct ParseError {
  size_t offset = 0;    // byte offset of the first byte that cannot continue a valid document
  std::string message;  // what is wrong there, for a person
};

class Document;

// A value in a Document, or nothing (a missing member): test it with `if (v)`. Cheap to copy;
// valid while its Document lives.
class Value {
 public:
  Value() = default;
  explicit operator bool() const { return m_doc != nullptr; }

  Type GetType() const;
  bool IsNull() const { return m_doc && GetType() == Type::Null; }  // a null written in the text
  bool IsString() const { return GetType() == Type::String; }
  bool IsObject() const { return GetType() == Type::Object; }
  bool IsArray() const { return GetType() == Type::Array; }
  bool IsNumber() const { return GetType() == Type::Number; }
  // A number written without fraction or exponent that fits in 64 bits.
  std::optional<long long> Integer() const;

  std::string String() const;                   // a string's decoded contents; "" for other types
  // A string's contents as written, escapes and all (a view of the text); "" for other types.
  // Escaped() says whether it holds any: without, it is the decoded contents.
  std::string_view Raw() const;
  bool Escaped() const;
  bool StringEquals(std::string_view s) const;  // a string whose decoded contents are `s`
  std::string_view Source() const;  // a scalar's text as written (numbers, literals); "" for containers
  size_t Size() const;              // elements of an array, members of an object; 0 otherwise
  size_t Offset() const;            // byte offset of the value in the text

  // The member `key` of an object (the last one when a key repeats, as most parsers do);
  // nothing when absent or when this is not an object.
  Value Find(std::string_view key) const;

  // Visits elements of an array as f(index, Value), members of an object as f(key, Value)
  // (the key decoded; the view is valid during the call).
  template <class F>
  void ForEachElement(F&& f) const;
  template <class F>
  void ForEachMember(F&& f) const;

 private:
  friend class Document;
  Value(const Document* doc, uint32_t node) : m_doc(doc), m_node(node) {}
  const Document* m_doc = nullptr;
  uint32_t m_node = 0;
};

class Document {
 public:
  // Parses `text`, which must outlive the document. Fails, saying where and why, when the text
  // is not one valid JSON value, is nested deeper than `maxDepth` or holds more than
  // `maxValues` values (each costs a node: 1 GiB for a 128 MiB file of "[0,0,0,...").
  static Parsed<Document, ParseError> Parse(std::string_view text, size_t maxDepth, size_t maxValues = SIZE_MAX);

  Value Root() const { return Value(this, 0); }
  size_t NodeCount() const { return m_count; }
  // Every code point above U+007F that occurs in a string, ascending (written or escaped):
  // what the text needs from a font, found while parsing at no extra pass.
  std::vector<char32_t> CodePoints() const;

 private:
  friend class Value;
  friend class Parser;
  // 16 bytes per value: texts are under 256 MiB (the loader allows 128), so lengths take 28
  // bits and the type and the decoded flag share the last word.
  struct Node {
    uint32_t pos = 0;   // offset of the value's first byte in the text
    uint32_t next = 0;  // index of the node after this value and everything inside it
    uint32_t a = 0;     // string: start of its contents in the text; container: count
    uint32_t bits = 0;  // length in bytes (strings, scalars) | type << 28 | escaped << 31

    static constexpr uint32_t kLengthMask = (1u << 28) - 1;
    size_t Length() const { return bits & kLengthMask; }
    Type GetType() const { return static_cast<Type>((bits >> 28) & 7u); }
    bool Escaped() const { return (bits >> 31) != 0; }  // a string with escapes (decoded when read)
  };
  // Nodes live in fixed blocks: growing never copies them, and no guess at their number can
  // leave a large reservation unused (the wasm heap keeps its high-water mark).
  static constexpr uint32_t kBlockBits = 14;
  const Node& At(uint32_t i) const { return m_blocks[i >> kBlockBits][i & ((1u << kBlockBits) - 1)]; }
  Node& At(uint32_t i) { return m_blocks[i >> kBlockBits][i & ((1u << kBlockBits) - 1)]; }
  uint32_t Append(const Node& n);

  void SawCodePoint(char32_t cp) {
    if (m_seen.empty()) m_seen.resize((0x110000 + 63) / 64);
    m_seen[cp >> 6] |= uint64_t{1} << (cp & 63);
  }

  std::string_view m_text;
  std::vector<std::unique_ptr<Node[]>> m_blocks;
  uint32_t m_count = 0;
  std::vector<uint64_t> m_seen;  // a bit per code point, allocated at the first non-ASCII one
};

// Decodes, in place, the contents of a string as written in a parsed document (its escapes
// were checked then); returns the decoded length, never more than `size`.
size_t UnescapeInPlace(char* s, size_t size);

template <class F>
void Value::ForEachElement(F&& f) const {
  if (!m_doc || GetType() != Type::Array) return;
  uint32_t i = m_node + 1;
  for (size_t k = 0, n = m_doc->At(m_node).a; k < n; ++k, i = m_doc->At(i).next) f(k, Value(m_doc, i));
}

template <class F>
void Value::ForEachMember(F&& f) const {
  if (!m_doc || GetType() != Type::Object) return;
  uint32_t i = m_node + 1;
  std::string decoded;
  for (size_t k = 0, n = m_doc->At(m_node).a; k < n; ++k, i = m_doc->At(i + 1).next) {
    const Document::Node& key = m_doc->At(i);
    std::string_view name = m_doc->m_text.substr(key.a, key.Length());
    if (key.Escaped()) {
      decoded = Value(m_doc, i).String();
      name = decoded;
    }
    f(name, Value(m_doc, i + 1));
  }
}

}  // namespace core::json
