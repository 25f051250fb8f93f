// Richer content in the running viewer (Chromium, canvas): a published bundle with an image that
// has its words, a directive with its number, documents (type, size, language) and history of
// changes, and tags and categories with a word per language. The published pages themselves
// are read by real checkers in tests/native/published_checks.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { repo, openPage, waitState, waitMirror, clickMirror, settle, inkIn, mirrorTarget } from './harness.mjs';
import { publishedSites } from './published_site.mjs';

const site = publishedSites([{ bundle: path.join(repo, 'tests/fixtures/rich.json') }], 'https://mod.example.al');

test('an image with its words: drawn with its caption and credit under it; the mirror holds it as a figure with its alt text', async () => {
  const page = await openPage(site.browser, null);
  await page.goto(`${site.origin}/en/news/museum-hall/`);
  await waitState(page, 'ready');
  await waitMirror(page, 'figure figcaption', 'The new hall, opened in March — Foto: MM');
  await settle(page);
  // Until the image comes, the canvas keeps a half-measure-high place for it; the caption is
  // looked for under the image only once the mirror places the figure at the image's own size
  // (160 x 100) and that place has held still (the canvas is painted a frame after the mirror).
  await page.waitForFunction(() => {
    const r = document.querySelector('#mirror figure')?.getBoundingClientRect();
    return r && r.height > 100 && r.height < 180;
  });
  await page.evaluate(mirrorTarget, 'figure');  // and held still for a few frames
  const figure = await page.evaluate(() => {
    const f = document.querySelector('#mirror figure');
    const img = f.querySelector('img');
    const r = f.getBoundingClientRect();
    return { alt: img.alt, src: new URL(img.src).pathname, opacity: getComputedStyle(img).opacity,
             rect: { x: r.left, y: r.top, width: r.width, height: r.height } };
  });
  assert.equal(figure.alt, 'The museum\'s hall with two tanks');
  assert.equal(figure.src, '/images/museum.png');
  assert.equal(figure.opacity, '0', 'the canvas draws the image; the mirror\'s stays unseen');
  // The figure's place holds the image (160 x 100 CSS px) and, under it, the caption's line.
  assert.ok(figure.rect.height > 110, `the figure holds the image and its caption: ${JSON.stringify(figure.rect)}`);
  const caption = { x: figure.rect.x, y: figure.rect.y + 104, width: Math.min(figure.rect.width, 300), height: figure.rect.height - 104 };
  assert.ok(await inkIn(page, caption) > 50, 'the caption is drawn under the image');
  assert.match(await page.textContent('#mirror main'), /Tags: Air Force, Museum, NATO/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a directive with its number, documents (type, size, language) and history, in the visitor\'s language', async () => {
  const page = await openPage(site.browser, null);
  await page.goto(`${site.origin}/en/directives/strategy-2024/`);
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'History of changes');
  const text = await page.evaluate(() => [...document.querySelectorAll('#mirror main :is(h1, h2, p, li)')].map((e) => e.textContent.trim()));
  assert.ok(text.includes('15 January 2024 · Directive · Nr. 17/2024'), text.join(' | '));
  assert.ok(text.includes('The strategy (Albanian) PDF, 42 B, Shqip'), text.join(' | '));
  assert.ok(text.includes('The strategy (English) PDF, English'), text.join(' | '));
  assert.ok(text.includes('2 April 2024 — Annex B added.'), text.join(' | '));
  // Each document is a link out of the app, to the file of the bundle's folder or its address.
  const links = await page.evaluate(() => [...document.querySelectorAll('#mirror main li a')].map((a) => [new URL(a.href).pathname, a.target]));
  assert.deepEqual(links, [['/docs/strategy-2024.pdf', '_blank'], ['/files/strategy-2024-en.pdf', '_blank']]);
  // Pressed on the canvas, a document opens in a new tab.
  const opened = page.context().waitForEvent('page');
  await clickMirror(page, 'main li a');
  assert.match((await opened).url(), /\/docs\/strategy-2024\.pdf$/);

  await page.goto(`${site.origin}/sq/directives/strategy-2024/`);
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'Historia e ndryshimeve');
  assert.match(await page.textContent("#mirror main"), /Strategjia \(shqip\)\s*PDF, 42 B, Shqip/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('labels in every language: the English chips read English, and a filter keeps its address across languages', async () => {
  const page = await openPage(site.browser, null);
  await page.goto(`${site.origin}/en/directives/`);
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'Directive (1)');
  await clickMirror(page, 'main li:nth-child(2) a');
  await page.waitForFunction(() => decodeURIComponent(location.hash) === '#/directives?category=Direktivë');
  await waitMirror(page, 'main a[aria-current="page"]', 'Directive (1)');
  // The mirror is changed in place: the chip that was current says so no more.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#mirror main a[aria-current="page"]')].map((a) => a.textContent)),
                   ['Directive (1)']);
  assert.doesNotMatch(await page.textContent('#mirror main'), /Order on exercises/, 'the filter leaves the other category out');
  // The same address in Albanian: the same filter, in Albanian words.
  await page.goto(`${site.origin}/sq/directives/#/directives?category=Direktiv%C3%AB`);
  await waitState(page, 'ready');
  await waitMirror(page, 'main a[aria-current="page"]', 'Direktivë (1)');
  // The news tags likewise.
  await page.goto(`${site.origin}/en/news/#/news?tag=Forcat%20Ajrore`);
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'Air exercise');
  const active = await page.evaluate(() => [...document.querySelectorAll('#mirror main a[aria-current="page"]')].map((a) => a.textContent));
  assert.deepEqual(active, ['All years (3)', '#Air Force (2)']);
  assert.doesNotMatch(await page.textContent('#mirror main'), /wordless image/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
