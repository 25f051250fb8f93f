// Text colours meet WCAG AA contrast (4.5:1) against their backgrounds in both themes, and AAA
// (7:1) in the high-contrast ones; forced colours are the system's own.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "ui/fonts.h"
#include "ui/theme.h"

namespace {

double Luminance(ImU32 c) {
  const auto channel = [](unsigned v) {
    const double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c & 0xFF) + 0.7152 * channel((c >> 8) & 0xFF) + 0.0722 * channel((c >> 16) & 0xFF);
}

double Contrast(ImU32 a, ImU32 b) {
  double la = Luminance(a), lb = Luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

// Every text colour against every background it is drawn on, at least `least`:1.
void CheckText(const ui::Palette& p, double least) {
  for (ImU32 bg : {p.background, p.surface, p.surfaceHover}) {
    CHECK(Contrast(p.text, bg) >= least);
    CHECK(Contrast(p.muted, bg) >= least);
    CHECK(Contrast(p.link, bg) >= least);
    CHECK(Contrast(p.error, bg) >= least);
  }
  CHECK(Contrast(p.accentText, p.accent) >= least);
}

}  // namespace

TEST_CASE("Palettes meet WCAG AA") {
  for (const ui::Palette* p : {&ui::LightPalette(), &ui::DarkPalette()}) CheckText(*p, 4.5);
}

TEST_CASE("High-contrast palettes meet WCAG AAA; the appearance picks the palette") {
  for (const ui::Palette* p : {&ui::HighContrastLightPalette(), &ui::HighContrastDarkPalette()}) {
    CheckText(*p, 7);
    CHECK(Contrast(p->text, p->mark) >= 7);
    CHECK(Contrast(p->axis, p->background) >= 3);  // a box's edge (WCAG 1.4.11)
  }
  ui::Appearance a;
  CHECK(ui::PaletteFor(a).text == ui::LightPalette().text);
  a.dark = true;
  CHECK(ui::PaletteFor(a).background == ui::DarkPalette().background);
  a.moreContrast = true;
  CHECK(ui::PaletteFor(a).background == ui::HighContrastDarkPalette().background);
  a.forced = ui::SystemColors{0x000000, 0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x000000, 0x000000, 0xFFFFFF, 0x3FF23F};
  const ui::Palette forced = ui::PaletteFor(a);
  CHECK(forced.background == IM_COL32(0, 0, 0, 255));
  CHECK(forced.text == IM_COL32(255, 255, 255, 255));
  CHECK(forced.link == IM_COL32(255, 255, 0, 255));
  CHECK(forced.accent == IM_COL32(0, 255, 255, 255));
}

TEST_CASE("Fonts have real glyphs for Albanian letters and typographic punctuation") {
  ImGui::CreateContext();
  ui::Fonts fonts;
  REQUIRE(ui::LoadFonts(ui::ReadFontFile(MODV_FONT_FILE), 1.0f, fonts));
  for (ImFont* font : {fonts.body, fonts.small, fonts.bold, fonts.h2, fonts.h1}) {
    for (ImWchar c : {0xEB, 0xE7, 0xCB, 0xC7, 0x2019, 0x201C, 0x201D, 0x2013, 0x2026, 0x2039}) {
      const ImFontGlyph* g = font->FindGlyphNoFallback(c);
      CHECK_MESSAGE(g != nullptr, "missing code point ", static_cast<int>(c));
      if (g) CHECK(g->Visible);
    }
  }
  ImGui::DestroyContext();
}

TEST_CASE("The font file is one collection of both faces, and a damaged one is refused, not rasterised") {
  const ui::FontFile file = ui::ReadFontFile(MODV_FONT_FILE);
  REQUIRE(file.get() != nullptr);
  const std::vector<unsigned char>& whole = *file;
  const auto accepted = [](std::vector<unsigned char> bytes) { return ui::MakeFontFile(std::move(bytes)) != nullptr; };
  CHECK(accepted(whole));
  // Cut short (a download that stopped): its tables would lie past the end.
  for (size_t size : {size_t{0}, size_t{11}, size_t{100}, whole.size() / 2, whole.size() * 9 / 10})
    CHECK_MESSAGE(!accepted(std::vector<unsigned char>(whole.begin(), whole.begin() + size)), size, " bytes");
  // A server's error page, and a collection that claims a face's table far past its end.
  const std::string html = "<!doctype html><title>404 Not Found</title>";
  CHECK_FALSE(accepted(std::vector<unsigned char>(html.begin(), html.end())));
  std::vector<unsigned char> lying = whole;
  const size_t face = (size_t{lying[12]} << 24) | (size_t{lying[13]} << 16) | (size_t{lying[14]} << 8) | lying[15];
  lying[face + 12 + 8] = 0x7F;  // the first table's offset
  CHECK_FALSE(accepted(lying));
  // Offsets that a 32-bit sum would wrap round to a small number (the browser's size_t).
  std::vector<unsigned char> wrapping = whole;
  wrapping[12] = wrapping[13] = wrapping[14] = 0xFF;  // the first face at 0xFFFFFFxx
  wrapping[15] = 0xF8;
  CHECK_FALSE(accepted(wrapping));
  std::vector<unsigned char> manyFaces = whole;
  manyFaces[8] = 0x40;  // 0x40000002 faces: 12 + 4 x faces wraps to 20 in 32 bits
  CHECK_FALSE(accepted(manyFaces));
  std::vector<unsigned char> longTable = whole;
  for (int k = 0; k < 4; ++k) longTable[face + 12 + 12 + k] = 0xFF;  // the first table's length
  CHECK_FALSE(accepted(longTable));
  CHECK(ui::ReadFontFile(MODV_FONT_FILE + std::string(".missing")).get() == nullptr);

  // Face 0 is the regular and face 1 the bold: the bold's strokes are wider.
  ImGui::CreateContext();
  ui::Fonts fonts;
  REQUIRE(ui::LoadFonts(file, 1.0f, fonts));
  CHECK(fonts.file.get() == file.get());
  CHECK(fonts.bold->CalcTextSizeA(19, 1000, 0, "Misioni").x > fonts.body->CalcTextSizeA(19, 1000, 0, "Misioni").x);
  // Without it, ImGui's own font: every face there, Latin-1 only, and said so.
  ui::Fonts fallback;
  CHECK_FALSE(ui::LoadFonts(nullptr, 1.0f, fallback));
  CHECK(fallback.body != nullptr);
  CHECK(fallback.h1 != nullptr);
  CHECK(fallback.body->FindGlyphNoFallback(0x2019) == nullptr);
  ImGui::DestroyContext();
}
