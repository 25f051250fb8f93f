// Reading mode and a GPU that comes and goes: without WebGL2 (Chromium with
// --disable-webgl2 or --disable-3d-apis, a renderer whose shader does not link, a lost context
// that is not restored) the page shows the mirror as a typeset page whose links, search and
// language switch work; a lost context that is restored draws the same screen again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchChromium, openPage, waitState, waitMirror, pixelAt, renderWorker, loseContext,
  restoreContext, patchRenderWorker, withoutRenderWorker } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(() => site?.close());

const render = (page) => page.evaluate(() => document.documentElement.dataset.render);

// The text is visible and laid out as a page: not transparent, not absolutely placed, wide
// enough to read and no wider than a readable measure.
async function readable(page, selector) {
  return page.$eval('#mirror ' + selector, (el) => {
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    return { color: style.color, position: style.position, width: box.width, height: box.height,
             visible: style.visibility !== 'hidden' && style.opacity !== '0' };
  });
}

async function readingModeWalk(page) {
  await waitState(page, 'ready');
  assert.equal(await render(page), 'html');
  await waitMirror(page, 'h1', 'Mission and activity of the Ministry of Defence');
  const h1 = await readable(page, 'h1');
  assert.notEqual(h1.color, 'rgba(0, 0, 0, 0)', 'the text is drawn in a colour');
  assert.equal(h1.position, 'static');
  assert.ok(h1.visible && h1.height > 20, JSON.stringify(h1));
  const p = await readable(page, 'main p');
  assert.ok(p.width > 300 && p.width < 950, `a readable measure: ${p.width} px`);
  // navigation by real links
  await page.click('#mirror nav a[href="#/news"]');
  await waitMirror(page, 'h1', 'News');
  assert.equal(await page.evaluate(() => location.hash), '#/news');
  const items = await page.$$eval('#mirror main li a[href^="#/news/"]', (as) => as.length);
  assert.equal(items, 7, 'every news item is listed');
  await page.click('#mirror main li a[href="#/news/armed-forces-museum-berzhite"]');
  await waitMirror(page, 'h1', 'The Museum of Armed Forces');
  await page.click('#mirror main a[href="#/news"]');  // "‹ News"
  await waitMirror(page, 'h1', 'News');
  await page.click('#mirror nav a[href="#/directives"]');
  await waitMirror(page, 'h1', 'Directives');
  await page.click('#mirror main li a[href^="#/directives/"]');
  await page.waitForFunction(() => location.hash.startsWith('#/directives/'));
  // search: the page's own field, above the text
  const search = await page.$('#search');
  assert.ok(await search.isVisible(), 'the search field is shown');
  await search.fill('berzh');
  await waitMirror(page, 'h1', 'Search');
  await waitMirror(page, 'main', 'Bërzhitë');
  assert.equal(await page.evaluate(() => location.hash), '#/search?q=berzh');
  // the language switch is a real button
  await page.click('#mirror nav button');
  await page.waitForFunction(() => document.documentElement.lang === 'sq');
  await waitMirror(page, 'h1', 'Kërko');
  // back works as in any page
  await page.goBack();
  await page.waitForFunction(() => location.hash.startsWith('#/directives/'));
  assert.deepEqual(page.errors, [], 'no uncaught errors');
}

for (const flag of ['--disable-webgl2', '--disable-3d-apis']) {
  test(`without WebGL2 (${flag}) the page reads as text: routes, links, search, language`, async () => {
    const browser = await launchChromium([flag]);
    try {
      // Chromium's switches do not reach a worker's OffscreenCanvas: there it is taken away.
      const page = await openPage(browser, null);
      await patchRenderWorker(page, () => { OffscreenCanvas.prototype.getContext = () => null; });
      await page.goto(site.base + '?lang=en');
      await readingModeWalk(page);
      assert.deepEqual(page.workers(), [], 'the render worker that could not draw is gone');
      await page.context().close();
    } finally {
      await browser.close();
    }
  });
}

test('a renderer whose shader does not link gives reading mode, not an empty canvas', async () => {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
    const failLink = () => {
      const real = WebGL2RenderingContext.prototype.getProgramParameter;
      WebGL2RenderingContext.prototype.getProgramParameter = function (program, name) {
        return name === this.LINK_STATUS ? false : real.call(this, program, name);
      };
    };
    await context.addInitScript(failLink);  // the page's thread, where boot.js then tries
    await patchRenderWorker(context, failLink);
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(site.base + '?lang=en#/news');
    await waitState(page, 'ready');
    assert.equal(await render(page), 'html');
    await waitMirror(page, 'h1', 'News');
    assert.equal((await readable(page, 'h1')).position, 'static');
    assert.deepEqual(page.errors, []);
    await context.close();
  } finally {
    await browser.close();
  }
});

// The site at `address`, drawn by the render worker or on the page's thread (`where`).
async function openDrawing(browser, where, address) {
  const page = await openPage(browser, null);
  if (where !== 'the render worker') await withoutRenderWorker(page);
  await page.goto(site.base + address);
  return page;
}

for (const where of ['the render worker', 'the page\'s thread']) {
  test(`a lost WebGL context that comes back draws the same screen again, however often (${where})`, async () => {
    const browser = await launchChromium();
    try {
      const page = await openDrawing(browser, where, '?lang=en#/news');
      await waitState(page, 'ready');
      await waitMirror(page, 'h1', 'News');
      const box = await page.$eval('#mirror h1', (h) => h.getBoundingClientRect().toJSON());
      const ink = () => pixelAt(page, Math.round(box.x + 4), Math.round(box.y + box.height / 2));
      const background = await pixelAt(page, 5, 790);
      const heapBefore = await page.evaluate(() => HEAP8.length);
      const textures = () => (where === 'the render worker' ? renderWorker(page).evaluate(() => textures.size)
        : page.evaluate(() => window.MODV.renderer.pageRenderer().textures.size));
      const texturesBefore = await textures();
      for (let i = 0; i < 5; i++) {
        await loseContext(page);
        await restoreContext(page);
        await page.mouse.move(300 + i, 400);  // a frame
        await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
      }
      await page.waitForTimeout(300);
      assert.equal(await render(page), 'canvas', 'still drawn on the canvas');
      assert.equal(await page.evaluate(() => location.hash), '#/news', 'the route is kept');
      const drawn = await ink();
      assert.notDeepEqual(drawn, background, `the heading is drawn again (${drawn} on ${background})`);
      assert.equal(await page.evaluate(() => HEAP8.length), heapBefore, 'the program\'s memory did not grow');
      assert.equal(await textures(), texturesBefore, 'the renderer holds as many textures as before');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      await browser.close();
    }
  });
}

for (const where of ['the render worker', 'the page\'s thread']) {
  test(`a lost context that does not come back leaves the page readable (reading mode), never a dead end (${where})`, async () => {
    const browser = await launchChromium();
    try {
      const page = await openDrawing(browser, where, '?lang=en#/directives');
      await waitState(page, 'ready');
      await waitMirror(page, 'h1', 'Directives');
      await loseContext(page);
      await page.waitForFunction(() => document.documentElement.dataset.render === 'html', null, { timeout: 15000 });
      await waitMirror(page, 'h1', 'Directives');
      assert.equal((await readable(page, 'h1')).position, 'static');
      await page.click('#mirror nav a[href="#/news"]');
      await waitMirror(page, 'h1', 'News');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      await browser.close();
    }
  });
}
