// A small W3C WebDriver client (plain HTTP with node's fetch) for Debian's WebKitGTK:
// WebKitWebDriver drives MiniBrowser on an Xvfb display of our own. Nothing is downloaded;
// webkit2gtk-driver (scripts/setup) brings both programs.
//
//   const wk = await launchWebKit();         // Xvfb + WebKitWebDriver + a session (1200x800 viewport)
//   await wk.navigate(url);                   // returns after the load event
//   await wk.waitFor(() => document.title !== '', [], 'a title');
//   await wk.close();                         // always: stops all three and removes the temp dir
//
// What WebKitWebDriver 2.50 does that one might not expect:
// - Back (POST /back, the browser's own button) skips history entries that the page made
//   without a user gesture (seen with location.hash set by an executed script): it can leave
//   the page altogether. history.back() in the page does not skip them.
// - An element screenshot (GET /element/ID/screenshot) of #search or of a mirror element (the
//   position:fixed layers over the WebGL canvas) comes back all black; one of <body> and the
//   whole-page screenshot are right, so tests crop the latter.
// - The window cannot be narrower than MiniBrowser's toolbar (447 CSS px here); the toolbar
//   (38 px) is above the page, and setViewport sizes the window around the viewport.
// - Pointer actions and key actions reach the page as trusted events (the app's input listeners
//   see them); a click by pointer actions counts as a user gesture.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { decodePng, inkCount } from './png.mjs';
import { spawn } from 'node:child_process';

export { decodePng, inkCount };

