// The site's service worker (registered by boot.js): the program starts from the cache, so a
// repeat visit is instant and a kiosk whose network is down when its browser starts still
// comes up with its last content.
// - The app (index.html and the content-hashed program and style files, listed below by
//   cmake/hash_site.py) is precached per deploy and served cache-first. A new deploy's worker
//   precaches all of its files, then takes over at once: an open page has all of its own files
//   already (they are named by content, and a page asks for them only while it starts), so it
//   goes on; the next start gets the new index.html and exactly the files it names. Old
//   deploys' caches are deleted then. (A worker that waited for the pages to close was lost
//   when the browser was closed under it, in Chromium: the kiosk would never update.)
// - Content (the bundle, its images and documents) goes to the network first, with a short
//   timeout, and falls back to the last good copy. An image or document is kept when it arrives
//   whole (HTTP 200). A bundle (a .json path) is kept only once the viewer has loaded it without
//   error: the page writes it into the content cache itself (web/page/offline.mjs), so a
//   broken or half-published bundle never replaces the last good one. The kiosk's checks
//   (cache: 'no-store') always go to the network: a failed check must fail, and the kiosk keeps
//   what it shows.
'use strict';
const VERSION = 'dev';   // hash_site.py writes the deploy's hash here
const PRECACHE = [];     // and the app's files here
const APP = 'modv-app-' + VERSION;
const CONTENT = 'modv-content';  // the page writes bundles into it too (web/page/offline.mjs)
const NETWORK_TIMEOUT_MS = 3000;
const HASHED = /\.[0-9a-f]{10}\.(?:js|css|wasm|ttc)$/;  // cmake/hash_site.py's names
const BUNDLE = /\.json$/;  // kept by the page once the viewer took it, not here

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const app = await caches.open(APP);
    await app.addAll(['./', ...PRECACHE]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith('modv-app-') && name !== APP) await caches.delete(name);
    await self.clients.claim();  // the first visit's page: its later downloads are kept too
  })());
});

async function fromNetwork(request) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), NETWORK_TIMEOUT_MS);
  try {
    return await fetch(request, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

// The app: this deploy's copy, else the network (a file the precache missed).
async function appFile(request, key) {
  const cached = await (await caches.open(APP)).match(key || request, { ignoreSearch: !!key });
  return cached || fetch(request);
}

// Content: the network within the timeout (an image kept when whole); else the last good copy.
async function content(request) {
  const cache = await caches.open(CONTENT);
  try {
    const response = await fromNetwork(request);
    if (response.status === 200 && response.type === 'basic' && !BUNDLE.test(new URL(request.url).pathname))
      await cache.put(request, response.clone());
    if (response.ok || response.status === 304) return response;
    return (await cache.match(request, { ignoreSearch: true })) || response;
  } catch (e) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.endsWith('/sw.js')) return;
  if (request.cache === 'no-store') return;  // the kiosk's checks: the network or nothing
  const scope = new URL(self.registration.scope).pathname;
  const page = url.pathname === scope || url.pathname === scope + 'index.html';
  if (request.mode === 'navigate' && page) event.respondWith(appFile(request, './'));
  else if (HASHED.test(url.pathname)) event.respondWith(appFile(request));
  else event.respondWith(content(request));
});
