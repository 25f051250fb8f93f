// PNG pixels for the browser tests: decoding the screenshots the browsers give (Chromium through
// Playwright, WebKit through WebDriver) and counting what is drawn in them.
import zlib from 'node:zlib';

// Decodes a PNG (8-bit greyscale, RGB or RGBA, with or without alpha, not interlaced) into
// { width, height, channels, px } with the pixels unfiltered, row after row.
export function decodePng(png) {
  let pos = 8, width = 0, height = 0, channels = 0, depth = 0, interlace = 0;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos), type = png.toString('ascii', pos + 4, pos + 8);
    if (type === 'IHDR') {
      width = png.readUInt32BE(pos + 8); height = png.readUInt32BE(pos + 12); depth = png[pos + 16];
      channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[png[pos + 17]]; interlace = png[pos + 20];
    }
    if (type === 'IDAT') idat.push(png.subarray(pos + 8, pos + 8 + len));
    pos += 12 + len;
  }
  if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG (depth ${depth}, channels ${channels}, interlace ${interlace})`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels, px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0, b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      px[y * stride + x] = (row[x] + pred) & 255;
    }
  }
  return { width, height, channels, px };
}

// How many pixels of a decoded image differ from `background` ([r, g, b]) by more than
// `threshold` (sum of the channels' differences): "is anything drawn in this box".
export function inkCount({ px, channels }, background, threshold = 60) {
  let ink = 0;
  for (let i = 0; i < px.length; i += channels) {
    const g = channels < 3;
    const r = px[i], gg = g ? px[i] : px[i + 1], b = g ? px[i] : px[i + 2];
    if (Math.abs(r - background[0]) + Math.abs(gg - background[1]) + Math.abs(b - background[2]) > threshold) ink++;
  }
  return ink;
}

