// The production server configuration (web/nginx.conf) with Debian's nginx, serving build/web:
// types, precompressed copies, security headers and caching (a year for the content-hashed
// files, revalidation for index.html and bundle.json), then the app loaded from it in Chromium. nginx runs as a child of this process with its own prefix, stopped even on failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { repo, webRoot, launchChromium, openPage, waitState, waitMirror, cspViolations, HASHED_FILES, hashedName,
         hashedPattern } from './harness.mjs';
import { startNginx, get, hasBrotli, BROTLI_MODULE } from './nginx_server.mjs';

let server = null, base = null, browser = null;
const hashed = {};  // 'mod-viewer.wasm' -> '/mod-viewer.0123456789.wasm'
const IMMUTABLE = 'public, max-age=31536000, immutable';

before(async () => {
  for (const f of HASHED_FILES) hashed[f] = '/' + hashedName(f);  // throws when there is no web build
  server = await startNginx(webRoot);
  base = server.base;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close().catch(() => {});
  server?.stop();
});

const metaCsp = () => /http-equiv="Content-Security-Policy" content="([^"]+)"/
  .exec(fs.readFileSync(path.join(repo, 'web/index.html'), 'utf8'))[1];

function assertSecurityHeaders(headers, p) {
  assert.equal(headers['content-security-policy'], metaCsp(), `${p}: Content-Security-Policy`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${p}: X-Content-Type-Options`);
  assert.equal(headers['x-frame-options'], 'DENY', `${p}: X-Frame-Options`);
  assert.match(headers['referrer-policy'] || '', /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/, `${p}: Referrer-Policy`);
  assert.match(headers['permissions-policy'] || '', /camera=\(\)/, `${p}: Permissions-Policy`);
}

test('every response carries the security headers, the CSP equal to index.html\'s', async () => {
  for (const p of ['/', '/index.html', ...Object.values(hashed), '/bundle.json', '/no-such-file']) {
    for (const encoding of [undefined, 'gzip', 'br']) {
      const r = await get(base, p, encoding ? { 'Accept-Encoding': encoding } : {});
      assertSecurityHeaders(r.headers, `${p} (${encoding || 'identity'})`);
    }
  }
  const hashedRevalidated = await get(base, hashed['mod-viewer.wasm'], { 'If-None-Match': (await get(base, hashed['mod-viewer.wasm'])).headers.etag });
  assert.equal(hashedRevalidated.status, 304);
  assertSecurityHeaders(hashedRevalidated.headers, `${hashed['mod-viewer.wasm']} (304)`);
  assert.equal((await get(base, '/no-such-file')).status, 404);
  assert.equal((await get(base, '/.assets.stamp')).status, 404, 'build leftovers are not served');
});

test('types are right, wasm included, and the precompressed .gz copies are sent to gzip clients', async () => {
  const cases = { [hashed['mod-viewer.wasm']]: /^application\/wasm$/, [hashed['mod-viewer.js']]: /^text\/javascript; charset=utf-8$/,
                  [hashed['fonts.ttc']]: /^font\/collection$/, [hashed['app.css']]: /^text\/css; charset=utf-8$/,
                  '/index.html': /^text\/html; charset=utf-8$/, [hashed['boot.js']]: /^text\/javascript; charset=utf-8$/ };
  for (const [p, type] of Object.entries(cases)) {
    const file = path.join(webRoot, p);
    assert.ok(fs.existsSync(file + '.gz'), `${file}.gz is missing: the build writes it (cmake/web.cmake web_precompress)`);
    const original = fs.readFileSync(file);
    const plain = await get(base, p);
    assert.match(plain.headers['content-type'], type, `${p}: Content-Type`);
    assert.equal(plain.headers['content-encoding'], undefined, `${p}: no encoding unless asked for`);
    assert.ok(plain.body.equals(original), `${p}: the file as it is`);
    const gz = await get(base, p, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', `${p}: Content-Encoding with Accept-Encoding: gzip`);
    assert.match(gz.headers['content-type'], type, `${p}: Content-Type when compressed`);
    assert.equal(Number(gz.headers['content-length']), fs.statSync(file + '.gz').size, `${p}: the build's .gz itself is sent`);
    assert.ok(zlib.gunzipSync(gz.body).equals(original), `${p}: the .gz holds the same bytes`);
  }
});

