// Problems found in a bundle: each with a severity, a field path ("news[3].date") and, where
// known, a line and column in the file, so editors can jump straight to it.
#pragma once
#include <string>
#include <vector>

namespace core {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;     // "" for the bundle as a whole
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based; 0 when unknown
  std::string message;  // in words a person understands
};

// "line 3, column 14: news[2].date: ..." style, for logs and the error screen.
std::string FormatDiagnostic(const Diagnostic& d);

}  // namespace core
