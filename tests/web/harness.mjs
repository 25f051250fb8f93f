// Shared set-up for the browser tests: a site root made of build/web plus the test fixtures,
// served on loopback, and Debian's browsers driven by playwright-core (Chromium) or
// puppeteer-core (Firefox). Never a browser downloaded by a tool.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { decodePng, inkCount } from './png.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const webRoot = process.env.WEB_ROOT || path.join(repo, 'build/web');

// The build names app.css, boot.js, mod-viewer.js/.wasm and fonts.ttc by their content
// (cmake/hash_site.py): hashedName('mod-viewer.wasm') is 'mod-viewer.0123456789.wasm', the one in `root`.
export const HASHED_FILES = ['app.css', 'boot.js', 'render_worker.js', 'mod-viewer.js', 'mod-viewer.wasm', 'fonts.ttc'];
export function hashedPattern(name) {
  const dot = name.lastIndexOf('.');
  const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${esc(name.slice(0, dot))}\\.([0-9a-f]{10})${esc(name.slice(dot))}$`);
}
export function hashedName(name, root = webRoot) {
  const found = fs.existsSync(root) ? fs.readdirSync(root).filter((f) => hashedPattern(name).test(f)) : [];
  if (found.length !== 1) throw new Error(`expected one ${name} with a content hash in ${root}, found ${found.length}: run scripts/build`);
  return found[0];
}

// build/web and the fixtures side by side, as a site would hold several bundles.
export function makeSiteRoot() {
  hashedName('mod-viewer.wasm');  // throws when there is no web build
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-site-'));
  for (const f of fs.readdirSync(webRoot)) fs.symlinkSync(path.join(webRoot, f), path.join(dir, f));
  fs.symlinkSync(path.join(repo, 'tests/fixtures'), path.join(dir, 'fixtures'));
  fs.symlinkSync(path.join(here, 'fixtures'), path.join(dir, 'web-fixtures'));
  return dir;
}

export async function startSite() {
  const root = makeSiteRoot();
  const server = await serve(root, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  // Tests may write generated files (large or hostile ones) here; served as /generated/.
  const generated = path.join(root, 'generated');
  fs.mkdirSync(generated);
  return { base, generated, close: () => { server.close(); fs.rmSync(root, { recursive: true, force: true }); } };
}

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
  '--disable-quic', '--disable-features=Translate'];

// `extra`: more switches, e.g. ['--disable-webgl2'] for a browser without WebGL2.
export async function launchChromium(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...chromiumArgs, ...extra],
                           headless: true });
}

// A browser on a kept profile (a kiosk's browser keeps one; a visitor's returns to it), with the
// site's service worker on: what the offline suite and the repeat-visit figures start and restart.
export async function launchChromiumProfile(profile) {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs, headless: true,
    viewport: { width: 1200, height: 800 }, locale: 'en-US' });
}

// Opens `url` and collects page errors so tests can assert none happened.
export async function openPage(browser, url, options = {}) {
  // The site's service worker would answer the page's requests itself (page.route and the
  // request counts of the start-up tests see through it only when it is blocked); the offline
  // tests turn it on with { serviceWorkers: 'allow' }.
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US',
                                              serviceWorkers: 'block', ...options });
  // Content-Security-Policy violations are collected on every page; tests assert there are none.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const page = await context.newPage();
  page.errors = [];
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.popups = [];
  context.on('page', (p) => page.popups.push(p.url()));
  if (url) await page.goto(url);
  return page;
}

export async function waitState(page, state, timeout = 60000) {
  try {
    await page.waitForFunction((s) => document.documentElement.dataset.appState === s, state, { timeout });
  } catch (e) {
    const now = await page.evaluate(() => document.documentElement.dataset.appState);
    throw new Error(`data-app-state did not become "${state}" within ${timeout} ms (it is "${now}")`);
  }
}

// Waits until `fn(arg)`, an async function run in the page, gives a truthy value. Playwright's
// waitForFunction cannot be used for these: it takes the promise an async function returns as
// truthy and resolves at once (a wait for the service worker's caches passed while it was still
// installing).
export async function waitAsync(page, fn, arg, timeout = 30000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      if (await page.evaluate(fn, arg)) return;
    } catch (e) { last = e; }  // a navigation in between: asked again
    if (Date.now() > end) throw new Error(`not true within ${timeout} ms: ${fn.toString().slice(0, 120)}${last ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitMirror(page, selector, text, timeout = 30000) {
  try {
    await page.waitForFunction(([sel, t]) => {
      const el = document.querySelector('#mirror ' + sel);
      return el && el.textContent.includes(t);
    }, [selector, text], { timeout });
  } catch (e) {
    const [hash, main] = await page.evaluate(() => [location.hash,
      (document.querySelector('#mirror main') || document.getElementById('mirror')).textContent.slice(0, 300)]);
    throw new Error(`#mirror ${selector} did not show "${text}" within ${timeout} ms; at ${hash || '(no hash)'}; it shows: ${main}`);
  }
}

// Run in the page (by any driver: Playwright's evaluate, Puppeteer's, WebDriver's execute): the
// centre of the mirror's element `sel`, once its place has held still for a few frames (layout
// settles) and the canvas takes the pointer (the state left "loading"); null when there is none.
export async function mirrorTarget(sel) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
  let last = '', same = 0;
  for (let i = 0; i < 200 && (same < 3 || document.documentElement.dataset.appState === 'loading'); i++) {
    const r = document.querySelector('#mirror ' + sel)?.getBoundingClientRect();
    const now = r ? [r.left, r.top, r.width, r.height].join(',') : '';
    same = now && now === last ? same + 1 : 0;
    last = now;
    await frame();
  }
  const r = document.querySelector('#mirror ' + sel)?.getBoundingClientRect();
  return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
}

// Run in the page: until the screen's title has held its place for a few frames (scrolling and
// layout done), and the newest frame the program made is on the screen (the render worker draws
// it after the page has the mirror of it).
export async function settledTitle() {
  let last = '', same = 0;
  for (let i = 0; i < 300 && same < 5; i++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 16)));
    const now = String(document.querySelector('#mirror h1')?.getBoundingClientRect().top);
    same = now === last ? same + 1 : 0;
    last = now;
  }
  const renderer = window.MODV && window.MODV.renderer;
  if (renderer) await new Promise((r) => renderer.whenShown(r));
}

