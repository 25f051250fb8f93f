// The browser experience (issue 4): language choice and memory, themes, reduced motion,
// wheel direction and speed, the bundle downloaded in parallel with the program, filters as
// routes, and a 4K screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchChromium, openPage, waitState, waitMirror, clickMirror, pixelAt, hashedName, inkIn } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

const h1Top = (page) => page.evaluate(() => document.querySelector('#mirror h1').getBoundingClientRect().top);
async function settle(page) {
  await page.evaluate(async () => {
    let last = '', same = 0;
    for (let i = 0; i < 300 && same < 5; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 16)));
      const now = String(document.querySelector('#mirror h1')?.getBoundingClientRect().top);
      same = now === last ? same + 1 : 0;
      last = now;
    }
  });
}

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

// The renderer (src/platform/gl_renderer) sets the GL state it draws with and asks WebGL for
// nothing while drawing: each query is a synchronous round trip, and Dear ImGui's own OpenGL3
// backend made ~17 a frame (about 1.5 ms of a 2 ms scrolled frame in Chromium).
test('drawing frames asks WebGL for no state', async () => {
  const page = await openPage(browser, null, { viewport: { width: 1000, height: 500 } });
  await page.addInitScript(() => {
    const calls = window.__glCalls = { queries: 0, draws: 0 };
    const P = WebGL2RenderingContext.prototype;
    for (const name of ['getParameter', 'isEnabled', 'getError', 'getShaderParameter', 'getProgramParameter', 'getIntegerv']) {
      const f = P[name];
      if (f) P[name] = function (...a) { calls.queries++; return f.apply(this, a); };
    }
    const draw = P.drawElements;
    P.drawElements = function (...a) { calls.draws++; return draw.apply(this, a); };
  });
  await page.goto(site.base + '?lang=en#/mission');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  await settle(page);
  await page.evaluate(() => { window.__glCalls.queries = 0; window.__glCalls.draws = 0; });
  const before = await h1Top(page);
  await page.mouse.move(500, 300);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 60);
  await settle(page);
  assert.ok((await h1Top(page)) < before, 'the frames drew the scrolled screen');
  const calls = await page.evaluate(() => window.__glCalls);
  assert.ok(calls.draws > 0, 'frames were drawn');
  assert.equal(calls.queries, 0, `WebGL state queries while drawing ${calls.draws} draw calls`);
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

test('the bundle downloads while the program does: all are requested before the program runs', async () => {
  const page = await openPage(browser, null);
  // Emscripten calls Module.preRun just before main(), once the wasm and the fonts are in.
  await page.addInitScript(() => {
    let module;
    Object.defineProperty(window, 'Module', {
      configurable: true,
      get: () => module,
      set: (m) => { module = m; m.preRun = [() => { window.__preRunAt = performance.now(); }]; },
    });
  });
  await page.goto(site.base);
  await waitState(page, 'ready');
  // The program's files carry their content hash in their names (cmake/hash_site.py).
  const names = { wasm: hashedName('mod-viewer.wasm'), js: hashedName('mod-viewer.js'), data: hashedName('mod-viewer.data') };
  const t = await page.evaluate((names) => {
    const start = (name) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === name)?.startTime;
    return { bundle: start('/bundle.json'), wasm: start('/' + names.wasm), js: start('/' + names.js),
             data: start('/' + names.data), run: window.__preRunAt };
  }, names);
  for (const k of ['bundle', 'wasm', 'js', 'data']) assert.ok(t[k] >= 0 && t[k] < t.run, JSON.stringify(t));
  // The program draws with the WebGL context boot.js made while the files downloaded.
  assert.ok(await page.evaluate(() => !!Module.ctx && Module.ctx === Module.preinitializedWebGLContext),
            'GLFW uses the early context');
  for (const f of Object.values(names))
    assert.ok(await page.$(`link[rel=preload][href="${f}"]`), `${f} is preloaded from the HTML`);
  await page.context().close();
});

