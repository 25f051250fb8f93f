// The QR encoder: the standard's known answers (Reed-Solomon, format and version bits, capacities),
// the symbol's structure, then whole symbols against two independent programs from Debian:
// Debian's qrencode must draw the same modules for the same mask, and zbarimg must read back the text.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/qr.h"

namespace {

namespace fs = std::filesystem;

// Byte capacity of versions 1-10 at level M (ISO 18004 Table 7).
constexpr int kCapacity[] = {0, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213};

std::string Text(size_t n) {  // URL-like text of n bytes
  std::string s = "https://mod.gov.al/#/news/";
  while (s.size() < n) s += static_cast<char>('a' + s.size() % 26);
  return s.substr(0, n);
}

uint32_t ReadFormat(const core::QrCode& q, bool second) {
  uint32_t bits = 0;
  for (int i = 0; i < 15; ++i) {
    int x, y;
    if (!second) {
      x = i <= 7 ? 8 : i == 8 ? 7 : 14 - i;
      y = i <= 5 ? i : i <= 7 ? i + 1 : 8;
    } else {
      x = i < 8 ? q.size - 1 - i : 8;
      y = i < 8 ? 8 : q.size - 15 + i;
    }
    bits |= static_cast<uint32_t>(q.At(x, y)) << i;
  }
  return bits;
}

bool IsFinder(const core::QrCode& q, int left, int top) {
  for (int dy = -1; dy <= 7; ++dy)
    for (int dx = -1; dx <= 7; ++dx) {
      const int x = left + dx, y = top + dy;
      if (x < 0 || y < 0 || x >= q.size || y >= q.size) continue;
      const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
      if (q.At(x, y) != (ring <= 1 || ring == 3)) return false;
    }
  return true;
}

void CheckStructure(const core::QrCode& q) {
  CAPTURE(q.version);
  CAPTURE(q.mask);
  REQUIRE(q.size == 17 + 4 * q.version);
  REQUIRE(q.modules.size() == static_cast<size_t>(q.size * q.size));
  CHECK(IsFinder(q, 0, 0));
  CHECK(IsFinder(q, q.size - 7, 0));
  CHECK(IsFinder(q, 0, q.size - 7));
  for (int i = 8; i < q.size - 8; ++i) {
    CHECK(q.At(i, 6) == (i % 2 == 0));
    CHECK(q.At(6, i) == (i % 2 == 0));
  }
  CHECK(q.At(8, q.size - 8));  // the dark module
  const uint32_t format = ReadFormat(q, false);
  CHECK(format == ReadFormat(q, true));
  CHECK(((format ^ 0x5412u) >> 13) == 0);  // level M
  CHECK((((format ^ 0x5412u) >> 10) & 7) == static_cast<uint32_t>(q.mask));
  CHECK(format == core::qr_detail::FormatBits(q.mask));
  if (q.version >= 7) {
    uint32_t a = 0, b = 0;
    for (int i = 0; i < 18; ++i) {
      a |= static_cast<uint32_t>(q.At(q.size - 11 + i % 3, i / 3)) << i;
      b |= static_cast<uint32_t>(q.At(i / 3, q.size - 11 + i % 3)) << i;
    }
    CHECK(a == b);
    CHECK((a >> 12) == static_cast<uint32_t>(q.version));
  }
}

std::string Run(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
    pclose(p);
  }
  return out;
}

