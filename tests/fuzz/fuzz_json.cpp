// libFuzzer target: core::json::Document against nlohmann/json, the reference. Both must accept
// and reject the same texts and agree on every value, with two documented exceptions: a number
// too large for a double is a number to us (we never compute with it), an error to nlohmann; and
// nlohmann takes a NUL byte outside a string for the end of the text, where we see a stray byte.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_doc.h"
#include "json_reference.h"

namespace {

using core::json::Value;

bool HasHugeNumber(Value v) {
  bool huge = false;
  if (v.IsNumber()) huge = !std::isfinite(std::strtod(std::string(v.Source()).c_str(), nullptr));
  v.ForEachElement([&](size_t, Value e) { huge = huge || HasHugeNumber(e); });
  v.ForEachMember([&](std::string_view, Value e) { huge = huge || HasHugeNumber(e); });
  return huge;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Our parser recurses, so it refuses nesting deeper than it is told (the loader allows 32);
  // nlohmann has no limit. Deeper texts are compared only where ours stops.
  constexpr size_t kDepth = 512;
  const auto doc = core::json::Document::Parse(text, kDepth);
  const core::json::ParseError& error = doc.GetError();
  const auto reference = nlohmann::json::parse(text, nullptr, false);
  if (!doc) {
    if (error.message.rfind("nested more than", 0) == 0) return 0;
    if (error.offset < size && text[error.offset] == '\0') return 0;
    if (!reference.is_discarded()) __builtin_trap();  // we refused what the reference accepts
    if (error.offset > size || error.message.empty()) __builtin_trap();
    return 0;
  }
  if (reference.is_discarded()) {
    if (!HasHugeNumber(doc->Root())) __builtin_trap();  // we accepted what the reference refuses
    return 0;
  }
  if (test::ToNlohmann(doc->Root()) != reference) __builtin_trap();
  return 0;
}
