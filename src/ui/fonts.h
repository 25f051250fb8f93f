// The fonts the interface uses, rasterised for the device pixel ratio. Only the glyphs needed
// are rasterised: the interface's own (ASCII, the Albanian letters ç ë, the punctuation the
// screens use) plus the code points the content brings (core::Bundle::codePoints, what the
// visitor types). Building the atlas was most of the web build's start-up time with every
// Latin-1, Latin Extended-A and punctuation glyph in five sizes; a content with new
// characters (a kiosk's new bundle, a typed name) gets a new atlas.
#pragma once
#include <imgui.h>

#include <initializer_list>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ui {

// fonts.ttc, the interface's two faces as one TrueType collection (Noto Sans, subset at build
// time: CMakeLists.txt): face 0 the regular, face 1 the bold. Its bytes are shared by every
// atlas built from them (ImGui keeps pointers into them). Null when there is none.
using FontFile = std::shared_ptr<const std::vector<unsigned char>>;

struct Fonts {
  ImFont* body = nullptr;     // running text, 18 CSS px
  ImFont* small = nullptr;    // dates, notes, chips: 16 CSS px (never below)
  ImFont* bold = nullptr;     // card titles, 19 CSS px
  ImFont* h2 = nullptr;       // section headings, 23 CSS px
  ImFont* h1 = nullptr;       // screen titles, 30 CSS px
  float scale = 0;                             // the interface scale they were rasterised for
  uint64_t generation = 0;                     // bumps with every atlas LoadFonts builds (layout caches key on it)
  std::vector<char32_t> glyphs;                // code points above U+007F asked of the atlas, ascending
  std::shared_ptr<ImVector<ImWchar>> ranges;   // the atlas's glyph ranges (ImGui keeps a pointer)
  FontFile file;                               // and the faces it was built from (and may build again from)
};

// The file at `path`; null when it cannot be read or is not such a collection.
FontFile ReadFontFile(const std::string& path);
// The bytes as a font file; null when they are not a collection of at least two faces whose
// table directories lie within them (a damaged download is not handed to the rasteriser).
FontFile MakeFontFile(std::vector<unsigned char> bytes);

// Loads the two faces of `file` into the current context's atlas, replacing what was there, with
// the interface's glyphs and those of `content` (code points above U+FFFF are drawn as the
// replacement character). Falls back to ImGui's built-in font (Latin-1 only) without a file, and
// says so in the return value.
bool LoadFonts(const FontFile& file, float scale, Fonts& fonts, const std::vector<char32_t>& content = {});

// True when the atlas was asked for every code point of `wanted` (ascending) it can hold; when
// not, LoadFonts again with them.
bool HasGlyphs(const Fonts& fonts, const std::vector<char32_t>& wanted);

// The code points above U+007F the screens need beyond the interface's own (the content's,
// what the visitor typed, an error message quoting the file), kept ascending and made again
// only when one of those changed; and whether the atlas has been found to hold them all.
class GlyphNeeds {
 public:
  // `generation` changes with the content (a new bundle or error); `texts` are small strings
  // that may change from frame to frame (the search text, the error message).
  const std::vector<char32_t>& Wanted(uint64_t generation, const std::vector<char32_t>* content,
                                      std::initializer_list<const std::string*> texts);
  bool Checked() const { return m_checked; }
  void SetChecked(bool checked) { m_checked = checked; }

 private:
  uint64_t m_generation = ~uint64_t{0};
  std::vector<std::string> m_texts;
  std::vector<char32_t> m_wanted;
  bool m_checked = false;  // the atlas has every glyph of m_wanted
};

}  // namespace ui