// Clicks the canvas where the mirror says the element is (the mirror is transparent to the pointer).
export async function clickMirror(page, selector) {
  const at = await page.evaluate(mirrorTarget, selector);
  if (!at) throw new Error(`no mirror element ${selector}`);
  await page.mouse.click(at.x, at.y);
}

export const settle = (page) => page.evaluate(settledTitle);

// An init script (page.addInitScript(fakeBundleAnswers, spec)) that answers the page's own
// requests for bundle.json: `spec.checks` only the kiosk's checks (cache 'no-store'), otherwise
// every one; `spec.body` 'endless' (200 MiB of spaces, JSON-like but too much) or 'stalled'
// (a first piece and then nothing); `spec.sizes`, the Content-Length of each answer in turn
// (0: none; the last one repeats). window.__bundleAnswers counts the answers.
export function fakeBundleAnswers(spec) {
  const real = window.fetch;
  window.__bundleAnswers = 0;
  window.fetch = (input, init) => {
    const check = Boolean(init && init.cache === 'no-store');
    if (!String(input).includes('bundle.json') || (spec.checks && !check)) return real(input, init);
    const sizes = spec.sizes || [0];
    const size = sizes[Math.min(window.__bundleAnswers++, sizes.length - 1)];
    let body;
    if (spec.body === 'stalled') {
      body = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"format": ')); } });
    } else {
      const piece = new Uint8Array(8 << 20).fill(0x20);
      let sent = 0;
      body = new ReadableStream({ pull(c) {
        if (sent >= 200 << 20) { c.close(); return; }
        sent += piece.length;
        c.enqueue(piece);
      } });
    }
    const headers = { 'Content-Type': 'application/json' };
    if (size) headers['Content-Length'] = String(size);
    return Promise.resolve(new Response(body, { headers }));
  };
}

