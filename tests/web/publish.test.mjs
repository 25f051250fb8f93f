// scripts/publish: any bundle becomes a complete deployable site in a folder of its own (the app,
// the bundle with the images it names, the content in shards, a page per screen, feeds,
// precompressed copies), which starts in Chromium with that bundle's content; publishing again
// into the same folder leaves no file of an earlier deploy or of an item that is gone; a publish
// killed halfway leaves the earlier manifest with its parts, and the next one completes it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { repo, webRoot, launchChromium, openPage, waitState, waitMirror, HASHED_FILES, hashedName } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { readManifest, publishArchive, manifestFiles } from './published_site.mjs';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-publish-'));
let server, browser;
after(async () => { await browser?.close(); server?.close(); fs.rmSync(out, { recursive: true, force: true }); });

const publish = (bundle, ...args) => execFileSync(path.join(repo, 'scripts/publish'), ['--no-build', bundle, path.relative(os.tmpdir(), out), ...args],
                                                    { cwd: os.tmpdir(), stdio: 'pipe' });

test('scripts/publish writes a whole site for any bundle, and a second publish leaves nothing stale', async () => {
  const bundle = path.join(repo, 'tests/fixtures/bilingual.json');
  // A folder that held an earlier deploy: its program and an item that is no longer published.
  fs.mkdirSync(path.join(out, 'en/news/withdrawn'), { recursive: true });
  fs.writeFileSync(path.join(out, 'en/news/withdrawn/index.html'), 'old');
  fs.writeFileSync(path.join(out, 'en/feed.atom'), 'old');
  fs.writeFileSync(path.join(out, 'mod-viewer.0123456789.wasm'), 'old');
  fs.writeFileSync(path.join(out, 'mod-viewer.0123456789.wasm.br'), 'old');
  fs.mkdirSync(path.join(out, 'content'));
  fs.writeFileSync(path.join(out, 'content/news-0123456789abcdef.json'), 'an earlier deploy\'s shard');
  fs.writeFileSync(path.join(out, 'content/news-0123456789abcdef.json.br'), 'old');
  publish(bundle, '--base-url', 'https://mod.example.al');

  // The content published in shards: the manifest names each file by its bytes' hash, with its
  // compressed copies; nothing of the earlier deploy is left.
  const manifest = readManifest(path.join(out, 'content'));
  const named = new Set(manifestFiles(manifest));
  assert.equal(manifest.published.news.count, JSON.parse(fs.readFileSync(bundle, 'utf8')).news.length);
  assert.deepEqual(new Set(fs.readdirSync(path.join(out, 'content')).filter((f) => f.endsWith('.json'))), named);
  for (const f of named) {
    for (const z of ['.gz', '.br']) assert.ok(fs.existsSync(path.join(out, 'content', f + z)), `content/${f}${z}`);
    const m = /-([0-9a-f]{16})\.json$/.exec(f);
    if (m) assert.equal(execFileSync(path.join(repo, 'build/native/mod-bundle'), ['hash', path.join(out, 'content', f)]).toString().trim(), m[1], f);
  }

  for (const f of HASHED_FILES) {
    const name = hashedName(f, out);
    assert.deepEqual(fs.readFileSync(path.join(out, name)), fs.readFileSync(path.join(webRoot, name)), name);
    for (const z of ['.gz', '.br']) assert.ok(fs.existsSync(path.join(out, name + z)), `${name}${z}`);
  }
  assert.ok(!fs.existsSync(path.join(out, 'mod-viewer.0123456789.wasm')), 'the earlier deploy\'s program is gone');
  assert.ok(!fs.existsSync(path.join(out, 'mod-viewer.0123456789.wasm.br')));
  assert.ok(!fs.existsSync(path.join(out, 'en/news/withdrawn')), 'the page of an item that is gone is gone');
  assert.deepEqual(fs.readFileSync(path.join(out, 'bundle.json')), fs.readFileSync(bundle));
  assert.deepEqual(fs.readFileSync(path.join(out, 'images/museum.png')), fs.readFileSync(path.join(repo, 'tests/fixtures/images/museum.png')),
                   'the image the bundle names, beside it');
  const sw = fs.readFileSync(path.join(out, 'sw.js'), 'utf8');
  assert.match(sw, new RegExp(hashedName('mod-viewer.wasm', out).replace(/\./g, '\\.')), 'the worker lists this deploy');
  for (const page of ['index.html', 'en/index.html', 'sq/news/index.html', 'en/news/museum-berzhite/index.html',
                      'en/directives/strategy-2024/index.html', 'sitemap.xml', 'robots.txt', 'en/feed.atom', 'sq/feed.atom'])
    assert.ok(fs.existsSync(path.join(out, page)) && fs.existsSync(path.join(out, page + '.gz')), page);
  const item = fs.readFileSync(path.join(out, 'en/news/museum-berzhite/index.html'), 'utf8');
  assert.match(item, /<link rel="canonical" href="https:\/\/mod\.example\.al\/en\/news\/museum-berzhite\/">/);
  assert.match(item, /<meta property="og:image" content="https:\/\/mod\.example\.al\/images\/museum\.png">/);
  assert.doesNotMatch(fs.readFileSync(path.join(out, 'en/feed.atom'), 'utf8'), /^old$/);

  // The published folder is a site: its own front page starts the viewer with this bundle.
  server = await serve(out, 0);
  browser = await launchChromium();
  const page = await openPage(browser, `http://127.0.0.1:${server.address().port}/en/news/museum-berzhite/`);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'The museum in Bërzhitë');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('scripts/publish --reads shards: the site\'s pages start the viewer from the published content', async () => {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-publish-shards-'));
  let server2;
  try {
    execFileSync(path.join(repo, 'scripts/publish'), ['--no-build', path.join(repo, 'tests/fixtures/bilingual.json'), target,
                                                       '--base-url', 'https://mod.example.al', '--reads', 'shards'], { stdio: 'pipe' });
    const item = fs.readFileSync(path.join(target, 'en/news/museum-berzhite/index.html'), 'utf8');
    assert.match(item, /data-content="content\/manifest\.json"/);
    // A small bundle, left to decide (auto): its one bundle.json (the first publish of this suite).
    assert.doesNotMatch(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), /data-content=/);
    server2 = await serve(target, 0);
    browser = browser || await launchChromium();
    const page = await openPage(browser, null);
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`http://127.0.0.1:${server2.address().port}/en/news/museum-berzhite/`);
    await waitState(page, 'ready');
    await waitMirror(page, 'h1', 'The museum in Bërzhitë');
    assert.ok(asked.includes('/content/manifest.json'), asked.join(' '));
    assert.ok(!asked.includes('/bundle.json'), 'the one bundle is not read');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    server2?.close();
    fs.rmSync(target, { recursive: true, force: true });
  }
});

