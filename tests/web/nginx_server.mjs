// Runs Debian's nginx with the production configuration (web/nginx.conf) as a child of this
// process, with its own prefix, port and root: used by the nginx suite and by the Lighthouse
// figures of scripts/bench, so that both measure what a deployment serves (precompressed copies,
// caching headers, the CSP). Stopped on stop() and when the process exits.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repo } from './harness.mjs';

export const NGINX = process.env.NGINX || '/usr/sbin/nginx';
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
export const hasBrotli = fs.existsSync(BROTLI_MODULE);

// web/nginx.conf with the given port, root and writable paths. Each rewrite must apply exactly
// once, so an edit of the file that breaks the template fails here with a clear message.
export function renderConfig(text, { port, root, dir }) {
  const rules = [
    [/^user .*;$/m, process.getuid() === 0 ? 'user root;' : ''],  // workers must read the checkout
    [/^pid .*;$/m, `pid ${dir}/nginx.pid;`],
    [/^error_log .*;$/m, `error_log ${dir}/error.log;`],
    [/^(\s*)access_log .*;$/m, `$1access_log ${dir}/access.log;`],
    [/^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${port};`],
    [/^(\s*)root .*;$/m, `$1root ${root};`],
    [/^http \{$/m, 'http {\n' + ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((t) => `    ${t}_temp_path ${dir}/${t};`).join('\n')],
  ];
  for (const [re, by] of rules) {
    assert.equal((text.match(new RegExp(re.source, 'gm')) || []).length, 1, `web/nginx.conf: expected one line matching ${re}`);
    text = text.replace(re, by);
  }
  return hasBrotli ? text.replace(/#brotli# /g, '') : text;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

// GET with exactly the headers given (no automatic decompression): status, headers, raw body.
export function get(base, pathname, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(base + pathname, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

// Starts nginx serving `root`; resolves to { base, dir, stop() } once it answers.
export async function startNginx(root) {
  assert.ok(fs.existsSync(NGINX), `${NGINX} is missing (scripts/setup installs nginx-light)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modv-nginx-'));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, renderConfig(fs.readFileSync(path.join(repo, 'web/nginx.conf'), 'utf8'),
                                      { port, root: path.resolve(root), dir }));
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);  // also when the run is interrupted
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
      stop();
      throw new Error(`nginx exited with ${child.exitCode}: ${stderr}${log}`);
    }
    try { await get(base, '/'); break; } catch {
      if (Date.now() > deadline) { stop(); throw new Error(`nginx did not answer on ${base} within 15 s: ${stderr}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { base, dir, stop };
}
