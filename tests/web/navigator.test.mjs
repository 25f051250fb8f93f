// The news's navigator on a phone, for a published archive of 30 years and 60 tags: the first
// news item in the first screen (the viewer and the page without JavaScript), every year and tag
// in the mirror, the years one row a finger swipes, a year's months leading to the page of the
// year that holds them, and the tags folded behind "Filters" on the page as in the viewer and
// in the text that stands in for a canvas without WebGL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, openPage, waitState, settle, patchRenderWorker } from './harness.mjs';
import { publishArchive, publishedSites } from './published_site.mjs';

const YEARS = 30, TAGS = 60, PER_YEAR = 12;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-navigator-'));
publishArchive(work, {
  news: YEARS * PER_YEAR,
  edit: (b) => b.news.forEach((n, i) => {
    n.date = `${2026 - Math.floor(i / PER_YEAR)}-${String(12 - (i % PER_YEAR)).padStart(2, '0')}-01`;
    n.tags = [`tema-${1 + (i % TAGS)}`, `tema-${1 + ((i * 7) % TAGS)}`];
  }),
});
const served = publishedSites([{ bundle: path.join(work, 'bundle.json'), dir: 'site', args: ['--reads', 'shards'] }], 'https://navigator.example');
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const at = (p) => `${served.origin}/site/${p}`;

// The top of `selector`'s first element in `root` ("#mirror" or "#page"), in CSS px.
const topOf = (page, selector) => page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1, selector);
const hrefs = (page, selector) => page.$$eval(selector, (as) => as.map((a) => a.getAttribute('href')));

