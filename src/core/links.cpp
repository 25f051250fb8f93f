// Link and path checks for content from bundles; see links.h.
#include "core/links.h"

#include <cctype>

namespace core {

namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool HasControlOrSpace(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return true;
  return false;
}

}  // namespace

bool IsSafeExternalUrl(std::string_view url) {
  if (HasControlOrSpace(url)) return false;
  if (StartsWithNoCase(url, "https://") || StartsWithNoCase(url, "http://")) {
    const size_t hostStart = url.find("//") + 2;
    return hostStart < url.size() && url[hostStart] != '/';
  }
  return StartsWithNoCase(url, "mailto:") && url.size() > 7;
}

bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || HasControlOrSpace(path) || path.front() == '/' || path.find('\\') != std::string_view::npos)
    return false;
  if (path.find(':') != std::string_view::npos) return false;  // a scheme, or a drive letter
  if (path.find('?') != std::string_view::npos || path.find('#') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (StartsWithNoCase(part, "%2e") || part.find("%2f") != std::string_view::npos ||
        part.find("%2F") != std::string_view::npos || part.find("%5c") != std::string_view::npos ||
        part.find("%5C") != std::string_view::npos)
      return false;
    start = end + 1;
  }
  return true;
}

std::string ResolveRelative(std::string_view bundleUrl, std::string_view path) {
  const size_t cut = bundleUrl.find_first_of("?#");
  const std::string_view base = bundleUrl.substr(0, cut);
  const size_t slash = base.rfind('/');
  std::string out(slash == std::string_view::npos ? std::string_view{} : base.substr(0, slash + 1));
  out += path;
  return out;
}

std::string FileTypeOf(std::string_view path) {
  path = path.substr(0, path.find_first_of("?#"));
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.size() - dot < 2 || path.size() - dot > 5) return "";
  std::string type;
  for (const char c : path.substr(dot + 1)) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return "";
    type += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return type;
}

}  // namespace core
