// A small static file server for build/web (development and tests): correct types, including
// application/wasm for streaming compilation, no caching, loopback only.
//   node scripts/serve.mjs [ROOT] [PORT]      (PORT 0 picks a free one; prints the address)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.ttc': 'font/collection', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.pdf': 'application/pdf', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.atom': 'application/atom+xml; charset=utf-8',
};

export function serve(root, port = 0, host = '127.0.0.1') {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(base, '.' + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      // Validators, so that a kiosk's conditional check of an unchanged bundle costs a 304.
      const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      const modified = st.mtime.toUTCString();
      if (req.headers['if-none-match'] === etag ||
          (!req.headers['if-none-match'] && req.headers['if-modified-since'] === modified)) {
        res.writeHead(304, { ETag: etag, 'Last-Modified': modified, 'Cache-Control': 'no-cache' }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
                           'Content-Length': st.size, 'Cache-Control': 'no-cache', ETag: etag, 'Last-Modified': modified });
      if (req.method === 'HEAD') { res.end(); return; }
      // 1 MiB reads instead of the default 64 KiB: a 58 MB archive arrives in a third of the time.
      fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] || 'build/web';
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve(root, port);
  console.log(`Serving ${root} at http://127.0.0.1:${server.address().port}/`);
}
