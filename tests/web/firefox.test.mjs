// The same app in Debian's Firefox ESR (headed under Xvfb, WebGL on llvmpipe): it reaches
// ready, routes and the canvas navigate, history works, search typing and the error screen; a
// published archive a part at a time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchFirefox, loseContext, restoreContext, mirrorTarget } from './harness.mjs';
import { publishArchive } from './published_site.mjs';
import { decodePng, inkCount } from './png.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchFirefox(); });
after(async () => { await browser?.close(); site?.close(); });

async function newPage(url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e.message || e)));
  await page.goto(url);
  return page;
}
// Waits that say what did not happen.
async function until(what, promise) {
  try { return await promise; } catch (e) { throw new Error(`${what}: ${e.message}`); }
}
const state = (page, s) => until(`data-app-state ${s}`,
  page.waitForFunction((v) => document.documentElement.dataset.appState === v, { timeout: 90000, polling: 100 }, s));
const mirror = (page, sel, text) => until(`#mirror ${sel} showing "${text}"`, page.waitForFunction(([s, t]) => {
  const el = document.querySelector('#mirror ' + s);
  return !!(el && el.textContent.includes(t));
}, { timeout: 60000, polling: 100 }, [sel, text]));
const hash = (page, h) => until(`location.hash ${h}`,
  page.waitForFunction((v) => location.hash === v, { timeout: 30000, polling: 100 }, h));
async function clickMirror(page, sel) {
  const at = await page.evaluate(mirrorTarget, sel);
  if (!at) throw new Error(`no mirror element ${sel} to click`);
  await page.mouse.click(at.x, at.y);
}

test('Firefox: ready, routes, canvas navigation, back, search, errors', async () => {
  const page = await newPage(site.base + '?lang=en');
  await state(page, 'ready');
  await mirror(page, 'h1', 'Mission and activity of the Ministry of Defence');
  assert.match(await page.$eval('#mirror', (m) => m.textContent), /ç\) Determining the priorities/);
  await clickMirror(page, 'nav a[href="#/news"]');
  await hash(page, '#/news');
  await mirror(page, 'h1', 'News');
  await clickMirror(page, 'main a[href="#/news/armed-forces-museum-berzhite"]');
  await mirror(page, 'h1', 'The Museum of Armed Forces');
  await page.goBack();
  await mirror(page, 'h1', 'News');
  await page.click('#search');
  await page.keyboard.type('berzhitx');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('e');
  await hash(page, '#/search?q=berzhite');
  await mirror(page, 'main', 'Results for “berzhite”: 1');
  assert.equal(await page.$eval('#mirror main li a', (a) => a.getAttribute('href')), '#/news/armed-forces-museum-berzhite');
  const size = await page.$eval('#canvas', (c) => [c.width, c.clientWidth * devicePixelRatio]);
  assert.equal(size[0], Math.round(size[1]));
  assert.deepEqual(page.errors, []);
  await page.close();

  // keyboard: Tab into the navigation, arrows into the list, Enter opens, Escape goes back
  const keys = await newPage(site.base + '?lang=en#/directives');
  await state(keys, 'ready');
  await mirror(keys, 'h1', 'Directives');
  await keys.keyboard.press('Tab');
  await keys.keyboard.press('Tab');
  assert.equal(await keys.evaluate(() => document.activeElement.getAttribute('href')), '#/mission');
  for (let i = 0; i < 12; i++) {
    if (await keys.evaluate(() => document.activeElement.getAttribute('href')) === '#/directives/defence-directive-2024') break;
    await keys.keyboard.press('ArrowDown');
  }
  assert.equal(await keys.evaluate(() => document.activeElement.getAttribute('href')), '#/directives/defence-directive-2024');
  await keys.keyboard.press('Enter');
  await mirror(keys, 'h1', 'Defence Directive 2024');
  await keys.keyboard.press('Escape');
  await mirror(keys, 'h1', 'Directives');
  // the language switch
  await clickMirror(keys, 'nav button');
  await mirror(keys, 'h1', 'Direktiva');
  assert.equal(await keys.evaluate(() => document.documentElement.lang), 'sq');
  await keys.close();

  const broken = await newPage(site.base + '?bundle=web-fixtures/broken.json');
  await state(broken, 'error');
  await mirror(broken, '[role=alert]', 'not valid JSON');
  await broken.close();
});

