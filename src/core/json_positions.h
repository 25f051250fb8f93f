// Where values sit in JSON text, by field path ("news[3].date"), so that diagnostics found
// on the parsed document can point editors at a line and column. Only walks the parts of the
// document that lead to a wanted path.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace core {

// Byte offsets of the values at `wanted` paths in `text` (valid JSON); the root is "".
// Paths that do not exist are absent from the result.
std::map<std::string, size_t> LocatePaths(std::string_view text, const std::set<std::string>& wanted);

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in characters (UTF-8 code points)
};
LineColumn LineColumnAt(std::string_view text, size_t offset);

}  // namespace core
