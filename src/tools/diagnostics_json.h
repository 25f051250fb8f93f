// `mod-bundle validate --format json`: every file's diagnostics as one JSON document, for
// editors' tooling and CI (written with nlohmann/json, the project's JSON package):
//   {"valid": false, "files": [{"file": "b.json", "valid": false, "errors": 1, "warnings": 0,
//     "diagnostics": [{"severity": "error", "line": 3, "column": 17, "path": "news[2].date",
//                      "message": "..."}]}]}
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace tools {

struct FileReport {
  std::string file;
  std::vector<core::Diagnostic> diagnostics;
  bool valid = false;  // loaded, and no errors
};

// Writes the reports as one JSON document (indented, UTF-8; bytes that are not UTF-8 in a
// message become U+FFFD).
void PrintJsonReport(std::ostream& out, const std::vector<FileReport>& reports);

}  // namespace tools
