// QR codes for the kiosk, which shows addresses as a code a visitor scans with a phone instead
// of opening links: byte mode, error correction level M, versions 1-10 (up to 213 bytes).
// Written from ISO/IEC 18004; tests check it against zbarimg and Debian's qrencode.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace core {

struct QrCode {
  int size = 0;               // modules per side: 17 + 4 * version (21 for version 1)
  int version = 0;            // 1-10: the smallest that holds the text
  int mask = 0;               // 0-7: the data mask applied (the format bits say which)
  std::vector<bool> modules;  // size * size, row after row; true = dark

  bool At(int x, int y) const { return modules[static_cast<size_t>(y) * size + x]; }
};

constexpr int kQrMaxVersion = 10;
constexpr size_t kQrMaxBytes = 213;  // byte-mode capacity of version 10 at level M

// Encodes `text` as bytes (UTF-8 as given, no ECI) at level M in the smallest version that
// fits. `mask` -1 picks the mask with the lowest penalty score (ISO 18004 7.8.3); 0-7 forces
// one. Empty when the text is longer than kQrMaxBytes or the mask is out of range.
std::optional<QrCode> EncodeQr(std::string_view text, int mask = -1);

// The building blocks, exposed for tests.
namespace qr_detail {
// Data codewords of a level-M symbol of `version` (1-10), and all codewords (data + ECC).
int DataCodewords(int version);
int TotalCodewords(int version);
// The 15 format bits for level M and `mask`, BCH-protected and XOR-ed with 0x5412.
uint32_t FormatBits(int mask);
// The 18 version bits (version 7 and up): 6 bits of version and 12 of BCH.
uint32_t VersionBits(int version);
// Reed-Solomon error correction codewords of `data` (GF(256), polynomial 0x11D).
std::vector<uint8_t> ReedSolomon(const std::vector<uint8_t>& data, int eccLength);
// The ISO 18004 penalty score of a finished symbol (lower is easier to scan).
int Penalty(const QrCode& qr);
}  // namespace qr_detail

}  // namespace core
