// Limits the loader enforces so that no bundle can exhaust memory or time.
// Documented in docs/bundle-format.md; change both together.
#pragma once
#include <cstddef>

namespace core::limits {

constexpr size_t kMaxFileBytes = 128u << 20;  // 128 MiB: 20,000 news items with bodies of a few KB fit
constexpr size_t kMaxShardBytes = 8u << 20;  // 8 MiB: one shard of a published site (the publisher writes ~128 KiB)
constexpr size_t kMaxShards = 4096;          // listed in a published site's manifest, of each kind
constexpr size_t kMaxDepth = 32;             // JSON nesting; a valid bundle needs at most 6
constexpr size_t kMaxJsonValues = 8000000;   // values in the file (16 bytes each while loading); 20,000 news use 0.5 million
constexpr size_t kMaxDiagnostics = 10000;    // problems listed; the last entry says when more were found
constexpr size_t kMaxNews = 50000;
constexpr size_t kMaxDirectives = 10000;
constexpr size_t kMaxLanguages = 16;
constexpr size_t kMaxParagraphs = 200;
constexpr size_t kMaxMissionItems = 100;
constexpr size_t kMaxTags = 32;
constexpr size_t kMaxDocuments = 50;        // of a directive, besides its "document"
constexpr size_t kMaxChanges = 200;         // of a directive's history
constexpr size_t kMaxIdBytes = 100;
constexpr size_t kMaxTitleChars = 300;      // code points
constexpr size_t kMaxSummaryChars = 2000;
constexpr size_t kMaxBodyChars = 100000;
constexpr size_t kMaxShortChars = 100;      // tags, categories, labels, numbers, language codes
constexpr size_t kMaxUrlBytes = 2048;

// Images, checked from the header before decoding (a small PNG can claim a huge size).
constexpr int kMaxImageSide = 4096;                  // pixels, either side
constexpr long kMaxImagePixels = 16L * 1024 * 1024;  // 16 megapixels (64 MiB as RGBA)
constexpr size_t kMaxImageBytes = 16u << 20;         // 16 MiB file

}  // namespace core::limits
