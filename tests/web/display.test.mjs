// What the visitor sees and steers besides routes and search: language choice and
// memory, themes, wheel direction and speed, no WebGL state queries per frame, reduced motion,
// filters as routes, a 4K screen, zoom, and glyphs that new content brings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchChromium, openPage, waitState, waitMirror, clickMirror, settle, pixelAt, inkIn, renderWorker,
  withoutRenderWorker } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

const h1Top = (page) => page.evaluate(() => document.querySelector('#mirror h1').getBoundingClientRect().top);

test('language: ?lang= wins, then the browser language, then the bundle first; a choice is remembered', async () => {
  let page = await openPage(browser, site.base, { locale: 'sq-AL' });
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Misioni dhe veprimtaria');
  await page.context().close();

  page = await openPage(browser, site.base + '?lang=sq', { locale: 'en-GB' });
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Misioni dhe veprimtaria');
  await page.context().close();

  page = await openPage(browser, site.base, { locale: 'de-DE' });  // the bundle has no German: its first language
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Misioni dhe veprimtaria');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sq');
  await clickMirror(page, 'nav button');  // English
  await waitMirror(page, 'h1', 'Mission and activity');
  await page.reload();
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission and activity');  // remembered
  await page.context().close();
});

test('light and dark themes follow prefers-color-scheme', async () => {
  for (const [scheme, dark] of [['light', false], ['dark', true]]) {
    const page = await openPage(browser, site.base + '#/news', { colorScheme: scheme });
    await waitState(page, 'ready');
    await waitMirror(page, 'h1', 'News');
    await settle(page);
    const [r, g, b] = await pixelAt(page, 5, 400);
    const luminance = (r + g + b) / 3;
    assert.ok(dark ? luminance < 60 : luminance > 200, `${scheme}: background ${r},${g},${b}`);
    await page.context().close();
  }
});

test('the mouse wheel scrolls down for a wheel turned down, about as far as a page would', async () => {
  // a short window, so the mission has room to scroll
  const page = await openPage(browser, site.base + '#/mission', { viewport: { width: 1000, height: 500 } });
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  await settle(page);
  const before = await h1Top(page);
  await page.mouse.move(500, 300);
  await page.mouse.wheel(0, 200);
  await settle(page);
  const moved = before - (await h1Top(page));
  assert.ok(moved > 180 && moved < 220, `content moved up ${moved} px for 200 px of wheel`);
  await page.mouse.wheel(0, -200);
  await settle(page);
  assert.ok(Math.abs((await h1Top(page)) - before) < 2, 'and back');
  await page.context().close();
});

// The renderers (web/render/worker.mjs, and src/platform/gl_renderer on the page's thread where a
// worker cannot draw) set the GL state they draw with and ask WebGL for nothing while drawing:
// each query is a synchronous round trip, and Dear ImGui's own OpenGL3 backend made ~17 a frame
// (about 1.5 ms of a 2 ms scrolled frame in Chromium).
function countGlCalls() {
  const calls = globalThis.__glCalls = { queries: 0, draws: 0 };
  const P = WebGL2RenderingContext.prototype;
  for (const name of ['getParameter', 'isEnabled', 'getError', 'getShaderParameter', 'getProgramParameter', 'getIntegerv']) {
    const f = P[name];
    if (f) P[name] = function (...a) { calls.queries++; return f.apply(this, a); };
  }
  const draw = P.drawElements;
  P.drawElements = function (...a) { calls.draws++; return draw.apply(this, a); };
}
async function scrolledFrames(page, where) {
  await page.goto(site.base + '?lang=en#/mission');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  await settle(page);
  const gl = await where();
  await gl.evaluate(() => { globalThis.__glCalls.queries = 0; globalThis.__glCalls.draws = 0; });
  const before = await h1Top(page);
  await page.mouse.move(500, 300);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 60);
  await settle(page);
  assert.ok((await h1Top(page)) < before, 'the frames drew the scrolled screen');
  const calls = await gl.evaluate(() => globalThis.__glCalls);
  assert.ok(calls.draws > 0, 'frames were drawn');
  assert.equal(calls.queries, 0, `WebGL state queries while drawing ${calls.draws} draw calls`);
}

test('drawing frames asks WebGL for no state: the render worker', async () => {
  const page = await openPage(browser, null, { viewport: { width: 1000, height: 500 } });
  await scrolledFrames(page, async () => {
    const worker = renderWorker(page);
    await worker.evaluate(countGlCalls);  // from here on: the start's own queries are not counted
    return worker;
  });
  await page.context().close();
});

// A GPU slower than the program's frames shows fewer of them, never older ones late: one frame
// is on its way to the render worker at a time (web/page/renderer_client.mjs, frame).
test('one frame at a time is on its way to the render worker, however fast frames are made', async () => {
  const page = await openPage(browser, null, { viewport: { width: 1000, height: 500 } });
  await page.addInitScript(() => {
    const flight = window.__flight = { now: 0, most: 0, frames: 0 };
    const RealWorker = window.Worker;
    window.Worker = function (...args) {
      const worker = new RealWorker(...args);
      // heard before the page's own listeners, which send the next frame at once
      worker.addEventListener('message', (e) => { if (e.data.type === 'drawn') flight.now--; });
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (m, ...rest) => {
        if (m && m.type === 'frame') {
          flight.frames++;
          flight.most = Math.max(flight.most, ++flight.now);
        }
        return post(m, ...rest);
      };
      return worker;
    };
  });
  await page.goto(site.base + '?lang=en#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  await page.mouse.move(500, 300);
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i % 10 < 5 ? 80 : -80);  // as fast as they come
  await settle(page);
  const flight = await page.evaluate(() => window.__flight);
  assert.ok(flight.frames > 5, `frames were sent (${flight.frames})`);
  assert.equal(flight.most, 1, 'frames on their way at once');
  assert.equal(flight.now, 0, 'every frame sent was drawn');
  await page.context().close();
});

