// ImageCache (image_cache.h): header check, decode with stb_image, upload as a texture.
#include "platform/image_cache.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_MAX_DIMENSIONS 4096
#include <stb/stb_image.h>

namespace platform {

ui::ImageView ImageCache::Get(const std::string& path) {
  auto it = m_images.find(path);
  if (it != m_images.end()) return it->second;
  m_images[path] = ui::ImageView{};
  m_request(path);  // may deliver at once (native files)
  return m_images[path];
}

void ImageCache::Fail(const std::string& path) { m_images[path] = ui::ImageView{ui::ImageStatus::Failed, nullptr, 0, 0}; }

bool ImageCache::Deliver(const std::string& path, const unsigned char* bytes, size_t size) {
  int w = 0, h = 0, comp = 0;
  const int len = static_cast<int>(size);
  if (size == 0 || size > kMaxImageBytes || !stbi_info_from_memory(bytes, len, &w, &h, &comp) || w <= 0 || h <= 0 ||
      w > kMaxImageSide || h > kMaxImageSide || static_cast<long>(w) * h > kMaxImagePixels) {
    Fail(path);
    return false;
  }
  unsigned char* pixels = stbi_load_from_memory(bytes, len, &w, &h, &comp, 4);
  if (!pixels) {
    Fail(path);
    return false;
  }
  const unsigned tex = m_renderer ? m_renderer->UploadImage(w, h, pixels) : 0;
  stbi_image_free(pixels);
  if (!tex) {
    Fail(path);
    return false;
  }
  m_images[path] = ui::ImageView{ui::ImageStatus::Ready, reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex)),
                                 static_cast<float>(w), static_cast<float>(h)};
  return true;
}

void ImageCache::Clear() {
  for (auto& [path, img] : m_images) {
    if (img.texture && m_renderer) m_renderer->DeleteImage(static_cast<unsigned>(reinterpret_cast<intptr_t>(img.texture)));
  }
  m_images.clear();
}

}  // namespace platform
