// Which links and paths from a bundle may be followed: external links only to https:, http:
// and mailto:; files only as relative paths that stay inside the bundle's folder.
#pragma once
#include <string>
#include <string_view>

namespace core {

bool IsSafeExternalUrl(std::string_view url);
bool IsSafeRelativePath(std::string_view path);
// Resolves `path` (already checked with IsSafeRelativePath) against the folder of `bundleUrl`.
std::string ResolveRelative(std::string_view bundleUrl, std::string_view path);
// What a file is by its name: "PDF" for "docs/a.pdf" or "https://x.al/a.pdf?v=2"; "" when its
// name has no extension of 1-4 letters or digits.
std::string FileTypeOf(std::string_view path);

}  // namespace core
