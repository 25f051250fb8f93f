// Starts the page without inline script (the Content-Security-Policy forbids it): reads the
// page parameters, begins downloading the bundle at once so it runs in parallel with the
// wasm download and compile, shows progress, and configures Emscripten's Module.
// The program's files carry their content hash in their names (cmake/hash_site.py writes them
// into index.html): this script's tag names them in data-program, data-wasm and data-package.
(function () {
  'use strict';
  var files = document.currentScript.dataset;
  // What mod-viewer.js asks for under the plain names it was linked with.
  var hashed = { 'mod-viewer.wasm': files.wasm, 'mod-viewer.data': files.package };
  var MAX_BUNDLE_BYTES = 128 * 1048576;  // core::limits::kMaxFileBytes; larger is refused unread
  var params = new URLSearchParams(location.search);
  var asked = params.get('bundle') || 'bundle.json';
  var root = document.documentElement;
  var bar = document.querySelector('#loading .bar');

  function resolveBundle() {
    var url;
    try { url = new URL(asked, location.href); } catch (e) { return { error: 'The bundle address "' + asked + '" is not a valid address.' }; }
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
      var size = Number(r.headers.get('Content-Length') || 0);
      if (size > MAX_BUNDLE_BYTES) {
        return { error: 'The bundle is ' + Math.round(size / 1048576) + ' MiB; bundles may be at most ' +
                        (MAX_BUNDLE_BYTES / 1048576) + ' MiB.' };
      }
      if (!r.ok) {
        return { error: r.status === 404 ? 'The bundle was not found on the server (HTTP 404).'
                                          : 'The server answered HTTP ' + r.status + ' ' + r.statusText + ' for the bundle.' };
      }
      window.MODV.validators = { etag: r.headers.get('ETag'), modified: r.headers.get('Last-Modified') };
      return r.arrayBuffer().then(function (b) { return { bytes: new Uint8Array(b) }; });
    }, function (e) {
      return { error: 'The bundle could not be downloaded: the network failed (' + (e && e.message || e) + ').' };
    });
  }

  window.MODV = {
    bundleName: asked,
    bundleUrl: target.url ? target.url.href : location.href,
    siteTitle: document.title,
    fetchBundle: fetchBundle,
    bundlePromise: fetchBundle(),
  };
  // Kept as well once it is in, so that a program starting after it can take it at once, in
  // its start-up, instead of a task later (lib_app.js); not once the program took the promise.
  window.MODV.bundlePromise.then(function (r) { if (window.MODV.bundlePromise) window.MODV.bundleResult = r; });

  function fatal(text) {
    root.setAttribute('data-app-state', 'error');
    var mirror = document.getElementById('mirror');
    mirror.textContent = '';
    var h = document.createElement('h1');
    h.textContent = 'The viewer could not start';
    var p = document.createElement('div');
    p.setAttribute('role', 'alert');
    p.textContent = text;
    mirror.appendChild(h);
    mirror.appendChild(p);
    root.classList.add('fatal');
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    // Emscripten's own status lines ("Downloading data... (x/y)") are not for visitors; the
    // page keeps its bilingual "Loading…" and shows the fraction on the bar.
    setStatus: function (t) {
      var m = /\((\d+)\/(\d+)\)/.exec(t || '');
      if (m && bar && +m[2] > 0) bar.style.setProperty('--done', Math.round(100 * m[1] / m[2]) + '%');
    },
    onAbort: function (what) { fatal('The viewer stopped unexpectedly (' + what + ').'); },
    // Emscripten asks for the wasm with mod-viewer.js's directory as prefix, and the file
    // package (REMOTE_PACKAGE_BASE) with an empty one.
    locateFile: function (name, prefix) { return prefix + (hashed[name] || name); },
  };
  // Creating the WebGL context takes tens of milliseconds; done now, it overlaps the program's
  // download and compile instead of delaying its start (-sGL_PREINITIALIZED_CONTEXT). The
  // attributes are those GLFW asks for by default: alpha, depth, stencil, no multisampling.
  try {
    window.Module.preinitializedWebGLContext = window.Module.canvas.getContext('webgl2',
      { alpha: true, depth: true, stencil: true, antialias: false }) || undefined;
  } catch (e) { /* the program creates it, or says that it cannot */ }
  window.Module.canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();
    fatal('The graphics context was lost; reload the page.');
  });
  if (!window.WebAssembly) fatal('This browser cannot run WebAssembly.');

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

  // Keys typed into the page's own fields stay there: emscripten's GLFW listens on window in
  // the capture phase and would swallow backspace and tab. Registered before it, this runs first.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      // Tab moves the page's focus through the mirror; GLFW would cancel it.
      if ((e.target && e.target.tagName === 'INPUT') || e.key === 'Tab') e.stopImmediatePropagation();
    }, true);
  });

  var s = document.createElement('script');
  s.src = files.program;
  s.async = true;
  s.onerror = function () { fatal('The viewer program could not be downloaded.'); };
  document.body.appendChild(s);
})();
