// The service worker's figures, each beside its baseline from the same run, for the
// site as deployed (build/web behind nginx with web/nginx.conf), reached over an emulated slow
// mobile link that counts every byte the server sends, headers included:
// - a repeat visit with the worker warm, time to ready, against the first visit's;
// - an offline start from the cache (the server stopped), against the online repeat visit's;
// - bytes the server sent for a repeat visit when nothing changed (target <= 5 KB).
// Each visit is a browser started afresh on a kept profile, as a kiosk's restart or a visitor's
// return; each figure is the median of RUNS rounds.  node bench/offline_bench.mjs [RUNS]
import { median } from './report.mjs';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { webRoot, launchChromiumProfile, waitState, waitAsync } from '../tests/web/harness.mjs';
import { startNginx } from '../tests/web/nginx_server.mjs';

const RUNS = Number(process.argv[2] || 5);

// A TCP proxy in front of nginx: a slow mobile link (Lighthouse's "slow 4G": 150 ms round trip,
// 1.6 Mbit/s down and 750 kbit/s up, each direction one link shared by all connections) that
// counts the bytes sent to the browser. The shaping is here rather than in the browser (CDP's
// network conditions) because Chromium does not apply those to a service worker's own requests.
// `cut()` refuses connections (the network is gone) without changing the address.
const LINK = { oneWayMs: 75, downBytesPerMs: 1.6e6 / 8 / 1000, upBytesPerMs: 750e3 / 8 / 1000 };
function link(bytesPerMs) {
  let free = 0;  // when the link has sent what it was given
  return (socket, chunk, then) => {
    const now = Date.now();
    free = Math.max(now, free) + (chunk ? chunk.length / bytesPerMs : 0);
    setTimeout(() => { if (!socket.destroyed) then(); }, free - now + LINK.oneWayMs);
  };
}
async function slowCountingProxy(target) {
  const { port: upstreamPort } = new URL(target);
  const state = { sent: 0, down: false, sockets: new Set() };
  const down = link(LINK.downBytesPerMs), up = link(LINK.upBytesPerMs);
  const server = net.createServer((client) => {
    if (state.down) { client.destroy(); return; }
    const upstream = net.connect(Number(upstreamPort), '127.0.0.1');
    state.sockets.add(client).add(upstream);
    upstream.on('data', (d) => { state.sent += d.length; down(client, d, () => client.write(d)); });
    upstream.on('end', () => down(client, null, () => client.end()));
    client.on('data', (d) => up(upstream, d, () => upstream.write(d)));
    client.on('end', () => up(upstream, null, () => upstream.end()));
    const end = () => { client.destroy(); upstream.destroy(); state.sockets.delete(client); state.sockets.delete(upstream); };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(state, {
    base: `http://127.0.0.1:${server.address().port}/`,
    cut() { state.down = true; for (const s of state.sockets) s.destroy(); },
    heal() { state.down = false; },
    close: () => server.close(),
  });
}

// One visit: a browser on `profile`, the time from navigation start to data-app-state=ready.
async function visit(profile, url) {
  const context = await launchChromiumProfile(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (!window.__readyAt && document.documentElement.dataset.appState === 'ready') window.__readyAt = performance.now();
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app-state'] });
    });
    await page.goto(url);
    await waitState(page, 'ready');
    const readyAt = await page.evaluate(() => window.__readyAt);
    // The worker has the app and the content (the first visit's page keeps the bundle). (Not
    // waitForFunction: it does not wait for an async predicate's answer, only for its promise.)
    await waitAsync(page, async () => !!navigator.serviceWorker.controller &&
      !!(await (await caches.open('modv-content')).match('bundle.json')), null, 60000);
    await page.waitForTimeout(300);  // the worker's own requests (its update check) settle
    return readyAt;
  } finally {
    await context.close();
  }
}

const nginx = await startNginx(webRoot);
const proxy = await slowCountingProxy(nginx.base);
const rounds = { first: [], repeat: [], offline: [], bytes: [], firstBytes: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-bench-profile-'));
    try {
      const url = proxy.base + '?lang=en';
      let before = proxy.sent;
      rounds.first.push(await visit(profile, url));
      rounds.firstBytes.push(proxy.sent - before);
      before = proxy.sent;
      rounds.repeat.push(await visit(profile, url));
      rounds.bytes.push(proxy.sent - before);
      proxy.cut();
      rounds.offline.push(await visit(profile, url));
      proxy.heal();
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }
  const [first, repeat, offline, bytes, firstBytes] = ['first', 'repeat', 'offline', 'bytes', 'firstBytes'].map((k) => median(rounds[k]));
  const line = (name, value, baseline, target, ok, note) => console.log(
    `${name.padEnd(40)} ${value.padStart(10)}  baseline ${baseline.padStart(10)}  target ${target}  ${ok ? 'PASS' : 'OVER'}  (${note})`);
  line('repeat visit, worker warm: ready', `${repeat.toFixed(0)} ms`, `${first.toFixed(0)} ms`, '<= 0.5x', repeat <= 0.5 * first,
       `ratio ${(repeat / first).toFixed(2)}x; baseline: the first visit; slow 4G; median of ${RUNS}, browser restarted each visit`);
  line('offline start from the cache: ready', `${offline.toFixed(0)} ms`, `${repeat.toFixed(0)} ms`, '<= 1x', offline <= repeat,
       `ratio ${(offline / repeat).toFixed(2)}x; baseline: the online repeat visit; the server refuses connections`);
  line('repeat visit, nothing changed: bytes', `${(bytes / 1000).toFixed(1)} KB`, `${(firstBytes / 1000).toFixed(1)} KB`, '<= 5 KB', bytes <= 5000,
       `everything nginx sent, headers included; baseline: the first visit (compressed copies)`);
} finally {
  proxy.close();
  nginx.stop();
}