export const WEBDRIVER = process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
// WebDriver's key codes (the Private Use Area characters of the specification).
export const Key = { Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Escape: '\uE00C',
                     ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015' };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls `check` (async, truthy ends it) every `every` ms for at most `timeout` ms; on time out
// throws "<what> did not happen within N ms" plus what `describe` says about the state then.
export async function poll(check, { what, timeout = 30000, every = 100, describe } = {}) {
  const end = Date.now() + timeout;
  let last, error;
  for (;;) {
    try { last = await check(); error = null; if (last) return last; } catch (e) { error = e; }
    if (Date.now() >= end || /invalid session id/.test(error?.message)) break;  // (the browser is gone: no use waiting)
    await sleep(every);
  }
  let now = '';
  if (describe) { try { now = '; ' + await describe(); } catch (e) { now = `; (state unknown: ${e.message})`; } }
  throw new Error(`${what} did not happen within ${timeout} ms${error ? ` (last error: ${error.message})` : ''}${now}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// Every process we start and every temp dir we make, so that they go with us even when node
// exits on a thrown error or a signal.
const running = new Set(), dirs = new Set();
const killAll = () => {
  for (const p of running) { try { process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ } }
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => { killAll(); process.kill(process.pid, signal); });
}

function start(cmd, args, env, log) {
  // detached: its own process group, so that killing the group takes its children too
  // (MiniBrowser and its WebKitWebProcess/WebKitNetworkProcess under WebKitWebDriver).
  const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', log, log, 'pipe'] });
  running.add(child);
  child.exited = new Promise((r) => child.once('exit', r));
  child.exited.then(() => running.delete(child));
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  const done = await Promise.race([child.exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } await child.exited; }
}

// Starts Xvfb on a display it picks itself (-displayfd: no clash with another run's display).
// -fbdir: the screen is also a file (XWD), what is really on the display (see displayPixels).
async function startXvfb(env, log, fbdir) {
  const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp', '-fbdir', fbdir], env, log);
  let out = '';
  xvfb.stdio[3].on('data', (d) => { out += d; });
  await poll(() => /\d+\n/.test(out) || xvfb.exitCode !== null, { what: 'Xvfb announcing its display', timeout: 20000 });
  if (!/\d+\n/.test(out)) throw new Error(`Xvfb exited (${xvfb.exitCode}) before announcing a display`);
  return { xvfb, display: ':' + out.trim() };
}

export class WebDriverError extends Error {}

export class WebKit {
  // Use launchWebKit().
  constructor(parts) { Object.assign(this, parts); }

  async #http(method, url, body, timeout = 60000) {
    let res;
    try {
      res = await fetch(url, { method, headers: body ? { 'Content-Type': 'application/json; charset=utf-8' } : {},
                               body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(timeout) });
    } catch (e) {
      throw new WebDriverError(`WebDriver ${method} ${url.replace(/^.*\/session\/[^/]+/, '')} got no answer within ${timeout} ms: ${e.message}`);
    }
    const text = await res.text();
    let json;
    try { json = JSON.parse(text); } catch { json = { value: text }; }
    const v = json.value;
    if (!res.ok || (v && typeof v === 'object' && v.error)) {
      const what = `${method} ${url.replace(/^.*\/session\/[^/]+/, '')}${body ? ' ' + JSON.stringify(body).slice(0, 200) : ''}`;
      throw new WebDriverError(`WebDriver ${what}: ${v?.error || 'HTTP ' + res.status}${v?.message ? ': ' + v.message : ''}`);
    }
    return v;
  }

  cmd(method, route, body, timeout) {
    return this.#http(method, `${this.server}/session/${this.session}${route}`, body, timeout);
  }

  // Navigation. WebKitWebDriver waits for the load event (the page load strategy is "normal").
  navigate(url) { return this.cmd('POST', '/url', { url }); }
  url() { return this.cmd('GET', '/url'); }
  back() { return this.cmd('POST', '/back', {}); }
  forward() { return this.cmd('POST', '/forward', {}); }

  // Runs `fn` (a function, or a function body as a string) in the page with `args`; returns its
  // value. The async form gets a callback as the last argument; a returned Promise also works.
  execute(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
    return this.cmd('POST', '/execute/sync', { script, args });
  }
  executeAsync(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
    return this.cmd('POST', '/execute/async', { script, args }, 90000);
  }

  // Polls the page until `fn(...args)` is truthy; the error says `what` and the page's state.
  waitFor(fn, args, what, timeout = 30000) {
    return poll(() => this.execute(fn, ...args), { what, timeout, describe: () => this.execute(() =>
      `at ${location.href}; data-app-state=${document.documentElement.dataset.appState}; ` +
      `mirror h1: "${document.querySelector('#mirror h1')?.textContent ?? '(none)'}"; ` +
      `mirror main: "${(document.querySelector('#mirror main')?.textContent ?? '(none)').slice(0, 200)}"`) });
  }

  // Elements: a reference that the element commands take.
  async find(css) { return (await this.cmd('POST', '/element', { using: 'css selector', value: css }))[ELEMENT]; }
  async findAll(css) { return (await this.cmd('POST', '/elements', { using: 'css selector', value: css })).map((e) => e[ELEMENT]); }
  click(el) { return this.cmd('POST', `/element/${el}/click`, {}); }
  sendKeys(el, text) { return this.cmd('POST', `/element/${el}/value`, { text }); }
  rect(el) { return this.cmd('GET', `/element/${el}/rect`); }
  displayed(el) { return this.cmd('GET', `/element/${el}/displayed`); }
  async elementScreenshot(el) { return Buffer.from(await this.cmd('GET', `/element/${el}/screenshot`), 'base64'); }
  async screenshot() { return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'); }

  // Input actions. A mouse click at (x, y) CSS pixels of the viewport.
  async mouseClick(x, y) {
    await this.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
      { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 }] }] });
    await this.cmd('DELETE', '/actions');
  }
  // Presses and releases each key in turn (characters or Key.*) to whatever has the focus.
  async keys(...keys) {
    const actions = [];
    for (const k of keys) for (const c of [...k]) actions.push({ type: 'keyDown', value: c }, { type: 'keyUp', value: c });
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  // What the display really shows of the viewport, read from Xvfb's screen file: decoded like
  // decodePng's result (RGB, device pixels). Unlike WebDriver's screenshots, which WebKitGTK
  // paints again for the purpose, this is what a visitor would see.
  async displayPixels() {
    const [wx, wy, ow, oh, iw, ih, ratio] = await this.execute(() =>
      [screenX, screenY, outerWidth, outerHeight, innerWidth, innerHeight, devicePixelRatio]);
    const screen = decodeXwd(fs.readFileSync(path.join(this.dir, 'Xvfb_screen0')));
    // MiniBrowser's toolbar is above the page
    const left = Math.round((wx + ow - iw) * ratio), top = Math.round((wy + oh - ih) * ratio);
    const width = Math.min(Math.round(iw * ratio), screen.width - left), height = Math.min(Math.round(ih * ratio), screen.height - top);
    const px = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      screen.px.copy(px, y * width * 3, ((top + y) * screen.width + left) * 3, ((top + y) * screen.width + left + width) * 3);
    }
    return { width, height, channels: 3, px };
  }

  // Sizes the window so that the viewport (innerWidth x innerHeight) is width x height.
  async setViewport(width, height) {
    let w = width, h = height;
    for (let i = 0; i < 4; i++) {
      await this.cmd('POST', '/window/rect', { width: w, height: h });
      const [iw, ih] = await this.execute(() => [innerWidth, innerHeight]);
      if (iw === width && ih === height) return;
      w += width - iw;
      h += height - ih;
    }
    const now = await this.execute(() => [innerWidth, innerHeight]);
    throw new Error(`the viewport did not become ${width}x${height} (it is ${now.join('x')})`);
  }

  // The last `lines` lines the three programs wrote ('' when WEBKIT_LOG shows them instead).
  logTail(lines = 20) {
    try { return fs.readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
  }

  // Ends the session and stops WebKitWebDriver, MiniBrowser and Xvfb; removes the temp dirs.
  // Safe to call more than once and after anything failed.
  async close() {
    if (this.closed) return;
    this.closed = true;
    if (this.session) await this.#http('DELETE', `${this.server}/session/${this.session}`, undefined, 15000).catch(() => {});
    await stop(this.driver);
    await stop(this.xvfb);
    if (this.logFd !== null) fs.closeSync(this.logFd);
    fs.rmSync(this.dir, { recursive: true, force: true });
    dirs.delete(this.dir);
  }
}

// Starts Xvfb, WebKitWebDriver and a MiniBrowser session whose viewport is width x height;
// `env` adds to the browser's environment (GDK_SCALE=2 gives devicePixelRatio 2, for example);
// `args` adds to MiniBrowser's command line, which takes every WebKitSettings property as a
// switch (MiniBrowser --help-websettings): ['--enable-webgl=false'] gives a page without WebGL.
// The three programs' output goes to a file (logTail() reads its end); set WEBKIT_LOG=1 to see
// it as it comes instead.
export async function launchWebKit({ width = 1200, height = 800, env: extraEnv = {}, args: extraArgs = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-wk-'));
  dirs.add(dir);
  const logFile = path.join(dir, 'programs.log');
  const log = process.env.WEBKIT_LOG ? 'inherit' : fs.openSync(logFile, 'a');
  // A home of its own: no state (local storage, caches) from another run, none left behind.
  const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_CACHE_HOME: path.join(dir, 'cache'),
                XDG_DATA_HOME: path.join(dir, 'data'), XDG_RUNTIME_DIR: dir, NO_AT_BRIDGE: '1', LANG: 'en_US.UTF-8', ...extraEnv };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  fs.chmodSync(dir, 0o700);
  const wk = new WebKit({ dir, logFile, logFd: typeof log === 'number' ? log : null });
  try {
    const { xvfb, display } = await startXvfb(env, log, dir);
    wk.xvfb = xvfb;
    env.DISPLAY = display;
    const port = await freePort();
    wk.server = `http://127.0.0.1:${port}`;
    wk.driver = start(WEBDRIVER, [`--port=${port}`, '--host=127.0.0.1'], env, log);
    await poll(async () => {
      if (wk.driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${wk.driver.exitCode}`);
      const r = await fetch(`${wk.server}/status`, { signal: AbortSignal.timeout(2000) });
      return r.ok && (await r.json()).value?.ready;
    }, { what: `WebKitWebDriver answering on port ${port}`, timeout: 20000 });
    const res = await fetch(`${wk.server}/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(60000),
      body: JSON.stringify({ capabilities: { alwaysMatch: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...extraArgs] } } } }) });
    const json = await res.json();
    if (!res.ok || !json.value?.sessionId) throw new Error(`WebKitWebDriver made no session: ${JSON.stringify(json.value)}`);
    wk.session = json.value.sessionId;
    wk.capabilities = json.value.capabilities;
    await wk.cmd('POST', '/timeouts', { script: 60000, pageLoad: 90000, implicit: 0 });
    await wk.setViewport(width, height);
    return wk;
  } catch (e) {
    await wk.close();
    throw e;
  }
}

// Decodes Xvfb's screen file (XWD, 24-bit TrueColor in 32-bit pixels) into RGB pixels.
export function decodeXwd(buf) {
  const f = (i) => buf.readUInt32BE(i * 4);
  const headerSize = f(0), width = f(4), height = f(5), byteOrder = f(7), bpp = f(11), bytesPerLine = f(12), ncolors = f(19);
  if (bpp !== 32) throw new Error(`unsupported XWD (${bpp} bits per pixel)`);
  const base = headerSize + ncolors * 12, px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = base + y * bytesPerLine + x * 4, v = byteOrder === 0 ? buf.readUInt32LE(i) : buf.readUInt32BE(i), o = (y * width + x) * 3;
      px[o] = (v >> 16) & 255; px[o + 1] = (v >> 8) & 255; px[o + 2] = v & 255;
    }
  }
  return { width, height, channels: 3, px };
}