test('brotli copies are sent (libnginx-mod-http-brotli-static, installed by scripts/setup)', async () => {
  assert.ok(hasBrotli, `${BROTLI_MODULE} is missing: run scripts/setup`);
  for (const p of Object.values(hashed)) {
    const r = await get(base, p, { 'Accept-Encoding': 'br, gzip' });
    assert.equal(r.headers['content-encoding'], 'br', p);
    assert.equal(Number(r.headers['content-length']), fs.statSync(path.join(webRoot, p + '.br')).size, `${p}: the build's .br itself is sent`);
    assert.ok(zlib.brotliDecompressSync(r.body).equals(fs.readFileSync(path.join(webRoot, p))), p);
  }
});

test('caching: content-hashed files for a year, immutable, however encoded', async () => {
  for (const p of Object.values(hashed)) {
    for (const encoding of [undefined, 'gzip', 'br']) {
      const r = await get(base, p, encoding ? { 'Accept-Encoding': encoding } : {});
      assert.equal(r.status, 200, p);
      assert.equal(r.headers['content-encoding'], encoding, `${p}: sent as ${encoding || 'identity'}`);
      assert.equal(r.headers['cache-control'], IMMUTABLE, `${p} (${encoding || 'identity'}): Cache-Control`);
    }
  }
  // A revalidation (a reload may still ask) answers 304 with the same policy.
  const p = hashed['mod-viewer.js'];
  const again = await get(base, p, { 'If-None-Match': (await get(base, p)).headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.headers['cache-control'], IMMUTABLE, `${p} (304): Cache-Control`);
});

test('caching: index.html and bundle.json revalidate; unhashed and unknown names are never stored', async () => {
  for (const p of ['/', '/index.html']) {
    const r = await get(base, p, { 'Accept-Encoding': 'gzip' });
    assert.equal(r.headers['cache-control'], 'no-cache', `${p}: Cache-Control (it names the hashed files)`);
    assert.ok(r.headers.etag || r.headers['last-modified'], `${p}: a validator for revalidation`);
  }
  const index = await get(base, '/index.html', { 'If-None-Match': (await get(base, '/index.html')).headers.etag });
  assert.equal(index.status, 304, 'revalidation of an unchanged index.html costs no download');
  assert.equal(index.headers['cache-control'], 'no-cache');
  const bundle = await get(base, '/bundle.json', { 'Accept-Encoding': 'gzip' });
  assert.match(bundle.headers['content-type'], /^application\/json; charset=utf-8$/);
  assert.equal(bundle.headers['cache-control'], 'no-cache', 'bundle.json: editors\' updates show at the next visit');
  const body = bundle.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(bundle.body) : bundle.body;
  assert.ok(body.equals(fs.readFileSync(path.join(webRoot, 'bundle.json'))), 'bundle.json: the current file, never a stale copy');
  // The build leaves no unhashed copy that a stale page could load.
  for (const f of HASHED_FILES) {
    assert.ok(!fs.existsSync(path.join(webRoot, f)), `${webRoot}/${f}: only the hashed copy belongs in the site`);
    const r = await get(base, '/' + f);
    assert.equal(r.status, 404, `/${f}`);
  }
  // A hashed name that is not (yet) there, as between the uploads of index.html and its files:
  // the 404 must not be kept for a year.
  const missing = await get(base, '/mod-viewer.0123456789.wasm');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['cache-control'], 'no-store');
});

