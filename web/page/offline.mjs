// Starts without network: the service worker (web/sw.js, written by the build with the deploy's
// files) keeps the app, and the page keeps the last good content in a cache the worker falls
// back to when the network fails. A bundle is kept only once the viewer has loaded it without
// error, so a half-published bundle never replaces a good one; a kiosk also keeps every file its
// content may need (images; a published site's every part).
import { bundleUrl, siteRoot, target } from './params.mjs';

export const CONTENT_CACHE = 'modv-content';  // web/sw.js CONTENT falls back to it
let kept = null;  // the validators of the copy kept, once known

const usable = () => window.caches && window.isSecureContext;

// Which bundle the cache holds, looked up while the first download runs (it is written only
// when it differs).
export function lookUpKept() {
  if (!usable() || !target.url) return;
  caches.open(CONTENT_CACHE).then((c) => c.match(bundleUrl)).then((r) => {
    if (r && !kept) kept = { etag: r.headers.get('ETag'), modified: r.headers.get('Last-Modified') };
  }).catch(() => { /* no cache: every bundle taken is written */ });
}

// Bytes of content the viewer is about to take, copied to be kept (it decodes its strings where
// they are); null when the copy kept already has these validators.
export function copyForKeeping(bytes, validators) {
  if (!usable()) return null;
  const v = validators || {};
  if (kept && (v.etag ? kept.etag === v.etag : v.modified && kept.modified === v.modified)) return null;
  return bytes.slice();
}

// Writes content the viewer took into the cache.
export function keepContent(bytes, validators) {
  if (!bytes) return;
  const v = validators || {};
  const headers = { 'Content-Type': 'application/json; charset=utf-8' };
  if (v.etag) headers.ETag = v.etag;
  if (v.modified) headers['Last-Modified'] = v.modified;
  caches.open(CONTENT_CACHE).then((cache) => cache.put(bundleUrl, new Response(bytes, { headers }))).then(() => {
    kept = { etag: v.etag || null, modified: v.modified || null };
  }).catch((e) => console.warn('the content could not be kept for a start without network:', (e && e.message) || e));
}

// A kiosk's files (paths beside the bundle: every file its content may need, once all of a
// published site's items are in), each fetched into the cache unless it is there, one after the
// other, behind whatever the screen needs; then a published site's parts that are not among them
// go (they are named by their hash: an edited item leaves old ones). Until then the old parts
// stay: a start without network before the new content is whole still finds what it had.
export function keepFiles(paths) {
  if (!usable()) return;
  const wanted = new Set(paths.map((p) => new URL(p, bundleUrl).href));
  const folder = new URL('.', bundleUrl).href;
  caches.open(CONTENT_CACHE).then((cache) => paths.reduce((previous, p) => {
    const url = new URL(p, bundleUrl).href;
    return previous.then(() => cache.match(url)).then((has) => {
      if (!has && new URL(url).origin === location.origin) return cache.add(url);
      return null;
    }).catch((e) => console.warn('kiosk: ' + p + ' could not be kept for offline starts:', (e && e.message) || e));
  }, Promise.resolve()).then(() => cache.keys()).then((keys) => Promise.all(keys.filter((k) =>
    k.url.indexOf(folder) === 0 && /^[a-z-]+-[0-9a-f]{16}\.json$/.test(k.url.slice(folder.length)) && !wanted.has(k.url))
    .map((k) => cache.delete(k))))).catch((e) => console.warn('kiosk: the parts no longer named could not be removed:', (e && e.message) || e));
}

// The service worker, registered once the page has loaded and the viewer has started (its state
// left "loading"; at most 10 s after the load): its install downloads and stores every file of
// the deploy, and on a phone's few cores that competed with the viewer's start. Lighthouse,
// median of 5, mission / news / item: Performance 85 / 90 / 91 registered at the load event,
// 96 / 96 / 95 without it (total blocking time 392-590 ms against 214-252 ms).
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    const root = document.documentElement;
    let registered = false;
    const watch = new MutationObserver(() => started());
    const register = () => {
      if (registered) return;
      registered = true;
      watch.disconnect();
      navigator.serviceWorker.register(new URL('sw.js', siteRoot).href, { scope: siteRoot.href })
        .catch((e) => console.warn('service worker:', (e && e.message) || e));
    };
    const started = () => { if (root.getAttribute('data-app-state') !== 'loading') register(); };
    watch.observe(root, { attributes: true, attributeFilter: ['data-app-state'] });
    started();
    setTimeout(register, 10000);
  });
}