test('a 30-year archive with 60 tags shows its first news item in a phone\'s first screen, and the mirror lists every year and tag', async () => {
  const page = await openPage(served.browser, at('en/news/'), phone);
  await waitState(page, 'ready');
  await settle(page);
  const first = await topOf(page, '#mirror main li a[href^="#/news/n"]');
  assert.ok(first > 0 && first + 44 <= 844, `the first item's top: ${first} px`);
  const years = await hrefs(page, '#mirror main ul.strip a');
  assert.equal(years.filter((h) => /^#\/news\?year=\d{4}$/.test(h)).length, YEARS);
  const tags = await hrefs(page, '#mirror main ul.filters a');
  assert.equal(tags.length, TAGS);
  // The keyboard (the mirror's focus): a year beyond the row's end is scrolled into view, and a
  // folded tag opens the fold.
  const oldest = '#mirror main ul.strip a[href="#/news?year=1997"]';
  assert.ok(await page.$eval(oldest, (a) => a.getBoundingClientRect().left > innerWidth), 'the oldest year starts beyond the screen');
  await page.focus(oldest);
  await page.waitForFunction((sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; },
                             oldest, { timeout: 10000 });
  assert.equal(await page.$eval('#mirror main button[aria-pressed]', (b) => b.getAttribute('aria-pressed')), 'false');
  await page.focus('#mirror main ul.filters a');
  await page.waitForSelector('#mirror main button[aria-pressed="true"]', { timeout: 10000 });
  // The page without JavaScript: the same first screen, the same years and tags as links.
  const still = await served.browser.newContext({ ...phone, javaScriptEnabled: false });
  const plain = await still.newPage();
  await plain.goto(at('en/news/'));
  const pageFirst = await topOf(plain, '#page main li a[href*="/news/n"]');
  assert.ok(pageFirst > 0 && pageFirst + 44 <= 844, `the page's first item's top: ${pageFirst} px`);
  assert.equal((await hrefs(plain, '#page main ul.strip a')).filter((h) => /\/news\/\d{4}\.html$/.test(h)).length, YEARS);
  assert.equal((await hrefs(plain, '#page main details ul a')).length, TAGS);
  assert.equal(await plain.$eval('#page main details summary', (s) => s.textContent), 'Filters');
  assert.equal(await plain.$eval('#page main details', (d) => d.open), false);
  await still.close();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a finger swipes the row of years; a year opens to its months, and a month to its place in the year', async () => {
  const page = await openPage(served.browser, at('en/news/'), phone);
  await waitState(page, 'ready');
  await settle(page);
  const oldest = '#mirror main ul.strip a[href="#/news?year=1997"]';
  const box = () => page.$eval(oldest, (a) => a.getBoundingClientRect().toJSON());
  const before = await box();
  assert.ok(before.left > 390, `the oldest year starts beyond the screen: ${before.left}`);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const y = before.top + before.height / 2;
  let after = before;
  for (let swipe = 0; swipe < 20 && after.right > 390; swipe++) {
    await touch('touchStart', 350, y);
    for (let i = 1; i <= 8; i++) await touch('touchMove', 350 - i * 40, y);
    await page.waitForTimeout(150);  // held still: no coasting
    await touch('touchEnd');
    await settle(page);
    const now = await box();
    assert.ok(now.left < after.left - 200, `a swipe moves the row with the finger: ${after.left} to ${now.left}`);
    after = now;
  }
  assert.ok(after.right <= 390 && after.left >= 0, `the oldest year swiped into view: ${after.left}-${after.right}`);
  assert.equal(after.top, before.top, 'the screen itself did not move');
  assert.equal(await page.evaluate(() => location.hash), '', 'no year was chosen by the swipe');

  // A tap on it chooses it; its months come in a second row.
  await page.touchscreen.tap(after.left + after.width / 2, y);
  await page.waitForFunction(() => location.hash === '#/news?year=1997');
  await page.waitForFunction(() => document.querySelectorAll('#mirror main ul.strip').length === 2);
  const months = await hrefs(page, '#mirror main ul.strip:nth-of-type(2) a');
  assert.equal(months.length, PER_YEAR);
  assert.equal(months[0], '#/news?year=1997&month=12');
  await page.context().close();

  // The year's page links each month to its page of the year, where the viewer starts at it.
  const still = await served.browser.newContext({ javaScriptEnabled: false });
  const plain = await still.newPage();
  await plain.goto(at('en/news/1997.html'));
  const pageMonths = await hrefs(plain, '#page main ul.strip:nth-of-type(2) a');
  assert.deepEqual(pageMonths.slice(0, 2), ['../../en/news/1997.html#/news?year=1997&month=12', '../../en/news/1997.html#/news?year=1997&month=11']);
  await still.close();
  const viewer = await openPage(served.browser, at('en/news/1997.html#/news?year=1997&month=9'), phone);
  await waitState(viewer, 'ready');
  await settle(viewer);
  const heading = await viewer.evaluate(() => {
    const h = [...document.querySelectorAll('#mirror main h3')].find((e) => e.textContent === 'September 1997');
    return h ? h.getBoundingClientRect().top : -1;
  });
  const top = await viewer.evaluate(() => Math.max(0, ...[...document.querySelectorAll('#mirror *')].filter((e) => !e.closest('main'))
    .map((e) => e.getBoundingClientRect().bottom)));
  // (The search field, a real input over the canvas, sits under the mirror's header too.)
  assert.ok(heading >= top && heading < 844 / 4, `September 1997 at the top: ${heading} px (the header ends at ${top})`);
  assert.deepEqual(viewer.errors, []);
  await viewer.context().close();
});

// The mouse drags the row of years; a button that the page never sees released (the window lost
// the focus while it was held) is let go, not held for every later move.
test('the mouse drags the row of years, and a button held when the window loses the focus is let go', async () => {
  const page = await openPage(served.browser, at('en/news/'), { viewport: { width: 800, height: 700 } });
  await waitState(page, 'ready');
  await settle(page);
  const oldest = '#mirror main ul.strip a[href="#/news?year=1997"]';
  const left = () => page.$eval(oldest, (a) => a.getBoundingClientRect().left);
  const first = await page.$eval('#mirror main ul.strip a', (a) => a.getBoundingClientRect().toJSON());
  const y = first.top + first.height / 2;
  // Where the oldest year is before and after the mouse, pressed, moves 300 px to the left.
  // blur: 'away', the focus goes and stays away for a frame before the mouse moves again;
  // 'brief', the focus goes and the mouse moves in the same task (one frame sees both).
  const drag = async (blur) => {
    await page.mouse.move(600, y);
    await settle(page);
    const start = await left();
    await page.mouse.down();
    // Held: the program has taken the press in a frame before the focus goes.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (blur) {
      await page.evaluate(([brief, x, y]) => {
        window.dispatchEvent(new Event('blur'));
        if (brief) document.getElementById('canvas').dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, buttons: 1 }));
        return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }, [blur === 'brief', 570, y]);
    }
    for (let i = 1; i <= 10; i++) await page.mouse.move(600 - i * 30, y);
    await settle(page);
    const end = await left();
    await page.mouse.up();
    await settle(page);
    return [start, end];
  };
  const [before, dragged] = await drag(false);
  assert.ok(dragged < before - 200, `the row follows the mouse: ${before} to ${dragged}`);
  for (const blur of ['away', 'brief']) {
    const [start, held] = await drag(blur);
    assert.ok(Math.abs(held - start) < 2, `no drag after the focus went (${blur}): ${start} to ${held}`);
  }
  assert.equal(await page.evaluate(() => location.hash), '', 'no year was chosen by either (the press cut short is no click)');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without WebGL (the text view as the page), the years are one row and "Filters" shows and hides the tags', async () => {
  const browser = await launchChromium(['--disable-3d-apis']);
  try {
    // Chromium's switches do not reach a worker's OffscreenCanvas: there it is taken away.
    const page = await openPage(browser, null, { viewport: { width: 390, height: 844 } });
    await patchRenderWorker(page, () => { OffscreenCanvas.prototype.getContext = () => null; });
    await page.goto(at('en/news/'));
    await waitState(page, 'ready');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.render), 'html');
    const tops = await page.$$eval('#mirror main ul.strip a', (as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
    assert.ok(tops.length > YEARS && tops.every((t) => t === tops[0]), 'one row');
    const tagsShown = () => page.$eval('#mirror main ul.filters', (ul) => ul.getBoundingClientRect().height > 0);
    assert.equal(await tagsShown(), false);
    await page.click('#mirror main button[aria-pressed="false"]');
    await page.waitForSelector('#mirror main button[aria-pressed="true"]');
    assert.equal(await tagsShown(), true);
    const first = await page.$eval('#mirror main ul.filters a', (a) => a.getAttribute('href'));
    await page.click(`#mirror main ul.filters a[href="${first}"]`);
    await page.waitForFunction((h) => location.hash === h, first);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
