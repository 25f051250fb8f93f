// Resolves each referenced path against the bundle's folder with std::filesystem (error codes,
// no exceptions) and reads images for image_check.
#include "tools/referenced_files.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "core/limits.h"
#include "core/links.h"
#include "tools/image_check.h"

namespace tools {

namespace fs = std::filesystem;

namespace {

bool IsInside(const fs::path& folder, const fs::path& target) {
  auto f = folder.begin(), t = target.begin();
  for (; f != folder.end(); ++f, ++t)
    if (t == target.end() || *f != *t) return false;
  return t != target.end();
}

std::string Quoted(const std::string& s) {
  return "\"" + s + "\"";
}

// Why `relative` cannot be used as a file of the bundle in `folder` (canonical); nullopt when it
// can. Images are also decoded.
std::optional<std::string> CheckFile(const fs::path& folder, const std::string& relative, bool image) {
  const fs::path path = folder / fs::u8path(relative);
  std::error_code ec;
  // weakly_canonical follows every symbolic link on the way, so a link that points elsewhere
  // shows up here even though the path as written stays inside.
  const fs::path target = fs::weakly_canonical(path, ec);
  if (ec) return Quoted(relative) + " cannot be resolved: " + ec.message();
  if (!IsInside(folder, target)) return Quoted(relative) + " leads outside the bundle's folder through a symbolic link";
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    if (fs::is_symlink(fs::symlink_status(path, ec))) return Quoted(relative) + " is a symbolic link to a missing file";
    return Quoted(relative) + " does not exist in the bundle's folder";
  }
  if (!fs::is_regular_file(status)) return Quoted(relative) + " is not a regular file";
  if (!image) return std::nullopt;

  const auto size = fs::file_size(path, ec);
  if (ec) return Quoted(relative) + " cannot be read: " + ec.message();
  if (size > core::limits::kMaxImageBytes)
    return Quoted(relative) + " is larger than " + std::to_string(core::limits::kMaxImageBytes >> 20) +
           " MiB, the limit for images";
  std::string bytes(static_cast<size_t>(size), '\0');
  std::ifstream in(path, std::ios::binary);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return Quoted(relative) + " cannot be read";
  if (auto problem = CheckImage(bytes)) return Quoted(relative) + " " + *problem;
  return std::nullopt;
}

}  // namespace

std::vector<core::Diagnostic> CheckReferencedFiles(const BundleFile& file) {
  std::vector<core::Diagnostic> out;
  if (!file.result.Ok()) return out;
  const core::Bundle& bundle = *file.result.bundle;
  std::error_code ec;
  fs::path folder = fs::absolute(fs::u8path(file.path), ec).parent_path();
  folder = fs::canonical(folder, ec);
  const auto add = [&](std::string path, size_t offset, std::string message) {
    core::Diagnostic d;
    d.path = std::move(path);
    d.offset = offset;
    d.message = std::move(message);
    out.push_back(std::move(d));
  };
  if (ec) {
    add("", 0, "the bundle's folder cannot be resolved: " + ec.message());
    return out;
  }
  for (size_t k = 0; k < bundle.news.size() && k < file.newsIndex.size(); ++k) {
    const std::string& image = bundle.news[k].image;
    if (image.empty()) continue;
    if (auto problem = CheckFile(folder, image, true))
      add("news[" + std::to_string(file.newsIndex[k]) + "].image", file.imageAt[k], *problem);
  }
  for (size_t k = 0; k < bundle.directives.size() && k < file.directiveIndex.size(); ++k) {
    const std::string& document = bundle.directives[k].document;
    if (document.empty() || core::IsSafeExternalUrl(document)) continue;
    if (auto problem = CheckFile(folder, document, false))
      add("directives[" + std::to_string(file.directiveIndex[k]) + "].document", file.documentAt[k], *problem);
  }
  core::AttachLineColumns(file.text, out);
  return out;
}

}  // namespace tools
