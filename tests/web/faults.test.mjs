// Faults on the wire: a kiosk showing its content meets every fault of a flaky
// network and a half-broken server on its periodic checks (tests/web/fault_server.mjs): a 500,
// a 503, a connection closed mid-body, a body that drips a byte a second, a wrong type, a
// broken gzip body, a 304 without a validator, a redirect loop, a file replaced while it is
// sent. The content shown stays, there is no error screen, and once the server heals the new
// content is there within one reload interval.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, openPage, repo, waitMirror, waitState } from './harness.mjs';
import { faultSite, FAULTS } from './fault_server.mjs';

const RELOAD = 10;  // seconds: the kiosk's check interval here
let site, server, browser, file, bundle;
before(async () => {
  bundle = JSON.parse(fs.readFileSync(path.join(repo, 'assets/bundle.json'), 'utf8'));
  site = await faultSite('faults', bundle);
  ({ server, file } = site);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  site?.close();
});

test('every fault on the wire leaves the content shown; new content follows within one interval of healing', async () => {
  const page = await openPage(browser, server.base +
    `?kiosk=1&reload=${RELOAD}&idle=3600&lang=en&bundle=generated/faults/bundle.json#/news`);
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  let edition = 0;
  for (const [fault, what] of Object.entries(FAULTS)) {
    const asked = server.requests;
    server.fault = fault;
    const start = Date.now();
    while (server.requests === asked) {
      assert.ok(Date.now() - start < 3 * RELOAD * 1000, `${fault}: no check reached the server`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 2000));  // what the check does with the answer
    assert.equal(await page.evaluate(() => document.documentElement.dataset.appState), 'ready', `${what}: still ready`);
    assert.equal(await page.$('#mirror [role=alert]'), null, `${what}: no error`);
    const shown = edition ? `Edition ${edition}` : bundle.news[0].title;
    assert.ok((await page.textContent('#mirror main')).includes(shown), `${what}: the content shown stays`);
    // the server heals, with new content
    bundle.news[0].title = `Edition ${++edition}`;
    fs.writeFileSync(file, JSON.stringify(bundle));
    server.fault = null;
    const healed = Date.now();
    await waitMirror(page, 'main', `Edition ${edition}`, 3 * RELOAD * 1000);
    assert.ok(Date.now() - healed < (RELOAD + 3) * 1000, `${what}: new content ${Date.now() - healed} ms after healing`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
