// QR encoder (byte mode, level M, versions 1-10); see qr.h. Section numbers refer to
// ISO/IEC 18004:2015. Coordinates are (x = column, y = row), origin top left.
#include "core/qr.h"

#include <algorithm>
#include <cstdlib>

namespace core {
namespace {

// Table 9, level M: error correction codewords per block and number of blocks.
constexpr int kEccPerBlock[kQrMaxVersion + 1] = {0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26};
constexpr int kBlocks[kQrMaxVersion + 1] = {0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5};
// Annex E: row/column centres of the alignment patterns (0 ends a list).
constexpr int kAlignment[kQrMaxVersion + 1][4] = {{0},         {0},         {6, 18},     {6, 22},
                                                  {6, 26},     {6, 30},     {6, 34},     {6, 22, 38},
                                                  {6, 24, 42}, {6, 26, 46}, {6, 28, 50}};

// A symbol under construction: module colours and which modules belong to function patterns.
class Grid {
 public:
  explicit Grid(int version) : m_version(version), m_size(17 + 4 * version) {
    m_dark.assign(static_cast<size_t>(m_size) * m_size, false);
    m_function = m_dark;
    DrawFunctionPatterns();
  }
  int Size() const { return m_size; }
  bool Dark(int x, int y) const { return m_dark[Index(x, y)]; }
  bool Function(int x, int y) const { return m_function[Index(x, y)]; }
  void SetData(int x, int y, bool dark) { m_dark[Index(x, y)] = dark; }
  void SetFunction(int x, int y, bool dark) {
    m_dark[Index(x, y)] = dark;
    m_function[Index(x, y)] = true;
  }
  void ApplyMask(int mask);
  void DrawFormat(int mask);
  QrCode ToCode(int mask) const { return QrCode{m_size, m_version, mask, m_dark}; }

 private:
  size_t Index(int x, int y) const { return static_cast<size_t>(y) * m_size + x; }
  void DrawFunctionPatterns();
  void DrawFinder(int left, int top);

  int m_version, m_size;
  std::vector<bool> m_dark, m_function;
};

void Grid::DrawFinder(int left, int top) {
  // 7x7 finder (6.3.3) with its light separator ring (6.3.4): rings at distance 0-1 and 3 dark.
  for (int dy = -1; dy <= 7; ++dy) {
    for (int dx = -1; dx <= 7; ++dx) {
      const int x = left + dx, y = top + dy;
      if (x < 0 || y < 0 || x >= m_size || y >= m_size) continue;
      const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
      SetFunction(x, y, ring != 2 && ring != 4);
    }
  }
}

void Grid::DrawFunctionPatterns() {
  for (int i = 0; i < m_size; ++i) {  // timing patterns (6.3.5); the finders overwrite the ends
    SetFunction(6, i, i % 2 == 0);
    SetFunction(i, 6, i % 2 == 0);
  }
  DrawFinder(0, 0);
  DrawFinder(m_size - 7, 0);
  DrawFinder(0, m_size - 7);
  const int* centres = kAlignment[m_version];
  const int last = m_size - 7;
  for (int i = 0; i < 4 && centres[i]; ++i) {
    for (int j = 0; j < 4 && centres[j]; ++j) {
      const int cx = centres[i], cy = centres[j];
      if ((cx == 6 && cy == 6) || (cx == 6 && cy == last) || (cx == last && cy == 6)) continue;  // finders
      for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) SetFunction(cx + dx, cy + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
    }
  }
  DrawFormat(0);  // reserves the format areas; drawn again with the chosen mask
  if (m_version >= 7) {
    const uint32_t bits = qr_detail::VersionBits(m_version);
    for (int i = 0; i < 18; ++i) {  // 7.10: 6x3 blocks beside the top-right and bottom-left finders
      const bool dark = (bits >> i) & 1;
      const int a = m_size - 11 + i % 3, b = i / 3;
      SetFunction(a, b, dark);
      SetFunction(b, a, dark);
    }
  }
}

void Grid::DrawFormat(int mask) {
  const uint32_t bits = qr_detail::FormatBits(mask);
  auto bit = [bits](int i) { return ((bits >> i) & 1) != 0; };
  // 7.9.1: bit 0 is nearest the top-left finder's top-right corner, bit 14 at its left.
  for (int i = 0; i <= 5; ++i) SetFunction(8, i, bit(i));
  SetFunction(8, 7, bit(6));
  SetFunction(8, 8, bit(7));
  SetFunction(7, 8, bit(8));
  for (int i = 9; i < 15; ++i) SetFunction(14 - i, 8, bit(i));
  // The second copy: bits 0-7 along row 8 from the right edge, 8-14 down column 8 at the bottom.
  for (int i = 0; i < 8; ++i) SetFunction(m_size - 1 - i, 8, bit(i));
  for (int i = 8; i < 15; ++i) SetFunction(8, m_size - 15 + i, bit(i));
  SetFunction(8, m_size - 8, true);  // the dark module
}

bool MaskBit(int mask, int x, int y) {  // 7.8.2, Table 10 (i = row, j = column)
  switch (mask) {
    case 0: return (y + x) % 2 == 0;
    case 1: return y % 2 == 0;
    case 2: return x % 3 == 0;
    case 3: return (y + x) % 3 == 0;
    case 4: return (y / 2 + x / 3) % 2 == 0;
    case 5: return (y * x) % 2 + (y * x) % 3 == 0;
    case 6: return ((y * x) % 2 + (y * x) % 3) % 2 == 0;
    default: return ((y + x) % 2 + (y * x) % 3) % 2 == 0;
  }
}

void Grid::ApplyMask(int mask) {
  for (int y = 0; y < m_size; ++y)
    for (int x = 0; x < m_size; ++x)
      if (!Function(x, y) && MaskBit(mask, x, y)) m_dark[Index(x, y)] = !m_dark[Index(x, y)];
}

uint8_t GfMultiply(uint8_t a, uint8_t b) {  // GF(256) with x^8 + x^4 + x^3 + x^2 + 1
  unsigned r = 0;
  for (int i = 7; i >= 0; --i) {
    r = (r << 1) ^ ((r >> 7) * 0x11Du);
    if ((b >> i) & 1) r ^= a;
  }
  return static_cast<uint8_t>(r);
}

class BitWriter {
 public:
  void Append(uint32_t value, int bits) {
    for (int i = bits - 1; i >= 0; --i) {
      if (m_bits % 8 == 0) m_bytes.push_back(0);
      if ((value >> i) & 1) m_bytes.back() |= static_cast<uint8_t>(0x80 >> (m_bits % 8));
      ++m_bits;
    }
  }
  size_t Bits() const { return m_bits; }
  std::vector<uint8_t>& Bytes() { return m_bytes; }

