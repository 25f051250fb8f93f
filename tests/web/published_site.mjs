// A published archive for the browser suites: a bundle of `news` news over 26 years (every
// fifth titled with "Bërzhitë") and `directives` directives, published with the editors' tool
// (mod-bundle publish --out) into `dir`/content; `edit(bundle)` may change it first. Returns
// what the tests look for.
import { before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repo, launchChromium } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

// Sites made by scripts/publish for a suite, served, with a Chromium: `sites` lists each
// `bundle` (a file), the folder it goes to (`dir`, under one served root) and scripts/publish's
// other arguments. The returned object gets `origin` and `browser` before the suite's tests
// run; everything goes after them.
export function publishedSites(sites, base) {
  const ctx = { out: fs.mkdtempSync(path.join(os.tmpdir(), 'modv-site-')), origin: '', browser: null, server: null };
  before(async () => {
    for (const { bundle, dir = '', args = [] } of sites)
      execFileSync(path.join(repo, 'scripts/publish'), ['--no-build', bundle, path.join(ctx.out, dir), '--base-url', base, ...args],
                   { stdio: 'pipe' });
    ctx.server = await serve(ctx.out, 0);
    ctx.origin = `http://127.0.0.1:${ctx.server.address().port}`;
    ctx.browser = await launchChromium();
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.close();
    fs.rmSync(ctx.out, { recursive: true, force: true });
  });
  return ctx;
}

export function publishArchive(dir, { news = 400, directives = 30, edit = () => {} } = {}) {
  const filler = 'Forcat e Armatosura zhvilluan stërvitje të përbashkët me partnerët e NATO-s në kuadër të gatishmërisë. ';
  const items = [];
  for (let i = 0; i < news; i++) {
    const year = 2000 + (i * 7) % 26, month = 1 + (i % 12);
    const place = i % 5 === 0 ? ' Bërzhitë' : '';
    items.push({
      id: `n${i}`, date: `${year}-${String(month).padStart(2, '0')}`,
      title: { sq: `Lajmi ${i}${place}`, en: `News item ${i}${place}` },
      summary: { sq: filler.repeat(3) + i, en: 'The armed forces trained with NATO partners. '.repeat(6) + i },
      // Words of its own, so that the search index has several chunks.
      body: { sq: `Trupi i lajmit ${i}. ` + Array.from({ length: 80 }, (_, j) => 'fjala' + ((i * 13 + j * 7) % 500).toString(36)).join(' '),
              en: `The body of item ${i}.` },
      tags: [i % 2 ? 'NATO' : 'stërvitje'],
    });
  }
  const dirs = [];
  for (let i = 0; i < directives; i++)
    dirs.push({ id: `d${i}`, date: String(2005 + (i % 20)), title: `Direktiva ${i}`, category: i % 2 ? 'Urdhër' : 'Plan', body: `Neni ${i}.` });
  const bundle = { format: 'publication-bundle', version: 1, languages: ['sq', 'en'], site: { title: 'Arkivi' },
                   mission: { title: { sq: 'Misioni', en: 'Mission' }, paragraphs: [{ text: { sq: 'Teksti i misionit.', en: 'The mission.' } }] },
                   news: items, directives: dirs };
  edit(bundle);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bundle.json');
  fs.writeFileSync(file, JSON.stringify(bundle));
  execFileSync(path.join(repo, 'build/native/mod-bundle'), ['publish', file, '--out', path.join(dir, 'content')]);
  const manifest = readManifest(path.join(dir, 'content'));
  const byDate = items.map((n, k) => [n, k]).sort((a, b) => (a[0].date < b[0].date ? 1 : a[0].date > b[0].date ? -1 : a[1] - b[1]))
    .map(([n]) => n);
  return { manifest, items: byDate, oldest: byDate[byDate.length - 1], berzhite: items.filter((n) => n.title.sq.includes('Bërzhitë')).length,
           contentDir: path.join(dir, 'content') };
}

// Every file of the content a manifest (read by readManifest) names, itself included.
export function manifestFiles(manifest) {
  const p = manifest.published;
  const files = ['manifest.json', ...(p.tables ? [p.tables.file] : []), ...p.ids.map((r) => r.file)];
  for (const kind of ['news', 'directives']) for (const part of ['headlines', 'full']) files.push(...p[kind][part].map((r) => r.file));
  for (const lang of p.search) files.push(...lang.chunks.map((r) => r.file));
  return files;
}

// A published site's manifest with the shard tables it names read into it: `published` then
// lists every shard and search chunk, as a version 1 manifest did; `published.tables.file` names
// the tables' own file.
export function readManifest(contentDir) {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(contentDir, f), 'utf8'));
  const manifest = read('manifest.json');
  const p = manifest.published;
  if (!p.tables) return manifest;
  const tables = read(p.tables.file);
  for (const kind of ['news', 'directives']) Object.assign(p[kind], tables[kind]);
  p.search = tables.search;
  return manifest;
}
