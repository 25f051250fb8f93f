// Starts the page without inline script (the Content-Security-Policy forbids it): reads the
// page parameters, begins downloading the bundle at once so it runs in parallel with the
// wasm download and compile, shows progress, and configures Emscripten's Module.
// It runs from <head> as soon as it has arrived (async: it does not wait for the style sheet
// or the body), so that the downloads and the compile start early; what needs the page (the
// canvas, its size, the WebGL context) waits for the body and the style sheet (whenPageReady),
// and only then is mod-viewer.js added, so the program always finds them.
// The program's files carry their content hash in their names (cmake/hash_site.py writes them
// into index.html): this script's tag names them in data-program, data-wasm and data-package.
(function () {
  'use strict';
  var files = document.currentScript.dataset;
  // What mod-viewer.js asks for under the plain names it was linked with.
  var hashed = { 'mod-viewer.wasm': files.wasm, 'mod-viewer.data': files.package };
  var MAX_BUNDLE_BYTES = 128 * 1048576;  // core::limits::kMaxFileBytes; larger is refused unread
  var params = new URLSearchParams(location.search);
  // A site whose content is published in parts names its manifest (data-content, written by
  // mod-bundle publish for a large bundle); otherwise the site's one bundle.json.
  var asked = params.get('bundle') || files.content || 'bundle.json';
  // The site's root, from this page: "" at the root, "../../" in en/news/<id>/ (a published page).
  var siteRoot = new URL(files.root || './', location.href);
  var root = document.documentElement;
  // The viewer will draw on its canvas (reading mode says otherwise once it knows): from now on
  // the page does not scroll, so the canvas keeps the size the program is made for. Without
  // JavaScript this is never set and a published page's text reads as any page (app.css).
  root.setAttribute('data-render', 'canvas');
  // Another bundle than the site's own: the page's published text is not its content.
  if (params.get('bundle')) root.classList.add('other-bundle');
  var bar = null;  // #loading .bar, once the body is there

  function resolveBundle() {
    var url;
    try { url = new URL(asked, siteRoot); } catch (e) { return { error: 'The bundle address "' + asked + '" is not a valid address.' }; }
    if (url.origin !== location.origin) {
      return { error: 'The bundle "' + asked + '" is on another site; this viewer only shows bundles from ' + location.origin + '.' };
    }
    return { url: url };
  }
  var target = resolveBundle();

  function fetchBundle() {
    if (target.error) return Promise.resolve({ error: target.error });
    return fetch(target.url.href, { credentials: 'same-origin', cache: 'no-cache' }).then(function (r) {
      if (new URL(r.url || target.url.href).origin !== location.origin) {
        return { error: 'The bundle was redirected to another site and was refused.' };
      }
      if (!r.ok) {
        return { error: r.status === 404 ? 'The bundle was not found on the server (HTTP 404).'
                                          : 'The server answered HTTP ' + r.status + ' ' + r.statusText + ' for the bundle.' };
      }
      window.MODV.validators = { etag: r.headers.get('ETag'), modified: r.headers.get('Last-Modified') };
      return readBundle(r, function (size) { return window.MODV.makeRoom ? window.MODV.makeRoom(size) : null; });
    }).catch(function (e) {
      return { error: 'The bundle could not be downloaded: the network failed (' + (e && e.message || e) + ').' };
    });
  }

  // The body of a bundle's response, read within the limits: a size over them is refused
  // unread. The kiosk's checks read theirs with it too (MODV.readBundle, lib_app.js): an
  // unattended screen must not take in whatever a server sends.
  // `roomFor(size)`: the program's room for the bytes, or null while there is none (readBody).
  function readBundle(r, roomFor) {
    var size = Number(r.headers.get('Content-Length') || 0);
    if (size > MAX_BUNDLE_BYTES) {
      if (r.body) r.body.cancel().catch(function () {});
      return Promise.resolve({ error: tooLarge(size) });
    }
    // Content-Length is the size of what is read only when nothing was compressed for transfer.
    return readBody(r, r.headers.get('Content-Encoding') ? 0 : size, roomFor);
  }

  // Reads the body as it arrives into one array (of the announced size, when there is one): no
  // copy of the whole at the end, the bar shows how much has come, and a body larger than the
  // limit is refused as soon as it is, whatever the headers said. Once the program runs and the
  // size is known (roomFor: MODV.makeRoom, lib_app.js), the bytes go straight into the room it
  // made for them in its memory, where it keeps them: then nothing is copied after the last byte.
  function readBody(r, expected, roomFor) {
    if (!r.body || !r.body.getReader) return r.arrayBuffer().then(function (b) { return checked(new Uint8Array(b)); });
    var reader = r.body.getReader();
    var buf = null, n = 0;
    var room = null;  // { ptr, heap() }: the program's memory; heap() again after each growth
    var shown = 0;    // the percentage on the bar
    function checked(bytes) {
      return bytes.length > MAX_BUNDLE_BYTES ? { error: tooLarge(bytes.length) } : { bytes: bytes };
    }
    function next(chunk) {
      if (chunk.done) {
        if (room) return { ptr: room.ptr, length: n };
        return { bytes: !buf ? new Uint8Array(0) : n === buf.length ? buf : buf.subarray(0, n) };
      }
      var c = chunk.value;
      if (n + c.length > (expected || MAX_BUNDLE_BYTES)) {
        reader.cancel();
        return { error: n + c.length > MAX_BUNDLE_BYTES ? tooLarge(0) : 'The bundle was longer than the server said.' };
      }
      if (!room && expected) {
        room = roomFor(expected);
        if (room && n) room.heap().set(buf.subarray(0, n), room.ptr);
        if (room) buf = null;
      }
      if (room) {
        room.heap().set(c, room.ptr + n);
      } else {
        if (!buf || n + c.length > buf.length) {
          var grown = new Uint8Array(expected || Math.min(MAX_BUNDLE_BYTES, Math.max(2 * (buf ? buf.length : 0), n + c.length, 1 << 16)));
          if (buf) grown.set(buf.subarray(0, n));
          buf = grown;
        }
        buf.set(c, n);
      }
      n += c.length;
      var done = expected ? Math.round(100 * n / expected) : 0;
      if (bar && done !== shown) bar.style.setProperty('--done', (shown = done) + '%');
      return reader.read().then(next);
    }
    return reader.read().then(next);
  }
  // `size` from the headers; without it, the body is only known to be over the limit.
  function tooLarge(size) {
    return 'The bundle is ' + (size ? Math.round(size / 1048576) + ' MiB' : 'larger than that') +
           '; bundles may be at most ' + (MAX_BUNDLE_BYTES / 1048576) + ' MiB.';
  }

  // A published page's title is its screen's; the site's name is in its og:site_name.
  var siteName = document.querySelector('meta[property="og:site_name"]');
  // Shared between this file, the program's JavaScript half (lib_app.js) and the tests: every
  // field is declared here, and the object is sealed, so nothing else is added elsewhere.
  window.MODV = Object.seal({
    bundleName: asked,                                          // ?bundle= as asked, for messages
    siteRoot: siteRoot.href,                                    // the site's root (published pages sit below it)
    pages: !params.get('bundle'),                               // the site's own bundle: its screens have pages
    bundleUrl: target.url ? target.url.href : location.href,    // where it is downloaded from
    siteTitle: siteName ? siteName.content : document.title,    // the site's name, for the tab's title
    fetchBundle: fetchBundle,                                   // downloads the bundle (a retry calls it again)
    readBundle: readBundle,                                     // reads a bundle's body within the limits
    bundlePromise: null,                                        // the first download, until the program takes it
    bundleResult: null,                                         // its result once in, if the program is not yet
    validators: null,                                           // ETag / Last-Modified of the bundle shown
    keptValidators: null,                                       // and of the copy kept for offline starts
    contentCache: 'modv-content',                               // that copy's cache (web/sw.js CONTENT falls back to it)
    makeRoom: null,                                             // set by the program: room in its memory for a download
    onTouch: null,                                              // set by the program: the canvas's touches
    render: 'canvas',                                           // 'html' without WebGL2: reading mode (data-render)
    renderer: null,                                             // the render worker, when it draws (web/render_worker.js)
    // For tests: the kiosk's checks that brought a bundle, failed, or found it unchanged (304);
    // published manifests dropped (their shards could not be had); a crash's wait before the
    // reload; bundles written into the offline cache; what began a published page's downloads
    // ('paint', 'frame', 'hidden' or 'timeout').
    test: { checks: 0, failedChecks: 0, unchangedChecks: 0, droppedUpdates: 0, reloadIn: 0, keptContent: 0, startedAfter: '' },
    heartbeat: 0,                                               // set by the program: when the kiosk last drew (ms)
  });
  // A published page shows its screen's text from its first paint. Its viewer's downloads (the
  // bundle, the program) and the WebGL context begin once that paint is done, so that they do
  // not compete with it: Lighthouse's simulation counted every request begun before the paint
  // into the paint's time (LCP 2.1 s on slow 4G; measured by scripts/bench). Other pages (a
  // bundle of another site's own, a kiosk) start everything at once.
  var deferStart = window.MODV.pages && params.get('kiosk') !== '1';
  function afterFirstPaint(then) {
    var done = false, go = function (why) {
      if (done) return;
      done = true;
      window.MODV.test.startedAfter = why;
      then();
    };
    // The browser's own first-contentful-paint entry, where it reports one: its time is when the
    // paint reached the screen, which a busy compositor can put after the next frame's callbacks.
    var observed = false;
    try {
      if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes &&
          PerformanceObserver.supportedEntryTypes.indexOf('paint') >= 0) {
        var watch = new PerformanceObserver(function (list) {
          if (!list.getEntriesByName('first-contentful-paint').length) return;
          watch.disconnect();
          setTimeout(function () { go('paint'); }, 0);
        });
        watch.observe({ type: 'paint', buffered: true });
        observed = true;
      }
    } catch (e) { /* no paint timing: the frames below */ }
    // Elsewhere, the frame after the painted one.
    if (!observed) requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(function () { go('frame'); }, 0); }); });
    // A tab in the background paints nothing: it starts at once (and a paint that never comes
    // holds nothing back for more than a second).
    if (document.visibilityState === 'hidden') go('hidden');
    else setTimeout(function () { go('timeout'); }, 1000);
  }
  function startBundle() {
    window.MODV.bundlePromise = fetchBundle();
    // Kept as well once it is in, so that a program starting after it can take it at once, in
    // its start-up, instead of a task later (lib_app.js); not once the program took the promise.
    window.MODV.bundlePromise.then(function (r) { if (window.MODV.bundlePromise) window.MODV.bundleResult = r; });
  }
  if (!deferStart) startBundle();
  // Meanwhile, which bundle the offline cache holds (lib_app.js writes it only when it differs).
  if (window.caches && window.isSecureContext && target.url) {
    caches.open(window.MODV.contentCache).then(function (c) { return c.match(target.url.href); }).then(function (r) {
      if (r && !window.MODV.keptValidators) window.MODV.keptValidators = { etag: r.headers.get('ETag'), modified: r.headers.get('Last-Modified') };
    }).catch(function () { /* no cache: every bundle taken is written */ });
  }

  // No fatal state is final. A kiosk (?kiosk=1) reloads itself a few seconds after the viewer
  // stops (an abort, out of memory, an error thrown by the program, a frame loop that stopped);
  // a counter in localStorage doubles the wait after each crash within the hour (5 s, 10 s, ...
  // at most 10 minutes), so a crash cannot loop tightly. Visitors get the message and a button.
  var kiosk = params.get('kiosk') === '1';
  var CRASH_KEY = 'modv.crashes';
  function crashDelay() {
    var record = { count: 0, at: 0 };
    try { record = JSON.parse(localStorage.getItem(CRASH_KEY) || '{}'); } catch (e) { /* storage may be off */ }
    var now = Date.now();
    var count = record && now - (record.at || 0) < 3600e3 ? (record.count || 0) + 1 : 1;
    try { localStorage.setItem(CRASH_KEY, JSON.stringify({ count: count, at: now })); } catch (e) { /* off */ }
    return Math.min(5000 * Math.pow(2, count - 1), 600e3);
  }
  var fatalShown = false;
  // A published page whose viewer cannot start (no WebAssembly, or Safari before 16, which
  // cannot compile it under this page's policy; a program that did not download) stays the
  // page it is: its text, without the canvas. True when that is so.
  function keepPage() {
    if (kiosk || root.getAttribute('data-app-state') !== 'loading' || root.classList.contains('other-bundle') ||
        !document.querySelector('#page > *')) return false;
    root.removeAttribute('data-render');
    return true;
  }
  function fatal(text) {
    if (keepPage()) {
      console.warn(text + ' The page shows its text.');
      return;
    }
    root.setAttribute('data-app-state', 'error');
    var mirror = document.getElementById('mirror');
    if (!mirror) {  // before the body is parsed
      document.addEventListener('DOMContentLoaded', function () { fatal(text); });
      return;
    }
    if (fatalShown) return;
    fatalShown = true;
    mirror.textContent = '';
    var h = document.createElement('h1');
    h.textContent = 'Shikuesi u ndal / The viewer stopped';
    var p = document.createElement('div');
    p.setAttribute('role', 'alert');
    p.textContent = text;
    mirror.appendChild(h);
    mirror.appendChild(p);
    root.classList.add('fatal');
    if (kiosk) {
      var delay = crashDelay();
      window.MODV.test.reloadIn = delay;
      var note = document.createElement('p');
      note.textContent = 'Rifillon vetë pas ' + Math.round(delay / 1000) + ' s / Restarting by itself in ' +
                         Math.round(delay / 1000) + ' s';
      mirror.appendChild(note);
      setTimeout(function () { location.reload(); }, delay);
    } else {
      var again = document.createElement('button');
      again.type = 'button';
      again.textContent = 'Ngarko përsëri / Reload';
      again.addEventListener('click', function () { location.reload(); });
      mirror.appendChild(again);
    }
  }

  window.Module = {
    // canvas: set once the body is there (whenPageReady), before mod-viewer.js is added.
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    // No setStatus: with one, Emscripten starts main() a timer task later (and its status
    // lines are not for visitors); the bar shows the bundle's download instead.
    onAbort: function (what) { fatal('The viewer stopped unexpectedly (' + what + ').'); },
    // Emscripten asks for the wasm with mod-viewer.js's directory as prefix, and the file
    // package (REMOTE_PACKAGE_BASE) with an empty one.
    locateFile: function (name, prefix) { return prefix + (hashed[name] || name); },
  };
  // The program compiles from now on, as its bytes come and on other threads, while this page
  // sets up and mod-viewer.js is read: not only once mod-viewer.js runs and asks for it. A
  // server that does not send application/wasm still gets the program compiled, a little later.
  var compiled = null;
  function startCompile() {
    if (!window.WebAssembly || !WebAssembly.compileStreaming) return;
    var wasmUrl = files.wasm;
    compiled = WebAssembly.compileStreaming(fetch(wasmUrl, { credentials: 'same-origin' })).catch(function () {
      return fetch(wasmUrl, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (b) { return WebAssembly.compile(b); });
    });
  }
  if (!deferStart) startCompile();
  if (window.WebAssembly && WebAssembly.compileStreaming) {
    window.Module.instantiateWasm = function (imports, receive) {
      compiled.then(function (module) {
        return WebAssembly.instantiate(module, imports).then(function (instance) { receive(instance, module); });
      }).catch(function (e) { fatal('The viewer program could not be started (' + (e && e.message || e) + ').'); });
      return {};  // the exports come through receive()
    };
  }
  // The program's own uncaught errors stop it as an abort does; and a kiosk whose frames stopped
  // (it draws at least once per idle or reload interval: web.cpp asks for a wake-up after each
  // of its frames, which beats MODV.heartbeat) counts as stopped too.
  window.addEventListener('error', function (e) {
    if (e.filename && e.filename.indexOf(files.program) >= 0) fatal('The viewer stopped unexpectedly (' + e.message + ').');
  });
  if (kiosk) {
    var quiet = 2 * Math.max(Number(params.get('idle')) || 90, Number(params.get('reload')) || 60, 60) * 1000;
    setInterval(function () {
      var beat = window.MODV.heartbeat;
      if (beat && root.getAttribute('data-app-state') === 'ready' && Date.now() - beat > quiet)
        fatal('The viewer drew nothing for ' + Math.round((Date.now() - beat) / 1000) + ' s.');
    }, 15000);
  }

  // The service worker (web/sw.js, written by the build with this deploy's files): repeat visits
  // start from the cache, and a kiosk starts even when its network is down. Registered once the
  // page has loaded and the viewer has started (its state left "loading"; at most 10 s after the
  // load, for a page whose viewer does not start): its install downloads and stores every file
  // of the deploy, and on a phone's few cores that competed with the viewer's start. Lighthouse,
  // median of 5, mission / news / item: Performance 85 / 90 / 91 registered at the load event,
  // 96 / 96 / 95 without it (total blocking time 392-590 ms against 214-252 ms).
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      var registered = false, register = function () {
        if (registered) return;
        registered = true;
        watch.disconnect();
        navigator.serviceWorker.register(new URL('sw.js', siteRoot).href, { scope: siteRoot.href }).catch(function (e) { console.warn('service worker:', e && e.message || e); });
      };
      var started = function () { if (root.getAttribute('data-app-state') !== 'loading') register(); };
      var watch = new MutationObserver(started);
      watch.observe(root, { attributes: true, attributeFilter: ['data-app-state'] });
      started();
      setTimeout(register, 10000);
    });
  }

  // Keys typed into the page's own fields stay there: emscripten's GLFW listens on window in
  // the capture phase and would swallow backspace and tab. Registered before it, this runs first.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      var input = e.target && e.target.tagName === 'INPUT';
      // Stopped here, the event reaches no listener of the field either: Enter and Escape close
      // the phone's keyboard from here.
      if (input && type === 'keydown' && (e.key === 'Enter' || e.key === 'Escape')) e.target.blur();
      // Tab moves the page's focus through the mirror; GLFW would cancel it.
      if (input || e.key === 'Tab') e.stopImmediatePropagation();
    }, true);
  });

  // Calls `then` once the body is parsed and the style sheet applied (the canvas's size
  // depends on it); a style sheet that fails to load does not hold the page back, even one
  // that failed before this script ran (then the page's load event says all is in).
  function whenPageReady(then) {
    var sheet = document.querySelector('link[rel=stylesheet]'), sheetFailed = false;
    var ready = function () {
      return document.readyState !== 'loading' &&
             (!sheet || sheet.sheet || sheetFailed || document.readyState === 'complete');
    };
    if (ready()) { then(); return; }
    var check = function () {
      if (!ready() || !then) return;
      var f = then;
      then = null;
      f();
    };
    document.addEventListener('DOMContentLoaded', check);
    window.addEventListener('load', check);
    if (sheet) {
      sheet.addEventListener('load', check);
      sheet.addEventListener('error', function () { sheetFailed = true; check(); });
    }
  }

  whenPageReady(function () {
    if (deferStart) afterFirstPaint(function () { startBundle(); startCompile(); startViewer(); });
    else startViewer();
  });
  function startViewer() {
    if (!window.WebAssembly) {
      fatal('This browser cannot run WebAssembly.');  // a published page keeps its text (fatal)
      return;
    }
    bar = document.querySelector('#loading .bar');
    var canvas = window.Module.canvas = document.getElementById('canvas');
    // The drawing buffer's size: the canvas's CSS size x device pixel ratio, as the program
    // computes it, so that it is made once, not made and then remade.
    var box = canvas.getBoundingClientRect(), ratio = window.devicePixelRatio || 1;
    var width = Math.round(box.width * ratio), height = Math.round(box.height * ratio);
    startRenderer(canvas, width, height, startProgram);
  }

  // Where the viewer draws. Best, a worker (web/render_worker.js) owns a canvas under the
  // program's (#screen, handed over with transferControlToOffscreen) and its WebGL2 context:
  // the context, the shader's compile, the uploads and the canvas's hand-over to the compositor
  // then cost the page's thread nothing (Lighthouse counts each of its tasks over 50 ms). Else
  // the program's own WebGL2 context on #canvas. Else reading mode (without WebGL2: an old
  // browser, a blocklisted GPU, a remote desktop): the program runs undrawn and the page shows
  // its text (lib_app.js, app.css).
  function startRenderer(canvas, width, height, then) {
    var done = function () {
      root.setAttribute('data-render', window.MODV.render);
      then();
    };
    if (!files.renderer || !canvas.transferControlToOffscreen || !window.Worker || !window.OffscreenCanvas) return mainThreadContext();
    var screen = document.createElement('canvas'), worker;
    screen.id = 'screen';
    screen.setAttribute('aria-hidden', 'true');
    canvas.parentNode.insertBefore(screen, canvas);
    try {
      var offscreen = screen.transferControlToOffscreen();
      worker = new Worker(files.renderer);
      worker.postMessage({ type: 'init', canvas: offscreen, width: width, height: height }, [offscreen]);
    } catch (e) {
      return noWorker();
    }
    worker.onerror = noWorker;
    // A worker that does not answer (its script stuck on a bad network) does not hold the viewer.
    var waited = setTimeout(noWorker, 10000);
    worker.onmessage = function (e) {
      var m = e.data;
      if (m.type === 'ready') {
        clearTimeout(waited);
        if (!m.ok) return noWorker();
        window.MODV.renderer = worker;  // MODV.render stays 'canvas'
        done();
      } else if (m.type === 'lost') {
        canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
      } else if (m.type === 'restored' && m.ok) {
        canvas.dispatchEvent(new Event('webglcontextrestored'));
      }
    };
    function noWorker() {
      if (window.MODV.renderer || !screen.parentNode) return;
      if (worker) worker.terminate();
      screen.remove();
      mainThreadContext();
    }
    // The program's own context, made now: it overlaps the program's download and compile
    // instead of delaying its start (-sGL_PREINITIALIZED_CONTEXT). The attributes are those GLFW
    // asks for by default: alpha, depth, stencil, no multisampling.
    function mainThreadContext() {
      try {
        if (width > 0 && height > 0) {
          canvas.width = width;
          canvas.height = height;
        }
        window.Module.preinitializedWebGLContext = canvas.getContext('webgl2',
          { alpha: true, depth: true, stencil: true, antialias: false }) || undefined;
      } catch (e) { /* no context: reading mode */ }
      window.MODV.render = window.Module.preinitializedWebGLContext ? 'canvas' : 'html';
      done();
    }
  }

  function startProgram() {
    // Touch: handled by the app (taps are clicks, drags scroll with inertia). Registered on the
    // canvas before emscripten's GLFW, these stop its own touch handling (which would press the
    // mouse at the wrong place and click twice) and the browser's mouse emulation.
    var canvas = document.getElementById('canvas');
    var phases = { touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 3 };
    Object.keys(phases).forEach(function (type) {
      canvas.addEventListener(type, function (e) {
        e.preventDefault();
        e.stopImmediatePropagation();
        var t = e.changedTouches[0];
        if (!t || !window.MODV.onTouch) return;
        if (e.touches.length > 1 && type === 'touchstart') return;  // one finger steers
        window.MODV.onTouch(phases[type], t.clientX, t.clientY, e.timeStamp);
      }, { capture: true, passive: false });
    });

    // The fonts' package downloads beside the program instead of after it (mod-viewer.js asks
    // for it when it runs).
    var pkg = document.createElement('link');
    pkg.rel = 'preload';
    pkg.as = 'fetch';
    pkg.crossOrigin = 'anonymous';
    pkg.href = files.package;
    document.head.appendChild(pkg);
    var s = document.createElement('script');
    s.src = files.program;
    s.async = true;
    s.onerror = function () { fatal('The viewer program could not be downloaded.'); };
    document.body.appendChild(s);
  }
})();
