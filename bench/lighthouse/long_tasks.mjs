// Where Lighthouse's total blocking time comes from: one page of the site as deployed (nginx,
// web/nginx.conf), opened in Debian's Chromium with the bench's switches and the CPU slowed 4x
// as Lighthouse's mobile preset assumes, traced; prints every main-thread task over 50 ms, when
// it began after the page's first parse, how long it took, and what took its time (the trace
// events inside it, summed by name). A diagnostic for whoever works on the Performance score,
// not a figure: Lighthouse simulates its own timings (run.mjs reports those).
//   node bench/lighthouse/long_tasks.mjs [PATH] [CHROMIUM SWITCH...]   (default /sq/news/)
// e.g. `/sq/news/ --js-flags=--no-wasm-lazy-compilation`: how much of the tasks is Chromium
// compiling wasm functions on the main thread as they are first called (its default).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webRoot, launchChromium } from '../../tests/web/harness.mjs';
import { startNginx } from '../../tests/web/nginx_server.mjs';

const page = process.argv[2] || '/sq/news/';
const switches = process.argv.slice(3);
const SLOWDOWN = 4;
const tracePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'modv-trace-')), 'trace.json');

const server = await startNginx(webRoot);
const browser = await launchChromium(switches);
try {
  // Lighthouse's mobile screen (Moto G Power: 412 x 823 CSS px at 1.75).
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const tab = await context.newPage();
  await (await context.newCDPSession(tab)).send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  await browser.startTracing(tab, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'toplevel'] });
  await tab.goto(server.base + page);
  await tab.waitForFunction(() => document.documentElement.dataset.appState === 'ready', null, { timeout: 60000 });
  await tab.waitForTimeout(1500);  // the frames after ready
  await browser.stopTracing();
} finally {
  await browser.close();
  server.stop();
}

const events = JSON.parse(fs.readFileSync(tracePath, 'utf8')).traceEvents;
fs.rmSync(path.dirname(tracePath), { recursive: true, force: true });
const threadName = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const onThread = (e) => `${e.pid}:${e.tid}`;
// The page's renderer: the main thread that parsed its HTML.
const parse = events.find((e) => e.name === 'ParseHTML' && threadName.get(onThread(e)) === 'CrRendererMain');
const main = events.filter((e) => onThread(e) === onThread(parse) && e.ph === 'X' && e.dur);
const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 50e3);
let excess = 0;
for (const task of tasks) {
  const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const byName = new Map();
  for (const e of inside) {
    const d = e.args?.data || {};
    const name = [e.name, d.url && d.url.split('/').pop(), d.functionName].filter(Boolean).join(' ');
    byName.set(name, (byName.get(name) || 0) + e.dur);
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${Math.round(d / 1000)}`);
  excess += task.dur / 1000 - 50;
  console.log(`${`+${Math.round((task.ts - parse.ts) / 1000)} ms`.padStart(10)} ${`${Math.round(task.dur / 1000)} ms`.padStart(7)}  ${top.join(', ')}`);
}
console.log(`long tasks: ${tasks.length}, their time over 50 ms: ${Math.round(excess)} ms (CPU ${SLOWDOWN}x slower; ${[page, ...switches].join(' ')})`);