bool HasTool(const char* name) { return Run(std::string("command -v ") + name + " 2>/dev/null").size() > 0; }

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("modv_qr_" + std::to_string(getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("Reed-Solomon gives the standard's worked examples") {
  // ISO 18004 Annex I: "01234567" at 1-M; and "HELLO WORLD" at 1-M, alphanumeric.
  CHECK(core::qr_detail::ReedSolomon({16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17}, 10) ==
        std::vector<uint8_t>{165, 36, 212, 193, 237, 54, 199, 135, 44, 85});
  CHECK(core::qr_detail::ReedSolomon({32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17}, 10) ==
        std::vector<uint8_t>{196, 35, 39, 119, 235, 215, 231, 226, 93, 23});
}

TEST_CASE("Format and version bits are the standard's tables") {
  const uint32_t format[8] = {0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0};  // level M
  for (int m = 0; m < 8; ++m) CHECK(core::qr_detail::FormatBits(m) == format[m]);
  CHECK(core::qr_detail::VersionBits(7) == 0x07C94);
  CHECK(core::qr_detail::VersionBits(8) == 0x085BC);
  CHECK(core::qr_detail::VersionBits(9) == 0x09A99);
  CHECK(core::qr_detail::VersionBits(10) == 0x0A4D3);
}

TEST_CASE("Codeword counts and byte capacities of versions 1-10 at level M") {
  const int total[] = {0, 26, 44, 70, 100, 134, 172, 196, 242, 292, 346};
  const int data[] = {0, 16, 28, 44, 64, 86, 108, 124, 154, 182, 216};
  for (int v = 1; v <= core::kQrMaxVersion; ++v) {
    CAPTURE(v);
    CHECK(core::qr_detail::TotalCodewords(v) == total[v]);
    CHECK(core::qr_detail::DataCodewords(v) == data[v]);
    const auto fits = core::EncodeQr(Text(kCapacity[v]));
    REQUIRE(fits);
    CHECK(fits->version == v);
    const auto next = core::EncodeQr(Text(kCapacity[v] + 1));
    if (v < core::kQrMaxVersion) {
      REQUIRE(next);
      CHECK(next->version == v + 1);
    } else {
      CHECK_FALSE(next);  // longer than any version we make
    }
  }
  CHECK(core::EncodeQr("")->version == 1);
  CHECK_FALSE(core::EncodeQr("x", 8));
  CHECK_FALSE(core::EncodeQr("x", -2));
}

TEST_CASE("Symbols carry finders, timing, level M format bits and version information") {
  for (int v = 1; v <= core::kQrMaxVersion; ++v)
    for (int m = 0; m < 8; ++m) CheckStructure(*core::EncodeQr(Text(kCapacity[v]), m));
  CheckStructure(*core::EncodeQr("https://mod.gov.al/#/news/armed-forces-museum-berzhite"));
}

TEST_CASE("The chosen mask has the lowest penalty") {
  for (size_t n : {5, 40, 120, 200}) {
    const auto best = core::EncodeQr(Text(n));
    REQUIRE(best);
    for (int m = 0; m < 8; ++m)
      CHECK(core::qr_detail::Penalty(*best) <= core::qr_detail::Penalty(*core::EncodeQr(Text(n), m)));
  }
}

TEST_CASE("Debian's qrencode draws the same modules with the same mask") {
  REQUIRE_MESSAGE(HasTool("qrencode"), "qrencode not found: scripts/setup installs it");
  TempDir dir;
  for (int v = 1; v <= core::kQrMaxVersion; ++v) {
    for (size_t n : {static_cast<size_t>(kCapacity[v - 1] + 1), static_cast<size_t>(kCapacity[v])}) {
      const std::string text = Text(n);
      CAPTURE(text);
      const fs::path in = dir.path / "in.txt";
      std::ofstream(in, std::ios::binary) << text;
      const std::string ascii = Run("qrencode -l M -8 -m 0 -t ASCII -r '" + in.string() + "' -o -");
      // Two characters a module, "##" dark; one line a row.
      std::vector<std::string> rows;
      for (size_t at = 0, end; (end = ascii.find('\n', at)) != std::string::npos; at = end + 1)
        rows.push_back(ascii.substr(at, end - at));
      const int size = 17 + 4 * v;
      REQUIRE(rows.size() == static_cast<size_t>(size));
      core::QrCode theirs{size, v, 0, std::vector<bool>(static_cast<size_t>(size * size))};
      for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) theirs.modules[y * size + x] = rows[y].compare(2 * x, 2, "##") == 0;
      theirs.mask = static_cast<int>(((ReadFormat(theirs, false) ^ 0x5412u) >> 10) & 7);
      const auto mine = core::EncodeQr(text, theirs.mask);
      REQUIRE(mine);
      CHECK(mine->version == v);
      CHECK(mine->modules == theirs.modules);
    }
  }
}

TEST_CASE("zbarimg reads back what was encoded, with every mask and version") {
  REQUIRE_MESSAGE(HasTool("zbarimg"), "zbarimg not found: scripts/setup installs it (zbar-tools)");
  TempDir dir;
  auto decode = [&](const core::QrCode& q) {
    // A PGM image, 4 pixels a module, with the 4-module quiet zone.
    const int scale = 4, side = (q.size + 8) * scale;
    const fs::path file = dir.path / "qr.pgm";
    std::ofstream out(file, std::ios::binary);
    out << "P5\n" << side << " " << side << "\n255\n";
    for (int py = 0; py < side; ++py)
      for (int px = 0; px < side; ++px) {
        const int x = px / scale - 4, y = py / scale - 4;
        const bool dark = x >= 0 && y >= 0 && x < q.size && y < q.size && q.At(x, y);
        out.put(static_cast<char>(dark ? 0 : 255));
      }
    out.close();
    std::string text = Run("zbarimg -q --raw '" + file.string() + "' 2>/dev/null");
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  };
  for (int v = 1; v <= core::kQrMaxVersion; ++v) {
    const std::string text = Text(kCapacity[v]);
    for (int m = 0; m < 8; ++m) {
      CAPTURE(v);
      CAPTURE(m);
      CHECK(decode(*core::EncodeQr(text, m)) == text);
    }
  }
  const std::string address = "https://mod.gov.al/viewer/#/news/armed-forces-museum-berzhite";
  CHECK(decode(*core::EncodeQr(address)) == address);
  // A flipped module in a data area is corrected (level M restores about 15 %).
  core::QrCode damaged = *core::EncodeQr(address);
  for (int i = 0; i < 6; ++i) {
    const size_t at = static_cast<size_t>((12 + i) * damaged.size + 14);
    damaged.modules[at] = !damaged.modules[at];
  }
  CHECK(decode(damaged) == address);
}
