// The museum kiosk (?kiosk=1): nothing leads out of the app (no context menu, selection, zoom,
// overscroll or swipe navigation, shortcuts or new windows); the content is checked every
// reload interval with a conditional request (a 304 when unchanged), one check at a time, read
// within the bundle limits; a watchdog reloads the page when its frames stop (the program draws
// at least once per idle or reload interval, and each time beats the heartbeat); and with
// ?report=<path on this site> the kiosk's metrics go to a Prometheus Pushgateway there.
import { bundleUrl, kiosk, params } from './params.mjs';
import { getValidators, readBundle, setValidators } from './download.mjs';
import { fatal } from './fatal.mjs';
import { stuck } from './renderer_client.mjs';
import { test } from './test_hooks.mjs';

let checkSeconds = 60;   // the reload interval: a check that takes longer is given up
let checking = false;    // one at a time
let pending = null;      // a published site's manifest from a check, until the app takes or drops it
let heartbeat = 0;       // when the program last asked to be woken (ms)
let wakeTimer = 0;
let pushing = false;     // a report on its way: the newest waits for it
let nextReport = null;   // [address, metrics]
let warned = false;      // an unreachable gateway is said once, not at every push

export function lockDown(reloadSeconds) {
  const root = document.documentElement;
  root.classList.add('kiosk');
  const viewport = document.querySelector('meta[name=viewport]');
  if (viewport) viewport.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no');
  const stop = (e) => e.preventDefault();
  ['contextmenu', 'selectstart', 'dragstart', 'gesturestart', 'auxclick'].forEach((t) => document.addEventListener(t, stop, { capture: true }));
  window.addEventListener('wheel', (e) => { if (e.ctrlKey) e.preventDefault(); }, { passive: false, capture: true });
  window.addEventListener('keydown', (e) => {
    // Function keys and shortcuts (reload, history, zoom, find, print, new window...).
    if (e.ctrlKey || e.metaKey || e.altKey || /^F\d+$/.test(e.key)) e.preventDefault();
  }, true);
  window.open = () => null;
  checkSeconds = reloadSeconds;  // the checks themselves are timed by the program (web.cpp)
}

// One timer: `wake()` after `seconds`. A render worker that has not drawn a frame sent 10 s ago
// has stopped (the page's frames then wait for it for good): no heartbeat then.
export function wakeAfter(seconds, wake) {
  if (!stuck()) heartbeat = Date.now();
  clearTimeout(wakeTimer);
  wakeTimer = setTimeout(wake, Math.max(0, seconds * 1000));
}
export function lastHeartbeat() { return heartbeat; }

export function startWatchdog() {
  if (!kiosk) return;
  const quiet = 2 * Math.max(Number(params.get('idle')) || 90, Number(params.get('reload')) || 60, 60) * 1000;
  setInterval(() => {
    if (heartbeat && document.documentElement.getAttribute('data-app-state') === 'ready' && Date.now() - heartbeat > quiet)
      fatal('The viewer drew nothing for ' + Math.round((Date.now() - heartbeat) / 1000) + ' s.');
  }, 15000);
}

// The content's check. `room(size)`: the program's room for a changed bundle; `offer(body, v)`:
// gives the body read ({ ptr, length } or { bytes }, validators v) to the program and answers
// { answer, copy }: 1 taken, 2 pending (a published site's manifest, taken once its newest
// headlines are in: settle()), 0 refused, -1 no memory for it; `copy` is the bytes as they came
// (the program decodes its strings in place), for `keep(copy, v)` to keep for starts without
// network. A network that went away, a body too large or refused changes nothing: the next
// check tries again.
export function check(room, offer, keep, done) {
  if (checking) return;
  checking = true;
  const v = getValidators() || {};
  const headers = {};
  if (v.etag) headers['If-None-Match'] = v.etag;
  if (v.modified) headers['If-Modified-Since'] = v.modified;
  let next = null;
  // A check that has not finished within one reload interval (a server that drips its answer a
  // byte at a time) is given up, so that the next one, on a healed server, can run.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), checkSeconds * 900);
  fetch(bundleUrl, { cache: 'no-store', credentials: 'same-origin', headers, signal: abort.signal }).then((r) => {
    if (r.status === 304) {
      test.unchangedChecks++;
      return null;
    }
    if (!r.ok) throw new Error('HTTP ' + r.status);
    next = { etag: r.headers.get('ETag'), modified: r.headers.get('Last-Modified') };
    return readBundle(r, room);
  }).then((body) => {
    if (!body) return;
    if (body.error) throw new Error(body.error);
    const { answer, copy } = offer(body, next);
    if (answer < 0) throw new Error('not enough memory for the changed bundle');
    // Only content the app took becomes the reference and the content kept; a broken one, or a
    // manifest published before its shards, is fetched again at the next check.
    pending = answer === 2 ? { copy, validators: next } : null;
    if (answer === 1) {
      setValidators(next);
      keep(copy, next);
    }
    test.checks++;
    return answer !== 0;
  }).then((ok) => ok !== false, (e) => {
    console.warn('bundle check failed; keeping the content shown:', (e && e.message) || e);
    test.failedChecks++;
    return false;
  }).then((ok) => {
    clearTimeout(timer);
    checking = false;
    done(ok);
  });
}

// The pending manifest (check's answer 2) was taken (it becomes the reference and the content
// kept), or dropped (the next check fetches it again).
export function settle(taken, keep) {
  const p = pending;
  pending = null;
  if (!p) return;
  if (taken) {
    setValidators(p.validators);
    keep(p.copy, p.validators);
  } else {
    test.droppedUpdates++;
  }
}

// The Pushgateway's address of this kiosk's metrics: ?report= (a path on this site; another
// site's is refused, as ?bundle's is) + job/mod_kiosk/instance/<instance>; null without ?report.
function reportAddress(instance) {
  const asked = params.get('report');
  if (!asked) return null;
  let url;
  try {
    url = new URL(asked, location.href);
  } catch (e) {
    url = null;
  }
  if (!url || url.origin !== location.origin) {
    if (!warned) console.warn('kiosk: the report address "' + asked + '" is not on this site; nothing is sent');
    warned = true;
    return null;
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return new URL('job/mod_kiosk/instance/' + encodeURIComponent(instance), url).href;
}

// PUTs the metrics (the Pushgateway replaces the group); one at a time, the newest waiting. A
// push that fails is retried with the next one and costs the visitor nothing but a log line.
export function report(instance, metrics) {
  const address = reportAddress(instance);
  if (!address) return;
  if (pushing) {
    nextReport = [instance, metrics];
    return;
  }
  pushing = true;
  fetch(address, { method: 'PUT', body: metrics, credentials: 'same-origin', headers: { 'Content-Type': 'text/plain; version=0.0.4' } })
    .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); })
    .catch((e) => {
      if (!warned) console.warn('kiosk: the report could not be sent (' + ((e && e.message) || e) + '); it goes with the next');
      warned = true;
    }).then(() => {
      pushing = false;
      if (nextReport) {
        const [i, m] = nextReport;
        nextReport = null;
        report(i, m);
      }
    });
}
