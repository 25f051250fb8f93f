// A simulated hour of the browser kiosk on the network of a building: its periodic
// checks (one a minute, the default) meet a fault of tests/web/fault_server.mjs at random, seeded,
// about half of the time, while the editors publish a new edition every few minutes. The page's
// clock is Playwright's (page.clock): the hour passes in a minute or two, timers, frames and the
// watchdog included; the network stays real. Throughout: content always shown, never an error
// screen; memory flat (the program's heap does not grow after the first minutes, the JS heap
// stays within a margin); no console errors but the browser's own lines for the failed
// requests; and the last edition is shown within a minute of the last healthy check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, openPage, repo } from './harness.mjs';
import { faultSite, FAULTS } from './fault_server.mjs';

const MINUTES = 60;
let site, server, browser, file, bundle, original;
before(async () => {
  bundle = JSON.parse(fs.readFileSync(path.join(repo, 'assets/bundle.json'), 'utf8'));
  site = await faultSite('soak', bundle);
  ({ server, file } = site);
  publish(0);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  site?.close();
});

// An edition of the content: its number on every screen the kiosk shows by itself (the mission
// and each news item: the attract loop's slides) and on the news list.
function publish(edition) {
  original ??= structuredClone(bundle);
  bundle.mission.title = { sq: `Edition ${edition}`, en: `Edition ${edition}` };
  bundle.news.forEach((item, i) => { item.title = `Edition ${edition}: ${typeof original.news[i].title === 'string' ? original.news[i].title : original.news[i].title.en}`; });
  fs.writeFileSync(file, JSON.stringify(bundle));
}

// A small seeded generator (mulberry32): the same hour every run, and a failure can be replayed.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('a simulated hour of random faults: content always shown, memory flat, the last edition arrives', async () => {
  const next = random(Number(process.env.SOAK_SEED || 15));
  const page = await openPage(browser, null);
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  const cdp = await page.context().newCDPSession(page);
  await page.clock.install({ time: new Date('2026-06-01T09:00:00') });
  await page.goto(server.base + '?kiosk=1&lang=en&bundle=generated/soak/bundle.json#/news');
  // The start: the page's clock moves only when told to.
  const pageState = () => page.evaluate(() => ({
    state: document.documentElement.dataset.appState, alert: !!document.querySelector('#mirror [role=alert]'),
    all: document.getElementById('mirror').textContent.slice(0, 200), checks: MODV.test.checks + MODV.test.failedChecks + MODV.test.unchangedChecks,
  }));
  for (let i = 0; (await pageState()).state !== 'ready'; i++) {
    assert.ok(i < 600, 'the kiosk started');
    await page.clock.runFor(100);
    await new Promise((r) => setTimeout(r, 20));
  }
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return { js: metrics.find((m) => m.name === 'JSHeapUsedSize').value,
             wasm: await page.evaluate(() => (window.Module && Module.HEAP8 ? Module.HEAP8.length : wasmMemory.buffer.byteLength)) };
  };
  await cdp.send('Performance.enable');

  // A minute on the page's clock: jumps of 5 s (the timers due fire, as after a busy moment),
  // each followed by the frames of 50 ms, so that slides change and fades draw without every
  // frame of the minute being drawn.
  const minutePasses = async () => {
    for (let s = 0; s < 12; s++) {
      await page.clock.fastForward(4950);
      await page.clock.runFor(50);
    }
  };

  let edition = 0, shown = 0, early = null;
  const faults = Object.keys(FAULTS), played = {};
  for (let minute = 1; minute <= MINUTES; minute++) {
    // This minute's check meets a fault half of the time; a new edition every 5 minutes or so.
    const fault = next() < 0.5 ? faults[Math.floor(next() * faults.length)] : null;
    server.fault = fault;
    played[fault || 'none'] = (played[fault || 'none'] || 0) + 1;
    if (next() < 0.2) publish(++edition);
    const before = (await pageState()).checks;
    const t0 = Date.now();
    await minutePasses();
    // The check runs on the real network: the page's clock moves on by seconds until it has
    // settled (a dripping answer is given up by the page at 0.9 of the interval).
    for (let i = 0; (await pageState()).checks === before; i++) {
      assert.ok(i < 120, `minute ${minute} (${fault || 'no fault'}): the check settled`);
      await page.clock.runFor(i < 20 ? 100 : 1000);
      await new Promise((r) => setTimeout(r, 25));
    }
    if (process.env.SOAK_LOG) console.log(`minute ${minute}: ${fault} ${Date.now() - t0} ms`);
    await page.clock.runFor(500);  // a frame or two with what the check brought
    const s = await pageState();
    assert.equal(s.state, 'ready', `minute ${minute} (${fault || 'no fault'}): ready`);
    assert.ok(!s.alert, `minute ${minute} (${fault || 'no fault'}): no error`);
    const m = /Edition (\d+)/.exec(s.all);
    assert.ok(m, `minute ${minute} (${fault || "no fault"}): the content is shown: "${s.all}"`);
    assert.ok(Number(m[1]) >= shown && Number(m[1]) <= edition, `minute ${minute}: edition ${m[1]} after ${shown}, of ${edition}`);
    if (!fault) assert.equal(Number(m[1]), edition, `minute ${minute}: a healthy check brings the newest edition`);
    shown = Number(m[1]);
    if (minute === 10) early = await heap();
  }
  // Healed: the last edition within a minute.
  server.fault = null;
  await minutePasses();
  for (let i = 0; !(await pageState()).all.includes(`Edition ${edition}`); i++) {
    assert.ok(i < 100, `the last edition (${edition}) is shown once the server is healthy`);
    await page.clock.runFor(200);
    await new Promise((r) => setTimeout(r, 25));
  }
  const late = await heap();
  assert.equal(late.wasm, early.wasm, `the program's heap did not grow from minute 10 to ${MINUTES}`);
  assert.ok(late.js < early.js + 2e6, `the JS heap stayed flat: ${(early.js / 1e6).toFixed(1)} MB at minute 10, ${(late.js / 1e6).toFixed(1)} MB at the end`);
  assert.ok(edition >= 5 && Object.keys(played).length >= 6, `the hour played editions (${edition}) and faults: ${JSON.stringify(played)}`);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(consoleErrors.filter((t) => !/^Failed to load resource|net::ERR_/.test(t)), [], 'no console errors but failed requests');
  await page.context().close();
});
