// Keyboard and screen readers: the mirror is an accessible document with landmarks;
// Tab and arrows move through its links, the canvas outlines and scrolls to the focused item,
// Enter opens it, Escape goes back; "Copy link" puts the item's address on the clipboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchChromium, openPage, waitState, waitMirror } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

async function activeHref(page) {
  return page.evaluate(() => document.activeElement && document.activeElement.getAttribute('href'));
}

test('the mirror has landmarks, headings and lists placed over the canvas', async () => {
  const page = await openPage(browser, site.base + '#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  assert.equal(await page.$$eval('#mirror nav', (n) => n.length), 1);
  assert.equal(await page.$$eval('#mirror main', (n) => n.length), 1);
  assert.ok((await page.$$eval('#mirror main h2', (n) => n.length)) >= 2);
  assert.equal(await page.$$eval('#mirror main ul li a[href^="#/news/"]', (n) => n.length), 7);
  const style = await page.$eval('#mirror', (m) => getComputedStyle(m).pointerEvents);
  assert.equal(style, 'none');
  // a heading sits where the canvas draws it: inside the viewport, near the top
  const h1 = await page.$eval('#mirror h1', (h) => h.getBoundingClientRect().toJSON());
  assert.ok(h1.top > 60 && h1.top < 200 && h1.width > 20, JSON.stringify(h1));
  await page.context().close();
});

test('Tab and arrows move through the items; Enter opens; Escape goes back', async () => {
  const page = await openPage(browser, site.base + '#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await activeHref(page), '#/mission', 'Tab reaches the navigation');
  await page.keyboard.press('ArrowDown');
  assert.equal(await activeHref(page), '#/news', 'arrows move into the content: the year rail first');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');  // 2024, 2023, then the first item
  assert.equal(await activeHref(page), '#/news/black-hawk-arrival', 'and on into the list');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const href = await activeHref(page);
  assert.equal(href, '#/news/nato-defence-ministers-brussels');
  // the focused item is brought into view on the canvas
  await page.waitForFunction(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 20000 });
  await page.keyboard.press('Enter');
  await waitMirror(page, 'h1', 'The NATO Defence Ministers Meeting in Brussels');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus continues from the new title');
  await page.keyboard.press('Escape');
  await waitMirror(page, 'h1', 'News');
  assert.equal(await page.evaluate(() => location.hash), '#/news');
  await page.context().close();
});

test('Copy link puts the address of the item on the clipboard', async () => {
  const page = await openPage(browser, site.base + '#/directives/defence-directive-2024');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base.slice(0, -1) });
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Defence Directive 2024');
  const box = await page.$eval('#mirror main button', (b) => b.getBoundingClientRect().toJSON());
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitMirror(page, 'main button', 'Link copied');
  // the item's own page: an address a server receives, for previews and search engines
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), site.base + 'en/directives/defence-directive-2024/');
  await page.context().close();
});

test('Copy link of another bundle\'s item (no pages of its own) gives the address with the route', async () => {
  const page = await openPage(browser, site.base + '?bundle=fixtures/bilingual.json&lang=en#/directives/strategy-2024');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base.slice(0, -1) });
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Strategy');
  const box = await page.$eval('#mirror main button', (b) => b.getBoundingClientRect().toJSON());
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitMirror(page, 'main button', 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
               site.base + '?bundle=fixtures/bilingual.json&lang=en#/directives/strategy-2024');
  await page.context().close();
});
