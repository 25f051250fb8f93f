// A long list's published pages: 100 items a page, the newest first, each page linked to the
// next and listed in the sitemap, well under 100 KB gzipped; the viewer started from a later page
// shows that page's first item at the top of its screen, from the whole bundle and from parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openPage, waitState } from './harness.mjs';
import { publishArchive, publishedSites } from './published_site.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-paged-'));
publishArchive(work, { news: 260, directives: 130 });
const BASE = 'https://paged.example';
const served = publishedSites(['bundle', 'shards'].map((reads) => ({ bundle: path.join(work, 'bundle.json'), dir: reads, args: ['--reads', reads] })), BASE);
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

// The page's rows (news or directives links in its list) and its pager's links, JavaScript off.
async function pageText(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  const text = await page.evaluate(() => ({
    rows: [...document.querySelectorAll('#page main li a')].map((a) => a.getAttribute('href'))
      .filter((h) => /\/(news|directives)\/[nd]\d+\/$/.test(h)),
    links: Object.fromEntries([...document.querySelectorAll('#page main a')].filter((a) => /^(Newer|Older)$/.test(a.textContent))
      .map((a) => [a.textContent, a.getAttribute('href')])),
    text: document.querySelector('#page main').textContent,
  }));
  await page.close();
  return text;
}

test('a long list is published a hundred items a page, each linked to the next, each in the sitemap', async () => {
  const still = await served.browser.newContext({ javaScriptEnabled: false });
  const at = (p) => `${served.origin}/bundle/${p}`;
  const first = await pageText(still, at('en/news/'));
  const second = await pageText(still, at('en/news/page-2.html'));
  const third = await pageText(still, at('en/news/page-3.html'));
  assert.equal(first.rows.length, 100);
  assert.equal(second.rows.length, 100);
  assert.equal(third.rows.length, 60);
  assert.equal(new Set([...first.rows, ...second.rows, ...third.rows].map((h) => h.split('/').at(-2))).size, 260, 'every item once');
  assert.deepEqual(first.links, { Older: '../../en/news/page-2.html' });
  assert.deepEqual(second.links, { Newer: '../../en/news/', Older: '../../en/news/page-3.html' });
  assert.deepEqual(third.links, { Newer: '../../en/news/page-2.html' });
  assert.match(second.text, /Page 2 of 3/);
  const directives = await pageText(still, at('en/directives/page-2.html'));
  assert.equal(directives.rows.length, 30);
  await still.close();
  const sitemap = fs.readFileSync(path.join(served.out, 'bundle/sitemap.xml'), 'utf8');
  for (const p of ['en/news/page-2.html', 'en/news/page-3.html', 'sq/news/page-3.html', 'en/directives/page-2.html'])
    assert.ok(sitemap.includes(`<loc>${BASE}/${p}</loc>`), p);
  for (const p of ['en/news/index.html', 'en/news/page-2.html', 'en/directives/index.html']) {
    const gz = zlib.gzipSync(fs.readFileSync(path.join(served.out, 'bundle', p))).length;
    assert.ok(gz < 100000, `${p}: ${gz} bytes gzipped`);
  }
});

for (const reads of ['bundle', 'shards']) {
  test(`the viewer started from a later page shows that page's first item at the top (the site reads ${reads === 'bundle' ? 'its bundle' : 'its parts'})`, async () => {
    const still = await served.browser.newContext({ javaScriptEnabled: false });
    for (const p of ['en/news/page-2.html', 'en/news/page-3.html', 'en/directives/page-2.html']) {
      const url = `${served.origin}/${reads}/${p}`;
      const want = (await pageText(still, url)).rows[0].split('/').at(-2);
      const page = await openPage(served.browser, url, { viewport: { width: 390, height: 844 } });
      await waitState(page, 'ready');
      // The first row of the list whose top is on the screen, once it has held still.
      let shown = '', same = 0;
      for (let i = 0; i < 200 && same < 5; i++) {
        await page.waitForTimeout(50);
        const now = await page.evaluate(() => {
          const rows = [...document.querySelectorAll('#mirror main li a')].filter((a) => /#\/(news|directives)\/[nd]\d+$/.test(a.getAttribute('href')));
          // The content's top: below the header (the site's title, the navigation, the controls).
          const top = Math.max(0, ...[...document.querySelectorAll('#mirror *')].filter((e) => !e.closest('main'))
            .map((e) => e.getBoundingClientRect().bottom));
          const onScreen = rows.find((a) => a.getBoundingClientRect().top >= top - 1);
          return onScreen ? onScreen.getAttribute('href').split('/').at(-1) + ' ' + Math.round(onScreen.getBoundingClientRect().top) : '';
        });
        same = now === shown ? same + 1 : 0;
        shown = now;
      }
      const [id, top] = shown.split(' ');
      assert.equal(id, want, `${p}: the first item on the screen`);
      assert.ok(Number(top) < 844 / 3, `${p}: at the top (${top} px)`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
    await still.close();
  });
}
