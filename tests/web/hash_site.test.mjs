// cmake/hash_site.py, which gives the site's program and style files content-hashed names: a
// name is its file's SHA-256, a change of content is a change of name, the old copies and the
// unhashed names go, index.html names the current files, and an unchanged file is left as it is
// (so precompression does not redo it). Runs the script on small files in a temporary folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repo, HASHED_FILES, hashedName } from './harness.mjs';

let dir, web, link, site;
const sha10 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10);
const run = () => execFileSync('/usr/bin/python3', [path.join(repo, 'cmake/hash_site.py'), web, link, site], { encoding: 'utf8', stdio: 'pipe' });
const write = (file, text) => fs.writeFileSync(file, text);
const html = () => fs.readFileSync(path.join(site, 'index.html'), 'utf8');

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-hash-'));
  [web, link, site] = ['web', 'link', 'site'].map((d) => path.join(dir, d));
  for (const d of [web, link, site]) fs.mkdirSync(d);
  // web/index.html itself, so the test follows the real template.
  fs.copyFileSync(path.join(repo, 'web/index.html'), path.join(web, 'index.html'));
  fs.copyFileSync(path.join(repo, 'web/sw.js'), path.join(web, 'sw.js'));
  write(path.join(web, 'app.css'), 'body { margin: 0 }\n');
  write(path.join(link, 'boot.js'), '// boot\n');  // esbuild writes both beside the program (cmake/web.cmake)
  write(path.join(link, 'render_worker.js'), '// render worker\n');
  for (const ext of ['js', 'wasm']) write(path.join(link, `mod-viewer.${ext}`), `mod-viewer ${ext} 1\n`);
  write(path.join(link, 'fonts.ttc'), 'fonts 1\n');
  // What a build before hashing left in the site, and an editor's bundle that must stay.
  for (const f of HASHED_FILES) write(path.join(site, f), 'stale\n');
  write(path.join(site, 'bundle.json'), '{}\n');
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('each name is its content\'s hash, index.html names them, unhashed copies go', () => {
  run();
  for (const f of HASHED_FILES) {
    const name = hashedName(f, site);
    const bytes = fs.readFileSync(path.join(site, name));
    assert.ok(bytes.equals(fs.readFileSync(path.join(f === 'app.css' ? web : link, f))), `${name}: the same bytes`);
    assert.equal(name, f.replace(/\.(\w+)$/, `.${sha10(bytes)}.$1`), `${f}: named by the first 10 hex of its SHA-256`);
    assert.ok(html().includes(`"${name}"`), `index.html names ${name}`);
    assert.ok(!html().includes(`"${f}"`), `index.html no longer names ${f}`);
    assert.ok(!fs.existsSync(path.join(site, f)), `the unhashed ${f} is gone`);
  }
  assert.match(html(), /<script src="boot\.[0-9a-f]{10}\.js" data-program="mod-viewer\.[0-9a-f]{10}\.js" data-wasm="mod-viewer\.[0-9a-f]{10}\.wasm" data-fonts="fonts\.[0-9a-f]{10}\.ttc" data-renderer="render_worker\.[0-9a-f]{10}\.js" data-root="" async>/);
  assert.ok(fs.existsSync(path.join(site, 'bundle.json')), 'other files are left alone');
});

test('a change of content is a change of name; the old copy goes, unchanged files stay untouched', () => {
  run();
  const before = Object.fromEntries(HASHED_FILES.map((f) => [f, hashedName(f, site)]));
  const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600e3);  // whole seconds: exact in every file system
  for (const name of Object.values(before)) fs.utimesSync(path.join(site, name), past, past);
  write(path.join(link, 'mod-viewer.wasm'), 'mod-viewer wasm 2\n');
  write(path.join(web, 'app.css'), 'body { margin: 1px }\n');
  run();
  for (const f of HASHED_FILES) {
    const now = hashedName(f, site);  // exactly one: the old copy is gone
    if (f === 'mod-viewer.wasm' || f === 'app.css') {
      assert.notEqual(now, before[f], `${f}: new content, new name`);
      assert.ok(!fs.existsSync(path.join(site, before[f])), `${before[f]}: removed`);
      assert.ok(!html().includes(before[f]), `index.html no longer names ${before[f]}`);
    } else {
      assert.equal(now, before[f], `${f}: same content, same name`);
      assert.equal(Math.round(fs.statSync(path.join(site, now)).mtimeMs), past.getTime(), `${now}: not rewritten`);
    }
    assert.ok(html().includes(`"${now}"`), `index.html names ${now}`);
  }
});