// A published archive (tests/web/published_site.mjs) in Firefox: the first screen, a year not
// loaded yet, a deep link with its text, search, back, a part that answers 404 then Try again.
test('Firefox: a published archive a part at a time', async () => {
  const archive = publishArchive(path.join(site.generated, 'archive'));
  const at = (route) => `${site.base}?bundle=generated/archive/content/manifest.json&lang=sq${route}`;
  const page = await newPage(at('#/news?year=2001'));
  await state(page, 'ready');
  await mirror(page, 'h2', '2001');
  await mirror(page, 'main', archive.items.find((n) => n.date.startsWith('2001')).title.sq);
  await page.goto(at(`#/news/${archive.oldest.id}`));
  await mirror(page, 'h1', archive.oldest.title.sq);
  await mirror(page, 'main', `Trupi i lajmit ${archive.oldest.id.slice(1)}.`);
  await page.goto(at('#/search?q=berzhite'));
  await mirror(page, 'main', `Rezultate për “berzhite”: ${archive.berzhite}`);
  await page.goBack();
  await mirror(page, 'h1', archive.oldest.title.sq);
  const item = archive.items[1];
  const ref = archive.manifest.published.news.full.find((f) => f.newest >= item.date && f.oldest <= item.date);
  const file = path.join(archive.contentDir, ref.file);
  fs.renameSync(file, file + '.away');
  try {
    await page.goto(at(`#/news/${item.id}`));
    await mirror(page, 'main', `${ref.file}: HTTP 404`);
    fs.renameSync(file + '.away', file);
    const retry = await page.evaluate(() => {
      const b = [...document.querySelectorAll('#mirror button')].find((x) => x.textContent.trim() === 'Provo përsëri');
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(retry.x, retry.y);
    await mirror(page, 'main', `Trupi i lajmit ${item.id.slice(1)}.`);
  } finally {
    if (fs.existsSync(file + '.away')) fs.renameSync(file + '.away', file);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

// In Firefox: a kiosk whose browser restarts with the server down starts from the
// service worker's cache, with its last content.
test('Firefox: a kiosk restarted with the server down shows its last content', async () => {
  const { serve } = await import('../../scripts/serve.mjs');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { makeSiteRoot } = await import('./harness.mjs');
  const root = makeSiteRoot();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-ff-kept-'));
  let server = await serve(root, 0);
  const url = `http://127.0.0.1:${server.address().port}/?kiosk=1&lang=en`;
  let kiosk = await launchFirefox({ profile });
  try {
    let page = await kiosk.newPage();
    await page.goto(url);
    await state(page, 'ready');
    await until('the service worker keeping the app and the bundle', page.waitForFunction(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const names = await caches.keys();
      return names.some((n) => n.startsWith('modv-app-')) && !!(await (await caches.open('modv-content')).match('bundle.json'));
    }, { timeout: 60000, polling: 200 }));
    await kiosk.close();
    await new Promise((r) => { server.close(() => r()); server.closeAllConnections?.(); });
    kiosk = await launchFirefox({ profile });
    page = await kiosk.newPage();
    await page.goto(url);
    await state(page, 'ready');
    await mirror(page, 'h1', 'Mission and activity');
  } finally {
    await kiosk.close();
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

// In Firefox: a WebGL context that is lost (WEBGL_lose_context.loseContext()) and
// restored (restoreContext()) is drawn again, twice over: same route, still the canvas (not
// reading mode), the heading's letters back on the canvas. The screenshot of the heading's box
// is compared with the canvas's background (its bottom-left corner); while the context is lost
// the same box is blank, so the measure sees the redraw, not an old frame. Then a loss that is
// not restored gives reading mode.
// Firefox draws through the render worker (web/render/worker.mjs): the context lost and restored
// is the worker's, asked for with its test message (puppeteer cannot evaluate in a worker), and
// boot.js tells the page as the worker tells it. Seen with Firefox ESR on llvmpipe:
// WEBGL_lose_context works there as in Chromium (the worker's webglcontextlost handler prevents
// the default, so restoreContext() is honoured); the canvas is blank while lost; an unrestored
// loss gives data-render="html" some 3 s later.
test('Firefox: a lost WebGL context that is restored draws the same screen again, twice; one not restored reads as text', async () => {
  const page = await newPage(site.base + '?lang=en#/news');
  try {
    await state(page, 'ready');
    await mirror(page, 'h1', 'News');
    const box = await page.$eval('#mirror h1', (h) => { const r = h.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
    const shot = async (clip) => decodePng(Buffer.from(await page.screenshot({ clip })));  // puppeteer gives a Uint8Array
    const background = [...(await shot({ x: 5, y: 790, width: 1, height: 1 })).px.subarray(0, 3)];
    const ink = async () => inkCount(await shot(box), background);
    const before = await ink();
    assert.ok(before > 200, `the heading is drawn before (${before} px of ink on ${background})`);
    const again = (n) => n > before / 2;
    const heapBefore = await page.evaluate(() => HEAP8.length);
    for (let i = 0; i < 2; i++) {
      await until(`context lost (${i + 1})`, loseContext(page));
      let blank = 0;
      for (const end = Date.now() + 2000; Date.now() < end && (blank = await ink()) >= 20;) await new Promise((r) => setTimeout(r, 100));
      assert.ok(blank < 20, `while lost the heading's box is blank (${blank} px of ink)`);
      await until(`context restored (${i + 1})`, restoreContext(page));
      await page.mouse.move(300 + i, 400);  // a frame
      let now = 0;
      for (const end = Date.now() + 10000; Date.now() < end && !again(now = await ink());) await new Promise((r) => setTimeout(r, 200));
      assert.ok(again(now), `the heading is drawn again after restore ${i + 1} (${now} px of ink, ${before} before)`);
    }
    // past the 3 s after which a context still lost would give reading mode
    await new Promise((r) => setTimeout(r, 3500));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.render), 'canvas', 'still drawn on the canvas');
    assert.equal(await page.evaluate(() => location.hash), '#/news', 'the route is kept');
    await mirror(page, 'h1', 'News');
    assert.ok(again(await ink()), 'the heading is still drawn');
    assert.equal(await page.evaluate(() => HEAP8.length), heapBefore, 'the program\'s memory did not grow');

    // lost and not restored: reading mode, where the visitor was, its links followed by a click
    await loseContext(page);
    await until('reading mode after a loss not restored', page.waitForFunction(() => document.documentElement.dataset.render === 'html',
                                                                               { timeout: 15000, polling: 100 }));
    await mirror(page, 'h1', 'News');
    assert.equal(await page.$eval('#mirror h1', (h) => getComputedStyle(h).position), 'static');
    await page.click('#mirror nav a[href="#/directives"]');
    await hash(page, '#/directives');
    await mirror(page, 'h1', 'Directives');
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test('Firefox: the text view on demand, with find on its text, remembered, and back to the canvas', async () => {
  const page = await newPage(site.base + '?lang=en#/news/armed-forces-museum-berzhite');
  await state(page, 'ready');
  await mirror(page, 'h1', 'The Museum of Armed Forces');
  await clickMirror(page, 'nav button[aria-pressed="false"]');
  await until('the text view', page.waitForFunction(() => document.documentElement.dataset.render === 'html', { timeout: 30000, polling: 100 }));
  await mirror(page, 'nav button[aria-pressed="true"]', 'Text view');
  assert.equal(await page.evaluate(() => window.find('unveiled its new exhibits')), true);
  await page.reload();
  await state(page, 'ready');
  await until('the text view remembered', page.waitForFunction(() => document.documentElement.dataset.render === 'html', { timeout: 30000, polling: 100 }));
  await page.click('#mirror nav button[aria-pressed="true"]');
  await until('back to the canvas', page.waitForFunction(() => document.documentElement.dataset.render === 'canvas', { timeout: 30000, polling: 100 }));
  await mirror(page, 'nav button[aria-pressed="false"]', 'Text view');
  assert.deepEqual(page.errors, []);
  await page.close();
});
