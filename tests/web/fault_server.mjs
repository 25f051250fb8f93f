// A static server for the site that plays faults on one file's requests (the bundle a kiosk
// checks), all on loopback: what a building's flaky network and a half-broken server do.
//   const s = await faultServer(root, '/generated/faults/bundle.json');
//   s.fault = 'drip';  ...  s.fault = null;  s.requests  (answers given to that file)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from '../../scripts/serve.mjs';
import { makeSiteRoot } from './harness.mjs';

export const FAULTS = {
  'status-500': 'an internal server error',
  'status-503': 'the service is unavailable',
  'close-mid-body': 'the connection closed in the middle of the body',
  drip: 'a body that drips one byte a second',
  'wrong-type': 'a maintenance page (text/html) instead of the bundle',
  'bad-gzip': 'a gzip body that is truncated and corrupt',
  'not-modified-without-validator': 'a 304 without ETag or Last-Modified',
  'redirect-loop': 'a redirect to itself',
  'changing-while-read': 'the file replaced while it is being sent',
};

export async function faultServer(root, faultPath) {
  const plain = await serve(root, 0);  // the site as it is; faults go through the front server
  const state = { fault: null, requests: 0, drips: new Set() };
  const front = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== faultPath || !state.fault) {
      const upstream = http.request({ host: '127.0.0.1', port: plain.address().port, path: req.url, method: req.method,
                                      headers: req.headers }, (up) => { res.writeHead(up.statusCode, up.headers); up.pipe(res); });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
      return;
    }
    state.requests++;
    const body = fs.readFileSync(path.join(root, faultPath));
    const json = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' };
    switch (state.fault) {
      case 'status-500': res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal error'); break;
      case 'status-503': res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '5' }).end('unavailable'); break;
      case 'close-mid-body':
        res.writeHead(200, { ...json, 'Content-Length': body.length });
        res.write(body.subarray(0, body.length >> 1), () => res.destroy());
        break;
      case 'drip': {
        res.writeHead(200, json);
        let i = 0;
        const timer = setInterval(() => { if (i < body.length) res.write(body.subarray(i, ++i)); }, 1000);
        state.drips.add(timer);
        res.on('close', () => { clearInterval(timer); state.drips.delete(timer); });
        break;
      }
      case 'wrong-type': res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Maintenance</body></html>'); break;
      case 'bad-gzip': {
        const gz = zlib.gzipSync(body);
        const broken = Buffer.concat([gz.subarray(0, gz.length >> 1), Buffer.from('not gzip at all')]);
        res.writeHead(200, { ...json, 'Content-Encoding': 'gzip', 'Content-Length': broken.length }).end(broken);
        break;
      }
      case 'not-modified-without-validator': res.writeHead(304).end(); break;
      case 'redirect-loop': res.writeHead(302, { Location: req.url }).end(); break;
      case 'changing-while-read': {
        // the first half of the file as it was, then the rest of a different file
        const other = Buffer.from(JSON.stringify({ format: 'publication-bundle', version: 1, note: 'x'.repeat(body.length) }));
        res.writeHead(200, json);
        res.write(body.subarray(0, body.length >> 1));
        setTimeout(() => res.end(other.subarray(body.length >> 1)), 200);
        break;
      }
      default: res.writeHead(500).end();
    }
  });
  await new Promise((r) => front.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${front.address().port}/`,
    get fault() { return state.fault; },
    set fault(f) { state.fault = f; },
    get requests() { return state.requests; },
    close() {
      for (const t of state.drips) clearInterval(t);
      front.closeAllConnections?.();
      front.close();
      plain.close();
    },
  };
}

// The site with a bundle of its own under generated/NAME/bundle.json, behind a fault server that
// plays its faults on that file: { root, file, server, close() }. `bundle` is written first.
export async function faultSite(name, bundle) {
  const root = makeSiteRoot();
  fs.mkdirSync(path.join(root, 'generated', name), { recursive: true });
  const file = path.join(root, 'generated', name, 'bundle.json');
  fs.writeFileSync(file, JSON.stringify(bundle));
  const server = await faultServer(root, `/generated/${name}/bundle.json`);
  return { root, file, server, close: () => { server.close(); fs.rmSync(root, { recursive: true, force: true }); } };
}
