// Routes and history, end to end: the default page reaches ready, every route shows
// the right mirror, canvas navigation updates the URL, back and forward work, deep links open
// their screen, and a bundle that cannot be loaded shows the error screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchChromium, openPage, waitState, waitMirror, clickMirror } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

test('the default page reaches ready and shows the mission', async () => {
  const page = await openPage(browser, site.base);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission and activity of the Ministry of Defence');
  const text = await page.textContent('#mirror');
  assert.match(text, /supports the Defense Minister/);
  assert.match(text, /ç\) Determining the priorities/);
  assert.match(text, /dh\) Ensuring the progress/);
  assert.match(text, /ë\) Participation in military/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.title(), /Mission and activity/);
  const nav = await page.$$eval('#mirror nav a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(nav, [['Mission', '#/mission'], ['News', '#/news'], ['Directives', '#/directives']]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Albanian interface with ?lang=sq, month names in Albanian', async () => {
  const page = await openPage(browser, site.base + '?lang=sq#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Lajme');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sq');
  const h3 = await page.$$eval('#mirror h3', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(h3, ['Janar 2024', 'Dhjetor 2023', 'Nëntor 2023', 'Tetor 2023', 'Gusht 2023']);
  await page.context().close();
});

test('every route shows its screen', async () => {
  const page = await openPage(browser, site.base);
  await waitState(page, 'ready');
  const routes = [
    ['#/mission', 'Mission and activity of the Ministry of Defence'],
    ['#/news', 'News'],
    ['#/news/armed-forces-museum-berzhite', 'The Museum of Armed Forces has unveiled its new exhibits and surrounding'],
    ['#/directives', 'Directives'],
    ['#/directives/nato-strategic-concept-2022', "NATO's Strategic Concept"],
    ['#/news/does-not-exist', 'Page not found'],
  ];
  for (const [route, h1] of routes) {
    await page.evaluate((r) => { location.hash = r; }, route);
    await waitMirror(page, 'h1', h1);
  }
  await page.evaluate(() => { location.hash = '#/news'; });
  await waitMirror(page, 'h1', 'News');
  const items = await page.$$eval('#mirror main li a[href^="#/news/"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(items.length, 7);
  assert.equal(items[0], '#/news/black-hawk-arrival');
  assert.ok(items.includes('#/news/armed-forces-museum-berzhite'));
  assert.match(await page.textContent('#mirror main'), /Bërzhitë/);
  await page.evaluate(() => { location.hash = '#/directives'; });
  await waitMirror(page, 'h1', 'Directives');
  const docs = await page.$$eval('#mirror main li a[href^="#/directives/"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(docs, ['#/directives/defence-directive-2024', '#/directives/secretary-general-annual-report-2022',
                          '#/directives/nato-strategic-concept-2022']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('navigating in the canvas updates the URL; back and forward work', async () => {
  const page = await openPage(browser, site.base);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission and activity');
  // The app's own navigations make history entries without a hashchange event (a late one
  // could take the app back to where it was); back and forward do fire it, and the screen they
  // lead to is drawn and mirrored in that event's task, not at the next animation frame (this
  // listener runs after the program's).
  await page.evaluate(() => {
    window.__hashchanges = 0;
    addEventListener('hashchange', () => {
      window.__hashchanges++;
      window.__titleAtChange = document.querySelector('#mirror h1')?.textContent;
    });
  });
  await clickMirror(page, 'nav a[href="#/news"]');
  await page.waitForFunction(() => location.hash === '#/news', null, { timeout: 20000 });
  await waitMirror(page, 'h1', 'News');
  assert.equal(await page.title(), 'News – Ministria e Mbrojtjes');
  assert.equal(await page.evaluate(() => window.__hashchanges), 0);
  await clickMirror(page, 'main a[href="#/news/setting-the-record-straight"]');
  await page.waitForFunction(() => location.hash === '#/news/setting-the-record-straight', null, { timeout: 20000 });
  await waitMirror(page, 'h1', 'Setting the record straight');
  await page.goBack();
  await waitMirror(page, 'h1', 'News');
  assert.equal(await page.evaluate(() => location.hash), '#/news');
  assert.equal(await page.evaluate(() => window.__hashchanges), 1);
  assert.equal(await page.evaluate(() => window.__titleAtChange), 'News', 'the screen back leads to, in the hashchange task');
  await page.goBack();
  await waitMirror(page, 'h1', 'Mission and activity');
  await page.goForward();
  await waitMirror(page, 'h1', 'News');
  await clickMirror(page, 'nav a[href="#/directives"]');
  await waitMirror(page, 'h1', 'Directives');
  await clickMirror(page, 'main a[href="#/directives/defence-directive-2024"]');
  await waitMirror(page, 'h1', 'Defence Directive 2024');
  assert.equal(await page.evaluate(() => location.hash), '#/directives/defence-directive-2024');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a deep link opens its screen directly', async () => {
  const page = await openPage(browser, site.base + '#/directives/secretary-general-annual-report-2022');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'The Secretary General’s Annual Report 2022');
  assert.match(await page.textContent('#mirror'), /21 March 2023/);
  await page.context().close();
});

test('the language switch changes interface and content', async () => {
  const page = await openPage(browser, site.base + '?bundle=fixtures/bilingual.json#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  await clickMirror(page, 'nav button');
  await waitMirror(page, 'h1', 'Lajme');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sq');
  assert.match(await page.textContent('#mirror main'), /Muzeu në Bërzhitë: “Çështje” – ’ë’/);
  await page.context().close();
});

for (const [name, query, words] of [
  ['a broken bundle', '?bundle=web-fixtures/broken.json', /not valid JSON/],
  ['a missing bundle', '?bundle=nowhere.json', /not found on the server \(HTTP 404\)/],
  ['a bundle of the wrong format', '?bundle=web-fixtures/wrong-format.json', /publication-bundle/],
  ['a bundle on another origin', '?bundle=http://example.org/bundle.json', /another site/],
]) {
  test(`${name} shows the error screen`, async () => {
    const page = await openPage(browser, site.base + query);
    await waitState(page, 'error');
    await waitMirror(page, '[role=alert]', '');
    assert.match(await page.textContent('#mirror [role=alert]'), words);
    assert.match(await page.textContent('#mirror h1'), /could not be loaded/);
    assert.ok(await page.$('#mirror button'), 'a retry button');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('retry after an error loads again', async () => {
  const page = await openPage(browser, site.base + '?bundle=web-fixtures/broken.json');
  await waitState(page, 'error');
  const again = page.waitForRequest((r) => r.url().includes('broken.json'), { timeout: 30000 });
  await clickMirror(page, 'button');
  await again;  // the retry downloads the bundle again
  await waitState(page, 'error');
  assert.match(await page.textContent('#mirror [role=alert]'), /not valid JSON/);
  await page.context().close();
});
