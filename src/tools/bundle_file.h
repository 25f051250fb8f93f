// A bundle file as mod-bundle's commands see it: the text, what the loader made of it, and where
// each loaded item sits in the file's lists (the loaded Bundle drops items with problems, so its
// indices no longer match the file's). Also prints diagnostics in the FILE:LINE:COL form.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "core/bundle_loader.h"

namespace tools {

// Where a directive's document object is written, and whether it says its type and size.
struct DocumentAt {
  size_t offset = 0;
  bool type = false, bytes = false;
};

struct BundleFile {
  std::string path;  // as given on the command line
  std::string text;
  core::LoadResult result;
  std::vector<size_t> newsIndex;       // newsIndex[k]: position in the file's "news" of bundle->news[k]
  std::vector<size_t> directiveIndex;  // likewise for directives
  std::vector<size_t> imageAt;         // imageAt[k]: byte offset of bundle->news[k]'s "image" in the text
  std::vector<size_t> documentAt;      // likewise for each directive's "document"
  std::vector<std::vector<DocumentAt>> documentsAt;  // documentsAt[k][i]: directives[k].documents[i]
  size_t newsInFile = 0;               // items in the file's lists, read or left out
  size_t directivesInFile = 0;
};

// Reads and loads `path`. A file that cannot be read gives a result without a bundle and one
// error diagnostic, like any other bundle that cannot be loaded.
BundleFile ReadBundleFile(const std::string& path);

// "FILE:LINE:COL: error: PATH: message"
void PrintDiagnostic(std::ostream& out, const std::string& file, const core::Diagnostic& d);

}  // namespace tools
