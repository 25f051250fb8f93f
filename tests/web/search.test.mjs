// Search in the browser: the page's own <input> over the canvas field, results as
// you type with matches marked, one history entry for a whole search, case and diacritics
// ignored, backspace, paste and a phone's touch keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchChromium, openPage, waitState, waitMirror } from './harness.mjs';

let site, browser;
before(async () => { site = await startSite(); browser = await launchChromium(); });
after(async () => { await browser?.close(); site?.close(); });

test('typing searches as you type, marks matches, and back leaves the search in one step', async () => {
  const page = await openPage(browser, site.base + '?bundle=fixtures/bilingual.json&lang=sq#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Lajme');
  const input = page.locator('#search');
  await input.waitFor({ state: 'visible' });
  assert.equal(await input.getAttribute('placeholder'), 'Kërko lajme dhe direktiva…');
  await input.click();
  await page.keyboard.type('berzhitx');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('e');
  await page.waitForFunction(() => location.hash === '#/search?q=berzhite', null, { timeout: 20000 });
  await waitMirror(page, 'main', 'Rezultate për “berzhite”: 1');
  assert.equal(await page.textContent('#mirror main li mark'), 'Bërzhitë');
  assert.equal(await page.getAttribute('#mirror main li a', 'href'), '#/news/museum-berzhite');
  assert.match(await page.title(), /^Kërko/);
  await page.goBack();
  await waitMirror(page, 'h1', 'Lajme');
  assert.equal(await page.evaluate(() => location.hash), '#/news');
  await page.goForward();
  await waitMirror(page, 'main', 'Rezultate për “berzhite”: 1');
  assert.equal(await input.inputValue(), 'berzhite');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a typed letter\'s results are drawn and mirrored before the input event returns', async () => {
  const page = await openPage(browser, site.base + '?bundle=fixtures/bilingual.json&lang=sq#/search?q=berzhit');
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'Rezultate për “berzhit”');
  const text = await page.evaluate(() => {
    const input = document.getElementById('search');
    input.value = 'berzhite';
    input.dispatchEvent(new Event('input'));
    return document.querySelector('#mirror main').textContent;  // no animation frame has run since
  });
  assert.match(text, /Rezultate për “berzhite”: 1/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('capital letters without diacritics find Albanian words; a deep link searches', async () => {
  const page = await openPage(browser, site.base + '?bundle=fixtures/bilingual.json&lang=sq#/search?q=CESHTJE');
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'Rezultate për “CESHTJE”: 2');
  const marks = await page.$$eval('#mirror main li mark', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(marks, ['Çështje', 'Çështje']);
  assert.equal(await page.locator('#search').inputValue(), 'CESHTJE');
  await page.context().close();
});

test('on a phone: tapping the field brings the keyboard and Albanian letters and backspace work', async () => {
  const page = await openPage(browser, null, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true,
                                                hasTouch: true });
  await page.goto(site.base + '?bundle=fixtures/bilingual.json&lang=sq');
  await waitState(page, 'ready');
  const input = page.locator('#search');
  await input.waitFor({ state: 'visible' });
  const box = await input.boundingBox();
  assert.ok(box.height >= 40, `the field is a touch target (${box.height} px)`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'search');
  await page.keyboard.insertText('çështjx');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('e');
  await waitMirror(page, 'main', 'Rezultate për “çështje”: 2');
  await page.context().close();
});

test('pasting into the search field searches', async () => {
  const page = await openPage(browser, site.base + '?bundle=fixtures/bilingual.json&lang=en');
  await waitState(page, 'ready');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base.slice(0, -1) });
  await page.evaluate(() => navigator.clipboard.writeText('helicopters'));
  await page.locator('#search').click();
  await page.keyboard.press('Control+V');
  await waitMirror(page, 'main', 'Results for “helicopters”: 1');
  await page.context().close();
});

// The page's capture listener (input.mjs keepKeysInFields) keeps the field's keys from every other
// listener of the field: Enter must still close the phone's keyboard (blur the field).
test('Enter in the search field closes the keyboard: the field lets go of the focus', async () => {
  const page = await openPage(browser, site.base + '?lang=en');
  await waitState(page, 'ready');
  await page.click('#search');
  await page.keyboard.type('nato');
  await page.waitForFunction(() => location.hash === '#/search?q=nato');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.keyboard.press('Enter');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'search');
  await page.context().close();
});
