// The museum kiosk in the browser: the idle return and the attract loop, the first
// touch only wakes it, nothing leads out, a changed bundle appears, a broken update or a lost
// network keeps the last good content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchChromium, openPage, waitState, waitMirror, clickMirror, fakeBundleAnswers, repo } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

const kioskView = { viewport: { width: 1280, height: 800 }, hasTouch: true };

test('idle: back to the start and the attract loop; the first touch only wakes it', async () => {
  const page = await openPage(browser, site.base + '?kiosk=1&idle=10&lang=en#/directives/defence-directive-2024', kioskView);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Defence Directive 2024');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('kiosk')));
  await waitMirror(page, 'p', 'Touch the screen to explore', 40000);
  assert.equal(await page.evaluate(() => location.hash), '#/mission');
  // the loop moves on by itself
  const first = await page.textContent('#mirror h1');
  await page.waitForFunction((f) => document.querySelector('#mirror h1')?.textContent !== f, first, { timeout: 40000 });
  // a touch anywhere (here where a news title is shown) wakes the kiosk and opens nothing
  await page.touchscreen.tap(640, 300);
  await page.waitForFunction(() => !document.getElementById('mirror').textContent.includes('Touch the screen to explore'),
                             null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => location.hash), '#/mission');
  await waitMirror(page, 'nav', 'News');
  await page.context().close();
});

test('nothing leads out: no outward links, no context menu, no new windows', async () => {
  const page = await openPage(browser, site.base + '?kiosk=1&lang=en&bundle=fixtures/bilingual.json#/directives/strategy-2024',
                              kioskView);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Defence Strategy');
  assert.equal(await page.$$eval('#mirror a[target=_blank]', (as) => as.length), 0);
  assert.match(await page.textContent('#mirror main'), /Scan with your phone to open it/);
  assert.match(await page.textContent('#mirror main'), /https:\/\/www\.mod\.gov\.al\//);
  const menu = await page.evaluate(() => {
    const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.getElementById('canvas').dispatchEvent(e);
    return e.defaultPrevented;
  });
  assert.equal(menu, true);
  assert.equal(await page.evaluate(() => window.open('https://example.org/')), null);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).userSelect), 'none');
  assert.equal(await page.isVisible('#search'), false, 'no page keyboard field: the kiosk has its own keyboard');
  assert.deepEqual(page.popups, []);
  await page.context().close();
});

