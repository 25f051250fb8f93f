// Formatting of diagnostics, and their places in the text.
#include "core/diagnostics.h"

#include <algorithm>

namespace core {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (d.line > 0) out += "line " + std::to_string(d.line) + ", column " + std::to_string(d.column) + ": ";
  if (!d.path.empty()) out += d.path + ": ";
  out += d.message;
  return out;
}

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  LineColumn lc;
  size_t lineStart = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++lc.line;
      lineStart = i + 1;
    }
  for (size_t i = lineStart; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++lc.column;
  return lc;
}

void AttachLineColumns(std::string_view text, std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic*> todo;
  for (auto& d : diagnostics)
    if (d.line == 0 && d.offset != kNoOffset) todo.push_back(&d);
  std::sort(todo.begin(), todo.end(), [](const Diagnostic* a, const Diagnostic* b) { return a->offset < b->offset; });
  int line = 1, column = 1;
  size_t pos = 0;
  for (Diagnostic* d : todo) {
    for (; pos < d->offset && pos < text.size(); ++pos) {
      if (text[pos] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    d->line = line;
    d->column = column;
  }
}

}  // namespace core
