// libFuzzer target: core::ParseRoute never crashes, and what FormatRoute writes parses back to
// the same route (links in the mirror and the address bar depend on that round trip).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/route.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const core::Route r = core::ParseRoute(text);
  const std::string formatted = core::FormatRoute(r);
  if (formatted.rfind("#/", 0) != 0) __builtin_trap();  // documented: always "#/..."
  const core::Route again = core::ParseRoute(formatted);
  if (again != r || again.raw != r.raw) __builtin_trap();
  if (core::FormatRoute(again) != formatted) __builtin_trap();
  const core::Route parent = core::ParentRoute(r);
  if (parent.screen == core::Screen::NewsDetail || parent.screen == core::Screen::DirectiveDetail) __builtin_trap();
  if (core::PercentDecode(core::PercentEncode(text)) != text) __builtin_trap();
  return 0;
}
