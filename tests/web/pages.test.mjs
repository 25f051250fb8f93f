// A real page for every screen: mod-bundle publish writes one HTML file per screen and
// language (scripts/build does it for the default bundle), readable without JavaScript, with the
// head that link previews and search engines read in its first 16 KB; with JavaScript and WebGL2
// the same file starts the viewer at its screen and hides the text when the canvas is drawn.
// Also sitemap.xml, robots.txt and an Atom feed per language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchChromium, openPage, waitState, waitMirror, webRoot } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

const BASE = 'http://127.0.0.1:8080';  // the address scripts/build publishes for (MODV_BASE_URL)
const ITEM = 'en/news/armed-forces-museum-berzhite/';

// The <meta property/name=...> and <link rel=...> values of the first `bytes` of an HTML text.
function head(html, bytes = 16384) {
  const start = html.slice(0, bytes);
  const meta = {};
  for (const m of start.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) meta[m[1]] = m[2];
  const canonical = start.match(/<link rel="canonical" href="([^"]+)">/)?.[1];
  const title = start.match(/<title>([^<]*)<\/title>/)?.[1];
  const alternates = [...start.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
  return { meta, canonical, title, alternates, lang: start.match(/<html lang="([^"]+)"/)?.[1] };
}

test('a link preview gets the item from a plain GET: title, description, canonical url and locale in the first 16 KB', async () => {
  const res = await fetch(site.base + ITEM);  // no browser: what a preview bot does
  assert.equal(res.status, 200);
  const h = head(await res.text());
  assert.equal(h.lang, 'en');
  assert.match(h.title, /The Museum of Armed Forces has unveiled its new exhibits/);
  assert.match(h.meta['og:title'], /The Museum of Armed Forces/);
  assert.match(h.meta['og:description'], /Bërzhitë/);
  assert.equal(h.meta['og:url'], `${BASE}/${ITEM}`);
  assert.equal(h.canonical, h.meta['og:url']);
  assert.equal(h.meta['og:locale'], 'en_GB');
  assert.equal(h.meta['og:type'], 'article');
  assert.match(h.meta['article:published_time'], /^2023-12-01T/);
  assert.ok(h.meta.description && h.meta['twitter:card'], 'description and twitter card');
  assert.deepEqual(h.alternates.map(([l]) => l).sort(), ['en', 'sq', 'x-default']);
  // the Albanian page of the same item says so in its own language
  const sq = head(await (await fetch(site.base + 'sq/news/armed-forces-museum-berzhite/')).text());
  assert.equal(sq.lang, 'sq');
  assert.equal(sq.meta['og:locale'], 'sq_AL');
});

test('without JavaScript an item and the mission read as pages whose links lead to real pages', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.base + ITEM);
  assert.equal(await page.textContent('#page h1'), 'The Museum of Armed Forces has unveiled its new exhibits and surrounding');
  assert.match(await page.textContent('#page main'), /December 2023/);
  assert.match(await page.textContent('#page main'), /Bërzhitë/);
  assert.ok(await page.isVisible('#page h1'), 'the text is shown');
  // the way back to the list, then the mission, by following the links
  await page.click('#page main a:has-text("News")');
  await page.waitForURL(/\/en\/news\/$/);
  assert.equal(await page.textContent('#page h1'), 'News');
  const items = await page.$$eval('#page main li a[href$="/"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(items.includes('../../en/news/armed-forces-museum-berzhite/'), items.join(' '));
  await page.click('#page nav a[aria-current="page"]');
  await page.click('#page nav a:has-text("Mission")');
  await page.waitForURL(/\/en\/$/);
  assert.match(await page.textContent('#page h1'), /Mission and activity of the Ministry of Defence/);
  assert.match(await page.textContent('#page main'), /supports the Defense Minister/);
  // and to the other language
  await page.click('#page nav a:has-text("Shqip")');
  await page.waitForURL(/\/sq\/$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sq');
  await context.close();
});

