// boot.js (built from these modules by esbuild, cmake/web.cmake): starts the page without
// inline script (the Content-Security-Policy forbids it). It runs from <head> as soon as it has
// arrived (async: it does not wait for the style sheet or the body), so that the bundle's
// download and the wasm's compile start at once; what needs the page (the canvas, its size,
// the WebGL context) waits for the body and the style sheet, and only then is mod-viewer.js
// added. A published page shows its screen's text from its first paint and starts all of that
// after the paint, so as not to compete with it (Lighthouse counted every request begun before
// the paint into the paint's time: LCP 2.1 s on slow 4G; measured by scripts/bench).
import * as params from './params.mjs';
import * as download from './download.mjs';
import * as offline from './offline.mjs';
import * as program from './program.mjs';
import * as renderer from './renderer_client.mjs';
import * as mirror from './mirror_dom.mjs';
import * as routes from './routes.mjs';
import * as input from './input.mjs';
import * as kiosk from './kiosk.mjs';
import * as page from './page_state.mjs';
import * as fatal from './fatal.mjs';
import * as reading from './reading.mjs';
import { test } from './test_hooks.mjs';

// The page's modules, for the program's JavaScript half (web/lib_app.js calls only what they
// export: cmake/check_bridge.py checks it) and for the tests. Frozen: nothing is added elsewhere.
window.MODV = Object.freeze({ params, download, program, offline, renderer, mirror, routes, input, kiosk, page, fatal, reading, test });

const root = document.documentElement;
// The viewer will draw on its canvas (reading mode says otherwise once it knows): from now on
// the page does not scroll, so the canvas keeps the size the program is made for. Without
// JavaScript this is never set and a published page's text reads as any page (app.css).
root.setAttribute('data-render', 'canvas');
// Another bundle than the site's own: the page's published text is not its content.
if (params.params.get('bundle')) root.classList.add('other-bundle');

if (!params.deferStart) {
  download.startFirst();
  program.startCompile();
}
offline.lookUpKept();
kiosk.startWatchdog();
offline.registerServiceWorker();
input.keepKeysInFields();

// `then` once the page's text is painted: at the browser's own first-contentful-paint entry
// where it reports one (its time is when the paint reached the screen, which a busy compositor
// can put after the next frame's callbacks), else the frame after; at once in a tab in the
// background (it paints nothing), and after a second at most.
function afterFirstPaint(then) {
  let done = false;
  const go = (why) => {
    if (done) return;
    done = true;
    test.startedAfter = why;
    then();
  };
  let observed = false;
  try {
    if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes &&
        PerformanceObserver.supportedEntryTypes.indexOf('paint') >= 0) {
      const watch = new PerformanceObserver((list) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        watch.disconnect();
        setTimeout(() => go('paint'), 0);
      });
      watch.observe({ type: 'paint', buffered: true });
      observed = true;
    }
  } catch (e) { /* no paint timing: the frames below */ }
  if (!observed) requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => go('frame'), 0)));
  if (document.visibilityState === 'hidden') go('hidden');
  else setTimeout(() => go('timeout'), 1000);
}

// `then` once the body is parsed and the style sheet applied (the canvas's size depends on it);
// a style sheet that fails to load does not hold the page back, even one that failed before
// this script ran (the page's load event then says all is in).
function whenPageReady(then) {
  const sheet = document.querySelector('link[rel=stylesheet]');
  let sheetFailed = false;
  const ready = () => document.readyState !== 'loading' && (!sheet || sheet.sheet || sheetFailed || document.readyState === 'complete');
  if (ready()) {
    then();
    return;
  }
  const check = () => {
    if (!ready() || !then) return;
    const f = then;
    then = null;
    f();
  };
  document.addEventListener('DOMContentLoaded', check);
  window.addEventListener('load', check);
  if (sheet) {
    sheet.addEventListener('load', check);
    sheet.addEventListener('error', () => {
      sheetFailed = true;
      check();
    });
  }
}

function startViewer() {
  if (!window.WebAssembly) {
    fatal.fatal('This browser cannot run WebAssembly.');  // a published page keeps its text
    return;
  }
  download.showProgressIn(document.querySelector('#loading .bar'));
  const canvas = document.getElementById('canvas');
  // The drawing buffer's size, measured as the program measures it (input.canvasSize), so that
  // it is made once, not made and then remade.
  const size = input.canvasSize();
  renderer.start(canvas, Math.round(size.width * size.ratio), Math.round(size.height * size.ratio), () => {
    input.takeTouches(canvas);
    program.startProgram();
  });
}

whenPageReady(() => {
  if (!params.deferStart) {
    startViewer();
    return;
  }
  afterFirstPaint(() => {
    download.startFirst();
    program.startCompile();
    startViewer();
  });
});
