// Resolves each referenced path against the bundle's folder with std::filesystem (error codes,
// no exceptions) and reads images for image_check.
#include "tools/referenced_files.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <tuple>

#include "core/limits.h"
#include "core/links.h"
#include "tools/image_check.h"
#include "tools/site_files.h"

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
    const std::string& image = bundle.news[k].image.src;
    if (image.empty()) continue;
    if (auto problem = CheckFile(folder, image, true))
      add("news[" + std::to_string(file.newsIndex[k]) + "].image", file.imageAt[k], *problem);
  }
  for (size_t k = 0; k < bundle.directives.size() && k < file.directiveIndex.size(); ++k) {
    const core::Directive& d = bundle.directives[k];
    const std::string at = "directives[" + std::to_string(file.directiveIndex[k]) + "]";
    if (!d.document.empty() && !core::IsSafeExternalUrl(d.document))
      if (auto problem = CheckFile(folder, d.document, false)) add(at + ".document", file.documentAt[k], *problem);
    for (size_t i = 0; i < d.documents.size() && i < file.documentsAt[k].size(); ++i)
      if (!core::IsSafeExternalUrl(d.documents[i].src))
        if (auto problem = CheckFile(folder, d.documents[i].src, false))
          add(at + ".documents[" + std::to_string(i) + "].src", file.documentsAt[k][i].offset, *problem);
  }
  core::AttachLineColumns(file.text, out);
  return out;
}

namespace {

// What a file is, by its first bytes where they say it, else by its name ("PDF", "DOCX").
std::string TypeOf(const fs::path& path, const std::string& name) {
  char head[8] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(head, sizeof head);
  const std::string_view h(head, static_cast<size_t>(in.gcount()));
  const std::string byName = core::FileTypeOf(name);
  if (h.substr(0, 5) == "%PDF-") return "PDF";
  if (h.substr(0, 8) == "\x89PNG\r\n\x1a\n") return "PNG";
  if (h.substr(0, 3) == "\xFF\xD8\xFF") return "JPEG";
  if (h.substr(0, 5) == "{\\rtf") return "RTF";
  if (h.substr(0, 4) == "PK\x03\x04") return byName.empty() ? "ZIP" : byName;  // DOCX, XLSX, ODT, ...: zip files
  return byName;
}

}  // namespace

void AddFileFacts(BundleFile& file) {
  if (!file.result.Ok()) return;
  std::error_code ec;
  const fs::path folder = fs::canonical(fs::absolute(fs::u8path(file.path), ec).parent_path(), ec);
  if (ec) return;
  for (core::NewsItem& n : file.result.bundle->news) {
    if (n.image.Empty() || CheckFile(folder, n.image.src, false)) continue;
    const fs::path path = folder / fs::u8path(n.image.src);
    const auto size = fs::file_size(path, ec);
    if (ec || size > core::limits::kMaxImageBytes) continue;
    std::string bytes(static_cast<size_t>(size), '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (const auto pixels = ImageSize(bytes)) std::tie(n.image.width, n.image.height) = *pixels;
  }
  for (core::Directive& d : file.result.bundle->directives)
    for (core::Document& doc : d.documents) {
      if (core::IsSafeExternalUrl(doc.src) || CheckFile(folder, doc.src, false)) continue;  // not a file here
      const fs::path path = folder / fs::u8path(doc.src);
      if (doc.type.empty()) doc.type = TypeOf(path, doc.src);
      if (doc.bytes == 0) doc.bytes = fs::file_size(path, ec);
      if (ec) doc.bytes = 0;
    }
}

std::string CopyReferencedFiles(const BundleFile& file, const fs::path& to, size_t* copied) {
  if (!file.result.Ok()) return "";
  std::error_code ec;
  const fs::path folder = fs::canonical(fs::absolute(fs::u8path(file.path), ec).parent_path(), ec);
  if (ec) return "the bundle's folder cannot be resolved: " + ec.message();
  std::set<std::string> named;
  for (const core::NewsItem& n : file.result.bundle->news)
    if (!n.image.Empty()) named.insert(n.image.src);
  for (const core::Directive& d : file.result.bundle->directives) {
    if (!d.document.empty() && !core::IsSafeExternalUrl(d.document)) named.insert(d.document);
    for (const core::Document& doc : d.documents)
      if (!core::IsSafeExternalUrl(doc.src)) named.insert(doc.src);
  }
  for (const std::string& relative : named) {
    if (CheckFile(folder, relative, false)) continue;  // missing or outside: validate says so
    const fs::path from = folder / fs::u8path(relative), copy = (to / fs::u8path(relative)).lexically_normal();
    if (std::string problem = CopyKeepingTime(from, copy, copied); !problem.empty()) return problem;
  }
  return "";
}

}  // namespace tools
