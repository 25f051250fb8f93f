// Whether bytes hold an image the viewer will show: PNG or JPEG, within the size limits of
// core/limits.h, and decodable to the end (a truncated file passes a header check).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tools {

// Why `bytes` is not such an image, in words for editors; nullopt when it is one.
std::optional<std::string> CheckImage(std::string_view bytes);
// Its width and height in pixels, by its header; nullopt when the header does not say them.
std::optional<std::pair<int, int>> ImageSize(std::string_view bytes);

}  // namespace tools
