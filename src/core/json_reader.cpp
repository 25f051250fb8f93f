// SAX-based JSON parsing with a nesting limit and readable syntax errors.
#include "core/json_reader.h"

#include "core/json_positions.h"

#include <string>

namespace core {

namespace {

using Json = nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<Json>;

// Builds the DOM like nlohmann's own parser, but stops at a nesting depth and keeps the error
// instead of throwing it (the wasm build has no exceptions).
class LimitedDomParser : public DomParser {
 public:
  LimitedDomParser(Json& root, size_t maxDepth) : DomParser(root, false), m_maxDepth(maxDepth) {}

  bool start_object(std::size_t n) { return Enter() && DomParser::start_object(n); }
  bool end_object() { --m_depth; return DomParser::end_object(); }
  bool start_array(std::size_t n) { return Enter() && DomParser::start_array(n); }
  bool end_array() { --m_depth; return DomParser::end_array(); }

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
    m_failed = true;
    m_position = position;
    m_token = token;
    m_what = ex.what();
    return false;
  }

  bool Failed() const { return m_failed; }
  bool TooDeep() const { return m_tooDeep; }
  size_t Position() const { return m_position; }
  const std::string& What() const { return m_what; }

 private:
  bool Enter() {
    if (++m_depth <= m_maxDepth) return true;
    m_tooDeep = true;
    return false;
  }

  size_t m_maxDepth;
  size_t m_depth = 0;
  bool m_failed = false;
  bool m_tooDeep = false;
  size_t m_position = 0;
  std::string m_token;
  std::string m_what;
};

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 7:
// syntax error while parsing value - invalid literal; last read: 'tru'". Keep the part a
// person needs.
void FillFromMessage(const std::string& what, Diagnostic& d) {
  const auto at = what.find(" at line ");
  auto colon = what.find(": ", at == std::string::npos ? 0 : at);
  std::string msg = colon == std::string::npos ? what : what.substr(colon + 2);
  if (msg.rfind("syntax error while parsing ", 0) == 0) msg = "syntax error in " + msg.substr(27);
  d.message = "not valid JSON: " + msg;
}

void SetPosition(std::string_view text, size_t offset, Diagnostic& d) {
  const LineColumn lc = LineColumnAt(text, offset);
  d.line = lc.line;
  d.column = lc.column;
}

}  // namespace

std::optional<Json> ParseJson(std::string_view text, size_t maxDepth, Diagnostic& error) {
  Json root;
  LimitedDomParser sax(root, maxDepth);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
  if (ok && !sax.Failed() && !sax.is_errored()) return root;
  error = {};
  error.severity = Severity::Error;
  if (sax.TooDeep()) {
    // The handler stopped at the opening bracket one level too deep; point at it.
    size_t depth = 0, i = 0;
    bool inString = false;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (inString) {
        if (c == '\\') ++i; else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > maxDepth) break;
      } else if (c == ']' || c == '}') {
        --depth;
      }
    }
    SetPosition(text, i, error);
    error.message = "nested more than " + std::to_string(maxDepth) + " levels deep";
  } else if (sax.Failed()) {
    // nlohmann counts columns from 0 after a newline and reports the position after the
    // offending character; point at that character instead, 1-based, in characters.
    FillFromMessage(sax.What(), error);
    SetPosition(text, sax.Position() > 0 ? sax.Position() - 1 : 0, error);
  } else {
    SetPosition(text, text.size(), error);
    error.message = "not valid JSON";
  }
  return std::nullopt;
}

}  // namespace core
