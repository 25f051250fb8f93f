// One screen, written once (core::Describe): for every screen with a page of its own, in every
// language, the published page's main text (Chromium, JavaScript off) is the text the running
// viewer's mirror holds (JavaScript on), for a site that reads its whole bundle and for the same
// bundle read a part at a time. The app's own controls (buttons, their labels, a part's progress:
// data-control) are not content and are left out; a long list, which the viewer mirrors a window
// of, is compared over the rows both show.
// It runs on the default content and on a bundle with every form of the format (images with
// their words, directives with documents and history, labels in two languages);
// PARITY_BUNDLE=<file> runs it on any other bundle instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo, openPage, waitState } from './harness.mjs';
import { publishedSites } from './published_site.mjs';

const BUNDLES = process.env.PARITY_BUNDLE ? { other: path.resolve(process.env.PARITY_BUNDLE) }
  : { default: path.join(repo, 'assets/bundle.json'), rich: path.join(repo, 'tests/fixtures/rich.json') };
const BASE = 'https://parity.example';  // the pages' public address; the links between them are relative
const served = publishedSites(Object.entries(BUNDLES).flatMap(([name, bundle]) =>
  ['bundle', 'shards'].map((reads) => ({ bundle, dir: `${name}/${reads}`, args: ['--reads', reads] }))), BASE);

// Every page of the site, from its sitemap: "en/news/2023.html", "sq/", ...
function pages(site) {
  const sitemap = fs.readFileSync(path.join(served.out, site, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].slice(BASE.length + 1));
}

// The text of `root`'s <main>, block by block: each heading, paragraph and list item (a row's
// link and its note), each link outside a list, each alert; not the app's own controls.
function blocks(page, root) {
  return page.evaluate((sel) => {
    const main = document.querySelector(sel + ' main');
    if (!main) return null;
    return [...main.querySelectorAll('h1, h2, h3, p, li, main > a, [role=alert]')]
      .filter((el) => !el.closest('[data-control]'))
      .map((el) => el.textContent.replace(/\s+/g, ' ').trim());
  }, root);
}

// The viewer mirrors the rows about the screen's: it may end sooner than the page, never differ.
function sameText(viewer, page) {
  if (!viewer || !page || viewer.length > page.length || viewer.length === 0) return false;
  return viewer.every((b, i) => b === page[i]) && (viewer.length === page.length || viewer.length >= Math.min(page.length, 20));
}

// The page's kind of screen, from its path: one page of each kind is opened afresh (the viewer
// starts at it), the others are reached by the viewer's own navigation (quicker, and the same
// screen).
const kind = (p) => p.replace(/^[a-z]+\//, '').replace(/[^/]+\/$/, 'ID/').replace(/\d{4}\.html$/, 'YEAR');

for (const [name, reads] of Object.keys(BUNDLES).flatMap((n) => [[n, 'bundle'], [n, 'shards']])) {
  const site = `${name}/${reads}`;
  test(`every page's text is the viewer's mirror of its screen (${name} content; the site reads ${reads === 'bundle' ? 'its whole bundle' : 'its parts'})`, async () => {
    const list = pages(site);
    assert.ok(list.length >= 4, `pages in the sitemap: ${list.length}`);
    const still = await served.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 800 } });
    const reader = await still.newPage();
    const viewer = await openPage(served.browser, null);
    const mismatches = [];
    const started = new Set();  // the kinds of screen (and languages) the viewer was started at
    let lang = '';
    for (const p of list) {
      const url = `${served.origin}/${site}/${p}`;
      await reader.goto(url);
      const expected = await blocks(reader, '#page');
      assert.ok(expected && expected.length > 0, `${p}: the page has a text`);
      const route = await reader.evaluate(() => document.documentElement.dataset.route || '#/mission');
      const pageLang = p.split('/')[0];
      if (pageLang !== lang || !started.has(pageLang + kind(p))) {
        started.add(pageLang + kind(p));
        lang = pageLang;
        await viewer.goto(url);
        await waitState(viewer, 'ready');
      } else {
        await viewer.evaluate((r) => { location.hash = r; }, route);
      }
      // The viewer's mirror settles as its parts come (a published site's headlines, a body).
      let shown = null;
      for (const end = Date.now() + 20000; Date.now() < end; await viewer.waitForTimeout(50)) {
        shown = await blocks(viewer, '#mirror');
        if (sameText(shown, expected)) break;
      }
      if (!sameText(shown, expected)) {
        const at = (shown || []).findIndex((b, i) => b !== expected[i]);
        mismatches.push(`${p}: block ${at}: viewer "${(shown || [])[at]}" / page "${expected[at]}" (${(shown || []).length} / ${expected.length} blocks)`);
      }
    }
    assert.deepEqual(mismatches, []);
    assert.deepEqual(viewer.errors, []);
    await still.close();
    await viewer.context().close();
  });
}