test('drawing frames asks WebGL for no state: on the page\'s thread, where a worker cannot draw', async () => {
  const page = await openPage(browser, null, { viewport: { width: 1000, height: 500 } });
  await page.addInitScript(countGlCalls);
  await withoutRenderWorker(page);
  await scrolledFrames(page, async () => page);
  assert.deepEqual(page.workers(), [], 'no render worker');
  await page.context().close();
});

test('with reduced motion a flick does not coast', async () => {
  const page = await openPage(browser, site.base + '#/mission',
                              { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
                                reducedMotion: 'reduce' });
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  await settle(page);
  const atRelease = await page.evaluate(async () => {
    const canvas = document.getElementById('canvas');
    const send = (type, y) => {
      const t = new Touch({ identifier: 1, target: canvas, clientX: 180, clientY: y });
      canvas.dispatchEvent(new TouchEvent(type, { touches: type === 'touchend' ? [] : [t], changedTouches: [t], cancelable: true }));
    };
    send('touchstart', 600);
    for (let i = 1; i <= 8; i++) { await new Promise((r) => setTimeout(r, 16)); send('touchmove', 600 - i * 30); }
    send('touchend', 360);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return document.querySelector('#mirror h1').getBoundingClientRect().top;
  });
  await settle(page);
  assert.ok(Math.abs(atRelease - (await h1Top(page))) < 2, 'stopped with the finger');
  await page.context().close();
});

test('the year rail and categories filter, and each filter is a URL', async () => {
  const page = await openPage(browser, site.base + '#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'All years (7)');
  await clickMirror(page, 'main a[href="#/news?year=2023"]');
  await page.waitForFunction(() => location.hash === '#/news?year=2023', null, { timeout: 20000 });
  await waitMirror(page, 'main', '2023 (4)');
  assert.equal(await page.$$eval('#mirror main a[href^="#/news/"]', (as) => as.length), 4);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('#mirror main a[href^="#/news/"]').length === 7, null,
                             { timeout: 20000 });
  await page.evaluate(() => { location.hash = '#/directives?category=Report'; });
  await waitMirror(page, 'main', 'Report (1)');
  assert.deepEqual(await page.$$eval('#mirror main a[href^="#/directives/"]', (as) => as.map((a) => a.getAttribute('href'))),
                   ['#/directives/secretary-general-annual-report-2022']);
  await page.context().close();
});

test('a 4K screen keeps a readable measure', async () => {
  const page = await openPage(browser, site.base, { viewport: { width: 3840, height: 2160 } });
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  const p = await page.$eval('#mirror main p', (e) => e.getBoundingClientRect().toJSON());
  assert.ok(p.width <= 900, `text column ${p.width} px wide`);
  assert.ok(p.left > 1000, 'centred');
  await page.context().close();
});

test('zooming (a new device pixel ratio) re-sizes the backing store', async () => {
  const page = await openPage(browser, site.base);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  // Browser zoom changes both the ratio and the CSS size; emulate that (headless Chromium
  // sends no event for a ratio change alone; real browsers do, and the app listens for both).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 700, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => document.getElementById('canvas').width === 2000, null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.getElementById('canvas').height), 1400);
  // and the render worker's canvas, the one that shows, with it
  const shown = () => renderWorker(page).evaluate(() => [canvas.width, canvas.height]);
  for (let i = 0; i < 100 && (await shown())[0] !== 2000; i++) await page.waitForTimeout(50);
  assert.deepEqual(await shown(), [2000, 1400], 'the canvas that shows');
  // the mirror still lies over the same CSS positions
  const h1 = await page.$eval('#mirror h1', (h) => h.getBoundingClientRect().toJSON());
  assert.ok(h1.top > 60 && h1.top < 200, JSON.stringify(h1));
  await page.context().close();
});

test('text stays drawn when a late bundle or a typed search brings characters the fonts lacked', async () => {
  const dir = path.join(site.generated, 'glyphs');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({
    format: 'publication-bundle', version: 1, languages: ['en'],
    mission: { title: 'Misión Łódź Ñandú', paragraphs: [{ text: 'Übung für Straße' }] }, news: [], directives: [] }));
  const page = await openPage(browser, null);
  // Held back until the program has drawn its loading frame: the atlas is rebuilt after it.
  await page.route('**/generated/glyphs/bundle.json', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(site.base + '?lang=en&bundle=generated/glyphs/bundle.json');
  await waitState(page, 'ready', 30000);
  await waitMirror(page, 'h1', 'Misión Łódź Ñandú');
  await settle(page);
  const box = (selector) => page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
  assert.ok(await inkIn(page, await box('#mirror h1')) > 100, 'the title with the new letters is drawn');
  // A letter that neither the interface nor the bundle has, typed into the search field.
  await page.locator('#search').click();
  await page.keyboard.type('ğ');
  await waitMirror(page, 'main', '“ğ”');
  await settle(page);
  assert.ok(await inkIn(page, await box('#mirror h1')) > 50, 'the search screen\'s title is still drawn');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