test('a template that does not name a file fails the build instead of shipping a stale reference', () => {
  write(path.join(web, 'index.html'), '<link rel="stylesheet" href="app.css"><script src="boot.js"></script>\n');
  assert.throws(run, (e) => /has no quoted reference to "render_worker\.js"/.test(e.stderr));
});

test('the service worker lists exactly the current files, and a new deploy is a new version', () => {
  fs.copyFileSync(path.join(repo, 'web/index.html'), path.join(web, 'index.html'));  // the test above broke it
  run();
  const worker = () => fs.readFileSync(path.join(site, 'sw.js'), 'utf8');
  const listed = JSON.parse(worker().match(/^const PRECACHE = (\[.*\]);/m)[1]);
  assert.deepEqual(listed, HASHED_FILES.map((f) => hashedName(f, site)).sort());
  // And answers each of them from its own cache, as a file that never changes (its HASHED
  // pattern): a name it does not know would wait for the network first, the fonts included.
  const hashed = new RegExp(worker().match(/^const HASHED = \/(.*)\/;/m)[1]);
  for (const name of listed) assert.match(name, hashed, `${name}: the service worker's HASHED`);
  const version = worker().match(/^const VERSION = '([0-9a-f]{10})';/m)[1];
  write(path.join(web, 'app.css'), 'body { margin: 2px }\n');
  run();
  assert.notEqual(worker().match(/^const VERSION = '([0-9a-f]{10})';/m)[1], version);
  assert.ok(worker().includes(hashedName('app.css', site)));
});

// The C++/JS boundary is declared once (web_bridge.h, MODV_EXPORTS): cmake/check_bridge.py makes
// emcc's export list from it and fails the build when lib_app.js calls something else.
test('the export list comes from web_bridge.h, and a lib_app.js that strays from it or from the page\'s modules fails the build', () => {
  const check = (lib) => execFileSync('/usr/bin/python3', [path.join(repo, 'cmake/check_bridge.py'),
                                                             path.join(repo, 'src/platform/web_bridge.h'), lib,
                                                             path.join(repo, 'web/page/main.mjs')],
                                      { encoding: 'utf8', stdio: 'pipe' });
  const real = path.join(repo, 'web/lib_app.js');
  const list = check(real).split(',');
  assert.deepEqual(list.slice(0, 3), ['_main', '_malloc', '_free']);
  assert.ok(list.includes('_app_on_bundle') && list.includes('_app_on_reading_mode'), list.join(' '));
  const stray = path.join(dir, 'lib_app.js');
  write(stray, fs.readFileSync(real, 'utf8').replace('_app_wake(p)', '_app_wake_up(p)'));
  assert.throws(() => check(stray), /not in MODV_EXPORTS.*app_wake_up/s);
  write(stray, fs.readFileSync(real, 'utf8') + "\nModule['_app_on_back'](0);\n");
  assert.throws(() => check(stray), /by name/);
  // The page's side: a call to something a module does not export, or to a module main.mjs
  // does not gather.
  write(stray, fs.readFileSync(real, 'utf8').replace('MODV.mirror.hideSearch()', 'MODV.mirror.hideField()'));
  assert.throws(() => check(stray), /MODV\.mirror\.hideField.*mirror_dom\.mjs does not export/s);
  write(stray, fs.readFileSync(real, 'utf8').replace('MODV.mirror.hideSearch()', 'MODV.screen.hideSearch()'));
  assert.throws(() => check(stray), /MODV\.screen.*does not gather/s);
});
