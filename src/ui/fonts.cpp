// Font loading with the glyph ranges Albanian text needs.
#include "ui/fonts.h"

#include <cstdio>

namespace ui {

namespace {

constexpr ImWchar kRanges[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x017F,  // Latin-1 Supplement, Latin Extended-A (ë, ç, Ë, Ç, ...)
    0x0218, 0x021B,  // Ș ș Ț ț
    0x2010, 0x2027,  // dashes, quotes ’ “ ”, bullets, ellipsis
    0x2030, 0x203A,  // per mille, primes, angle quotes
    0x20AC, 0x20AC,  // euro
    0x2212, 0x2212,  // minus
    0xFFFD, 0xFFFD,  // replacement character
    0,
};

bool Exists(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::fclose(f);
  return true;
}

}  // namespace

const ImWchar* GlyphRanges() { return kRanges; }

bool LoadFonts(const std::string& dir, float scale, Fonts& fonts) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const std::string regular = dir + "/NotoSans-Regular.ttf";
  const std::string bold = dir + "/NotoSans-Bold.ttf";
  const bool ok = Exists(regular) && Exists(bold);
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  const auto add = [&](const std::string& file, float cssPixels) {
    if (!ok) {
      ImFontConfig fallback;
      fallback.SizePixels = cssPixels * scale;
      return io.Fonts->AddFontDefault(&fallback);
    }
    return io.Fonts->AddFontFromFileTTF(file.c_str(), cssPixels * scale, &config, kRanges);
  };
  fonts.body = add(regular, 18);
  fonts.small = add(regular, 16);
  fonts.bold = add(bold, 19);
  fonts.h2 = add(bold, 23);
  fonts.h1 = add(bold, 30);
  io.FontDefault = fonts.body;
  io.Fonts->Build();
  return ok;
}

}  // namespace ui