test('caching: the published content\'s shards for a year from their compressed copies, its manifest revalidated', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(webRoot, 'content/manifest.json'), 'utf8'));
  const shard = '/content/' + manifest.published.news.headlines[0].file;
  for (const encoding of ['gzip', 'br']) {
    const r = await get(base, shard, { 'Accept-Encoding': encoding });
    assert.equal(r.status, 200, shard);
    assert.equal(r.headers['content-encoding'], encoding, `${shard}: sent as ${encoding}`);
    assert.equal(r.headers['cache-control'], IMMUTABLE, `${shard}: Cache-Control`);
    assert.match(r.headers['content-type'], /^application\/json/);
    assertSecurityHeaders(r.headers, shard);
  }
  const m = await get(base, '/content/manifest.json', { 'Accept-Encoding': 'gzip' });
  assert.equal(m.headers['cache-control'], 'no-cache', 'the manifest names the shards: revalidated at each use');
  const again = await get(base, '/content/manifest.json', { 'If-None-Match': (await get(base, '/content/manifest.json')).headers.etag });
  assert.equal(again.status, 304, 'an unchanged manifest costs no download');
  assert.ok(again.body.length < 2048);
  const missing = await get(base, '/content/news-0123456789abcdef.json');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['cache-control'], 'no-store');
});

test('the hashed names are their content\'s SHA-256, as served, and index.html names exactly these', async () => {
  const index = (await get(base, '/index.html')).body.toString('utf8');
  for (const [name, p] of Object.entries(hashed)) {
    const r = await get(base, p);
    const digest = crypto.createHash('sha256').update(r.body).digest('hex');
    assert.equal(hashedPattern(name).exec(p.slice(1))[1], digest.slice(0, 10), `${p}: the name is the first 10 hex of the SHA-256 of the bytes served`);
    assert.ok(index.includes(`"${p.slice(1)}"`), `index.html names ${p.slice(1)}`);
    assert.ok(!index.includes(`"${name}"`), `index.html does not name the unhashed ${name}`);
  }
});

test('the app loads from nginx in Chromium and shows the mission', async () => {
  const page = await openPage(browser, null);
  const responses = [];
  page.on('response', (r) => responses.push(r.allHeaders().then((headers) => ({ path: new URL(r.url()).pathname, status: r.status(), headers }))));
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  await page.goto(base + '/?lang=en');
  await waitState(page, 'ready');
  const title = JSON.parse(fs.readFileSync(path.join(webRoot, 'bundle.json'), 'utf8')).mission.title;
  await waitMirror(page, 'h1', typeof title === 'string' ? title : title.en);
  const got = await Promise.all(responses);
  const paths = got.map((r) => r.path);
  // Each of the hashed files once (none fetched a second time),
  // besides only the page and the bundle; never an unhashed name.
  assert.deepEqual([...paths].sort(), ['/', '/bundle.json', ...Object.values(hashed)].sort(), 'what the page requested');
  const types = { js: /^text\/javascript; charset=utf-8$/, css: /^text\/css; charset=utf-8$/, wasm: /^application\/wasm$/, ttc: /^font\/collection$/ };
  for (const r of got.filter((r) => Object.values(hashed).includes(r.path))) {
    assert.equal(r.status, 200, r.path);
    assert.equal(r.headers['cache-control'], IMMUTABLE, `${r.path}: Cache-Control`);
    assert.match(r.headers['content-type'], types[r.path.split('.').pop()], `${r.path}: Content-Type`);
    assert.match(r.headers['content-encoding'] || '', hasBrotli ? /^(br|gzip)$/ : /^gzip$/, `${r.path}: the browser got the compressed copy`);
    assertSecurityHeaders(r.headers, r.path);
  }
  for (const p of ['/', '/bundle.json']) assert.equal(got.find((r) => r.path === p).headers['cache-control'], 'no-cache', p);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(warnings.filter((w) => /font/i.test(w)), [], 'the fonts came, as a font collection');
  assert.deepEqual(await cspViolations(page), [], 'the header CSP lets the app run');
  await page.context().close();
});
