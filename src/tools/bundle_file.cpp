// Reading a bundle file for mod-bundle: loading, matching loaded items to their place in the
// file, and the FILE:LINE:COL output editors' tools jump to.
#include "tools/bundle_file.h"

#include <fstream>
#include <ostream>

#include "core/json_doc.h"
#include "core/limits.h"

namespace tools {

namespace {

// Loaded items keep the file's order and the first item of each id is the only one that can be
// kept, so walking both lists together pairs each loaded item with its index in the file. Also
// notes where each one's `field` is written (the item's own place when it has none).
template <class Item>
std::vector<size_t> MatchIndices(core::json::Value root, const char* key, const std::vector<Item>& loaded, size_t& inFile,
                                 const char* field, std::vector<size_t>& fieldAt) {
  std::vector<size_t> indices;
  const core::json::Value list = root.Find(key);
  if (!list.IsArray()) return indices;
  inFile = list.Size();
  size_t k = 0;
  list.ForEachElement([&](size_t i, core::json::Value item) {
    if (k >= loaded.size() || !item.IsObject()) return;
    const core::json::Value id = item.Find("id");
    if (id.StringEquals(loaded[k].id)) {
      indices.push_back(i);
      const core::json::Value value = item.Find(field);
      fieldAt.push_back(value ? value.Offset() : item.Offset());
      ++k;
    }
  });
  return indices;
}

}  // namespace

BundleFile ReadBundleFile(const std::string& path) {
  BundleFile file;
  file.path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    core::Diagnostic d;
    d.message = "cannot open the file";
    file.result.diagnostics.push_back(d);
    return file;
  }
  // One byte over the limit is enough for the loader to refuse the file as too large.
  file.text.resize(core::limits::kMaxFileBytes + 1);
  in.read(file.text.data(), static_cast<std::streamsize>(file.text.size()));
  file.text.resize(static_cast<size_t>(in.gcount()));
  file.result = core::LoadBundle(file.text);
  if (!file.result.Ok()) return file;

  // The loader has already parsed this text successfully, so this parse cannot fail.
  const auto doc = core::json::Document::Parse(file.text, core::limits::kMaxDepth);
  if (!doc) return file;
  const core::json::Value root = doc->Root();
  file.newsIndex = MatchIndices(root, "news", file.result.bundle->news, file.newsInFile, "image", file.imageAt);
  file.directiveIndex =
      MatchIndices(root, "directives", file.result.bundle->directives, file.directivesInFile, "document", file.documentAt);
  return file;
}

void PrintDiagnostic(std::ostream& out, const std::string& file, const core::Diagnostic& d) {
  const bool error = d.severity == core::Severity::Error;
  out << file << ":" << d.line << ":" << d.column << ": " << (error ? "error" : "warning") << ": "
      << (d.path.empty() ? "" : d.path + ": ") << d.message << "\n";
}

}  // namespace tools