test('a changed bundle appears; a broken one and a lost network keep the last good content', async () => {
  const dir = path.join(site.generated, 'kiosk');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bundle.json');
  const good = JSON.parse(fs.readFileSync(path.join(repo, 'assets/bundle.json'), 'utf8'));
  fs.writeFileSync(file, JSON.stringify(good));
  const page = await openPage(browser, site.base + '?kiosk=1&reload=10&idle=3600&lang=en&bundle=generated/kiosk/bundle.json#/news',
                              kioskView);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  // the unchanged bundle costs a 304
  const statuses = [];
  page.on('response', (r) => { if (r.url().includes('generated/kiosk/bundle.json')) statuses.push(r.status()); });
  await new Promise((r) => setTimeout(r, 11000));
  assert.ok(statuses.includes(304), `conditional check: ${statuses}`);
  // new content appears without a restart, the visitor stays on the news
  good.news[0].title = 'A new headline from the editors';
  fs.writeFileSync(file, JSON.stringify(good));
  await waitMirror(page, 'main', 'A new headline from the editors', 40000);
  assert.equal(await page.evaluate(() => location.hash), '#/news');
  // a broken (half-written) update is ignored
  fs.writeFileSync(file, JSON.stringify(good).slice(0, 500));
  const checks = await page.evaluate(() => window.MODV.test.checks);
  await page.waitForFunction((c) => (window.MODV.test.checks) > c, checks, { timeout: 40000 });
  assert.match(await page.textContent('#mirror main'), /A new headline from the editors/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.appState), 'ready');
  // the network goes away: nothing changes on screen
  await page.route('**/generated/kiosk/bundle.json', (r) => r.abort('internetdisconnected'));
  await new Promise((r) => setTimeout(r, 11000));
  assert.match(await page.textContent('#mirror main'), /A new headline from the editors/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The kiosk's checks are timed by the program's kiosk clock, and only once it has content: a
// first download still on its way over a slow network (longer than the reload interval) is not
// joined by a check, and arrives whole; the checks begin after it. (A check has a room of its
// own in the program's memory all the same: web_content.cpp Room.)
test('no check during a slow first download; it arrives whole, and the checks follow', async () => {
  const page = await openPage(browser, null, kioskView);
  await page.addInitScript(() => {
    const real = window.fetch;
    window.fetch = async (input, init) => {
      if (!String(input).includes('bundle.json')) return real(input, init);
      const text = await (await real(input, { credentials: 'same-origin' })).text();
      if (init && init.cache === 'no-store') {  // the kiosk's check: at once, and changed
        window.__checkedAt ??= performance.now();
        return new Response(text.replace('"Mission and activity of the Ministry of Defence"', '"Mission, as checked"'),
                            { headers: { 'Content-Type': 'application/json', ETag: '"checked"' } });
      }
      const bytes = new TextEncoder().encode(text);  // the first download: slowly, past the check
      const step = Math.ceil(bytes.length / 8);
      const body = new ReadableStream({ async start(c) {
        for (let at = 0; at < bytes.length; at += step) {
          await new Promise((r) => setTimeout(r, 1600));
          c.enqueue(bytes.slice(at, at + step));
        }
        c.close();
        window.__downloadedAt = performance.now();
      } });
      return new Response(body, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) } });
    };
  });
  await page.goto(site.base + '?kiosk=1&reload=10&idle=3600&lang=en');
  await waitMirror(page, 'h1', 'Mission and activity', 30000);  // 12.8 s: past one reload interval
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission, as checked', 30000);  // the first check, within an interval
  const [downloaded, checked] = await page.evaluate(() => [window.__downloadedAt, window.__checkedAt]);
  assert.ok(checked > downloaded + 5000, `the first check (${checked} ms) came an interval after the download (${downloaded} ms)`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The kiosk's checks go through the same limits as the first download (boot.js readBundle): an
// answer that announces too much is refused unread, one without a size once past the limit,
// and the content on screen stays. Before, a check read any body whole (arrayBuffer).
test('a check whose answer is over the bundle limit is refused; the content stays', async () => {
  const page = await openPage(browser, null, kioskView);
  // the first check announces 200 MiB; the next ones say no size and send it anyway
  await page.addInitScript(fakeBundleAnswers, { checks: true, body: 'endless', sizes: [200 << 20, 0] });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(site.base + '?kiosk=1&reload=10&idle=3600&lang=en');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission and activity');
  await page.waitForFunction(() => window.MODV.test.failedChecks >= 2, null, { timeout: 60000 });
  assert.ok(warnings.some((w) => /bundle check failed.*The bundle is 200 MiB; bundles may be at most 128 MiB/.test(w)), warnings.join('\n'));
  assert.ok(warnings.some((w) => /bundle check failed.*larger than that; bundles may be at most 128 MiB/.test(w)), warnings.join('\n'));
  assert.match(await page.textContent('#mirror h1'), /Mission and activity/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.appState), 'ready');
  // nothing of the refused bodies stays in the program's memory
  assert.ok(await page.evaluate(() => HEAP8.length) < 96 << 20, 'the wasm heap grew for a refused body');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// On a slow network a check can take longer than the interval between checks: the next waits
// for it instead of starting a second download of the whole bundle beside it.
test('one check at a time: a slow check is not joined by the next', async () => {
  const page = await openPage(browser, null, kioskView);
  await page.addInitScript(fakeBundleAnswers, { checks: true, body: 'stalled' });
  await page.goto(site.base + '?kiosk=1&reload=10&idle=3600&lang=en');
  await waitState(page, 'ready');
  await page.waitForFunction(() => window.__bundleAnswers >= 1, null, { timeout: 30000 });
  await new Promise((r) => setTimeout(r, 22000));  // two more intervals
  assert.equal(await page.evaluate(() => window.__bundleAnswers), 1);
  assert.match(await page.textContent('#mirror h1'), /Mission and activity/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