export async function cspViolations(page) { return page.evaluate(() => window.__csp); }

// The colour at (x, y) of a page screenshot (CSS pixels).
// The render worker (web/render/worker.mjs) of a started page: it owns the canvas that shows.
export function renderWorker(page) {
  const workers = page.workers();
  if (workers.length !== 1) throw new Error(`${workers.length} workers, not the render worker alone`);
  return workers[0];
}

// A page that draws on its own thread, as in a browser without OffscreenCanvas for a worker
// (boot.js then makes the WebGL2 context on #canvas itself). Before page.goto.
export async function withoutRenderWorker(page) {
  await page.addInitScript(() => { delete HTMLCanvasElement.prototype.transferControlToOffscreen; });
}

// The render worker's script with `prelude` run first (a worker that cannot do what a browser
// would not let it): `target` is a page or a context, before it opens the site. The script is
// the build's, read from the disk once: answering from the network inside the route raced the
// context's closing ("Response has been disposed" when a test ended while a worker started).
export async function patchRenderWorker(target, prelude) {
  const body = `(${prelude})();\n` + fs.readFileSync(path.join(webRoot, hashedName('render_worker.js')), 'utf8');
  await target.route(/\/render_worker\.[0-9a-f]+\.js$/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }).catch(() => {}));
}

// The GPU going and coming back: WEBGL_lose_context in the render worker's context, asked for
// with its test message, or in the page's own renderer's; resolves once the page has heard of it
// (the event on #canvas). The same in Playwright's Chromium and puppeteer's Firefox (which cannot
// evaluate in a worker).
export function toggleContext(page, lose) {
  return page.evaluate((lose) => new Promise((resolve) => {
    document.getElementById('canvas').addEventListener(lose ? 'webglcontextlost' : 'webglcontextrestored', () => resolve(), { once: true });
    const worker = window.MODV.renderer.getWorker(), here = window.MODV.renderer.pageRenderer();
    if (worker) worker.postMessage({ type: lose ? 'lose' : 'restore' });
    else if (lose) here.lose();
    else here.restore();
  }), lose);
}
export const loseContext = (page) => toggleContext(page, true);
export const restoreContext = (page) => toggleContext(page, false);

export async function pixelAt(page, x, y) {
  const { px } = decodePng(await page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' }));
  return [px[0], px[1], px[2]];
}

// How many pixels of the page's region `rect` (CSS px) differ clearly from its first pixel, the
// background there: "is any text drawn in this box".
export async function inkIn(page, rect) {
  const image = decodePng(await page.screenshot({ clip: rect, scale: 'css' }));
  return inkCount(image, [image.px[0], image.px[1], image.px[2]], 150);
}

// Firefox ESR has WebGL only when headed: run it on an Xvfb display of our own when there is
// none (CI has no display). Driven by puppeteer-core over WebDriver BiDi.
// `profile`: a profile folder that outlives the browser (the offline test restarts it); by
// default a new one, removed on close.
export async function launchFirefox({ profile: keptProfile } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const { spawn } = await import('node:child_process');
  let xvfb = null;
  let display = process.env.DISPLAY;
  if (!display) {
    display = ':' + (90 + Math.floor(Math.random() * 400));
    xvfb = spawn('Xvfb', [display, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1000));
  }
  const profile = keptProfile || fs.mkdtempSync(path.join(os.tmpdir(), 'modv-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: false,
    userDataDir: profile, env: { ...process.env, DISPLAY: display, MOZ_CRASHREPORTER_DISABLE: '1' },
    extraPrefsFirefox: {
      'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false, 'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false, 'browser.newtabpage.enabled': false, 'webgl.force-enabled': true,
    },
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close().catch(() => {});
    if (xvfb) xvfb.kill();
    if (!keptProfile) fs.rmSync(profile, { recursive: true, force: true });
  };
  return browser;
}
