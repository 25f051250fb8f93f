// Read it your way (Chromium): the text view on demand (a toggle with aria-pressed, remembered,
// the browser's find and selection on real text, back to the canvas), printing any screen (a PDF
// with its text and address), the text size that doubles the type on a phone, more contrast
// (7:1 on the screenshot) and forced colours, "Share" through the Web Share API on a phone, and
// axe-core with no violation on any screen, on the canvas and in the text view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startSite, launchChromium, openPage, waitState, waitMirror, settle, clickMirror, inkIn } from './harness.mjs';
import { decodePng } from './png.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ITEM = '#/news/armed-forces-museum-berzhite';
const ITEM_TITLE = 'The Museum of Armed Forces has unveiled its new exhibits and surrounding';

let site, browser;
before(async () => {
  site = await startSite();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  site?.close();
});

const render = (page) => page.evaluate(() => document.documentElement.dataset.render);
const toggle = 'nav button[aria-pressed]';  // in #mirror

// Presses the mirror's `selector` element that reads `text`: on the canvas where it is drawn,
// in the text view the element itself.
async function press(page, selector, text = null) {
  const i = await page.evaluate(([sel, t]) => {
    const el = [...document.querySelectorAll('#mirror ' + sel)].find((e) => t === null || e.textContent === t);
    return el ? el.getAttribute('data-i') : null;
  }, [selector, text]);
  assert.ok(i !== null, `no ${selector} "${text}" in the mirror`);
  if (await render(page) === 'html') await page.click(`#mirror [data-i="${i}"]`);
  else await clickMirror(page, `[data-i="${i}"]`);
}