test('scripts/publish again after one title changed writes and compresses only the files that changed', () => {
  // The fixture's bundle beside its image and document, in a folder of its own, to be edited.
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-republish-src-'));
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-republish-'));
  try {
    for (const dir of ['images', 'docs']) fs.cpSync(path.join(repo, 'tests/fixtures', dir), path.join(source, dir), { recursive: true });
    const text = fs.readFileSync(path.join(repo, 'tests/fixtures/bilingual.json'), 'utf8');
    const bundle = path.join(source, 'bundle.json');
    fs.writeFileSync(bundle, text);
    execFileSync(path.join(repo, 'scripts/publish'), ['--no-build', bundle, target, '--base-url', 'https://mod.example.al'], { stdio: 'pipe' });
    const times = () => new Map(fs.readdirSync(target, { recursive: true }).filter((f) => fs.statSync(path.join(target, f)).isFile())
      .map((f) => [f, fs.statSync(path.join(target, f), { bigint: true }).mtimeNs]));
    // A compressed copy lost (a publish stopped half way): the next publish makes it again.
    fs.rmSync(path.join(target, 'sq/directives/strategy-2024/index.html.br'));
    const before = times();

    fs.writeFileSync(bundle, text.replace('"en": "The museum in Bërzhitë: ', '"en": "The new museum in Bërzhitë: '));
    const result = spawnSync(path.join(repo, 'scripts/publish'), ['--no-build', bundle, target, '--base-url', 'https://mod.example.al'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const written = Number(/(\d+) files written/.exec(result.stderr)?.[1]);
    assert.ok(written > 0 && written < 20, result.stderr);
    const after = times();
    const changed = [...after.keys()].filter((f) => before.get(f) !== after.get(f)).sort();
    // The item's English page and its copies changed, and the page of a directive did not.
    const page = 'en/news/museum-berzhite/index.html';
    for (const f of [page, page + '.gz', page + '.br']) assert.ok(changed.includes(f), `${f} was written again`);
    const html = fs.readFileSync(path.join(target, page));
    assert.match(String(html), /The new museum in Bërzhitë/);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(target, page + '.gz'))), html, 'its .gz is the new page');
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(target, page + '.br'))), html, 'its .br is the new page');
    for (const f of ['en/directives/strategy-2024/index.html', 'en/directives/strategy-2024/index.html.gz',
                     'en/directives/strategy-2024/index.html.br', 'sq/index.html', 'sq/index.html.br'])
      assert.equal(after.get(f), before.get(f), `${f} was left as it was`);
    assert.ok(fs.existsSync(path.join(target, 'sq/directives/strategy-2024/index.html.br')), 'the lost copy is made again');
    // Every file written has fresh copies; nothing else was touched beyond them.
    for (const f of changed.filter((f) => /\.(html|json|xml|atom|txt)$/.test(f)))
      for (const z of ['.gz', '.br']) assert.ok(changed.includes(f + z) || !fs.existsSync(path.join(target, f + z)), `${f}${z}`);
    assert.ok(changed.length < 3 * 20, changed.join(' '));
  } finally {
    fs.rmSync(source, { recursive: true, force: true });
    fs.rmSync(target, { recursive: true, force: true });
  }
});

