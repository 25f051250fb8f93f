// The viewer on a published archive (docs/published-site.md) in Chromium: the first screen
// from the manifest and the newest headlines; older years as the list is scrolled toward them
// or picked on the year rail; a detail by deep link; search (its hits as their headlines come);
// back and forward; the language switch; a part that answers 404 and then works with "Try
// again"; a part whose bytes do not match their hash. Every part is said in place while it comes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchChromium, openPage, waitState, waitMirror, clickMirror } from './harness.mjs';
import { publishArchive } from './published_site.mjs';

let site, browser, archive;
before(async () => {
  site = await startSite();
  browser = await launchChromium();
  archive = publishArchive(path.join(site.generated, 'archive'));
});
after(async () => { await browser?.close(); site?.close(); });

const url = (route = '') => `${site.base}?bundle=generated/archive/content/manifest.json&lang=sq${route}`;
// The published files the page asked for, by kind ("news", "news-full", "search-sq", ...).
function countRequests(page) {
  const asked = [];
  page.on('request', (r) => { const m = /\/content\/(.+)-[0-9a-f]{16}\.json$/.exec(r.url()); if (m) asked.push(m[1]); });
  return (kind) => asked.filter((k) => k === kind).length;
}

// Clicks the canvas where the mirror's button labelled `label` is.
async function clickMirrorButton(page, label) {
  // The canvas takes the pointer once it shows the screen (the state leaves "loading" then).
  await page.waitForFunction(() => document.documentElement.dataset.appState !== 'loading');
  const index = await page.evaluate((t) => [...document.querySelectorAll('#mirror button')].findIndex((b) => b.textContent.trim() === t), label);
  assert.ok(index >= 0, `a button "${label}" in the mirror`);
  await clickMirror(page, `button >> nth=${index}`).catch(async () => {
    const box = await page.evaluate((i) => { const r = document.querySelectorAll('#mirror button')[i].getBoundingClientRect();
                                             return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }, index);
    await page.mouse.click(box.x, box.y);
  });
}

