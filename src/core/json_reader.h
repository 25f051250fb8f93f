// Parses JSON text without exceptions (nlohmann's SAX interface with a depth limit), reporting a
// syntax error with its line and column. Used by the bundle loader; nothing else sees nlohmann's
// error types.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "core/diagnostics.h"

namespace core {

// Returns the document, or nullopt with `error` filled (line, column, message).
std::optional<nlohmann::json> ParseJson(std::string_view text, size_t maxDepth, Diagnostic& error);

}  // namespace core
