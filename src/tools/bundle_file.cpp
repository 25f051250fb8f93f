// Reading a bundle file for mod-bundle: loading, matching loaded items to their place in the
// file, and the FILE:LINE:COL output editors' tools jump to.
#include "tools/bundle_file.h"

#include <algorithm>
#include <fstream>
#include <ostream>
#include <set>

#include "core/json_doc.h"
#include "core/json_positions.h"
#include "core/limits.h"

namespace tools {

namespace {

// Loaded items keep the file's order and the first item of each id is the only one that can be
// kept, so walking both lists together pairs each loaded item with its index in the file.
template <class Item>
std::vector<size_t> MatchIndices(core::json::Value root, const char* key, const std::vector<Item>& loaded, size_t& inFile) {
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
  core::json::ParseError unused;
  const auto doc = core::json::Document::Parse(file.text, core::limits::kMaxDepth, unused);
  if (!doc) return file;
  const core::json::Value root = doc->Root();
  file.newsIndex = MatchIndices(root, "news", file.result.bundle->news, file.newsInFile);
  file.directiveIndex = MatchIndices(root, "directives", file.result.bundle->directives, file.directivesInFile);
  return file;
}

void AttachPositions(std::string_view text, std::vector<core::Diagnostic>& diagnostics) {
  std::set<std::string> wanted;
  for (const auto& d : diagnostics)
    if (d.line == 0) wanted.insert(d.path);
  if (wanted.empty()) return;
  wanted.insert("");  // LocatePaths descends only from wanted prefixes, and the root is one
  const auto found = core::LocatePaths(text, wanted);
  // Line starts once, so that many diagnostics do not each rescan a large file from the top.
  std::vector<size_t> lineStarts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') lineStarts.push_back(i + 1);
  for (auto& d : diagnostics) {
    const auto it = found.find(d.path);
    if (d.line > 0 || it == found.end()) continue;
    const auto next = std::upper_bound(lineStarts.begin(), lineStarts.end(), it->second);
    const size_t start = *(next - 1);
    d.line = static_cast<int>(next - lineStarts.begin());
    d.column = core::LineColumnAt(text.substr(start), it->second - start).column;
  }
}

void PrintDiagnostic(std::ostream& out, const std::string& file, const core::Diagnostic& d) {
  const bool error = d.severity == core::Severity::Error;
  out << file << ":" << d.line << ":" << d.column << ": " << (error ? "error" : "warning") << ": "
      << (d.path.empty() ? "" : d.path + ": ") << d.message << "\n";
}

}  // namespace tools