 private:
  std::vector<uint8_t> m_bytes;
  size_t m_bits = 0;
};

int CountBits(int version) { return version <= 9 ? 8 : 16; }  // Table 3, byte mode

// 7.4: mode, count, data, terminator, padding to the version's data capacity.
std::vector<uint8_t> DataCodewords(std::string_view text, int version) {
  const size_t capacity = static_cast<size_t>(qr_detail::DataCodewords(version)) * 8;
  BitWriter w;
  w.Append(0x4, 4);
  w.Append(static_cast<uint32_t>(text.size()), CountBits(version));
  for (char c : text) w.Append(static_cast<uint8_t>(c), 8);
  w.Append(0, static_cast<int>(std::min<size_t>(4, capacity - w.Bits())));
  w.Append(0, static_cast<int>((8 - w.Bits() % 8) % 8));
  for (uint8_t pad = 0xEC; w.Bits() < capacity; pad ^= 0xEC ^ 0x11) w.Append(pad, 8);
  return w.Bytes();
}

// 7.5 and 7.6: blocks, their error correction, interleaved.
std::vector<uint8_t> Interleave(const std::vector<uint8_t>& data, int version) {
  const int total = qr_detail::TotalCodewords(version), blocks = kBlocks[version], ecc = kEccPerBlock[version];
  const int shortBlocks = blocks - total % blocks;
  const size_t shortData = static_cast<size_t>(total / blocks - ecc);
  std::vector<std::vector<uint8_t>> dataBlocks, eccBlocks;
  size_t at = 0;
  for (int b = 0; b < blocks; ++b) {
    const size_t length = shortData + (b >= shortBlocks ? 1 : 0);
    dataBlocks.emplace_back(data.begin() + at, data.begin() + at + length);
    eccBlocks.push_back(qr_detail::ReedSolomon(dataBlocks.back(), ecc));
    at += length;
  }
  std::vector<uint8_t> out;
  for (size_t i = 0; i <= shortData; ++i)
    for (const auto& block : dataBlocks)
      if (i < block.size()) out.push_back(block[i]);
  for (int i = 0; i < ecc; ++i)
    for (const auto& block : eccBlocks) out.push_back(block[i]);
  return out;
}

// 7.7.3: two-module columns from the right, upwards then downwards, skipping the timing column.
void PlaceCodewords(Grid& grid, const std::vector<uint8_t>& codewords) {
  const int n = grid.Size();
  const size_t totalBits = codewords.size() * 8;
  size_t bit = 0;
  for (int right = n - 1; right >= 1; right -= 2) {
    if (right == 6) right = 5;
    const bool upward = ((right + 1) & 2) == 0;
    for (int step = 0; step < n; ++step) {
      const int y = upward ? n - 1 - step : step;
      for (int x = right; x >= right - 1; --x) {
        if (grid.Function(x, y)) continue;
        // Remainder bits past the codewords stay light (before masking).
        grid.SetData(x, y, bit < totalBits && ((codewords[bit / 8] >> (7 - bit % 8)) & 1));
        ++bit;
      }
    }
  }
}

}  // namespace

namespace qr_detail {

int TotalCodewords(int version) {
  const Grid grid(version);
  int free = 0;
  for (int y = 0; y < grid.Size(); ++y)
    for (int x = 0; x < grid.Size(); ++x) free += grid.Function(x, y) ? 0 : 1;
  return free / 8;
}

int DataCodewords(int version) { return TotalCodewords(version) - kBlocks[version] * kEccPerBlock[version]; }

uint32_t FormatBits(int mask) {
  const uint32_t data = static_cast<uint32_t>(mask);  // level M is 00, then the 3 mask bits
  uint32_t rem = data;
  for (int i = 0; i < 10; ++i) rem = (rem << 1) ^ ((rem >> 9) * 0x537u);  // BCH(15,5), Annex C
  return ((data << 10) | rem) ^ 0x5412u;
}

uint32_t VersionBits(int version) {
  uint32_t rem = static_cast<uint32_t>(version);
  for (int i = 0; i < 12; ++i) rem = (rem << 1) ^ ((rem >> 11) * 0x1F25u);  // BCH(18,6), Annex D
  return (static_cast<uint32_t>(version) << 12) | rem;
}

std::vector<uint8_t> ReedSolomon(const std::vector<uint8_t>& data, int eccLength) {
  // Generator: the product of (x - 2^i) for i < eccLength, highest power first.
  std::vector<uint8_t> gen = {1};
  uint8_t root = 1;
  for (int i = 0; i < eccLength; ++i) {
    std::vector<uint8_t> next(gen.size() + 1, 0);
    for (size_t j = 0; j < gen.size(); ++j) {
      next[j] ^= gen[j];
      next[j + 1] ^= GfMultiply(gen[j], root);
    }
    gen.swap(next);
    root = GfMultiply(root, 2);
  }
  std::vector<uint8_t> rem(static_cast<size_t>(eccLength), 0);
  for (uint8_t byte : data) {  // long division of data * x^eccLength by the generator
    const uint8_t factor = byte ^ rem.front();
    rem.erase(rem.begin());
    rem.push_back(0);
    for (int j = 0; j < eccLength; ++j) rem[j] ^= GfMultiply(gen[j + 1], factor);
  }
  return rem;
}

int Penalty(const QrCode& qr) {  // 7.8.3.1, N1 = 3, N2 = 3, N3 = 40, N4 = 10
  const int n = qr.size;
  int score = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (int a = 0; a < n; ++a) {
      // Beyond the symbol is the light quiet zone.
      auto at = [&](int b) { return b >= 0 && b < n && (pass == 0 ? qr.At(b, a) : qr.At(a, b)); };
      int run = 1;
      for (int b = 1; b <= n; ++b) {
        if (b < n && at(b) == at(b - 1)) {
          ++run;
          continue;
        }
        if (run >= 5) score += 3 + (run - 5);
        run = 1;
      }
      for (int b = 0; b + 7 <= n; ++b) {  // 1:1:3:1:1 with four light modules on a side
        if (!(at(b) && !at(b + 1) && at(b + 2) && at(b + 3) && at(b + 4) && !at(b + 5) && at(b + 6))) continue;
        if (!at(b - 1) && !at(b - 2) && !at(b - 3) && !at(b - 4)) score += 40;
        if (!at(b + 7) && !at(b + 8) && !at(b + 9) && !at(b + 10)) score += 40;
      }
    }
  }
  int dark = 0;
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      dark += qr.At(x, y) ? 1 : 0;
      if (x + 1 < n && y + 1 < n && qr.At(x, y) == qr.At(x + 1, y) && qr.At(x, y) == qr.At(x, y + 1) &&
          qr.At(x, y) == qr.At(x + 1, y + 1))
        score += 3;
    }
  }
  const int total = n * n;
  score += std::abs(dark * 20 - total * 10) / total * 10;  // 10 per whole 5 % away from half dark
  return score;
}

}  // namespace qr_detail

std::optional<QrCode> EncodeQr(std::string_view text, int mask) {
  if (mask < -1 || mask > 7) return std::nullopt;
  int version = 1;
  while (version <= kQrMaxVersion &&
         4 + CountBits(version) + 8 * text.size() > static_cast<size_t>(qr_detail::DataCodewords(version)) * 8)
    ++version;
  if (version > kQrMaxVersion) return std::nullopt;
  Grid grid(version);
  PlaceCodewords(grid, Interleave(DataCodewords(text, version), version));
  std::optional<QrCode> best;
  int bestPenalty = 0;
  for (int m = 0; m < 8; ++m) {
    if (mask >= 0 && m != mask) continue;
    Grid masked = grid;
    masked.ApplyMask(m);
    masked.DrawFormat(m);
    QrCode code = masked.ToCode(m);
    const int penalty = mask >= 0 ? 0 : qr_detail::Penalty(code);
    if (!best || penalty < bestPenalty) {
      best = std::move(code);
      bestPenalty = penalty;
    }
  }
  return best;
}

}  // namespace core
