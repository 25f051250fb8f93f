// Hostile content: a bundle with script and HTML in its texts, javascript: and data:
// links, a decompression-bomb PNG, a truncated PNG and a ../ image path loads, shows the text
// as text, runs nothing, opens nothing, breaks no Content-Security-Policy rule; item problems
// are listed at #/diagnostics; other origins are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startSite, launchChromium, openPage, waitState, waitMirror, clickMirror, cspViolations, fakeBundleAnswers, repo } from './harness.mjs';

let site, browser;

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
// A real decompression bomb: 8000x8000 grey pixels (64 MB decoded) in about 60 KB.
function bombPng(side) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0); ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; ihdr[9] = 0; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc((side + 1) * side);  // filter byte 0 + zeros per row
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat),
                        chunk('IEND', Buffer.alloc(0))]);
}

before(async () => {
  site = await startSite();
  browser = await launchChromium();
  const dir = path.join(site.generated, 'hostile');
  fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'images/bomb.png'), bombPng(8000));
  const good = fs.readFileSync(path.join(repo, 'tests/fixtures/images/museum.png'));
  fs.writeFileSync(path.join(dir, 'images/truncated.png'), good.subarray(0, 300));
  fs.writeFileSync(path.join(dir, 'images/not-an-image.png'), '<svg onload="window.__pwned=9"></svg>');
  fs.writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({
    format: 'publication-bundle', version: 1, languages: ['en'],
    site: { title: '<b>Site</b>' },
    mission: { title: '<script>window.__pwned=1</script>Mission', paragraphs: [{ number: '1', text: '<img src=x onerror="window.__pwned=2">' }] },
    news: [
      { id: 'html', date: '2024-01', title: '<img src=x onerror="window.__pwned=3"> Title', summary: '<a href="javascript:window.__pwned=4">click</a>',
        link: 'javascript:window.__pwned=5' },
      { id: 'bomb', date: '2024-01', title: 'Bomb image', image: 'images/bomb.png' },
      { id: 'truncated', date: '2023-12', title: 'Truncated image', image: 'images/truncated.png' },
      { id: 'fake', date: '2023-12', title: 'Fake image', image: 'images/not-an-image.png' },
      { id: 'escape', date: '2023-11', title: 'Escaping image', image: '../../bundle.json' },
      { id: 'bad-date', date: '2023-02-30', title: 'Left out' },
    ],
    directives: [
      { id: 'doc', date: '2024', title: 'Document', document: 'javascript:window.__pwned=6', link: 'data:text/html,<script>window.__pwned=7</script>' },
    ],
  }));
});
after(async () => { await browser?.close(); site?.close(); });

test('hostile content loads as plain text, runs nothing and opens nothing', async () => {
  const page = await openPage(browser, null);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(site.base + '?bundle=generated/hostile/bundle.json#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'News');
  const text = await page.textContent('#mirror');
  assert.match(text, /<img src=x onerror="window.__pwned=3"> Title/);
  assert.match(text, /<a href="javascript:window.__pwned=4">click<\/a>/);
  assert.equal(await page.$$eval('#mirror img, #mirror script, #mirror svg, #mirror iframe', (e) => e.length), 0);
  assert.deepEqual(await page.$$eval('#mirror a', (as) => as.map((a) => a.getAttribute('href')).filter((h) => !h.startsWith('#/'))), []);
  // every card and detail, including the broken images (placeholders)
  for (const id of ['html', 'bomb', 'truncated', 'fake', 'escape']) {
    await page.evaluate((i) => { location.hash = '#/news/' + i; }, id);
    await waitMirror(page, 'h1', '');
    await clickMirror(page, 'h1');
  }
  await page.evaluate(() => { location.hash = '#/directives/doc'; });
  await waitMirror(page, 'h1', 'Document');
  assert.equal(await page.$('#mirror a[target=_blank]'), null, 'no outward link survives');
  await page.evaluate(() => { location.hash = '#/mission'; });
  await waitMirror(page, 'h1', '<script>window.__pwned=1</script>Mission');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.popups, []);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await cspViolations(page), []);
  assert.ok(requested.includes('/generated/hostile/images/bomb.png'));
  assert.ok(requested.includes('/generated/hostile/images/truncated.png'));
  assert.ok(!requested.some((p) => p === '/bundle.json'), 'the ../ path was never fetched');
  await waitState(page, 'ready');
  await page.context().close();
});

