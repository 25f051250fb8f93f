// The production server configuration (web/nginx.conf) with Debian's nginx, serving build/web:
// types, precompressed copies, security headers and caching, then the app loaded from it in
// Chromium. nginx runs as a child of this process with its own prefix, stopped even on failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { repo, webRoot, launchChromium, openPage, waitState, waitMirror, cspViolations } from './harness.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const hasBrotli = fs.existsSync(BROTLI_MODULE);

// web/nginx.conf with the test's port, root and writable paths. Each rewrite must apply exactly
// once, so an edit of the file that breaks the template fails here with a clear message.
function renderConfig(text, { port, root, dir }) {
  const rules = [
    [/^user .*;$/m, process.getuid() === 0 ? 'user root;' : ''],  // workers must read the checkout
    [/^pid .*;$/m, `pid ${dir}/nginx.pid;`],
    [/^error_log .*;$/m, `error_log ${dir}/error.log;`],
    [/^(\s*)access_log .*;$/m, `$1access_log ${dir}/access.log;`],
    [/^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${port};`],
    [/^(\s*)root .*;$/m, `$1root ${root};`],
    [/^http \{$/m, 'http {\n' + ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((t) => `    ${t}_temp_path ${dir}/${t};`).join('\n')],
  ];
  for (const [re, by] of rules) {
    assert.equal((text.match(new RegExp(re.source, 'gm')) || []).length, 1, `web/nginx.conf: expected one line matching ${re}`);
    text = text.replace(re, by);
  }
  return hasBrotli ? text.replace(/#brotli# /g, '') : text;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

// GET with exactly the headers given (no automatic decompression): status, headers, raw body.
function get(base, pathname, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(base + pathname, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

let nginx = null, dir = null, base = null, browser = null, stderr = '';

function stop() {
  if (nginx && nginx.exitCode === null) nginx.kill('SIGTERM');
  nginx = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}
process.on('exit', stop);  // also when the run is interrupted between hooks

before(async () => {
  assert.ok(fs.existsSync(NGINX), `${NGINX} is missing (scripts/setup installs nginx-light)`);
  assert.ok(fs.existsSync(path.join(webRoot, 'mod-viewer.wasm')), `no web build in ${webRoot}: run scripts/build`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-nginx-'));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, renderConfig(fs.readFileSync(path.join(repo, 'web/nginx.conf'), 'utf8'),
                                      { port, root: path.resolve(webRoot), dir }));
  nginx = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  nginx.stderr.on('data', (d) => { stderr += d; });
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (nginx.exitCode !== null) {
      const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
      throw new Error(`nginx exited with ${nginx.exitCode}: ${stderr}${log}`);
    }
    try { await get(base, '/'); break; } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${base} within 15 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close().catch(() => {});
  stop();
});

const metaCsp = () => /http-equiv="Content-Security-Policy" content="([^"]+)"/
  .exec(fs.readFileSync(path.join(repo, 'web/index.html'), 'utf8'))[1];

test('every response carries the security headers, the CSP equal to index.html\'s', async () => {
  for (const p of ['/', '/index.html', '/mod-viewer.wasm', '/bundle.json', '/no-such-file']) {
    const r = await get(base, p);
    assert.equal(r.headers['content-security-policy'], metaCsp(), `${p}: Content-Security-Policy`);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', `${p}: X-Content-Type-Options`);
    assert.equal(r.headers['x-frame-options'], 'DENY', `${p}: X-Frame-Options`);
    assert.match(r.headers['referrer-policy'] || '', /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/, `${p}: Referrer-Policy`);
    assert.match(r.headers['permissions-policy'] || '', /camera=\(\)/, `${p}: Permissions-Policy`);
  }
  assert.equal((await get(base, '/no-such-file')).status, 404);
  assert.equal((await get(base, '/.assets.stamp')).status, 404, 'build leftovers are not served');
});

test('types are right, wasm included, and the precompressed .gz copies are sent to gzip clients', async () => {
  const cases = { '/mod-viewer.wasm': /^application\/wasm$/, '/mod-viewer.js': /^text\/javascript; charset=utf-8$/,
                  '/mod-viewer.data': /^application\/octet-stream$/, '/app.css': /^text\/css; charset=utf-8$/,
                  '/index.html': /^text\/html; charset=utf-8$/, '/boot.js': /^text\/javascript; charset=utf-8$/ };
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
  const r = await get(base, '/mod-viewer.wasm', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(r.headers['content-encoding'], 'br');
  assert.ok(zlib.brotliDecompressSync(r.body).equals(fs.readFileSync(path.join(webRoot, 'mod-viewer.wasm'))));
});

test('caching: files that are not content-hashed and the bundle revalidate; nothing is immutable', async () => {
  for (const p of ['/', '/index.html', '/boot.js', '/app.css', '/mod-viewer.js', '/mod-viewer.wasm', '/mod-viewer.data']) {
    const r = await get(base, p, { 'Accept-Encoding': 'gzip' });
    assert.equal(r.headers['cache-control'], 'no-cache', `${p}: Cache-Control (its name has no content hash)`);
    assert.ok(r.headers.etag || r.headers['last-modified'], `${p}: a validator for revalidation`);
  }
  const bundle = await get(base, '/bundle.json', { 'Accept-Encoding': 'gzip' });
  assert.match(bundle.headers['content-type'], /^application\/json; charset=utf-8$/);
  assert.equal(bundle.headers['cache-control'], 'no-cache', 'bundle.json: editors\' updates show at the next visit');
  const body = bundle.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(bundle.body) : bundle.body;
  assert.ok(body.equals(fs.readFileSync(path.join(webRoot, 'bundle.json'))), 'bundle.json: the current file, never a stale copy');
  const again = await get(base, '/mod-viewer.wasm', { 'If-None-Match': (await get(base, '/mod-viewer.wasm')).headers.etag });
  assert.equal(again.status, 304, 'revalidation of an unchanged file costs no download');
});

test('the app loads from nginx in Chromium and shows the mission', async () => {
  const page = await openPage(browser, null);
  const encodings = {};
  page.on('response', (r) => { encodings[new URL(r.url()).pathname] = r.headers()['content-encoding'] || ''; });
  await page.goto(base + '/?lang=en');
  await waitState(page, 'ready');
  const title = JSON.parse(fs.readFileSync(path.join(webRoot, 'bundle.json'), 'utf8')).mission.title;
  await waitMirror(page, 'h1', typeof title === 'string' ? title : title.en);
  assert.match(encodings['/mod-viewer.wasm'] || '', hasBrotli ? /^(br|gzip)$/ : /^gzip$/, 'the browser got the compressed wasm');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await cspViolations(page), [], 'the header CSP lets the app run');
  await page.context().close();
});
