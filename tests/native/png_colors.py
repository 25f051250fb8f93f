#!/usr/bin/python3
"""Counts pixels of a PNG (as written by stb_image_write: 8-bit RGB/RGBA, not interlaced) that
match a predicate, so tests can tell a drawn image from a placeholder.
usage: png_colors.py FILE.png  -> prints the number of pixels of the test gradient
(tests/fixtures/images/museum.png: blue 140, red and green varying)."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


w, h, ch, rows = read_png(sys.argv[1])
count = 0
reds = set()
for row in rows:
    for x in range(0, w * ch, ch):
        r, g, b = row[x], row[x + 1], row[x + 2]
        if abs(b - 140) <= 4 and abs(r - g) > 20:
            count += 1
            reds.add(r // 16)
# the gradient spans many reds; a flat placeholder has none of these pixels
print(count if len(reds) >= 6 else 0)
