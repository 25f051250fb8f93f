// Reads a bundle from JSON text. Never throws: every problem becomes a Diagnostic.
// Problems with the bundle as a whole leave `bundle` empty; problems inside one item drop that
// item (counted in `skippedItems`) and keep the rest.
#pragma once
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/bundle.h"
#include "core/diagnostics.h"

namespace core {

struct LoadResult {
  std::optional<Bundle> bundle;
  std::vector<Diagnostic> diagnostics;
  int skippedItems = 0;  // news and directives left out because of their own problems

  bool Ok() const { return bundle.has_value(); }
  // The first error, for the error screen; nullptr when there is none.
  const Diagnostic* FirstError() const;
};

// Loads a copy of `json`.
LoadResult LoadBundle(std::string_view json);
// Loads `size` bytes at `text` and keeps them in the bundle (Bundle::source), with no copy:
// the strings the bundle holds are decoded where they are written.
LoadResult LoadBundle(std::unique_ptr<char[]> text, size_t size);
// Loads one shard of a published site (core/published.h), whose items are written in
// `languages` (the manifest's): the same checks and limits as a bundle's items, per shard at
// most limits::kMaxShardBytes. The result's bundle holds the items only.
LoadResult LoadShard(std::unique_ptr<char[]> text, size_t size, const std::vector<std::string>& languages);

}  // namespace core
