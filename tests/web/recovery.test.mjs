// No fatal state is final: a kiosk whose viewer stops (an abort) reloads itself after
// a few seconds, waiting twice as long after each crash within the hour; a visitor gets the
// message and a button; a kiosk that starts with the server down shows a calm, bilingual
// waiting screen and the content as soon as the server is back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchChromium, openPage, waitState, waitMirror, patchRenderWorker } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

test('a kiosk whose viewer aborts reloads itself, and a crash loop backs off', async () => {
  const page = await openPage(browser, site.base + '?kiosk=1&lang=en');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  await page.evaluate(() => localStorage.removeItem('modv.crashes'));
  const reloaded = page.waitForEvent('load', { timeout: 30000 });
  await page.evaluate(() => { setTimeout(() => abort('forced by the test'), 0); });  // Emscripten's abort(), as an out-of-memory would
  await waitState(page, 'error');
  assert.match(await page.textContent('#mirror'), /Restarting by itself in 5 s/);
  assert.equal(await page.evaluate(() => window.MODV.test.reloadIn), 5000);
  await reloaded;
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  // a second crash soon after waits twice as long
  await page.evaluate(() => { setTimeout(() => abort('again'), 0); });
  await waitState(page, 'error');
  assert.equal(await page.evaluate(() => window.MODV.test.reloadIn), 10000);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('modv.crashes')).count), 2);
  await page.context().close();
});

// The render worker is a part that can stop on its own (a GPU process gone, a worker killed):
// the page's frames then wait for it for good while the program runs on. A frame sent 10 s ago
// and not drawn stops the kiosk's heartbeat, so that boot.js's watchdog reloads the kiosk
// (after twice its longest interval: the watchdog itself is the one an abort's test covers).
test('a kiosk whose render worker stops drawing stops its heartbeat, for the watchdog to reload it', async () => {
  const page = await openPage(browser, null, { hasTouch: true });
  await patchRenderWorker(page, () => {
    let stopped = false;
    const post = self.postMessage.bind(self);
    self.addEventListener('message', (e) => { if (e.data.type === 'test: stop answering') stopped = true; });
    self.postMessage = (m, transfer) => (stopped && m.type === 'drawn' ? undefined : post(m, transfer));
  });
  await page.goto(site.base + '?kiosk=1&idle=10&reload=10&lang=en');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  const age = () => page.evaluate(() => Date.now() - window.MODV.kiosk.lastHeartbeat());
  await page.waitForTimeout(12000);  // a wake-up at least once per idle or reload interval
  assert.ok(await age() < 11000, `a kiosk that draws beats (${await age()} ms since)`);
  await page.evaluate(() => window.MODV.renderer.getWorker().postMessage({ type: 'test: stop answering' }));
  let last = 0;
  for (const end = Date.now() + 60000; Date.now() < end && (last = await age()) < 25000;) await page.waitForTimeout(1000);
  assert.ok(last >= 25000, `no beat for 25 s once the worker stopped (${last} ms since)`);
  await page.context().close();
});

test('a visitor whose viewer aborts gets the message and a button that starts it again', async () => {
  const page = await openPage(browser, site.base + '?lang=en#/news');
  await waitState(page, 'ready');
  await page.evaluate(() => { setTimeout(() => abort('forced by the test'), 0); });
  await waitState(page, 'error');
  assert.match(await page.textContent('#mirror [role=alert]'), /stopped unexpectedly/);
  await page.click('#mirror button');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  await page.context().close();
});

test('a kiosk started while the server is down waits calmly, then shows the content when it is back', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  let down = true;
  await page.route('**/bundle.json*', (route) => (down ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await page.goto(site.base + '?kiosk=1&reload=10');
  await waitState(page, 'waiting');
  const text = await page.textContent('#mirror');
  assert.match(text, /Në pritje të përmbajtjes/);
  assert.match(text, /Waiting for content/);
  assert.equal(await page.$('#mirror [role=alert]'), null, 'no error screen');
  assert.equal(await page.$('#mirror button'), null, 'nothing to press');
  down = false;
  const back = Date.now();
  await waitState(page, 'ready', 20000);
  assert.ok(Date.now() - back < 11000, `content within one reload interval: ${Date.now() - back} ms`);
  await waitMirror(page, 'h1', 'Mission and activity');
  await context.close();
});
