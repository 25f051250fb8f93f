// The published bundle.json; see bundle_copy.h.
#include "tools/bundle_copy.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace tools {

namespace {

// The file's text with the facts each document object lacked, first in the object:
// {"type":"PDF","bytes":150528,"title": ...
std::string WithDocumentFacts(const BundleFile& file) {
  std::string out;
  size_t from = 0;
  const auto& directives = file.result.bundle->directives;
  for (size_t k = 0; k < directives.size() && k < file.documentsAt.size(); ++k) {
    const auto& docs = directives[k].documents;
    for (size_t i = 0; i < docs.size() && i < file.documentsAt[k].size(); ++i) {
      const DocumentAt& at = file.documentsAt[k][i];
      std::string add;
      if (!at.type && !docs[i].type.empty()) add += "\"type\":" + nlohmann::json(docs[i].type).dump() + ",";
      if (!at.bytes && docs[i].bytes > 0) add += "\"bytes\":" + std::to_string(docs[i].bytes) + ",";
      if (add.empty()) continue;
      out.append(file.text, from, at.offset + 1 - from);
      out += add;
      from = at.offset + 1;
    }
  }
  return out + file.text.substr(from);
}

int Hex(char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; }

}  // namespace

std::string WithoutHostileJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool inString = false;
  for (size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (!inString || (c != '\\' && static_cast<unsigned char>(c) < 0x80)) {
      if (c == '"') inString = !inString;
      out += c;
      ++i;
      continue;
    }
    if (c != '\\') {  // a character beyond ASCII, as itself
      const size_t at = i;
      if (!core::IsHostile(core::DecodeUtf8(json, i))) out.append(json, at, i - at);
      continue;
    }
    const char e = i + 1 < json.size() ? json[i + 1] : '\0';
    size_t length = 2;
    bool hostile = e == 'b' || e == 'f' || e == 'r';
    if (e == 'u' && i + 6 <= json.size()) {
      char32_t cp = 0;
      for (size_t k = i + 2; k < i + 6; ++k) cp = cp * 16 + static_cast<char32_t>(std::max(Hex(json[k]), 0));
      hostile = core::IsHostile(cp);
      length = 6;
    }
    if (!hostile) out.append(json, i, length);
    i += length;
  }
  return out;
}

std::string PublishedBundleText(const BundleFile& file) { return WithoutHostileJson(WithDocumentFacts(file)); }

}  // namespace tools
