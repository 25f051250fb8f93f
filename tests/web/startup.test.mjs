// Start-up (issues 4 and 6): the bundle downloads while the program does, the program compiles as
// it arrives, the drawing buffer is made once, a late or missing style sheet, a slow bundle
// gets a loading frame, a bundle in pieces is read whole, the progress indicator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchChromium, openPage, waitState, waitMirror, waitAsync, hashedName, renderWorker,
  withoutRenderWorker }
  from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

test('the bundle downloads while the program does: all are requested before the program runs', async () => {
  const page = await openPage(browser, null);
  // Emscripten calls Module.preRun once the wasm is in; main() follows once the fonts are too
  // (program.mjs's run dependency).
  await page.addInitScript(() => {
    let module;
    Object.defineProperty(window, 'Module', {
      configurable: true,
      get: () => module,
      set: (m) => { module = m; m.preRun = [...(m.preRun || []), () => { window.__preRunAt = performance.now(); }]; },
    });
  });
  await page.goto(site.base);
  await waitState(page, 'ready');
  // The program's files carry their content hash in their names (cmake/hash_site.py).
  const names = { wasm: hashedName('mod-viewer.wasm'), js: hashedName('mod-viewer.js'), fonts: hashedName('fonts.ttc') };
  const t = await page.evaluate((names) => {
    const start = (name) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === name)?.startTime;
    return { bundle: start('/bundle.json'), wasm: start('/' + names.wasm), js: start('/' + names.js),
             fonts: start('/' + names.fonts), run: window.__preRunAt };
  }, names);
  for (const k of ['bundle', 'wasm', 'js', 'fonts']) assert.ok(t[k] >= 0 && t[k] < t.run, JSON.stringify(t));
  // The render worker draws, with the context it made while the files downloaded: the page's
  // thread has none (the start without it: below).
  assert.ok(await page.evaluate(() => !!window.MODV.renderer.getWorker() && !window.MODV.renderer.pageRenderer()), 'the render worker draws');
  assert.ok(await renderWorker(page).evaluate(() => !!gl && !gl.isContextLost()), 'the render worker has its context');
  // A published page's text is painted first: the HTML preloads nothing, and the downloads
  // begin after the first paint (boot.js afterFirstPaint).
  assert.equal(await page.evaluate(() => document.querySelectorAll('head > link[rel=preload]').length), 0);
  const [paint, startedAfter] = await page.evaluate(() => [performance.getEntriesByName('first-contentful-paint')[0]?.startTime, window.MODV.test.startedAfter]);
  assert.ok(paint > 0, `first paint ${paint} ms`);
  if (startedAfter === 'timeout') {
    // A machine too busy to paint within a second: boot.js waited its second, no longer.
    assert.ok(t.bundle >= 1000 && t.wasm >= 1000, `no paint for a second: then the bundle ${t.bundle} and the program ${t.wasm}`);
  } else {
    assert.equal(startedAfter, 'paint', 'Chromium reports the first paint to boot.js');
    assert.ok(t.bundle >= paint && t.wasm >= paint, `first paint ${paint} ms, then the bundle ${t.bundle} and the program ${t.wasm}`);
  }
  await page.context().close();
});

// The service worker's install downloads and stores every file of the deploy: registered at
// the load event, it ran beside the viewer's start (Lighthouse's blocking time 392-590 ms, not
// 267-352 ms). It is registered once the viewer has started.
test('the service worker is registered once the viewer has started, not while it starts', async () => {
  const page = await openPage(browser, null);
  await page.addInitScript(() => {
    window.__registeredWhile = null;
    const workers = navigator.serviceWorker, register = workers.register.bind(workers);
    workers.register = (...a) => { window.__registeredWhile = document.documentElement.dataset.appState; return register(...a); };
  });
  await page.goto(site.base + 'sq/news/');
  await waitState(page, 'ready');
  await waitAsync(page, () => window.__registeredWhile !== null, null, 15000);
  assert.equal(await page.evaluate(() => window.__registeredWhile), 'ready');
  await page.context().close();
});

test('a page without published text (another bundle) starts its downloads at once', async () => {
  // No frame ever comes here: a start that waited for the first paint would wait for boot.js's
  // one-second fallback. (Comparing with the first paint's time instead failed on a busy
  // machine, where the paint can come before a request made at once.)
  const page = await openPage(browser, null);
  await page.addInitScript(() => { window.requestAnimationFrame = () => 0; });
  const asked = page.waitForRequest((r) => r.url().endsWith('/fixtures/bilingual.json'));
  await page.goto(site.base + '?bundle=fixtures/bilingual.json&lang=en');
  await asked;
  const boot = '/' + hashedName('boot.js');
  const [bundle, booted] = await page.evaluate((boot) => {
    const entry = (f) => performance.getEntriesByType('resource').find(f);
    return [entry((e) => e.name.endsWith('/fixtures/bilingual.json'))?.startTime,
            entry((e) => new URL(e.name).pathname === boot)?.responseEnd];
  }, boot);
  // Under the fallback's 1000 ms by a margin that a cold, busy first page still keeps.
  assert.ok(bundle >= 0 && booted > 0 && bundle - booted < 900,
            `the bundle was asked for ${Math.round(bundle - booted)} ms after boot.js arrived (a deferred start waits 1000 ms)`);
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
  assert.equal(requests.length, 1, 'the wasm boot.js compiles is the only download of it');
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
      if (this.id === 'canvas' && window.MODV?.renderer.pageRenderer()) window.__resized.push(prop + '=' + v);
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
  assert.deepEqual(await renderWorker(page).evaluate(() => [canvas.width, canvas.height]), [1800, 1200],
                   'the render worker\'s canvas: the same size');
  // The bundle came while the program started: no "Loading" frame was drawn before the content.
  assert.match(canvas.published[0], /Mission/, JSON.stringify(canvas.published));
  assert.doesNotMatch(canvas.published.join(' | '), /Loading/);
  await page.context().close();
});

