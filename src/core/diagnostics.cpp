// Formatting of diagnostics for logs and screens.
#include "core/diagnostics.h"

namespace core {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (d.line > 0) out += "line " + std::to_string(d.line) + ", column " + std::to_string(d.column) + ": ";
  if (!d.path.empty()) out += d.path + ": ";
  out += d.message;
  return out;
}

}  // namespace core
