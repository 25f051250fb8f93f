// Font loading with the glyphs the interface and the content need.
#include "ui/fonts.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/strings.h"
#include "core/text.h"

namespace ui {

namespace {

// The interface's own beyond ASCII: the Albanian letters, the punctuation the screens write
// (« · » – — ’ “ ” • … ‹ ›), the replacement character.
constexpr ImWchar kInterfaceRanges[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x00A0,  // no-break space
    0x00AB, 0x00AB,  // «
    0x00B7, 0x00B7,  // ·
    0x00BB, 0x00BB,  // »
    0x00C7, 0x00C7,  // Ç
    0x00CB, 0x00CB,  // Ë
    0x00E7, 0x00E7,  // ç
    0x00EB, 0x00EB,  // ë
    0x2010, 0x2027,  // dashes, quotes ’ “ ”, bullets, ellipsis
    0x2039, 0x203A,  // ‹ ›
    0xFFFD, 0xFFFD,  // replacement character
    0,
};

uint32_t Read32(const std::vector<unsigned char>& b, size_t at) {
  return (uint32_t{b[at]} << 24) | (uint32_t{b[at + 1]} << 16) | (uint32_t{b[at + 2]} << 8) | b[at + 3];
}

// A TrueType collection ("ttcf") of at least two faces, each face's table directory and tables
// inside the file. Sums in 64 bits: on wasm32 a size_t sum of offsets read from the file could
// wrap round and pass.
bool IsFontCollection(const std::vector<unsigned char>& b) {
  const uint64_t size = b.size();
  if (size < 12 || std::memcmp(b.data(), "ttcf", 4) != 0) return false;
  const uint64_t faces = Read32(b, 8);
  if (faces < 2 || 12 + faces * 4 > size) return false;
  for (uint64_t f = 0; f < faces; ++f) {
    const uint64_t face = Read32(b, static_cast<size_t>(12 + f * 4));
    if (face + 12 > size) return false;
    const uint64_t tables = (uint64_t{b[face + 4]} << 8) | b[face + 5];
    if (face + 12 + tables * 16 > size) return false;
    for (uint64_t t = 0; t < tables; ++t) {
      const size_t record = static_cast<size_t>(face + 12 + t * 16);
      if (uint64_t{Read32(b, record + 8)} + Read32(b, record + 12) > size) return false;
    }
  }
  return true;
}

}  // namespace

bool LoadFonts(const FontFile& file, float scale, Fonts& fonts, const std::vector<char32_t>& content) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(kInterfaceRanges);
  for (char32_t cp : core::InterfaceCodePoints())
    if (cp <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(cp));
  for (char32_t cp : content)
    if (cp <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(cp));
  fonts.ranges = std::make_shared<ImVector<ImWchar>>();
  builder.BuildRanges(fonts.ranges.get());
  fonts.glyphs.clear();
  for (int i = 0; i + 1 < fonts.ranges->Size; i += 2)
    for (char32_t cp = std::max<char32_t>((*fonts.ranges)[i], 0x80); cp <= (*fonts.ranges)[i + 1]; ++cp)
      fonts.glyphs.push_back(cp);

  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  config.FontDataOwnedByAtlas = false;  // the file's bytes, shared by every atlas
  const auto add = [&](int face, float cssPixels) {
    // Horizontal oversampling places small glyphs at fractions of a pixel; large ones and dense
    // screens do not need it, and it doubles the rasterising, most of the start-up's work.
    config.OversampleH = cssPixels * scale >= 22 ? 1 : 2;
    config.FontNo = face;
    if (!file) {
      ImFontConfig fallback;
      fallback.SizePixels = cssPixels * scale;
      return io.Fonts->AddFontDefault(&fallback);
    }
    // ImGui does not write to the data it does not own.
    void* data = const_cast<unsigned char*>(file->data());
    return io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(file->size()), cssPixels * scale, &config, fonts.ranges->Data);
  };
  fonts.file = file;
  fonts.scale = scale;
  ++fonts.generation;
  constexpr int kRegular = 0, kBold = 1;
  fonts.body = add(kRegular, 18);
  fonts.small = add(kRegular, 16);
  fonts.bold = add(kBold, 19);
  fonts.h2 = add(kBold, 23);
  fonts.h1 = add(kBold, 30);
  io.FontDefault = fonts.body;
  io.Fonts->Build();
  return file != nullptr;
}

FontFile MakeFontFile(std::vector<unsigned char> bytes) {
  if (!IsFontCollection(bytes)) return nullptr;
  return std::make_shared<const std::vector<unsigned char>>(std::move(bytes));
}

FontFile ReadFontFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return nullptr;
  std::vector<unsigned char> bytes;
  unsigned char chunk[16384];
  for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) bytes.insert(bytes.end(), chunk, chunk + n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  return failed ? nullptr : MakeFontFile(std::move(bytes));
}

bool HasGlyphs(const Fonts& fonts, const std::vector<char32_t>& wanted) {
  for (char32_t cp : wanted) {
    if (cp < 0x80 || cp > 0xFFFF) continue;
    if (!std::binary_search(fonts.glyphs.begin(), fonts.glyphs.end(), cp)) return false;
  }
  return true;
}

const std::vector<char32_t>& GlyphNeeds::Wanted(uint64_t generation, const std::vector<char32_t>* content,
                                                std::initializer_list<const std::string*> texts) {
  bool same = generation == m_generation && texts.size() == m_texts.size();
  size_t k = 0;
  for (const std::string* t : texts) same = same && *t == m_texts[k++];
  if (same) return m_wanted;
  m_generation = generation;
  m_texts.clear();
  for (const std::string* t : texts) m_texts.push_back(*t);
  m_checked = false;
  m_wanted = content ? *content : std::vector<char32_t>();
  for (const std::string* text : texts) {
    for (size_t i = 0; i < text->size();) {
      const char32_t cp = core::DecodeUtf8(*text, i);
      if (cp >= 0x80) m_wanted.push_back(cp);
    }
  }
  std::sort(m_wanted.begin(), m_wanted.end());
  m_wanted.erase(std::unique(m_wanted.begin(), m_wanted.end()), m_wanted.end());
  return m_wanted;
}

}  // namespace ui
