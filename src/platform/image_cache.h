// Images of the bundle as textures of the renderer: bytes come from the platform (a file, a
// fetch), are checked from their header before decoding (stb_image, PNG and JPEG only,
// size-limited) and uploaded once. A failed image stays failed and is drawn as a placeholder.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/limits.h"
#include "platform/renderer.h"
#include "ui/host.h"

namespace platform {

using core::limits::kMaxImageBytes;
using core::limits::kMaxImagePixels;
using core::limits::kMaxImageSide;

class ImageCache {
 public:
  // `request(path)` starts getting the bytes; the platform answers with Deliver or Fail.
  explicit ImageCache(std::function<void(const std::string&)> request) : m_request(std::move(request)) {}
  ~ImageCache() { Clear(); }

  // Where the textures are made (before the first Deliver; none: every image fails).
  void UseRenderer(Renderer* renderer) { m_renderer = renderer; }

  ui::ImageView Get(const std::string& path);
  // Decodes and uploads; returns false (and marks the image failed) when it cannot.
  bool Deliver(const std::string& path, const unsigned char* bytes, size_t size);
  void Fail(const std::string& path);
  // True while `path` was asked for and has not come.
  bool Awaits(const std::string& path) const {
    const auto it = m_images.find(path);
    return it != m_images.end() && it->second.status == ui::ImageStatus::Loading;
  }
  void Clear();  // deletes every texture (a new bundle)
  size_t Count() const { return m_images.size(); }

 private:
  std::function<void(const std::string&)> m_request;
  Renderer* m_renderer = nullptr;
  std::map<std::string, ui::ImageView> m_images;
};

}  // namespace platform