test('the text view: a toggle in the header, by keyboard too; real text for find and selection; remembered; back to the canvas', async () => {
  const page = await openPage(browser, null);
  await page.goto(site.base + '?lang=en' + ITEM);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', ITEM_TITLE);
  assert.equal(await render(page), 'canvas');
  assert.equal(await page.$eval('#mirror ' + toggle, (b) => [b.textContent, b.getAttribute('aria-pressed')].join()), 'Text view,false');
  // By keyboard: the toggle is a real button in the page's focus order.
  await page.focus('#mirror ' + toggle);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.dataset.render === 'html');
  await page.waitForFunction((sel) => document.querySelector('#mirror ' + sel)?.getAttribute('aria-pressed') === 'true', toggle);
  const h1 = await page.$eval('#mirror h1', (el) => ({ text: el.textContent, visible: getComputedStyle(el).color !== 'rgba(0, 0, 0, 0)',
                                                       position: getComputedStyle(el).position }));
  assert.deepEqual(h1, { text: ITEM_TITLE, visible: true, position: 'static' });
  assert.equal(await page.$eval('#canvas', (c) => getComputedStyle(c).visibility), 'hidden');
  // The browser's find, and selecting the title, work on the page's text.
  assert.equal(await page.evaluate(() => window.find('unveiled its new exhibits')), true);
  const selected = await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#mirror h1'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString();
  });
  assert.equal(selected, ITEM_TITLE);
  // The links are real: the news list, then back; the text view stays.
  await page.click('#mirror main a[href="#/news"]');
  await waitMirror(page, 'h1', 'News');
  assert.equal(await render(page), 'html');
  // Chips read as chips, several to a line: the years, and the directives' categories. (Their
  // lists say what they are by their class: a :has() rule would restyle every mirror a frame writes.)
  const rowsOf = (list) => page.evaluate((sel) => {
    const tops = [...document.querySelectorAll(`#mirror main ${sel} li`)].map((li) => Math.round(li.getBoundingClientRect().top));
    return `${tops.length} in ${new Set(tops).size} rows`;
  }, list);
  assert.equal(await rowsOf('ul.strip'), '3 in 1 rows');
  await page.click('#mirror nav a[href="#/directives"]');
  await waitMirror(page, 'h1', 'Directives');
  assert.equal(await rowsOf('ul.chips'), '4 in 1 rows');
  await page.goBack();
  await waitMirror(page, 'h1', 'News');
  // Remembered in this browser: a new visit starts in the text view.
  await page.reload();
  await waitState(page, 'ready');
  await page.waitForFunction(() => document.documentElement.dataset.render === 'html');
  await waitMirror(page, 'h1', 'News');
  // And back: the canvas draws the same screen.
  await press(page, toggle);
  await page.waitForFunction(() => document.documentElement.dataset.render === 'canvas');
  await page.waitForFunction((sel) => document.querySelector('#mirror ' + sel)?.getAttribute('aria-pressed') === 'false', toggle);
  await settle(page);
  const box = await page.$eval('#mirror h1', (el) => { const r = el.getBoundingClientRect(); return { x: r.left, y: r.top, width: r.width, height: r.height }; });
  assert.ok(await inkIn(page, box) > 100, 'the canvas draws the title again');
  await page.reload();
  await waitState(page, 'ready');
  assert.equal(await render(page), 'canvas', 'the choice to leave it is remembered too');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the text view opens where the canvas was; a remembered choice that is unreadable or old is ignored; the kiosk has none', async () => {
  const page = await openPage(browser, null);
  await page.goto(site.base + '?lang=en#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  await settle(page);
  await page.mouse.move(600, 500);
  await page.mouse.wheel(0, 900);
  await page.waitForFunction(() => document.querySelector('#mirror h1').getBoundingClientRect().bottom < 0);
  await settle(page);
  // The first row below the header on the canvas is the first on the page.
  const first = await page.evaluate(() => {
    const top = document.querySelector('#mirror nav').getBoundingClientRect().bottom;
    return [...document.querySelectorAll('#mirror main [data-i]')].find((el) => el.getBoundingClientRect().bottom > top + 1).textContent;
  });
  await press(page, toggle);
  await page.waitForFunction(() => document.documentElement.dataset.render === 'html');
  await page.waitForTimeout(500);
  const at = await page.evaluate((text) => {
    const el = [...document.querySelectorAll('#mirror main [data-i]')].find((e) => e.textContent === text);
    return el ? el.getBoundingClientRect().top : null;
  }, first);
  assert.ok(at !== null && at > -5 && at < 200, `"${first}" is at the top of the text view (${at})`);
  await page.context().close();

  for (const stored of ['not json', '{"v":0,"textView":true}', '{"v":1,"textView":"yes","textSize":7}']) {
    const p = await openPage(browser, null);
    await p.addInitScript((s) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('modv.reading', s); sessionStorage.setItem('seeded', '1'); } }, stored);
    await p.goto(site.base + '?lang=en');
    await waitState(p, 'ready');
    assert.equal(await render(p), 'canvas', stored);
    await waitMirror(p, 'nav', 'Text size 100%');
    assert.deepEqual(p.errors, [], stored);
    await p.context().close();
  }
  const kiosk = await openPage(browser, null, { viewport: { width: 1920, height: 1080 } });
  await kiosk.goto(site.base + '?kiosk=1&lang=en');
  await waitState(kiosk, 'ready');
  await waitMirror(kiosk, 'nav', 'Large text, high contrast');
  assert.equal(await kiosk.$$eval('#mirror nav button', (bs) => bs.filter((b) => /Text view|Text size/.test(b.textContent)).length), 0);
  await kiosk.context().close();
});

test('printing a news item from the canvas: a PDF whose text holds its title, its date and its address, without the navigation; the news without its row of years', async () => {
  const page = await openPage(browser, null);
  await page.goto(site.base + '?lang=en' + ITEM);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', ITEM_TITLE);
  assert.equal(await render(page), 'canvas');
  const address = await page.evaluate(() => location.href);
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'modv-print-')), 'item.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  fs.rmSync(path.dirname(pdf), { recursive: true, force: true });
  assert.ok(text.includes(ITEM_TITLE), text.slice(0, 400));
  assert.ok(text.includes('December 2023'), 'its date');
  assert.ok(text.includes(address), `its address ${address}: ${text.slice(-300)}`);
  assert.ok(!text.includes('Directives') && !text.includes('Text view'), 'no navigation, no controls');
  assert.equal(await render(page), 'canvas', 'the canvas stays');
  // The news: its items, without the row of years (a way to move, as the navigation is).
  await page.evaluate(() => { location.hash = '#/news'; });
  await waitMirror(page, 'h1', 'News');
  const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'modv-print-')), 'news.pdf');
  await page.pdf({ path: list, format: 'A4' });
  const listText = execFileSync('pdftotext', ['-layout', list, '-']).toString().replace(/\s+/g, ' ');
  fs.rmSync(path.dirname(list), { recursive: true, force: true });
  assert.ok(listText.includes(ITEM_TITLE), listText.slice(0, 400));
  assert.ok(!listText.includes('All years'), `no row of years: ${listText.slice(0, 300)}`);
  await page.context().close();
});

