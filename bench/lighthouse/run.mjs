// Lighthouse 12.2.3 (mobile preset: simulated slow 4G and a 4x slower CPU) in Debian's Chromium,
// against the site as deployed: build/web served by nginx with web/nginx.conf (precompressed
// copies, caching headers, the CSP). For the mission (the front page), the news list and the
// newest news item, it prints the four category scores and the paint figures beside their
// targets: each figure is the median of RUNS runs, since Lighthouse's own runs vary.
//   node bench/lighthouse/run.mjs [RUNS]       (scripts/bench installs this folder's package)
// LH_EXTRA="--disable-webgl2 ..." adds Chromium switches (a diagnostic: e.g. reading mode's scores).
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { webRoot, chromiumArgs } from '../../tests/web/harness.mjs';
import { startNginx } from '../../tests/web/nginx_server.mjs';

const RUNS = Number(process.argv[2] || 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// The newest news item: the first item link of the Albanian news list's page.
function newestItemPath() {
  const list = fs.readFileSync(path.join(webRoot, 'sq/news/index.html'), 'utf8');
  const m = /<main[\s\S]*?href="(?:\.\.\/)*(?:\/)?(sq\/news\/[^"/]+\/)"/.exec(list);
  if (!m) throw new Error('no news item link in build/web/sq/news/index.html');
  return '/' + m[1];
}

const server = await startNginx(webRoot);
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', ...chromiumArgs, ...(process.env.LH_EXTRA ? process.env.LH_EXTRA.split(' ') : [])],
  userDataDir: fs.mkdtempSync('/tmp/modv-lh-'),
});
try {
  const pages = [['mission (front page)', '/'], ['news list', '/sq/news/'], ['newest news item', newestItemPath()]];
  for (const [name, p] of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const { lhr } = await lighthouse(server.base + p, { port: chrome.port, output: 'json', logLevel: 'error',
                                                          onlyCategories: CATEGORIES });
      if (lhr.runtimeError) throw new Error(`${p}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      runs.push(lhr);
    }
    const score = (c) => median(runs.map((r) => Math.round(r.categories[c].score * 100)));
    const ms = (a) => median(runs.map((r) => r.audits[a].numericValue));
    const s = Object.fromEntries(CATEGORIES.map((c) => [c, score(c)]));
    const lcp = ms('largest-contentful-paint');
    const ok = s.performance >= 90 && s.accessibility === 100 && s['best-practices'] === 100 && s.seo === 100 && lcp <= 2500;
    console.log(`${`lighthouse ${name}`.padEnd(40)} performance ${s.performance}  accessibility ${s.accessibility}  ` +
                `best practices ${s['best-practices']}  SEO ${s.seo}  ${ok ? 'PASS' : 'MISS'}  (${p}; median of ${RUNS}; ` +
                `targets: 100 each but performance >= 90, LCP <= 2.5 s)`);
    console.log(`${''.padEnd(40)} FCP ${(ms('first-contentful-paint') / 1000).toFixed(2)} s  LCP ${(lcp / 1000).toFixed(2)} s  ` +
                `TBT ${Math.round(ms('total-blocking-time'))} ms  CLS ${ms('cumulative-layout-shift').toFixed(3)}  ` +
                `speed index ${(ms('speed-index') / 1000).toFixed(2)} s`);
    // What kept a score from 100: the failing audits of the last run, by title.
    const last = runs[runs.length - 1];
    for (const c of CATEGORIES.filter((c) => s[c] < 100)) {
      const failing = last.categories[c].auditRefs.filter((r) => r.weight > 0 && (last.audits[r.id].score ?? 1) < 0.9)
        .map((r) => `${r.id} (${last.audits[r.id].displayValue || last.audits[r.id].score})`);
      if (failing.length) console.log(`${''.padEnd(40)} ${c}: ${failing.join(', ')}`);
    }
  }
} finally {
  await chrome.kill();
  server.stop();
}