// The frames owed after new content settle ImGui's layout; at start-up they are laid out in the
// first frame's task and only the last is drawn (each drawn frame is a canvas composited while
// the page starts: ~100-180 ms of Lighthouse's blocking time apiece).
async function drawnOnce(page, framesDrawn) {
  await page.goto(site.base + '?lang=en');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  await page.waitForTimeout(1000);  // the frames a start-up would still draw
  assert.equal(await framesDrawn(), 1, 'frames drawn after the page started');
  // The one frame drawn is the settled screen: frames drawn again later draw the same pixels.
  const shot = () => page.screenshot({ clip: { x: 0, y: 0, width: 1200, height: 800 } });
  const before = await shot();
  await page.mouse.move(5, 5);
  for (let i = 0; i < 100 && await framesDrawn() < 2; i++) await page.waitForTimeout(50);
  assert.ok(await framesDrawn() > 1, 'the pointer\'s move drew a frame');
  await page.waitForTimeout(300);
  assert.ok((await shot()).equals(before), 'the frames drawn later changed the screen');
}

test('start-up: the first screen is drawn once, not once per frame that settles its layout', async () => {
  const page = await openPage(browser, null);
  await drawnOnce(page, () => renderWorker(page).evaluate(() => framesDrawn));
  await page.context().close();
});

test('start-up without a render worker: the early context, made once at its size; the first screen drawn once', async () => {
  const page = await openPage(browser, null, { deviceScaleFactor: 1.5 });
  await withoutRenderWorker(page);
  await page.addInitScript(recordStart);
  await page.addInitScript(() => {
    window.__clears = 0;
    const P = WebGL2RenderingContext.prototype, clear = P.clear;
    P.clear = function (...a) { window.__clears++; return clear.apply(this, a); };
  });
  await drawnOnce(page, () => page.evaluate(() => window.__clears));
  // The page draws with the WebGL context it made while the files downloaded.
  assert.ok(await page.evaluate(() => {
    const r = window.MODV.renderer.pageRenderer();
    return !!r && r.gl === document.getElementById('canvas').getContext('webgl2') && !r.gl.isContextLost();
  }), 'the page\'s renderer draws with the early context');
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, resized: window.__resized };
  });
  assert.deepEqual([canvas.w, canvas.h], [1800, 1200], 'CSS size x device pixel ratio');
  assert.deepEqual(canvas.resized, [], 'no size given to the canvas after its context was made');
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
// the program runs (web/page/download.mjs readBody, the program's room); without, into a growing array. Either
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

test('while the program downloads, the page\'s text reads; another bundle gets a light progress indicator', async () => {
  // the site's own pages have their text (mod-bundle publish): it shows at once
  const first = await openPage(browser, null);
  let releaseFirst;
  const heldFirst = new Promise((r) => { releaseFirst = r; });
  await first.route('**/' + hashedName('mod-viewer.wasm'), async (route) => { await heldFirst; await route.continue(); });
  await first.goto(site.base + '?lang=en');
  await first.waitForSelector('#page h1', { state: 'visible', timeout: 20000 });
  assert.match(await first.textContent('#page h1'), /Misioni/);
  assert.equal(await first.isVisible('#loading'), false);
  releaseFirst();
  await waitState(first, 'ready');
  assert.equal(await first.isVisible('#page'), false);
  await first.context().close();
  // another bundle: not the site's text, the progress indicator
  const page = await openPage(browser, null);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/' + hashedName('mod-viewer.wasm'), async (route) => { await held; await route.continue(); });
  await page.goto(site.base + '?bundle=fixtures/bilingual.json');
  assert.equal(await page.isVisible('#page'), false);
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

// The fonts (fonts.ttc) download beside the program and main() waits for them: the first frame
// is drawn with them, never with ImGui's own font first.
test('the program starts once its fonts are in; without them, it starts with its own font and says why', async () => {
  const fonts = hashedName('fonts.ttc');
  let page = await openPage(browser, null);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/' + fonts, async (route) => { await held; await route.continue(); });
  await page.goto(site.base + '#/news');
  await waitAsync(page, () => window.Module && window.Module.calledRun === undefined && !!window.Module.asm);
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.Module.calledRun), undefined, 'main() waits for the fonts');
  release();
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  assert.equal(await page.evaluate(() => window.Module.calledRun), true);
  await page.context().close();

  // The fonts' file cannot be had, twice: the viewer runs all the same, and the console says why.
  page = await openPage(browser, null);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  let asked = 0;
  await page.route('**/' + fonts, (route) => { asked++; return route.fulfill({ status: 404, body: 'not here' }); });
  await page.goto(site.base + '#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  assert.equal(asked, 2, 'asked for once more after a failure');
  assert.ok(warnings.some((w) => w.includes(fonts) && w.includes('HTTP 404') && w.includes('built-in font')), warnings.join('\n'));
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // Bytes that are not a font collection (a proxy's page) are not rasterised: the same fallback.
  page = await openPage(browser, null);
  const said = [];
  page.on('console', (m) => said.push(m.text()));
  await page.route('**/' + fonts, (route) => route.fulfill({ status: 200, body: '<!doctype html><title>Welcome</title>' }));
  await page.goto(site.base + '#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  assert.ok(said.some((w) => w.includes('not a font collection')), said.join('\n'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