test('a publish killed halfway leaves the earlier manifest with every part it names, and the next one completes it', async () => {
  const earlier = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-killed-a-'));
  const later = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-killed-b-'));
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-killed-'));
  const publishInto = (dir) => execFileSync(path.join(repo, 'scripts/publish'), ['--no-build', path.join(dir, 'bundle.json'), target], { stdio: 'pipe' });
  // Every file the manifest names, and that they are all there.
  const named = () => {
    const m = readManifest(path.join(target, 'content'));
    return { count: m.published.news.count, missing: manifestFiles(m).filter((f) => !fs.existsSync(path.join(target, 'content', f))) };
  };
  try {
    publishArchive(earlier, { news: 300, directives: 10 });
    publishArchive(later, { news: 3000, directives: 10, edit: (b) => { for (const n of b.news) n.title.sq += ' (rishikuar)'; } });
    publishInto(earlier);
    assert.deepEqual(named(), { count: 300, missing: [] });
    // The next publish, killed (with its mod-bundle) once it has written a page the earlier site had not.
    const run = spawn(path.join(repo, 'scripts/publish'), ['--no-build', path.join(later, 'bundle.json'), target], { detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => run.on('exit', resolve));
    const mark = path.join(target, 'sq/news/n800/index.html');
    for (let i = 0; i < 3000 && !fs.existsSync(mark); i++) await new Promise((r) => setTimeout(r, 5));
    process.kill(-run.pid, 'SIGKILL');
    await exited;
    assert.ok(fs.existsSync(mark), 'the publish was under way');
    // The manifest is the earlier one (the new one is written last of all), every part it names
    // is there, and so are the earlier site's pages.
    assert.deepEqual(named(), { count: 300, missing: [] });
    for (const k of [0, 150, 299]) for (const lang of ['sq', 'en']) assert.ok(fs.existsSync(path.join(target, lang, 'news', `n${k}`, 'index.html')));
    // The next publish completes it: the new content, its pages, and nothing half written left.
    publishInto(later);
    assert.deepEqual(named(), { count: 3000, missing: [] });
    assert.match(fs.readFileSync(path.join(target, 'sq/news/n2999/index.html'), 'utf8'), /\(rishikuar\)/);
    const stray = fs.readdirSync(target, { recursive: true }).filter((f) => f.endsWith('.new'));
    assert.deepEqual(stray, [], 'no file half written is left');
  } finally {
    for (const dir of [earlier, later, target]) fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('scripts/publish refuses a bundle that is not valid and writes nothing', () => {
  const bad = path.join(out, 'bad.json');
  fs.writeFileSync(bad, '{"format": "publication-bundle", "version": tru}');
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-publish-bad-'));
  try {
    let failed = null;
    try {
      execFileSync(path.join(repo, 'scripts/publish'), ['--no-build', bad, target], { stdio: 'pipe' });
    } catch (e) { failed = e; }
    assert.ok(failed, 'exit status not 0');
    assert.match(String(failed.stderr), /bad\.json:1:\d+: error: not valid JSON/);
    assert.match(String(failed.stderr), /nothing was written/);
    assert.deepEqual(fs.readdirSync(target), []);
  } finally {
    fs.rmSync(target, { recursive: true, force: true });
  }
});
