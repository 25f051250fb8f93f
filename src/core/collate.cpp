// Folding and collation; see collate.h.
#include "core/collate.h"

#include "core/text.h"

namespace core {

namespace {

// Base letters for U+00C0..U+017F (lower case, no diacritic); 0 keeps the code point.
constexpr char kLatinBase[] =
    "aaaaaaaceeeeiiii"  // C0-CF (Æ handled below)
    "dnooooo\0ouuuuyts"  // D0-DF (× kept, Þ->t, ß->s)
    "aaaaaaaceeeeiiii"  // E0-EF
    "dnooooo\0ouuuuyty"  // F0-FF (÷ kept, þ->t)
    "aaaaaaccccccccdd"  // 100-10F
    "ddeeeeeeeeeegggg"  // 110-11F
    "gggghhhhiiiiiiii"  // 120-12F
    "iiiijjkkklllllll"  // 130-13F
    "lllnnnnnnnnnoooo"  // 140-14F
    "oooorrrrrrssssss"  // 150-15F
    "ssttttttuuuuuuuu"  // 160-16F
    "uuuuwwyyyzzzzzzs";  // 170-17F

static_assert(sizeof(kLatinBase) == 16 * 12 + 1, "one base letter per code point U+00C0..U+017F");

// Albanian letters in alphabet order; digraphs are single letters.
constexpr const char* kAlbanian[] = {"a", "b", "c", "ç", "d", "dh", "e", "ë", "f", "g", "gj", "h",
                                     "i", "j", "k", "l", "ll", "m", "n", "nj", "o", "p", "q", "r",
                                     "rr", "s", "sh", "t", "th", "u", "v", "w", "x", "xh", "y", "z", "zh"};

constexpr int kAlbanianCount = static_cast<int>(sizeof(kAlbanian) / sizeof(kAlbanian[0]));

constexpr int AlbanianIndex(std::string_view letter) {
  for (int k = 0; k < kAlbanianCount; ++k)
    if (std::string_view(kAlbanian[k]) == letter) return k;
  return -1;
}

// The second letter of the digraph a letter can begin (dh gj ll nj rr sh th xh zh), or 0.
constexpr char DigraphSecond(char c) {
  switch (c) {
    case 'd': case 's': case 't': case 'x': case 'z': return 'h';
    case 'g': case 'n': return 'j';
    case 'l': return 'l';
    case 'r': return 'r';
    default: return 0;
  }
}

// Each letter's place in kAlbanian, worked out at compile time.
struct LetterIndex {
  int single[26] = {};
  int digraph[26] = {};  // of the digraph the letter begins; -1 when none
  int cedilla = 0, diaeresis = 0;
};

constexpr LetterIndex MakeLetterIndex() {
  LetterIndex t;
  for (char c = 'a'; c <= 'z'; ++c) {
    const char one[1] = {c};
    t.single[c - 'a'] = AlbanianIndex(std::string_view(one, 1));
    const char two[2] = {c, DigraphSecond(c)};
    t.digraph[c - 'a'] = two[1] ? AlbanianIndex(std::string_view(two, 2)) : -1;
  }
  t.cedilla = AlbanianIndex("ç");
  t.diaeresis = AlbanianIndex("ë");
  return t;
}

constexpr LetterIndex kLetterIndex = MakeLetterIndex();
static_assert(kLetterIndex.single['z' - 'a'] == kAlbanianCount - 2 && kLetterIndex.digraph['z' - 'a'] == kAlbanianCount - 1,
              "every letter and digraph has its place");

void PutWeight(std::string& key, unsigned w) {
  key += static_cast<char>((w >> 8) & 0xFF);
  key += static_cast<char>(w & 0xFF);
}

char32_t Lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
    const bool oddLowerRange = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (oddLowerRange ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
  }
  return cp;
}

}  // namespace

char32_t FoldCodePoint(char32_t cp) {
  cp = Lower(cp);
  if (cp >= 0xC0 && cp <= 0x17F) {
    const char base = kLatinBase[cp - 0xC0];
    if (base != 0) return static_cast<unsigned char>(base);
  }
  return cp;
}

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = DecodeUtf8(s, i);
    if (cp == 0xC6 || cp == 0xE6) { out += "ae"; continue; }
    if (cp == 0x152 || cp == 0x153) { out += "oe"; continue; }
    AppendUtf8(out, FoldCodePoint(cp));
  }
  return out;
}

std::string CollationKey(std::string_view s, std::string_view lang) {
  const bool albanian = lang == "sq";
  // Lower case, keeping ç and ë distinct in Albanian.
  std::string lower;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = Lower(DecodeUtf8(s, i));
    const bool keep = albanian && (cp == 0xE7 || cp == 0xEB);
    if (cp == 0xE6) { lower += "ae"; continue; }
    AppendUtf8(lower, keep ? cp : FoldCodePoint(cp));
  }
  std::string key;
  for (size_t i = 0; i < lower.size();) {
    if (albanian) {
      // Digraphs before single letters: "dh" is one letter, after "d".
      const char c = lower[i];
      if (c >= 'a' && c <= 'z') {
        const char second = DigraphSecond(c);
        const bool digraph = second != 0 && i + 1 < lower.size() && lower[i + 1] == second;
        PutWeight(key, 0x100 + static_cast<unsigned>(digraph ? kLetterIndex.digraph[c - 'a'] : kLetterIndex.single[c - 'a']));
        i += digraph ? 2 : 1;
        continue;
      }
      const bool cedilla = lower.compare(i, 2, "ç") == 0;
      if (cedilla || lower.compare(i, 2, "ë") == 0) {
        PutWeight(key, 0x100 + static_cast<unsigned>(cedilla ? kLetterIndex.cedilla : kLetterIndex.diaeresis));
        i += 2;
        continue;
      }
    }
    const size_t at = i;
    const char32_t cp = DecodeUtf8(lower, i);
    if (cp == ' ' || cp == '\t' || cp == '\n') {
      PutWeight(key, 0x01);
    } else if (cp >= '0' && cp <= '9') {
      PutWeight(key, 0x10 + (cp - '0'));
    } else if (cp >= 'a' && cp <= 'z') {
      PutWeight(key, 0x100 + 2 * (cp - 'a'));
    } else if ((cp < 0x80 && !((cp >= 'a' && cp <= 'z'))) || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xAB || cp == 0xBB) {
      // punctuation is ignored at the first level
    } else {
      PutWeight(key, 0x1000 + static_cast<unsigned>(cp > 0xEFFF ? 0xEFFF : cp));
    }
    (void)at;
  }
  return key;
}

}  // namespace core
