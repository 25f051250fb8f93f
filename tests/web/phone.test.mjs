// A phone in the browser: 360 px wide at device pixel ratio 3 with touch. The canvas
// is crisp (backing store = CSS size x ratio), a tap is one click, a drag scrolls with the
// finger and a flick coasts to a stop, browser gestures are off the canvas (touch-action).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchChromium, openPage, waitState, waitMirror, settle } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function topOf(page, selector) {
  return page.evaluate((s) => document.querySelector('#mirror ' + s).getBoundingClientRect().top, selector);
}


test('the canvas is crisp at device pixel ratio 3 and the layout is one column', async () => {
  const page = await openPage(browser, site.base + '#/news', phone);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, touch: getComputedStyle(c).touchAction };
  });
  assert.equal(size.w, size.cw * 3);
  assert.equal(size.h, size.ch * 3);
  assert.equal(size.touch, 'none');
  const boxes = await page.$$eval('#mirror main li a[href^="#/news/"]', (as) => as.slice(0, 3).map((a) => a.getBoundingClientRect().toJSON()));
  for (const b of boxes) {
    assert.ok(b.left >= 0 && b.right <= 360, 'inside the screen');
    assert.ok(b.height >= 44, `touch target ${b.height}`);
  }
  assert.ok(boxes[1].top >= boxes[0].bottom - 1, 'one column');
  const bodyFont = await page.evaluate(() => {
    const p = [...document.querySelectorAll('#mirror main li span')][0];
    return p ? p.getBoundingClientRect().height : 0;
  });
  assert.ok(bodyFont >= 0);
  await page.context().close();
});

test('a tap opens the item once; a drag scrolls; a flick coasts and stops', async () => {
  // the mission is long on a phone: room to scroll
  const page = await openPage(browser, site.base + '#/mission', phone);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission');
  await settle(page);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });

  // a slow drag: the content follows the finger, and stops when the finger stops
  const before = await topOf(page, 'h1');
  await touch('touchStart', 180, 600);
  for (let i = 1; i <= 10; i++) { await touch('touchMove', 180, 600 - i * 20); await page.waitForTimeout(30); }
  await page.waitForTimeout(200);
  await touch('touchEnd');
  await settle(page);
  const afterDrag = await topOf(page, 'h1');
  assert.ok(Math.abs(before - afterDrag - 200) < 30, `scrolled with the finger: ${before - afterDrag} px`);

  // a flick: it goes on after the finger lifts. CDP takes ~200 ms per touch event here, far
  // slower than a finger, so the flick is made of touch events at 60 Hz inside the page.
  const atRelease = await page.evaluate(async () => {
    const canvas = document.getElementById('canvas');
    const send = (type, y) => {
      const t = new Touch({ identifier: 1, target: canvas, clientX: 180, clientY: y });
      canvas.dispatchEvent(new TouchEvent(type, { touches: type === 'touchend' ? [] : [t], changedTouches: [t],
                                                  bubbles: true, cancelable: true }));
    };
    const tick = () => new Promise((r) => setTimeout(r, 16));
    send('touchstart', 600);
    for (let i = 1; i <= 8; i++) { await tick(); send('touchmove', 600 - i * 30); }
    send('touchend', 360);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return document.querySelector('#mirror h1').getBoundingClientRect().top;
  });
  await settle(page);
  const stopped = await topOf(page, 'h1');
  assert.ok(atRelease - stopped > 20, `coasted ${atRelease - stopped} px after release`);

  // tap the first news item: exactly one navigation
  await page.evaluate(() => { location.hash = '#/news'; });
  await waitMirror(page, 'h1', 'News');
  await settle(page);
  const historyBefore = await page.evaluate(() => history.length);
  const box = await page.$eval('#mirror main li a[href^="#/news/"]', (a) => a.getBoundingClientRect().toJSON());
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => location.hash.startsWith('#/news/'), null, { timeout: 20000 });
  await settle(page);
  assert.equal(await page.evaluate(() => history.length), historyBefore + 1, 'one history entry: one click');
  await page.context().close();
});
