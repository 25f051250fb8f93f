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
// kept, so walking both lists together pairs each loaded item with its index in the file;
// `matched(k, item)` is told of each pair.
template <class Item, class Matched>
std::vector<size_t> MatchIndices(core::json::Value root, const char* key, const std::vector<Item>& loaded, size_t& inFile,
                                 Matched matched) {
  std::vector<size_t> indices;
  const core::json::Value list = root.Find(key);
  if (!list.IsArray()) return indices;
  inFile = list.Size();
  list.ForEachElement([&](size_t i, core::json::Value item) {
    const size_t k = indices.size();
    if (k >= loaded.size() || !item.IsObject() || !item.Find("id").StringEquals(loaded[k].id)) return;
    indices.push_back(i);
    matched(k, item);
  });
  return indices;
}

// Where `field` of `item` is written (the item's own place when it has none).
size_t FieldAt(core::json::Value item, const char* field) {
  const core::json::Value value = item.Find(field);
  return value ? value.Offset() : item.Offset();
}

// Where each of the loaded `documents` is written in the item's "documents": the loader keeps
// them in order and leaves out those it cannot use, so each is the next one with its "src".
std::vector<DocumentAt> DocumentsAt(core::json::Value item, const std::vector<core::Document>& documents) {
  std::vector<DocumentAt> at;
  const core::json::Value list = item.Find("documents");
  if (!list.IsArray()) return at;
  list.ForEachElement([&](size_t, core::json::Value doc) {
    if (at.size() < documents.size() && doc.IsObject() && doc.Find("src").StringEquals(documents[at.size()].src))
      at.push_back({doc.Offset(), static_cast<bool>(doc.Find("type")), static_cast<bool>(doc.Find("bytes"))});
  });
  return at;
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
  const core::Bundle& bundle = *file.result.bundle;
  file.newsIndex = MatchIndices(root, "news", bundle.news, file.newsInFile,
                                [&](size_t, core::json::Value item) { file.imageAt.push_back(FieldAt(item, "image")); });
  file.directiveIndex = MatchIndices(root, "directives", bundle.directives, file.directivesInFile, [&](size_t k, core::json::Value item) {
    file.documentAt.push_back(FieldAt(item, "document"));
    file.documentsAt.push_back(DocumentsAt(item, bundle.directives[k].documents));
  });
  return file;
}

void PrintDiagnostic(std::ostream& out, const std::string& file, const core::Diagnostic& d) {
  const bool error = d.severity == core::Severity::Error;
  out << file << ":" << d.line << ":" << d.column << ": " << (error ? "error" : "warning") << ": "
      << (d.path.empty() ? "" : d.path + ": ") << d.message << "\n";
}

}  // namespace tools