// boot.js compiles the program as it downloads (WebAssembly.compileStreaming) and gives it to
// Emscripten (Module.instantiateWasm): fetched once, and a server that sends the wasm under
// another type than application/wasm still gets the program started, by the slower way.
test('the program is compiled as it downloads, once, and starts even with a wrong wasm type', async () => {
  const wasm = hashedName('mod-viewer.wasm');
  const page = await openPage(browser, null);
  const requests = [];
  page.on('request', (r) => { if (r.url().endsWith('/' + wasm)) requests.push(r.url()); });
  await page.goto(site.base + '?lang=en');
  await waitState(page, 'ready');
  assert.equal(requests.length, 1, 'the preloaded wasm is the one compiled: one download');
  assert.ok(await page.evaluate(() => typeof Module.instantiateWasm === 'function'));
  await page.context().close();

  const wrong = await openPage(browser, null);
  await wrong.route('**/' + wasm, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await wrong.goto(site.base + '?lang=en');
  await waitState(wrong, 'ready');
  await waitMirror(wrong, 'h1', 'Mission');
  await wrong.context().close();
});

// Records, from the page's first script on, every size given to the canvas after its WebGL
// context exists, and the start of each text the mirror publishes, in order.
function recordStart() {
  window.__resized = [];
  window.__published = [];
  const proto = HTMLCanvasElement.prototype;
  for (const prop of ['width', 'height']) {
    const d = Object.getOwnPropertyDescriptor(proto, prop);
    Object.defineProperty(proto, prop, { configurable: true, get() { return d.get.call(this); }, set(v) {
      if (this.id === 'canvas' && window.Module?.preinitializedWebGLContext) window.__resized.push(prop + '=' + v);
      d.set.call(this, v);
    } });
  }
  // The whole document from the start: the program may publish before DOMContentLoaded.
  new MutationObserver(() => {
    const text = document.getElementById('mirror')?.textContent.trim().slice(0, 80);
    if (text && window.__published.at(-1) !== text) window.__published.push(text);
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

test('start-up: the drawing buffer is made once, at its size; a prompt bundle is the first frame', async () => {
  const page = await openPage(browser, null, { deviceScaleFactor: 1.5 });
  await page.addInitScript(recordStart);
  await page.goto(site.base + '?lang=en');
  await waitState(page, 'ready');
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, resized: window.__resized, published: window.__published };
  });
  assert.deepEqual([canvas.w, canvas.h], [1800, 1200], 'CSS size x device pixel ratio');
  assert.deepEqual(canvas.resized, [], 'no size given to the canvas after its context was made');
  // The bundle came while the program started: no "Loading" frame was drawn before the content.
  assert.match(canvas.published[0], /Mission/, JSON.stringify(canvas.published));
  assert.doesNotMatch(canvas.published.join(' | '), /Loading/);
  await page.context().close();
});

// boot.js runs from <head> as soon as it arrives; the canvas and the program wait for the body
// and the style sheet (the canvas's size comes from it). A style sheet that never comes does
// not keep the viewer from starting.
test('start-up: a late style sheet still gives the canvas its size; a missing one does not stop the viewer', async () => {
  const css = hashedName('app.css');
  const late = await openPage(browser, null);
  await late.addInitScript(recordStart);
  await late.route('**/' + css, async (route) => { await new Promise((r) => setTimeout(r, 800)); await route.continue(); });
  await late.goto(site.base + '?lang=en');
  await waitState(late, 'ready');
  const c = await late.evaluate(() => ({ w: document.getElementById('canvas').width, resized: window.__resized }));
  assert.equal(c.w, 1200, 'sized with the style sheet applied (100vw)');
  assert.deepEqual(c.resized, []);
  await late.context().close();

  // Missing, and failed before boot.js even ran (then no event will come for it).
  for (const bootDelay of [0, 600]) {
    const missing = await openPage(browser, null);
    await missing.route('**/' + css, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await missing.route('**/' + hashedName('boot.js'), async (route) => {
      await new Promise((r) => setTimeout(r, bootDelay));
      await route.continue();
    });
    await missing.goto(site.base + '?lang=en');
    await waitState(missing, 'ready');
    await waitMirror(missing, 'h1', 'Mission');
    await missing.context().close();
  }
});

test('start-up: a bundle that is slow to come gets a loading frame first, then the content', async () => {
  const page = await openPage(browser, null);
  await page.addInitScript(recordStart);
  await page.route('**/bundle.json', async (route) => { await new Promise((r) => setTimeout(r, 2500)); await route.continue(); });
  await page.goto(site.base + '?lang=en');
  await waitState(page, 'ready', 30000);
  await waitMirror(page, 'h1', 'Mission');
  const published = await page.evaluate(() => window.__published);
  assert.match(published[0], /^Loading/, 'the loading screen was published while the bundle downloaded: ' + JSON.stringify(published));
  assert.match(published.at(-1), /Mission/);
  await page.context().close();
});

// The bundle's body read as it comes: with its size announced, into the program's memory once
// the program runs (boot.js readBody, MODV.makeRoom); without, into a growing array. Either
// way the whole text arrives, in order, and the bar follows the download when it can.
function slowBundle(announce) {
  const real = window.fetch;
  window.fetch = async (input, init) => {
    if (!String(input).includes('bundle.json')) return real(input, init);
    const bytes = new Uint8Array(await (await real(input, init)).arrayBuffer());
    const pieces = 9, step = Math.ceil(bytes.length / pieces);
    const body = new ReadableStream({ async start(c) {
      for (let at = 0; at < bytes.length; at += step) {
        await new Promise((r) => setTimeout(r, 120));
        c.enqueue(bytes.slice(at, at + step));
      }
      c.close();
    } });
    const headers = { 'Content-Type': 'application/json' };
    if (announce) headers['Content-Length'] = String(bytes.length);
    return new Response(body, { headers });
  };
}

test('a bundle that comes in pieces while the program starts is read whole, with or without its size', async () => {
  for (const announce of [true, false]) {
    const page = await openPage(browser, null);
    await page.addInitScript(slowBundle, announce);
    await page.goto(site.base + '?lang=en');
    await waitState(page, 'ready', 30000);
    await waitMirror(page, 'h1', 'Mission');
    assert.match(await page.textContent('#mirror'), /Armed Forces/, `announce ${announce}`);
    const done = await page.evaluate(() => getComputedStyle(document.querySelector('#loading .bar')).getPropertyValue('--done').trim());
    assert.equal(done, announce ? '100%' : '', 'the bar shows the download when its size is known');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
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
  // the mirror still lies over the same CSS positions
  const h1 = await page.$eval('#mirror h1', (h) => h.getBoundingClientRect().toJSON());
  assert.ok(h1.top > 60 && h1.top < 200, JSON.stringify(h1));
  await page.context().close();
});

test('while the program downloads, a light progress indicator shows instead of a blank page', async () => {
  const page = await openPage(browser, null);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/' + hashedName('mod-viewer.wasm'), async (route) => { await held; await route.continue(); });
  await page.goto(site.base);
  await page.waitForSelector('#loading', { state: 'visible', timeout: 20000 });
  assert.match(await page.textContent('#loading'), /Loading/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.appState), 'loading');
  release();
  await waitState(page, 'ready');
  assert.equal(await page.isVisible('#loading'), false);
  await page.context().close();
});

// The font atlas holds the glyphs the content needs and is rebuilt when new ones come; after
// the first frame that must also remake the renderer's texture, or every text is invisible.
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
