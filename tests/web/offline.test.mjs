// The service worker: a kiosk whose network is down when its browser starts comes up
// from the cache with its last content; a repeat visit starts from the cache; a new deploy is
// taken whole at the next start while an open page keeps working on the old one.
// Chromium with a persistent profile (a kiosk's browser keeps one), the site served on one port
// that stays the same across the server's stops and starts.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchChromiumProfile, makeSiteRoot, repo, waitAsync, waitState, waitMirror, webRoot } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { publishArchive } from './published_site.mjs';

let root, profile, port, server;
before(async () => {
  root = makeSiteRoot();
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-profile-'));
  server = await serve(root, 0);
  port = server.address().port;
});
// Browsers a failed test left open are closed, so that the suite ends (an open persistent
// context keeps node running until CTest's timeout, and the failure's message is lost with it).
// Each test's are closed when it ends, and the server is started again if it left it stopped, so
// that one failure does not fail the next tests on a locked profile or a refused connection.
const openContexts = new Set();
afterEach(async () => {
  for (const c of openContexts) await c.close().catch(() => {});
  if (!server.listening) await startServer();
});
after(async () => {
  server?.close();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

const stopServer = () => new Promise((r) => { server.close(() => r()); server.closeAllConnections?.(); });
const startServer = async () => { server = await serve(root, port); };
const url = (q = '') => `http://127.0.0.1:${port}/${q}`;

async function browse(address) {
  const context = await launchChromiumProfile(profile);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  const page = context.pages()[0] || await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(address);
  return { context, page };
}

// The text the content cache keeps for `url` (relative to the page), or null.
const kept = (page, url) => page.evaluate(async (u) => (await (await caches.open('modv-content')).match(u))?.text() ?? null, url);
const waitKept = (page, url) => waitAsync(page, async (u) => !!(await (await caches.open('modv-content')).match(u)), url, 30000);

// The worker has taken the page and keeps the app and the bundle.
async function cached(page) {
  await waitAsync(page, async () => {
    // Activated, not only controlling: a browser closed while its worker is still activating
    // may start the next time with no active worker, and a navigation offline is refused.
    const registration = await navigator.serviceWorker.getRegistration();
    if (!navigator.serviceWorker.controller || registration?.active?.state !== 'activated') return false;
    const names = await caches.keys();
    const content = await caches.open('modv-content');
    return names.some((n) => n.startsWith('modv-app-')) && !!(await content.match('bundle.json'));
  }, null, 60000);
}

test('a kiosk whose browser starts with the network down shows its last content', async () => {
  let { context, page } = await browse(url('?kiosk=1&lang=en'));
  await waitState(page, 'ready');
  await cached(page);
  await context.close();
  await stopServer();
  ({ context, page } = await browse(url('?kiosk=1&lang=en')));
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission and activity of the Ministry of Defence');
  assert.deepEqual(page.errors, []);
  await context.close();
  await startServer();
});

test('a new deploy: the open page keeps working; the next start uses the new files only, even offline', async () => {
  let { context, page } = await browse(url('?lang=en'));
  await waitState(page, 'ready');
  await cached(page);
  const oldBoot = await page.$eval('script[src*="boot."]', (s) => s.getAttribute('src'));
  // Deploy: the same program with a changed style sheet (a new hashed name, a new worker).
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-web-'));
  fs.cpSync(path.join(repo, 'web'), web, { recursive: true });
  fs.appendFileSync(path.join(web, 'app.css'), '\n/* deploy 2 */\n');
  const link = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-link-'));  // where the build writes boot.js
  fs.cpSync(path.join(repo, 'build/web-cmake/web-link'), link, { recursive: true });
  fs.appendFileSync(path.join(link, 'boot.js'), '\n// deploy 2\n');
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-deploy-'));
  for (const f of fs.readdirSync(webRoot)) if (!/^(index\.html|sw\.js|app\.|boot\.|render_worker\.)/.test(f)) fs.symlinkSync(path.join(webRoot, f), path.join(site, f));
  execFileSync('/usr/bin/python3', [path.join(repo, 'cmake/hash_site.py'), web, link, site]);
  for (const f of ['index.html', 'sw.js']) { fs.rmSync(path.join(root, f)); fs.copyFileSync(path.join(site, f), path.join(root, f)); }
  for (const f of fs.readdirSync(site)) if (/^(app|boot|render_worker)\./.test(f)) fs.copyFileSync(path.join(site, f), path.join(root, f));
  const newBoot = fs.readdirSync(site).find((f) => /^boot\.[0-9a-f]{10}\.js$/.test(f));
  assert.notEqual(newBoot, oldBoot);
  // the open page goes on (navigating in it), the new worker installs beside the old one
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await waitAsync(page, async (boot) => {
    const names = await caches.keys();
    return names.filter((n) => n.startsWith('modv-app-')).length === 1 && !!(await caches.match(boot));
  }, newBoot, 60000);
  // the open page goes on with what it has: navigating, downloading, drawing
  await page.evaluate(() => { location.hash = '#/news'; });
  await waitMirror(page, 'h1', 'News');
  await page.evaluate(() => { location.hash = '#/directives'; });
  await waitMirror(page, 'h1', 'Directives');
  assert.equal(await page.$eval('script[src*="boot."]', (s) => s.getAttribute('src')), oldBoot, 'the open page stays on its deploy');
  await context.close();
  await stopServer();
  // the next start, offline: the new deploy, whole
  ({ context, page } = await browse(url('?lang=en')));
  await waitState(page, 'ready');
  assert.equal(await page.$eval('script[src*="boot."]', (s) => s.getAttribute('src')), newBoot);
  const names = await page.evaluate(() => caches.keys());
  assert.equal(names.filter((n) => n.startsWith('modv-app-')).length, 1, `old caches deleted: ${names}`);
  assert.deepEqual(page.errors, []);
  await context.close();
  await startServer();
  fs.rmSync(web, { recursive: true, force: true });
  fs.rmSync(site, { recursive: true, force: true });
});

test('a broken bundle that arrives online is not kept: the next start offline shows the last good content', async () => {
  let { context, page } = await browse(url('?lang=en'));
  await waitState(page, 'ready');
  await cached(page);
  const good = await kept(page, 'bundle.json');
  assert.equal(good, fs.readFileSync(path.join(webRoot, 'bundle.json'), 'utf8'), 'the bytes served are kept, as served');
  // A half-published bundle, served whole with HTTP 200: the page shows why, the cache keeps the good one.
  const bundle = path.join(root, 'bundle.json');
  fs.rmSync(bundle);
  fs.writeFileSync(bundle, good.slice(0, good.length >> 1));
  try {
    await page.reload();
    await waitState(page, 'error');
    await page.waitForTimeout(500);  // a write into the cache would have begun by now
    assert.equal(await kept(page, 'bundle.json'), good,
                 'the last good bundle is still the one kept');
    await context.close();
    await stopServer();
    ({ context, page } = await browse(url('?lang=en')));
    await waitState(page, 'ready');
    await waitMirror(page, 'h1', 'Mission and activity of the Ministry of Defence');
    assert.deepEqual(page.errors, []);
    await context.close();
  } finally {
    fs.rmSync(bundle);
    fs.symlinkSync(path.join(webRoot, 'bundle.json'), bundle);
    if (!server.listening) await startServer();
  }
});

test('a kiosk keeps every image its content may show, so that it starts offline with them', async () => {
  const kiosk = url('?kiosk=1&lang=en&bundle=fixtures/bilingual.json');
  let { context, page } = await browse(kiosk);
  await waitState(page, 'ready');
  // No item was opened: the image is kept all the same.
  await waitKept(page, 'fixtures/images/museum.png');
  await waitKept(page, 'fixtures/bilingual.json');
  assert.equal(await kept(page, 'fixtures/bilingual.json'),
               fs.readFileSync(path.join(repo, 'tests/fixtures/bilingual.json'), 'utf8'), 'the bundle is kept as served');
  await context.close();
  await stopServer();
  try {
    ({ context, page } = await browse(kiosk));
    await waitState(page, 'ready');
    await waitMirror(page, 'h1', 'Mission of the Ministry');
    const image = await page.evaluate(async () => {
      const r = await fetch('fixtures/images/museum.png');  // as the viewer asks for it: through the worker
      return { ok: r.ok, type: r.headers.get('Content-Type'), bytes: (await r.arrayBuffer()).byteLength };
    });
    assert.deepEqual(image, { ok: true, type: 'image/png', bytes: fs.statSync(path.join(repo, 'tests/fixtures/images/museum.png')).size });
    assert.deepEqual(page.errors, []);
    await context.close();
  } finally {
    await startServer();
  }
});

// A kiosk on a published site keeps its manifest and every file it names (headline and full
// shards, the id index, the search index); a new manifest's files replace the old ones it no
// longer names; it starts offline with the last content, and opens items and searches there.
test('a kiosk on a published archive keeps every file of it, and starts and goes on offline with them', async () => {
  const dir = path.join(root, 'generated', 'archive');
  const first = publishArchive(dir, { news: 60, directives: 4 });
  const newest = first.items[0];
  const kiosk = url('?kiosk=1&reload=10&lang=sq&bundle=generated/archive/content/manifest.json#/news');
  const shards = (m) => {
    const p = m.published;
    return [p.tables, ...p.news.headlines, ...p.directives.headlines, ...p.news.full, ...p.directives.full, ...p.ids,
            ...p.search.flatMap((l) => l.chunks)].map((f) => `generated/archive/content/${f.file}`);
  };
  const allKept = (page, files) => waitAsync(page, async (fs) => {
    const registration = await navigator.serviceWorker.getRegistration();
    const cache = await caches.open('modv-content');
    for (const f of fs) if (!(await cache.match(f))) return false;
    return registration?.active?.state === 'activated';
  }, files, 60000);
  let { context, page } = await browse(kiosk);
  await waitState(page, 'ready');
  await waitMirror(page, 'main', newest.title.sq);
  await allKept(page, ['generated/archive/content/manifest.json', ...shards(first.manifest)]);
  // When each kept file was fetched (its response's Date): the parts an edit leaves as they were
  // are kept through it, not dropped and fetched again.
  const fetchedAt = (files) => page.evaluate(async (fs) => {
    const cache = await caches.open('modv-content');
    return Promise.all(fs.map(async (f) => (await cache.match(f))?.headers.get('date') || null));
  }, files);
  const before = await fetchedAt(shards(first.manifest));
  await new Promise((r) => setTimeout(r, 1100));  // a Date of its own for anything fetched again
  // An edit is published (shards first, then the manifest): taken, kept, the stale shards gone.
  const next = publishArchive(path.join(root, 'generated', 'next'), { news: 60, directives: 4,
    edit: (b) => { b.news.find((n) => n.id === newest.id).title.sq = 'Titulli i ri'; } });
  const from = path.join(root, 'generated', 'next', 'content');
  for (const f of fs.readdirSync(from)) if (f !== 'manifest.json') fs.copyFileSync(path.join(from, f), path.join(dir, 'content', f));
  fs.copyFileSync(path.join(from, 'manifest.json'), path.join(dir, 'content', 'manifest.json'));
  await waitMirror(page, 'main', 'Titulli i ri', 40000);
  await allKept(page, shards(next.manifest));
  const unchanged = shards(first.manifest).filter((f) => shards(next.manifest).includes(f));
  assert.ok(unchanged.length >= 3, `${unchanged.length} parts unchanged by the edit`);
  assert.deepEqual(await fetchedAt(unchanged), unchanged.map((f) => before[shards(first.manifest).indexOf(f)]));
  const stale = shards(first.manifest).filter((f) => !shards(next.manifest).includes(f));
  assert.ok(stale.length >= 1, 'the edit changed a headline shard');
  await waitAsync(page, async (fs) => {
    const cache = await caches.open('modv-content');
    for (const f of fs) if (await cache.match(f)) return false;
    return true;
  }, stale, 30000);
  await context.close();
  await stopServer();
  ({ context, page } = await browse(kiosk));
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'Titulli i ri');
  assert.ok(!(await page.textContent('#mirror main')).includes('nuk mund të ngarkohet'), 'no part failed');
  // Still offline: an item's screen (its full shard) and a search (the index, then the hits).
  await page.evaluate((id) => { location.hash = '#/news/' + id; }, newest.id);
  await waitMirror(page, 'main', newest.body.sq.slice(0, 30));
  await page.evaluate(() => { location.hash = '#/search?q=berzhite'; });
  await waitMirror(page, 'main', `Rezultate për “berzhite”: ${first.berzhite}`);
  assert.ok(!(await page.textContent('#mirror main')).includes('nuk mund të ngarkohet'), 'no part failed');
  assert.deepEqual(page.errors, []);
  await context.close();
});
