// Image checks for mod-bundle with stb_image, the decoder the viewer uses, so that what passes
// here also shows there. The one stb_image implementation of the tool lives in this file.
#include "tools/image_check.h"

#include <cstdint>
#include <cstring>
#include <utility>

#include "core/limits.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

namespace tools {

namespace {

using namespace core::limits;

bool IsPng(std::string_view b) {
  return b.size() >= 8 && std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) == 0;
}
bool IsJpeg(std::string_view b) {
  return b.size() >= 3 && std::memcmp(b.data(), "\xff\xd8\xff", 3) == 0;
}

uint32_t BigEndian(std::string_view b, size_t at, size_t bytes) {
  uint32_t v = 0;
  for (size_t i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// The size the header declares, read directly: stb_image's own header check refuses sizes it
// cannot decode without saying so (its reason is overwritten by the next format it tries).
std::optional<std::pair<uint32_t, uint32_t>> DeclaredSize(std::string_view b) {
  if (IsPng(b)) {
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
    return std::make_pair(BigEndian(b, 16, 4), BigEndian(b, 20, 4));
  }
  // JPEG: walk the segments up to the frame header (SOF0..SOF15 without DHT, JPG and DAC).
  for (size_t at = 2; at + 4 <= b.size();) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
    const unsigned char marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {
      ++at;
      continue;
    }
    const size_t length = BigEndian(b, at + 2, 2);
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (at + 9 > b.size()) return std::nullopt;
      return std::make_pair(BigEndian(b, at + 7, 2), BigEndian(b, at + 5, 2));
    }
    if (marker == 0xDA || length < 2) return std::nullopt;
    at += 2 + length;
  }
  return std::nullopt;
}

std::string LimitsText() {
  return "images may be at most " + std::to_string(kMaxImageSide) + " pixels a side and " +
         std::to_string(kMaxImagePixels >> 20) + " megapixels";
}

}  // namespace

std::optional<std::string> CheckImage(std::string_view bytes) {
  if (bytes.size() > kMaxImageBytes)
    return "is larger than " + std::to_string(kMaxImageBytes >> 20) + " MiB, the limit for images";
  // stb_image would say only "unknown image type"; editors need to hear what is accepted.
  if (!IsPng(bytes) && !IsJpeg(bytes)) return std::string("is not a PNG or JPEG image");
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int len = static_cast<int>(bytes.size());
  int w = 0, h = 0, comp = 0;
  // The header first: a few bytes can claim a size whose decoding would exhaust memory.
  if (!stbi_info_from_memory(data, len, &w, &h, &comp)) {
    const auto size = DeclaredSize(bytes);
    const auto side = static_cast<uint32_t>(kMaxImageSide);
    if (size && (size->first > side || size->second > side))
      return "declares " + std::to_string(size->first) + " x " + std::to_string(size->second) + " pixels; " +
             LimitsText();
    return std::string("has a damaged header and cannot be decoded");
  }
  if (w <= 0 || h <= 0 || w > kMaxImageSide || h > kMaxImageSide || static_cast<long>(w) * h > kMaxImagePixels)
    return "is " + std::to_string(w) + " x " + std::to_string(h) + " pixels; " + LimitsText();
  stbi_uc* pixels = stbi_load_from_memory(data, len, &w, &h, &comp, 4);
  if (!pixels) return std::string("is truncated or damaged and cannot be decoded");
  stbi_image_free(pixels);
  return std::nullopt;
}

std::optional<std::pair<int, int>> ImageSize(std::string_view bytes) {
  int w = 0, h = 0, comp = 0;
  if (bytes.size() > kMaxImageBytes ||
      !stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &w, &h, &comp) ||
      w <= 0 || h <= 0)
    return std::nullopt;
  return std::make_pair(w, h);
}

}  // namespace tools