test('with JavaScript and WebGL2 the page starts the viewer at its screen, then hides its text, shifting nothing', async () => {
  const page = await openPage(browser, null);
  // the text is shown until the canvas has the screen: never neither
  await page.addInitScript(() => {
    window.__blank = 0;
    // and nothing of it moves meanwhile (Lighthouse's cumulative layout shift)
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__shifts.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${(e.sources || []).map((s) => s.node?.nodeName).join(', ')}`);
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver(() => {
      const root = document.documentElement, text = document.getElementById('page');
      if (root.dataset.appState !== 'ready' && text && getComputedStyle(text).display === 'none' && text.children.length) window.__blank++;
    }).observe(document, { attributes: true, subtree: true, childList: true });
  });
  await page.goto(site.base + ITEM);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'The Museum of Armed Forces');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.render), 'canvas');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('page')).display), 'none');
  assert.equal(await page.evaluate(() => window.__blank), 0, 'the text went only when the screen was drawn');
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Every page at every depth names the program's files (boot.js's tag: its src and each data-
// name) by a way that leads to them from the page's folder, and its site's root likewise.
test('every published page names the program\'s files by addresses that lead to them', () => {
  const pages = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.html')) pages.push(path.join(dir, e.name));
    }
  };
  walk(path.join(webRoot, 'sq'));
  walk(path.join(webRoot, 'en'));
  pages.push(path.join(webRoot, 'index.html'));
  const depths = new Set();
  for (const page of pages) {
    const tag = fs.readFileSync(page, 'utf8').match(/<script src="[^"]*boot\.[^>]*>/)?.[0];
    assert.ok(tag, `${page}: boot.js's tag`);
    const names = [...tag.matchAll(/ (src|data-[a-z]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(names.map((n) => n[0]).sort(), ['data-fonts', 'data-program', 'data-renderer', 'data-root', 'data-wasm', 'src'],
                     `${page}: the tag's names`);
    const dir = path.dirname(page);
    for (const [attr, value] of names) {
      const target = path.resolve(dir, value || '.');
      if (attr === 'data-root') assert.equal(target, path.resolve(webRoot), `${page}: ${attr}="${value}"`);
      else assert.ok(fs.existsSync(target), `${page}: ${attr}="${value}" leads to no file`);
    }
    depths.add(path.relative(webRoot, dir).split(path.sep).filter(Boolean).length);
  }
  assert.deepEqual([...depths].sort(), [0, 1, 2, 3], 'pages at the root and one, two and three folders down');
});

test('sitemap.xml lists every page with its languages; robots.txt names it; the feeds are Atom', () => {
  const sitemap = fs.readFileSync(path.join(webRoot, 'sitemap.xml'), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  for (const lang of ['sq', 'en']) {
    for (const p of ['', 'news/', 'news/2023.html', 'news/2024.html', 'news/armed-forces-museum-berzhite/', 'directives/',
                     'directives/nato-strategic-concept-2022/'])
      assert.ok(locs.includes(`${BASE}/${lang}/${p}`), `${lang}/${p} in the sitemap`);
  }
  assert.equal(locs.length, 2 * (1 + 1 + 2 + 7 + 1 + 3));
  assert.match(sitemap, /<xhtml:link rel="alternate" hreflang="sq" href="http:\/\/127\.0\.0\.1:8080\/sq\/news\/"\/>/);
  for (const loc of locs) {
    const file = path.join(webRoot, new URL(loc).pathname.replace(/\/$/, '/index.html'));
    assert.ok(fs.existsSync(file), `${loc} is a file of the site`);
  }
  assert.match(fs.readFileSync(path.join(webRoot, 'robots.txt'), 'utf8'), /^Sitemap: http:\/\/127\.0\.0\.1:8080\/sitemap\.xml$/m);
  for (const lang of ['sq', 'en']) {
    const feed = fs.readFileSync(path.join(webRoot, lang, 'feed.atom'), 'utf8');
    assert.match(feed, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    for (const el of ['id', 'title', 'updated', 'author']) assert.match(feed, new RegExp(`<feed[^]*<${el}>`), `feed ${el}`);
    const entries = feed.split('<entry>').slice(1);
    assert.equal(entries.length, 10);
    for (const e of entries) for (const el of ['id', 'title', 'updated']) assert.match(e, new RegExp(`<${el}>[^<]+</${el}>`));
  }
});

test('a browser without WebAssembly keeps the published page: its text, no error, no canvas', async () => {
  const page = await openPage(browser, null);
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(site.base + ITEM);
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-render'), null, { timeout: 20000 });
  assert.ok(await page.isVisible('#page h1'));
  assert.equal(await page.isVisible('#canvas'), false);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.appState), 'loading');
  assert.equal(await page.$('#mirror [role=alert]'), null);
  await page.context().close();
});
