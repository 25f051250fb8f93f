// The JSON report of mod-bundle validate; see diagnostics_json.h.
#include "tools/diagnostics_json.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace tools {

void PrintJsonReport(std::ostream& out, const std::vector<FileReport>& reports) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  bool allValid = true;
  for (const FileReport& r : reports) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    int errors = 0, warnings = 0;
    for (const core::Diagnostic& d : r.diagnostics) {
      const bool error = d.severity == core::Severity::Error;
      (error ? errors : warnings)++;
      nlohmann::ordered_json item;
      item["severity"] = error ? "error" : "warning";
      item["line"] = d.line;
      item["column"] = d.column;
      item["path"] = d.path;
      item["message"] = d.message;
      list.push_back(std::move(item));
    }
    nlohmann::ordered_json file;
    file["file"] = r.file;
    file["valid"] = r.valid;
    file["errors"] = errors;
    file["warnings"] = warnings;
    file["diagnostics"] = std::move(list);
    files.push_back(std::move(file));
    allValid = allValid && r.valid;
  }
  nlohmann::ordered_json report;
  report["valid"] = allValid;
  report["files"] = std::move(files);
  // Built without exceptions: bytes that are not UTF-8 are replaced rather than thrown about.
  out << report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace tools