test('item problems leave the item out and #/diagnostics names them', async () => {
  const page = await openPage(browser, site.base + '?bundle=generated/hostile/bundle.json#/news');
  await waitState(page, 'ready');
  await waitMirror(page, 'main', 'Items left out because of errors: 1');
  assert.doesNotMatch(await page.textContent('#mirror main'), /Left out/);
  await clickMirror(page, 'a[href="#/diagnostics"]');
  await waitMirror(page, 'h1', 'Diagnostics');
  const text = await page.textContent('#mirror main');
  assert.match(text, /error: news\[5\]\.date: "2023-02-30" is not a date/);
  assert.match(text, /warning: news\[0\]\.link: only https:, http: and mailto: links are opened/);
  assert.match(text, /warning: news\[4\]\.image: must be a relative path inside the bundle's folder/);
  assert.match(text, /warning: directives\[0\]\.document/);
  assert.match(text, /warning: directives\[0\]\.link/);
  await page.context().close();
});

test('a bundle from another origin is refused, whatever the form of the address', async () => {
  for (const q of ['https://evil.example/bundle.json', '//evil.example/bundle.json', 'http://localhost:1/bundle.json',
                   'data:application/json,{}', 'javascript:alert(1)']) {
    const page = await openPage(browser, site.base + '?bundle=' + encodeURIComponent(q));
    await waitState(page, 'error');
    assert.match(await page.textContent('#mirror [role=alert]'), /another site|not a valid address/, q);
    assert.deepEqual(page.dialogs, []);
    await page.context().close();
  }
});

test('the page carries a strict Content-Security-Policy and runs under it', async () => {
  const page = await openPage(browser, site.base);
  await waitState(page, 'ready');
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  // Structured data (JSON-LD) is a data block, never run: no other inline script.
  assert.equal(await page.$$eval('script:not([src]):not([type="application/ld+json"])', (s) => s.length), 0, 'no inline script');
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('a network failure while downloading the bundle shows the error screen with a retry', async () => {
  const page = await openPage(browser, null);
  await page.route('**/bundle.json', (route) => route.abort('internetdisconnected'));
  await page.goto(site.base);
  await waitState(page, 'error');
  assert.match(await page.textContent('#mirror [role=alert]'), /network failed/);
  await page.unroute('**/bundle.json');
  await clickMirror(page, 'button');  // retry, now that the network is back
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Mission and activity');
  await page.context().close();
});

// The connection breaks after the headers and part of the body: the bundle's fetch resolves,
// then reading the body fails. (Once, this left the page loading for ever.)
test('a connection lost in the middle of the bundle shows the error screen, not loading for ever', async () => {
  const page = await openPage(browser, null);
  await page.addInitScript(() => {
    const real = window.fetch;
    window.fetch = (input, init) => {
      if (!String(input).includes('bundle.json')) return real(input, init);
      const body = new ReadableStream({ start(c) {
        c.enqueue(new TextEncoder().encode('{"format": "publication-bundle", "version": 1, "languages": ['));
        setTimeout(() => c.error(new TypeError('connection reset')), 50);
      } });
      return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json', 'Content-Length': '90000' } }));
    };
  });
  await page.goto(site.base);
  await waitState(page, 'error', 20000);
  assert.match(await page.textContent('#mirror [role=alert]'), /network failed \(connection reset\)/);
  await page.context().close();
});

// The body is read into a room of the announced size: one that runs past it must stop there
// (the room is the program's memory), and one without a size is refused once past the limit,
// without waiting for its end.
test('a body longer than announced, or over the limit without a size, is refused as it comes', async () => {
  for (const [announced, message] of [[1 << 20, /longer than the server said/], [0, /larger than that; bundles may be at most 128 MiB/]]) {
    const page = await openPage(browser, null);
    await page.addInitScript(fakeBundleAnswers, { body: 'endless', sizes: [announced] });
    await page.goto(site.base);
    await waitState(page, 'error', 30000);
    assert.match(await page.textContent('#mirror [role=alert]'), message);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a safe link opens in a new tab without access to the viewer', async () => {
  const page = await openPage(browser, site.base + '?bundle=fixtures/bilingual.json&lang=en#/directives/strategy-2024');
  await waitState(page, 'ready');
  await waitMirror(page, 'h1', 'Defence Strategy');
  const link = await page.$eval('#mirror main a[href="https://www.mod.gov.al/"]', (a) => [a.target, a.rel]);
  assert.deepEqual(link, ['_blank', 'noopener noreferrer']);
  const popup = page.context().waitForEvent('page', { timeout: 20000 });
  await page.context().route('https://www.mod.gov.al/**', (r) => r.fulfill({ body: '<title>x</title>', contentType: 'text/html' }));
  const buttons = await page.$$eval('#mirror main a[target=_blank]', (as) => as.map((a) => a.textContent));
  assert.deepEqual(buttons, ['Open the document', 'Open the link']);
  await clickMirror(page, 'main a[href="https://www.mod.gov.al/"]');
  const opened = await popup;
  assert.equal(opened.url(), 'https://www.mod.gov.al/');
  assert.equal(await opened.evaluate(() => window.opener), null);
  await page.context().close();
});
