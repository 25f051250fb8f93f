// The kiosk reports in: with ?report=/metrics/ a browser kiosk PUTs its metrics to a real
// Prometheus Pushgateway (Debian's prometheus-pushgateway) behind a same-origin proxy, as the
// README's nginx location does: its content, its checks and what a visitor did arrive there. A
// report address on another site is refused, a name that is not [A-Za-z0-9_-]{1,64} reports as
// "kiosk", and a gateway that is not there costs the visitor nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { startSite, launchChromium, openPage, waitState, waitMirror, mirrorTarget } from './harness.mjs';

const GATEWAY = process.env.PUSHGATEWAY || '/usr/bin/prometheus-pushgateway';
let site, browser, gateway, gatewayPort, front, origin;

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

// Everything under /metrics/ goes to the gateway, the rest to the site: one origin, as behind nginx.
function proxy(req, res) {
  const toGateway = req.url.startsWith('/metrics/');
  const target = toGateway ? { port: gatewayPort, path: req.url } : { port: new URL(site.base).port, path: req.url };
  const out = http.request({ host: '127.0.0.1', method: req.method, headers: req.headers, ...target }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  out.on('error', () => res.writeHead(502).end());
  req.pipe(out);
}

// The gateway's samples of job mod_kiosk: "name{labels}" -> value.
async function pushed() {
  const text = await (await fetch(`http://127.0.0.1:${gatewayPort}/metrics`)).text();
  const samples = {};
  for (const line of text.split('\n'))
    if (line.startsWith('mod_kiosk_')) {
      const at = line.lastIndexOf(' ');
      samples[line.slice(0, at)] = Number(line.slice(at + 1));
    }
  return samples;
}
// The value of `name` with these labels (in any order) among the samples, or undefined.
function value(samples, name, labels) {
  for (const [key, v] of Object.entries(samples)) {
    if (!key.startsWith(name + '{') && key !== name) continue;
    if (Object.entries(labels).every(([k, l]) => key.includes(`${k}="${l}"`))) return v;
  }
  return undefined;
}
async function until(what, fn, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`not within ${timeout} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

before(async () => {
  site = await startSite();
  gatewayPort = await freePort();
  gateway = spawn(GATEWAY, [`--web.listen-address=127.0.0.1:${gatewayPort}`], { stdio: 'ignore' });
  await until('the Pushgateway answers', () => fetch(`http://127.0.0.1:${gatewayPort}/-/ready`).then((r) => r.ok, () => false), 20000);
  front = http.createServer(proxy);
  await new Promise((r) => front.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${front.address().port}/`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  front?.close();
  gateway?.kill();
  site?.close();
});

const kioskView = { viewport: { width: 1280, height: 800 }, hasTouch: true };
// A finger on the mirror's element (a kiosk is touched, not clicked).
async function tap(page, selector) {
  const at = await page.evaluate(mirrorTarget, selector);
  assert.ok(at, `no mirror element ${selector}`);
  await page.touchscreen.tap(at.x, at.y);
}

test('a kiosk pushes its content, its checks and a visit to the Pushgateway', async () => {
  const page = await openPage(browser, origin + '?kiosk=1&lang=en&idle=20&reload=10&report=/metrics/&name=museum-1', kioskView);
  await waitState(page, 'ready');
  const instance = { job: 'mod_kiosk', instance: 'museum-1' };
  // At its start: up, its build, the content shown.
  let s = await until('the first push', async () => { const p = await pushed(); return value(p, 'mod_kiosk_up', instance) === 1 && p; });
  assert.equal(value(s, 'mod_kiosk_content_items', { ...instance, kind: 'news' }), 7);
  assert.equal(value(s, 'mod_kiosk_content_items', { ...instance, kind: 'directives' }), 3);
  assert.ok(value(s, 'mod_kiosk_build_info', instance) === 1, 'build_info');
  assert.ok(value(s, 'mod_kiosk_content_updated_timestamp_seconds', instance) > 1.7e9, 'content updated');
  // A visit: the attract loop, a touch that wakes it, the news, an item.
  await waitMirror(page, 'p', 'Touch the screen to explore', 40000);
  await page.touchscreen.tap(640, 300);
  await waitMirror(page, 'nav', 'News');
  await tap(page, 'nav a[href="#/news"]');
  await waitMirror(page, 'h1', 'News');
  await tap(page, 'main a[href="#/news/black-hawk-arrival"]');  // the newest: on the first screen
  await waitMirror(page, 'h1', 'Historic Arrival');
  // The next check (every 10 s) pushes the counts; its time is the check's.
  s = await until('a push with the visit', async () => {
    const p = await pushed();
    return value(p, 'mod_kiosk_item_views_total', { ...instance, kind: 'news', id: 'black-hawk-arrival' }) === 1 && p;
  });
  assert.equal(value(s, 'mod_kiosk_visits_total', instance), 1);
  assert.equal(value(s, 'mod_kiosk_screens_total', { ...instance, screen: 'news' }), 1);
  assert.equal(value(s, 'mod_kiosk_screens_total', { ...instance, screen: 'news_item' }), 1);
  assert.ok(value(s, 'mod_kiosk_last_check_timestamp_seconds', instance) >= value(s, 'mod_kiosk_start_time_seconds', instance));
  assert.equal(value(s, 'mod_kiosk_check_failures_total', instance), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a report address on another site is refused; a bad name reports as "kiosk"; no gateway costs nothing', async () => {
  const puts = [];
  let page = await openPage(browser, null, kioskView);
  page.on('request', (r) => { if (r.method() === 'PUT') puts.push(r.url()); });
  await page.goto(origin + '?kiosk=1&lang=en&report=http://example.org/metrics/&name=museum-2');
  await waitState(page, 'ready');
  await page.waitForTimeout(2000);
  assert.deepEqual(puts, [], 'nothing is sent to another site');
  await page.context().close();

  page = await openPage(browser, origin + '?kiosk=1&lang=en&report=/metrics/&name=' + encodeURIComponent('bad name!'), kioskView);
  await waitState(page, 'ready');
  await until('a push as "kiosk"', async () => value(await pushed(), 'mod_kiosk_up', { job: 'mod_kiosk', instance: 'kiosk' }) === 1);
  await page.context().close();

  page = await openPage(browser, origin + '?kiosk=1&lang=en&reload=10&report=/nowhere/', kioskView);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  await page.waitForTimeout(12000);  // a check, and its push, went by
  assert.equal(await page.evaluate(() => document.documentElement.dataset.appState), 'ready');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
