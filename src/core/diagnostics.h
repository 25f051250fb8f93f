// Problems found in a bundle: each with a severity, a field path ("news[3].date") and, where
// known, a line and column in the file, so editors can jump straight to it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class Severity { Warning, Error };

constexpr size_t kNoOffset = static_cast<size_t>(-1);

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;          // "" for the bundle as a whole
  int line = 0;              // 1-based; 0 when unknown
  int column = 0;            // 1-based, in characters (code points); 0 when unknown
  std::string message;       // in words a person understands
  size_t offset = kNoOffset; // byte offset in the text, while line and column are not known yet
};

// "line 3, column 14: news[2].date: ..." style, for logs and the error screen.
std::string FormatDiagnostic(const Diagnostic& d);

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in characters (UTF-8 code points)
};
LineColumn LineColumnAt(std::string_view text, size_t offset);

// Gives every diagnostic with an offset but no line its line and column in `text`, in one
// sweep over the text however many there are.
void AttachLineColumns(std::string_view text, std::vector<Diagnostic>& diagnostics);

}  // namespace core