test('the first screen comes from the manifest and the newest headlines; older ones as the list is scrolled', async () => {
  const page = await openPage(browser, null);
  const asked = countRequests(page);
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (!window.__readyAt && document.documentElement.dataset.appState === 'ready') window.__readyAt = performance.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app-state'] });
  });
  await page.goto(url('#/news'));
  await waitState(page, 'ready');
  await waitMirror(page, 'h2', '2025');
  const headlines = archive.manifest.published.news.headlines.length;
  assert.ok(headlines >= 4, `${headlines} headline shards`);
  // Before ready: the manifest and one headline shard (the list asks for the next ones after);
  // the shard tables once that shard is in, not beside it (their entry is there once they are).
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/content\/tables-[0-9a-f]{16}\.json$/.test(e.name)));
  const parts = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/content\/[a-z-]+-[0-9a-f]{16}\.json$/.test(e.name))
    .map((e) => ({ file: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd, beforeReady: e.startTime < window.__readyAt })));
  const beforeReady = parts.filter((p) => p.beforeReady && !p.file.startsWith('tables-')).map((p) => p.file);
  assert.equal(beforeReady.length, 1, beforeReady.join(' '));
  assert.match(beforeReady[0], /^news-[0-9a-f]{16}\.json$/);
  const tables = parts.filter((p) => p.file.startsWith('tables-'));
  assert.equal(tables.length, 1, 'the tables once');
  assert.ok(tables[0].start >= parts.find((p) => p.file === beforeReady[0]).end, 'the tables after the newest headlines are in');
  assert.ok(tables[0].start >= await page.evaluate(() => window.__readyAt), 'the tables once the first screen is shown');
  assert.equal(asked('news-full') + asked('directives') + asked('search-sq'), 0, 'nothing else');
  await waitMirror(page, 'main', 'Të gjitha vitet (400)');
  await waitMirror(page, 'main', 'Duke ngarkuar lajmet më të vjetra');
  // The wheel toward the end brings the older years in, never a blank list.
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const atEnd = (oldest) => page.evaluate((t) => document.querySelector('#mirror main').textContent.includes(t), oldest);
  for (let i = 0; i < 300 && !(await atEnd(archive.oldest.title.sq)); i++) {
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(30);
  }
  await waitMirror(page, 'main', archive.oldest.title.sq);
  assert.ok(!(await atEnd('Duke ngarkuar')), 'nothing left to load at the end');
  assert.equal(asked('news'), headlines, 'every headline shard once');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a year not loaded yet, a detail by deep link, back and forward, the language switch', async () => {
  const page = await openPage(browser, null);
  const headlineFiles = [];
  page.on('request', (r) => { const m = /\/content\/(news-[0-9a-f]{16}\.json)$/.exec(r.url()); if (m) headlineFiles.push(m[1]); });
  await page.goto(url('#/news?year=2001'));
  await waitState(page, 'ready');
  const of2001 = archive.items.filter((n) => n.date.startsWith('2001'));
  await waitMirror(page, 'h2', '2001');
  await waitMirror(page, 'main', of2001[0].title.sq);
  // The year's own headline shards (and the newest, for the first screen), and the newest one of
  // each other year its row shows whole (so that one chosen next opens at once); no other.
  const shards = archive.manifest.published.news.headlines;
  const reaches = (sh, y) => sh.oldest <= `${y}-12-31` && sh.newest >= `${y}-01-01`;
  const yearsInView = await page.evaluate(() => [...document.querySelectorAll('#mirror main ul.strip a')]
    .filter((a) => /year=\d+$/.test(a.getAttribute('href')))
    .filter((a) => { const r = a.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; })
    .map((a) => Number(a.getAttribute('href').split('=').pop())));
  assert.ok(yearsInView.includes(2001));
  const allowed = new Set([shards[0].file, ...shards.filter((sh) => reaches(sh, 2001)).map((sh) => sh.file),
    ...yearsInView.map((y) => shards.find((sh) => reaches(sh, y)).file)]);
  assert.deepEqual(headlineFiles.filter((f) => !allowed.has(f)), [], 'no headline shard of a year not shown');
  assert.equal(new Set(headlineFiles).size, headlineFiles.length, 'each once');
  // A deep link to the oldest item: its headlines, then its text.
  await page.goto(url(`#/news/${archive.oldest.id}`));
  await waitMirror(page, 'h1', archive.oldest.title.sq);
  await waitMirror(page, 'main', archive.oldest.body.sq);
  // Into the list and back.
  await clickMirror(page, 'a[href="#/news"]');
  await waitMirror(page, 'h1', 'Lajme');
  await page.goBack();
  await waitMirror(page, 'h1', archive.oldest.title.sq);
  await page.goForward();
  await waitMirror(page, 'h1', 'Lajme');
  // English: the same archive's other language.
  await clickMirror(page, 'nav button');
  await waitMirror(page, 'h1', 'News');
  await waitMirror(page, 'main', 'All years (400)');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a year chosen shows its newest headlines before its older ones are asked for', async () => {
  // Starting a fetch costs the page's thread: the files a frame asks for start after it is painted.
  const page = await openPage(browser, null);
  await page.addInitScript(() => {
    const log = window.__log = { fetched: [], shown: {}, clicked: 0 };
    window.addEventListener('pointerup', () => { log.clicked = performance.now(); }, true);
    const fetch = window.fetch;
    window.fetch = (url, init) => {
      const entry = { url: String(url), at: performance.now(), in: false };
      log.fetched.push(entry);
      const answer = fetch(url, init);
      answer.then((r) => r.clone().arrayBuffer()).then(() => { entry.in = true; }, () => {});
      return answer;
    };
    document.addEventListener('DOMContentLoaded', () => new MutationObserver(() => {
      for (const h of document.querySelectorAll('#mirror main h2')) log.shown[h.textContent] = log.shown[h.textContent] || performance.now();
    }).observe(document.getElementById('mirror'), { childList: true, subtree: true, characterData: true }));
  });
  // An archive of some 60 items a year: each year's headlines are in two shards or more.
  const years = publishArchive(path.join(site.generated, 'years'), { news: 1600 });
  await page.goto(`${site.base}?bundle=generated/years/content/manifest.json&lang=sq#/news`);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Lajme');
  const shards = years.manifest.published.news.headlines;
  const of = (y) => shards.filter((sh) => sh.oldest <= `${y}-12-31` && sh.newest >= `${y}-01-01`);
  // A year in view whose headlines are in more than one shard, the newest of them in (asked for
  // while the list rested: a year in view), some older one not asked for.
  let chip = null;
  await page.waitForFunction(() => window.__log.fetched.length > 0);
  for (let i = 0; i < 50 && !chip; i++) {
    await new Promise((r) => setTimeout(r, 100));
    chip = await page.evaluate((many) => {
      const fetched = window.__log.fetched.map((f) => f.url);
      const arrived = window.__log.fetched.filter((f) => f.in).map((f) => f.url);
      for (const a of document.querySelectorAll('#mirror main ul.strip a')) {
        const r = a.getBoundingClientRect(), year = a.getAttribute('href').split('=').pop();
        const files = many[year];
        if (!files || r.left < 0 || r.right > innerWidth || !arrived.some((u) => u.endsWith(files[0]))) continue;
        const older = files.slice(1).filter((f) => !fetched.some((u) => u.endsWith(f)));
        if (older.length) return { year, older, x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    }, Object.fromEntries([...new Set(years.items.map((n) => n.date.slice(0, 4)))].map((y) => [y, of(y).map((sh) => sh.file)]).filter(([, f]) => f.length > 1)));
  }
  assert.ok(chip, 'a year of several shards in view, its newest shard in');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));  // taken in by a frame
  await page.mouse.click(chip.x, chip.y);
  await waitMirror(page, 'h2', chip.year);
  await page.waitForFunction((older) => window.__log.fetched.some((f) => older.some((o) => f.url.endsWith(o))), chip.older);
  const { clickedAt, shownAt, askedAt } = await page.evaluate(({ year, older }) => ({
    clickedAt: window.__log.clicked,
    shownAt: window.__log.shown[year],
    askedAt: Math.min(...window.__log.fetched.filter((f) => older.some((o) => f.url.endsWith(o))).map((f) => f.at)),
  }), chip);
  assert.ok(clickedAt > 0 && shownAt > clickedAt, 'shown after the click');
  assert.ok(askedAt > shownAt, `the year's list shown at ${shownAt.toFixed(0)} ms, its older headlines asked for at ${askedAt.toFixed(0)} ms`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a year\'s older headlines arriving change what changed: the keyboard\'s place and the other elements stay', async () => {
  const page = await openPage(browser, null);
  const years = publishArchive(path.join(site.generated, 'years-kept'), { news: 1600 });
  const shards = years.manifest.published.news.headlines;
  const of = (y) => shards.filter((sh) => sh.oldest <= `${y}-12-31` && sh.newest >= `${y}-01-01`).map((sh) => sh.file);
  // A year of several shards, not one of the newest (the first screen asks for theirs).
  const year = [...new Set(years.items.map((n) => n.date.slice(0, 4)))].sort().find((y) => of(y).length > 1);
  const older = of(year).slice(1);
  let release;
  const held = new Promise((r) => { release = r; });
  let asked = 0;
  await page.route((u) => older.some((f) => u.pathname.endsWith(f)), async (route) => {
    asked++;
    await held;
    await route.continue();
  });
  await page.goto(`${site.base}?bundle=generated/years-kept/content/manifest.json&lang=sq#/news?year=${year}`);
  await waitState(page, 'ready');
  await waitMirror(page, 'h2', year);
  await page.waitForFunction(() => document.querySelector('#mirror main li a[href^="#/news/"]'));
  for (let i = 0; i < 100 && asked === 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(asked > 0, `the year's older headlines are asked for (${older.join(', ')})`);
  const months = () => page.evaluate(() => [...document.querySelectorAll('#mirror main a[href*="month="]')].map((a) => a.textContent).join(' | '));
  // The year's months are the manifest's: all of them, with their counts, while its older items are held.
  const byMonth = {};
  for (const n of years.items.filter((n) => n.date.startsWith(year))) byMonth[n.date.slice(5, 7)] = (byMonth[n.date.slice(5, 7)] || 0) + 1;
  const names = ['Janar', 'Shkurt', 'Mars', 'Prill', 'Maj', 'Qershor', 'Korrik', 'Gusht', 'Shtator', 'Tetor', 'Nëntor', 'Dhjetor'];
  const expected = Object.keys(byMonth).sort().reverse().map((m) => `${names[Number(m) - 1]} (${byMonth[m]})`).join(' | ');
  assert.equal(await months(), expected);
  const text = () => page.evaluate(() => document.querySelector('#mirror main').textContent);
  const before = await text();
  await page.focus('#mirror main li a[href^="#/news/"]');
  const focused = await page.evaluate(() => {
    for (const el of document.querySelectorAll('#mirror *')) el.__before = true;
    return document.activeElement.getAttribute('href');
  });
  release();
  await page.waitForFunction((was) => document.querySelector('#mirror main').textContent !== was, before);
  const after = await page.evaluate(() => {
    const all = [...document.querySelectorAll('#mirror [data-i]')];
    return { active: document.activeElement.__before === true ? document.activeElement.getAttribute('href') : document.activeElement.tagName,
             h1: document.querySelector('#mirror h1').__before === true, kept: all.filter((el) => el.__before).length, all: all.length };
  });
  assert.equal(after.active, focused, 'the focus stays on its item');
  assert.ok(after.h1, 'the title is the same element');
  assert.ok(after.kept >= after.all * 0.8, `the elements that did not change are the same elements: ${after.kept} of ${after.all}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a search fetches its word\'s index chunk and its hits\' headlines, not the archive', async () => {
  const page = await openPage(browser, null);
  const asked = countRequests(page);
  await page.goto(url('#/search?q=berzhite'));
  await waitState(page, 'ready');
  await waitMirror(page, 'main', `Rezultate për “berzhite”: ${archive.berzhite}`);
  const chunks = archive.manifest.published.search.find((l) => l.language === 'sq').chunks.length;
  assert.ok(chunks >= 3, `the index is in ${chunks} chunks`);
  assert.ok(asked('search-sq') >= 1 && asked('search-sq') < chunks, `${asked('search-sq')} of ${chunks} chunks`);
  assert.equal(asked('news-full'), 0, 'no bodies');
  assert.equal(asked('search-en'), 0);
  // 12 are shown; 12 more when asked for, at the list's end.
  await waitMirror(page, 'main', '(shfaqen 12 të parat)');
  await page.mouse.move(600, 500);
  await page.mouse.wheel(0, 20000);
  await clickMirrorButton(page, 'Shfaq më shumë rezultate');
  await waitMirror(page, 'main', `(shfaqen ${Math.min(24, archive.berzhite)} të parat)`);
  assert.equal(asked('news-full'), 0, 'no bodies');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('more hits of a search show as their headline shards come, six at a time, the list\'s start first', async () => {
  const page = await openPage(browser, null);
  // The best 12 hits' headline shards come; those asked for after them are held until let go,
  // one by one.
  let holding = false, most = 0;
  const held = [];
  await page.route(/\/content\/news-[0-9a-f]{16}\.json$/, (route) => {
    if (!holding) return route.continue();
    held.push(route);
    most = Math.max(most, held.length);
  });
  await page.goto(url('#/search?q=berzhite'));
  await waitState(page, 'ready');
  await waitMirror(page, 'main', '(shfaqen 12 të parat)');
  await page.waitForFunction(() => !document.querySelector('#mirror main').textContent.includes('Duke kërkuar…'));
  holding = true;
  const hits = () => page.evaluate(() => [...document.querySelectorAll('#mirror main li a[href^="#/news/"]')].map((a) => a.getAttribute('href')));
  const first = await hits();
  assert.equal(first.length, 12);
  await page.mouse.move(600, 500);
  await page.mouse.wheel(0, 20000);
  await clickMirrorButton(page, 'Shfaq më shumë rezultate');
  for (let i = 0; i < 200 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(held.length > 0, 'the next hits\' headline shards are asked for');
  await waitMirror(page, 'main', 'Duke kërkuar…');
  // The 12 stay, with the next ones whose headlines are in already (the newest shard's).
  const waiting = await hits();
  assert.deepEqual(waiting.slice(0, 12), first, 'the 12 shown stay while the next come');
  assert.ok(waiting.length < 24);
  // The shard of the next hit comes: it shows after them, before the others are in.
  await held.shift().continue();
  await page.waitForFunction((n) => document.querySelectorAll('#mirror main li a[href^="#/news/"]').length > n, waiting.length);
  const early = await hits();
  assert.deepEqual(early.slice(0, waiting.length), waiting);
  // The others.
  holding = false;
  while (held.length) await held.shift().continue();
  await waitMirror(page, 'main', `(shfaqen ${Math.min(24, archive.berzhite)} të parat)`);
  await page.waitForFunction(() => !document.querySelector('#mirror main').textContent.includes('Duke kërkuar…'));
  const all = await hits();
  assert.equal(all.length, Math.min(24, archive.berzhite));
  assert.deepEqual(all.slice(0, early.length), early, 'the hits shown first are the list\'s start');
  assert.ok(most <= 6, `${most} headline shards on their way at once`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a part that answers 404 says so in place and comes with Try again; one whose bytes do not match its hash is refused', async () => {
  const page = await openPage(browser, null);
  const item = archive.items[2];
  const fullRef = archive.manifest.published.news.full[0];
  const file = path.join(archive.contentDir, fullRef.file), away = file + '.away';
  fs.renameSync(file, away);
  try {
    await page.goto(url(`#/news/${item.id}`));
    await waitMirror(page, 'h1', item.title.sq);
    await waitMirror(page, 'main', `${fullRef.file}: HTTP 404`);
    await waitMirror(page, 'main', item.summary.sq.slice(0, 40));  // what was there stays
    fs.renameSync(away, file);
    await clickMirrorButton(page, 'Provo përsëri');
    await waitMirror(page, 'main', item.body.sq);
  } finally {
    if (fs.existsSync(away)) fs.renameSync(away, file);
  }
  // A damaged shard (the same name, other bytes): refused, said so. The oldest item's, which
  // its deep link needs.
  const last = archive.manifest.published.news.headlines.at(-1);
  const shard = path.join(archive.contentDir, last.file);
  const good = fs.readFileSync(shard);
  fs.writeFileSync(shard, Buffer.from(good.toString('utf8').replace('Lajmi', 'Lajmx')));
  try {
    const page2 = await openPage(browser, url(`#/news/${archive.oldest.id}`));
    await waitMirror(page2, 'main', 'do not match the hash');
    assert.deepEqual(page2.errors, []);
    await page2.context().close();
  } finally {
    fs.writeFileSync(shard, good);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// A kiosk's check on a published site: a manifest uploaded before its shards is not taken, and
// not revalidated against either (a 304 would keep the kiosk on the old content for good): the
// next check fetches it again, and once its shards are there it is taken.
test('a kiosk takes a new manifest once its shards are there; one uploaded before them is fetched again', async () => {
  const dir = path.join(site.generated, 'kiosk-archive');
  const shown = publishArchive(dir, { news: 60, directives: 4 });
  const newest = shown.items[0];
  const page = await openPage(browser, `${site.base}?kiosk=1&reload=10&idle=3600&lang=sq` +
                                       '&bundle=generated/kiosk-archive/content/manifest.json#/news', { hasTouch: true });
  await waitState(page, 'ready');
  await waitMirror(page, 'main', newest.title.sq);
  // The editors publish a change; the manifest is uploaded first.
  const next = path.join(site.generated, 'kiosk-archive-next');
  publishArchive(next, { news: 60, directives: 4, edit: (b) => { b.news.find((n) => n.id === newest.id).title.sq = 'Titulli i ri'; } });
  fs.copyFileSync(path.join(next, 'content/manifest.json'), path.join(dir, 'content/manifest.json'));
  await page.waitForFunction(() => window.MODV.test.droppedUpdates > 0, null, { timeout: 40000 });
  assert.ok(!(await page.textContent('#mirror main')).includes('Titulli i ri'), 'the content shown stays');
  // Then its shards (the manifest stays as it was uploaded: the same validators).
  for (const f of fs.readdirSync(path.join(next, 'content')))
    if (f !== 'manifest.json') fs.copyFileSync(path.join(next, 'content', f), path.join(dir, 'content', f));
  await waitMirror(page, 'main', 'Titulli i ri', 40000);
  assert.equal(await page.evaluate(() => location.hash), '#/news');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
