// Every download of the viewer goes through here: the bundle (or a published site's manifest),
// the kiosk's checks of it, and the files beside it (a published site's parts, images). Bodies
// are read within the limits as they come, straight into the program's memory once it can take
// them (`roomFor`), so nothing is copied after the last byte; a body over the limit is refused
// as soon as it is, whatever the headers said.
import { bundleUrl, target } from './params.mjs';

export const MAX_BUNDLE_BYTES = 128 * 1048576;  // core::limits::kMaxFileBytes; larger is refused unread

let validators = null;     // ETag / Last-Modified of the bundle shown
let first = null;          // the first download's promise, until the program takes it
let firstResult = null;    // its result once in, if the program is not there yet
let roomFor = null;        // the program's room for a download of known size (set once it runs)
let bar = null;            // #loading .bar: the download's progress

export function showProgressIn(element) { bar = element; }
export function setRoomFor(fn) { roomFor = fn; }
export function getValidators() { return validators; }
export function setValidators(v) { validators = v; }

// `size` from the headers; without it, the body is only known to be over the limit.
function tooLarge(size) {
  return 'The bundle is ' + (size ? Math.round(size / 1048576) + ' MiB' : 'larger than that') +
         '; bundles may be at most ' + (MAX_BUNDLE_BYTES / 1048576) + ' MiB.';
}

// Reads the body as it arrives into one array (of the announced size, when there is one), or,
// once the program runs and the size is known (`room(size)`: { ptr, heap() }), straight into
// the room it made for it. Resolves to { ptr, length }, { bytes } or { error }.
function readBody(r, expected, room) {
  if (!r.body || !r.body.getReader) {
    return r.arrayBuffer().then((b) => (b.byteLength > MAX_BUNDLE_BYTES ? { error: tooLarge(b.byteLength) } : { bytes: new Uint8Array(b) }));
  }
  const reader = r.body.getReader();
  let buf = null, n = 0, into = null, shown = 0;
  function next(chunk) {
    if (chunk.done) {
      if (into) return { ptr: into.ptr, length: n };
      return { bytes: !buf ? new Uint8Array(0) : n === buf.length ? buf : buf.subarray(0, n) };
    }
    const c = chunk.value;
    if (n + c.length > (expected || MAX_BUNDLE_BYTES)) {
      reader.cancel();
      return { error: n + c.length > MAX_BUNDLE_BYTES ? tooLarge(0) : 'The bundle was longer than the server said.' };
    }
    if (!into && expected && room) {
      into = room(expected);
      if (into && n) into.heap().set(buf.subarray(0, n), into.ptr);
      if (into) buf = null;
    }
    if (into) {
      into.heap().set(c, into.ptr + n);
    } else {
      if (!buf || n + c.length > buf.length) {
        const grown = new Uint8Array(expected || Math.min(MAX_BUNDLE_BYTES, Math.max(2 * (buf ? buf.length : 0), n + c.length, 1 << 16)));
        if (buf) grown.set(buf.subarray(0, n));
        buf = grown;
      }
      buf.set(c, n);
    }
    n += c.length;
    const done = expected ? Math.round(100 * n / expected) : 0;
    if (bar && done !== shown) bar.style.setProperty('--done', (shown = done) + '%');
    return reader.read().then(next);
  }
  return reader.read().then(next);
}

// A bundle's response body, read within the limits: a size over them is refused unread. The
// kiosk's checks read theirs with it too: an unattended screen must not take in whatever a
// server sends. (Content-Length is what is read only when nothing was compressed for transfer.)
export function readBundle(r, room) {
  const size = Number(r.headers.get('Content-Length') || 0);
  if (size > MAX_BUNDLE_BYTES) {
    if (r.body) r.body.cancel().catch(() => {});
    return Promise.resolve({ error: tooLarge(size) });
  }
  return readBody(r, r.headers.get('Content-Encoding') ? 0 : size, room);
}

// The bundle: { ptr, length } in the program's memory, { bytes }, or { error } in words.
export function fetchBundle() {
  if (target.error) return Promise.resolve({ error: target.error });
  return fetch(bundleUrl, { credentials: 'same-origin', cache: 'no-cache' }).then((r) => {
    if (new URL(r.url || bundleUrl).origin !== location.origin) return { error: 'The bundle was redirected to another site and was refused.' };
    if (!r.ok) {
      return { error: r.status === 404 ? 'The bundle was not found on the server (HTTP 404).'
                                        : 'The server answered HTTP ' + r.status + ' ' + r.statusText + ' for the bundle.' };
    }
    validators = { etag: r.headers.get('ETag'), modified: r.headers.get('Last-Modified') };
    return readBundle(r, (size) => (roomFor ? roomFor(size) : null));
  }).catch((e) => ({ error: 'The bundle could not be downloaded: the network failed (' + ((e && e.message) || e) + ').' }));
}

// The first download, begun before the program runs; kept once in as well, so that a program
// starting after it takes it at once, in its start-up, instead of a task later.
export function startFirst() {
  first = fetchBundle();
  first.then((r) => { if (first) firstResult = r; });
}

// The first download for the program: (arrived, promise); a later call downloads again (a retry).
export function takeFirst() {
  const taken = { arrived: firstResult, promise: first || fetchBundle() };
  first = firstResult = null;
  return taken;
}

// A file beside the bundle (on this site only): `done(bytes)` with its bytes, or `failed(why)`.
// Its name carries its content's hash, so the browser's cache may answer; the program checks it.
// It is asked for once the frame that wanted it is on screen (afterPaint).
export function fetchBeside(name, done, failed) {
  afterPaint(() => {
    let url = null;
    try {
      url = new URL(name, bundleUrl);
    } catch (e) { /* said below */ }
    if (!url || url.origin !== location.origin) {
      failed(url ? 'not on this site' : 'not a valid address');
      return;
    }
    fetch(url.href, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then((buf) => done(new Uint8Array(buf))).catch((e) => {
      failed(/^HTTP /.test(e.message) ? e.message : navigator.onLine === false ? 'no network' : 'the network failed');
    });
  });
}

// Starting a fetch costs the page's thread a few milliseconds (some 7 ms under a 4x slower CPU),
// and a frame asks for its files while it is drawn: a year chosen asks for four of its older
// headline shards in the frame that shows its newest. They start in a task after the next
// animation frame, when that frame has been painted; a hidden page, which has no animation
// frames, starts them a little later anyway.
let waiting = null;  // the starts of the frame being drawn
function afterPaint(start) {
  if (!waiting) {
    const starts = waiting = [];
    const flush = () => {
      if (waiting !== starts) return;  // started already
      waiting = null;
      starts.forEach((s) => s());
    };
    requestAnimationFrame(() => setTimeout(flush, 0));
    setTimeout(flush, 100);
  }
  waiting.push(start);
}

// The address of a file of the bundle's folder.
export function fileUrl(path) { return new URL(path, bundleUrl).href; }