test('the text size on a phone: the control doubles a heading\'s height; nothing goes sideways at 320 CSS px; the choice stays', async () => {
  const page = await openPage(browser, null, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await page.goto(site.base + '?lang=en' + ITEM);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', ITEM_TITLE);
  await settle(page);
  const height = () => page.$eval('#mirror h1', (el) => el.getBoundingClientRect().height);
  const before = await height();
  for (const label of ['Text size 100%', 'Text size 150%']) {
    await press(page, 'nav button', label);
    await waitMirror(page, 'nav', label === 'Text size 100%' ? 'Text size 150%' : 'Text size 200%');
  }
  await settle(page);
  const after = await height();
  assert.ok(after >= 1.9 * before, `the title's height: ${before} -> ${after} CSS px`);
  await page.setViewportSize({ width: 320, height: 640 });
  await settle(page);
  const wide = await page.evaluate(() => Math.max(...[...document.querySelectorAll('#mirror [data-i]')].map((el) => el.getBoundingClientRect().right)));
  assert.ok(wide <= 321, `every text within 320 CSS px: ${wide}`);
  // In the text view the page's own text is twice the size, and reflows.
  await press(page, toggle);
  await page.waitForFunction(() => document.documentElement.dataset.render === 'html');
  const page2 = await page.evaluate(() => ({ font: parseFloat(getComputedStyle(document.querySelector('#mirror main p')).fontSize),
                                             scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  assert.ok(page2.font >= 35, `the text view's type: ${page2.font} px`);
  assert.ok(page2.scroll <= page2.width, `no sideways scrolling: ${page2.scroll} > ${page2.width}`);
  await page.reload();
  await waitState(page, 'ready');
  await waitMirror(page, 'nav', 'Text size 200%');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The contrast of the text drawn in `rect` against its background: the region's commonest colour
// is the background; the text's contrast is that which 5% of the other pixels reach (the cores
// of the glyphs; their anti-aliased edges are mixtures of the two colours). Measured once the
// region holds text: the canvas is drawn by its worker, which may show its frame after the mirror
// has been written (under load, one run in some ten saw the background alone).
async function drawnContrast(page, rect) {
  const lum = (c) => [(c >> 16) & 255, (c >> 8) & 255, c & 255].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  for (const until = Date.now() + 10000; ;) {
    const { px, width, height } = decodePng(await page.screenshot({ clip: rect, scale: 'css' }));
    const colors = [];
    const count = new Map();
    for (let i = 0; i < width * height; i++) {
      const c = (px[i * 4] << 16) | (px[i * 4 + 1] << 8) | px[i * 4 + 2];
      colors.push(c);
      count.set(c, (count.get(c) || 0) + 1);
    }
    const bg = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const ink = colors.filter((c) => c !== bg).map((c) => ratio(c, bg)).sort((a, b) => b - a);
    if (ink.length >= colors.length / 100 || Date.now() > until) return ink.length ? ink[Math.floor(ink.length * 0.05)] : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The first of the mirror's `selector` elements that shows, as a screenshot's clip (once one
// shows: the text view lays its page out in the frames after the switch). Found and measured in
// one look: the program may write the mirror again between two.
async function boxOf(page, selector) {
  const found = await page.waitForFunction((sel) => {
    const r = [...document.querySelectorAll('#mirror ' + sel)].map((el) => el.getBoundingClientRect())
      .find((b) => b.width > 0 && b.height > 0);
    return r ? { x: Math.max(r.left, 0), y: Math.max(r.top, 0), width: Math.min(r.width, 600), height: r.height } : null;
  }, selector, { timeout: 10000 });
  return found.jsonValue();
}

test('more contrast: the canvas and the text view draw text at 7:1 or more; forced colours are the system\'s', async () => {
  for (const dark of [false, true]) {
    const page = await openPage(browser, null, { contrast: 'more', colorScheme: dark ? 'dark' : 'light' });
    await page.goto(site.base + '?lang=en' + ITEM);
    await waitState(page, 'ready');
    await waitMirror(page, 'h1', ITEM_TITLE);
    await settle(page);
    for (const sel of ['h1', 'main p', 'main p:last-of-type', 'nav a', 'nav a[aria-current="page"]']) {
      const c = await drawnContrast(page, await boxOf(page, sel));
      assert.ok(c >= 7, `${dark ? 'dark' : 'light'} canvas, ${sel}: ${c.toFixed(1)}:1`);
    }
    await press(page, toggle);
    await page.waitForFunction(() => document.documentElement.dataset.render === 'html' &&
                                     document.querySelector('#mirror main p:last-of-type')?.getBoundingClientRect().width > 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const sel of ['h1', 'main p', 'main p:last-of-type', 'nav a', 'nav a[aria-current="page"]']) {
      const c = await drawnContrast(page, await boxOf(page, sel));
      assert.ok(c >= 7, `${dark ? 'dark' : 'light'} text view, ${sel}: ${c.toFixed(1)}:1`);
    }
    await page.context().close();
  }
  // Forced colours: the canvas's background and text are the system's Canvas and CanvasText.
  const page = await openPage(browser, null, { forcedColors: 'active' });
  await page.goto(site.base + '?lang=en' + ITEM);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', ITEM_TITLE);
  await settle(page);
  const system = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    probe.style.color = 'Canvas';
    const canvas = getComputedStyle(probe).color;
    probe.remove();
    return canvas;
  });
  const { px } = decodePng(await page.screenshot({ clip: { x: 1150, y: 780, width: 1, height: 1 }, scale: 'css' }));
  assert.equal(`rgb(${px[0]}, ${px[1]}, ${px[2]})`, system, 'the canvas\'s background is the system\'s Canvas');
  await page.context().close();
});

test('Share: a phone with the Web Share API shares the screen\'s address and title; elsewhere Copy link', async () => {
  const phone = await openPage(browser, null, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.addInitScript(() => { navigator.share = (data) => { window.__shared = data; return Promise.resolve(); }; });
  await phone.goto(site.base + '?lang=en' + ITEM);
  await waitState(phone, 'ready');
  await waitMirror(phone, 'main', 'Share');
  assert.equal(await phone.$$eval('#mirror main button', (bs) => bs.filter((b) => b.textContent === 'Copy link').length), 0);
  await press(phone, 'main button', 'Share');
  await phone.waitForFunction(() => window.__shared);
  const shared = await phone.evaluate(() => window.__shared);
  assert.equal(shared.title, ITEM_TITLE);
  assert.match(shared.url, /armed-forces-museum-berzhite/);
  await phone.context().close();
  const desktop = await openPage(browser, null);
  await desktop.goto(site.base + '?lang=en' + ITEM);
  await waitState(desktop, 'ready');
  await waitMirror(desktop, 'main', 'Copy link');
  await desktop.context().close();
});

const SCREENS = ['#/mission', '#/news', ITEM, '#/directives', '#/directives/defence-directive-2024', '#/search?q=berzh', '#/diagnostics'];

async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('axe-core: no violation on any screen, on the canvas and in the text view', async () => {
  const page = await openPage(browser, null);
  const found = [];
  for (const view of ['canvas', 'html']) {
    for (const screen of SCREENS) {
      await page.goto(site.base + '?lang=en' + screen);
      await waitState(page, 'ready');
      await waitMirror(page, 'h1', '');
      if (await render(page) !== view) {
        await press(page, toggle);
        await page.waitForFunction((v) => document.documentElement.dataset.render === v, view);
      }
      await settle(page);
      for (const v of await axeViolations(page)) found.push(`${view} ${screen}: ${v}`);
    }
  }
  assert.deepEqual(found, []);
  await page.context().close();
});
