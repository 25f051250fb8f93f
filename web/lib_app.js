// The JavaScript half of the web platform (passed to emcc with --js-library): history and
// hash routes, the bundle and image downloads, the #mirror element, links. The boundary is
// declared in src/platform/web_bridge.h: the app_js_* functions here implement its imports,
// and the program's exports are called only through $modvApp below. window.MODV (declared in
// boot.js) is shared with boot.js and the tests; what only this file needs is in $modvState.
// Nothing from a bundle is ever inserted as markup except through the mirror's HTML, which the
// C++ side escapes completely.
mergeInto(LibraryManager.library, {
  $modvString__deps: ['$stringToNewUTF8'],
  $modvString: function (s) { return stringToNewUTF8(String(s)); },

  // The program's exports (web_bridge.h, MODV_EXPORTS), each with its C signature; the only
  // place this file calls into C++. cmake/check_bridge.py checks that the names here are
  // exactly the list's. `p` is the platform object's address (WebPlatform*).
  $modvApp: {
    /** (p, size: number, forCheck: 0|1) -> address of the room, 0 when there is no memory */
    bundleBuffer: function (p, size, forCheck) { return _app_bundle_buffer(p, size, forCheck); },
    /** (p, bytes: address, size: number) */
    onBundle: function (p, bytes, size) { return _app_on_bundle(p, bytes, size); },
    /** (p, message: address of UTF-8) */
    onBundleFailure: function (p, message) { _app_on_bundle_failure(p, message); },
    /** (p, bytes: address, size: number) -> 1 when the app took the changed bundle */
    onBundleUpdate: function (p, bytes, size) { return _app_on_bundle_update(p, bytes, size); },
    onHashChange: function (p) { _app_on_hash_change(p); },
    /** (p, path: address, bytes: address, size: number) */
    onImage: function (p, path, bytes, size) { _app_on_image(p, path, bytes, size); },
    onImageFailed: function (p, path) { _app_on_image_failed(p, path); },
    /** (p, name: address of UTF-8, bytes, size) / (p, name, message: addresses of UTF-8) */
    onContent: function (p, name, bytes, size) { _app_on_content(p, name, bytes, size); },
    onContentFailed: function (p, name, message) { _app_on_content_failed(p, name, message); },
    /** (p, index: number) */
    onMirrorActivate: function (p, index) { _app_on_mirror_activate(p, index); },
    /** (p, index: number, -1 when the focus left the mirror) */
    onMirrorFocus: function (p, index) { _app_on_mirror_focus(p, index); },
    /** (p, dark: 0|1) */
    onColorScheme: function (p, dark) { _app_on_color_scheme(p, dark); },
    /** (p, text: address of UTF-8) */
    onSearchInput: function (p, text) { _app_on_search_input(p, text); },
    /** (p, phase: 0 down 1 move 2 up 3 cancel, x, y: CSS px, ms: event time) */
    onTouch: function (p, phase, x, y, ms) { _app_on_touch(p, phase, x, y, ms); },
    onBack: function (p) { _app_on_back(p); },
    wake: function (p) { _app_wake(p); },
    onContextLost: function (p) { _app_on_context_lost(p); },
    onContextRestored: function (p) { _app_on_context_restored(p); },
    onReadingMode: function (p) { _app_on_reading_mode(p); },
  },

  // What only this file keeps between calls.
  $modvState: {
    mirrorPlaces: null,  // the mirror's placed elements, found once per mirror (app_js_set_mirror_rects)
    checking: false,     // a kiosk check is under way (one at a time)
    wakeTimer: 0,        // the one timer of app_js_wake_after
    restoreTimer: 0,     // a lost WebGL context that is not back by then: reading mode
    lastH1: null,        // reading mode: the screen's title, to start a new screen at the top
    heldState: null,     // the state after "loading", until the render worker drew its frame
    checkSeconds: 60,    // the kiosk's reload interval: a check that takes longer is given up
    pendingUpdate: null, // a published site's manifest from the check, until the app takes or drops it
  },

  // The GPU can come and go: the state is kept while the context is lost; a restored one gets
  // its GL objects made again; one that is not back within a few seconds leaves the page in
  // reading mode (never "reload the page" on a kiosk without a keyboard).
  $modvWatchContext__deps: ['$modvApp', '$modvState'],
  $modvWatchContext: function (platform) {
    var canvas = document.getElementById('canvas');
    canvas.addEventListener('webglcontextlost', function (e) {
      e.preventDefault();  // asks the browser to restore it
      modvApp.onContextLost(platform);
      clearTimeout(modvState.restoreTimer);
      modvState.restoreTimer = setTimeout(function () { modvApp.onReadingMode(platform); }, 3000);
    });
    canvas.addEventListener('webglcontextrestored', function () {
      clearTimeout(modvState.restoreTimer);
      modvApp.onContextRestored(platform);
    });
  },

  app_js_init__deps: ['$stringToNewUTF8', 'free', '$modvApp', '$modvWatchContext', '$modvFrames'],
  app_js_init: function (platform) {
    modvWatchContext(platform);
    if (window.MODV.renderer) {
      window.MODV.renderer.addEventListener('message', function (e) { if (e.data.type === 'drawn') modvFrames.onDrawn(e.data.n); });
    }
    window.addEventListener('hashchange', function () { modvApp.onHashChange(platform); });
    var scheme = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    if (scheme && scheme.addEventListener) {
      scheme.addEventListener('change', function (e) { modvApp.onColorScheme(platform, e.matches ? 1 : 0); });
    }
    var mirror = document.getElementById('mirror');
    // A screen reader activating a mirror button acts on the canvas.
    mirror.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-i]');
      if (b) { e.preventDefault(); modvApp.onMirrorActivate(platform, parseInt(b.getAttribute('data-i'), 10)); }
    });
    // A new device pixel ratio (browser zoom, another screen) re-sizes the backing store and
    // the fonts; a resize event does not always come with it.
    (function watchRatio() {
      if (!window.matchMedia) return;
      var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      var onChange = function () { mq.removeEventListener('change', onChange); modvApp.wake(platform); watchRatio(); };
      mq.addEventListener('change', onChange);
    })();
    window.MODV.onTouch = function (phase, x, y, ms) { modvApp.onTouch(platform, phase, x, y, ms); };
    // Keyboard: the mirror's links and buttons are the page's focus order (Tab); arrows move
    // between them; the canvas outlines the focused item.
    mirror.addEventListener('focusin', function (e) {
      var el = e.target.closest('[data-i]');
      modvApp.onMirrorFocus(platform, el ? parseInt(el.getAttribute('data-i'), 10) : -1);
    });
    mirror.addEventListener('focusout', function (e) {
      if (!mirror.contains(e.relatedTarget)) modvApp.onMirrorFocus(platform, -1);
    });
    document.addEventListener('keydown', function (e) {
      if (e.target && e.target.tagName === 'INPUT') return;
      // Escape here, not through GLFW: ImGui 1.86 misses a key pressed and released between frames.
      if (e.key === 'Escape') { modvApp.onBack(platform); return; }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      var items = Array.prototype.slice.call(mirror.querySelectorAll('main a, main button'));
      if (!items.length) return;
      var at = items.indexOf(document.activeElement);
      var next = at < 0 ? 0 : Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
      items[next].focus();
      e.preventDefault();
    });
    var search = document.getElementById('search');
    search.addEventListener('input', function () {
      var p = stringToNewUTF8(search.value);
      modvApp.onSearchInput(platform, p);
      _free(p);
    });
  },

  // Sizes the canvas backing store (device pixels) and tells emscripten's GLFW window, without
  // glfwSetWindowSize: that one requests fullscreen when the size equals the screen's, which
  // is exactly the case of a kiosk browser at ratio 1.
  app_js_set_canvas_size__deps: ['$Browser', '$GLFW'],
  app_js_set_canvas_size: function (w, h) {
    Browser.setCanvasSize(w, h, true);
    if (GLFW.active) { GLFW.active.width = w; GLFW.active.height = h; }
  },

  app_js_hash__deps: ['$modvString'],
  // The route the address asks for: its hash, else a published page's own screen (data-route).
  app_js_hash: function () { return modvString(location.hash || document.documentElement.getAttribute('data-route') || ''); },

  app_js_preferred_languages__deps: ['$modvString'],
  app_js_preferred_languages: function () {
    var list = [];
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked) list.push(asked.toLowerCase());
    // A published page is in its language (/en/news/...).
    var page = document.documentElement.hasAttribute('data-route') ? document.documentElement.lang : '';
    if (page && list.indexOf(page) < 0) list.push(page);
    try {
      var remembered = localStorage.getItem('modv.lang');
      if (remembered && list.indexOf(remembered) < 0) list.push(remembered);
    } catch (e) { /* storage may be off */ }
    (navigator.languages || [navigator.language || '']).forEach(function (l) {
      var code = String(l).toLowerCase().split('-')[0];
      if (code && list.indexOf(code) < 0) list.push(code);
    });
    return modvString(list.join(','));
  },

  app_js_remember_language: function (lang) {
    try { localStorage.setItem('modv.lang', UTF8ToString(lang)); } catch (e) { /* storage may be off */ }
  },

  app_js_bundle_url__deps: ['$modvString'],
  app_js_bundle_url: function () { return modvString(window.MODV.bundleName); },

  app_js_request_bundle: function (platform) {
    var arrived = window.MODV.bundleResult;  // the first download, when it is already in
    var promise = window.MODV.bundlePromise || window.MODV.fetchBundle();
    window.MODV.bundlePromise = window.MODV.bundleResult = null;  // a retry downloads again
    // From now on a download of known size goes straight into the program's memory (boot.js).
    window.MODV.makeRoom = modvRoomFor(platform, 0);
    var deliver = function (r) {
      var placed = r.error ? null : modvPlace(platform, r, 0);
      if (placed) {
        // The program keeps the bytes; content it took is kept for a start without network.
        var copy = modvCopyForKeeping(placed, window.MODV.validators);
        if (modvApp.onBundle(platform, placed.ptr, placed.length)) modvKeepContent(copy, window.MODV.validators);
      } else {
        var msg = stringToNewUTF8(r.error || modvNoRoom(r.bytes.length));
        modvApp.onBundleFailure(platform, msg);
        _free(msg);
      }
    };
    if (arrived) deliver(arrived);  // during the program's start: its first frame shows the content
    else promise.then(deliver);
  },
  app_js_request_bundle__deps: ['malloc', 'free', '$stringToNewUTF8', '$modvRoomFor', '$modvPlace', '$modvNoRoom', '$modvApp',
                                 '$modvCopyForKeeping', '$modvKeepContent'],

  // Room the program makes for `size` bytes of a bundle, for boot.js readBundle to write into
  // (it keeps them: its texts are read where they are written); null when there is not that
  // much memory. `forCheck`: the kiosk's check, whose room is not the download's (web.cpp
  // BundleBuffer).
  $modvRoomFor__deps: ['$modvApp'],
  $modvRoomFor: function (platform, forCheck) {
    return function (size) {
      var ptr = modvApp.bundleBuffer(platform, size, forCheck);
      return ptr ? { ptr: ptr, heap: function () { return HEAPU8; } } : null;
    };
  },
  // A body readBundle gave, in the program's memory: where it already is, or copied into a
  // room now; null when there is no room for it.
  $modvPlace__deps: ['$modvRoomFor'],
  $modvPlace: function (platform, body, forCheck) {
    if (body.ptr) return { ptr: body.ptr, length: body.length };
    var room = modvRoomFor(platform, forCheck)(body.bytes.length);
    if (!room) return null;
    HEAPU8.set(body.bytes, room.ptr);
    return { ptr: room.ptr, length: body.bytes.length };
  },
  // A bundle the program took is kept in the content cache that web/sw.js (MODV.contentCache) falls
  // back to when the network fails, so an offline start shows the last good content, never a
  // broken one. The bytes are copied before the program has them (it decodes its strings where
  // they are), unless the copy kept already has these validators (boot.js looks them up while
  // the download runs); they are written once the program has taken them.
  $modvCopyForKeeping: function (placed, validators) {
    if (!window.caches || !window.isSecureContext) return null;
    var v = validators || {}, kept = window.MODV.keptValidators;
    if (kept && (v.etag ? kept.etag === v.etag : v.modified && kept.modified === v.modified)) return null;
    return HEAPU8.slice(placed.ptr, placed.ptr + placed.length);
  },
  $modvKeepContent: function (bytes, validators) {
    if (!bytes) return;
    var v = validators || {};
    var headers = { 'Content-Type': 'application/json; charset=utf-8' };
    if (v.etag) headers.ETag = v.etag;
    if (v.modified) headers['Last-Modified'] = v.modified;
    caches.open(window.MODV.contentCache).then(function (cache) {
      return cache.put(window.MODV.bundleUrl, new Response(bytes, { headers: headers })).then(function () {
        // A published site's manifest: the shards beside it that it no longer names go (they
        // are named by their hash, so an edited item leaves its old shards behind).
        var text = new TextDecoder().decode(bytes);
        if (text.indexOf('"published"') < 0) return;
        var folder = new URL('.', window.MODV.bundleUrl).href;
        return cache.keys().then(function (keys) {
          return Promise.all(keys.filter(function (k) {
            var name = k.url.slice(folder.length);
            return k.url.indexOf(folder) === 0 && /^[a-z-]+-[0-9a-f]{16}\.json$/.test(name) && text.indexOf('"' + name + '"') < 0;
          }).map(function (k) { return cache.delete(k); }));
        });
      });
    }).then(function () {
      window.MODV.keptValidators = { etag: v.etag || null, modified: v.modified || null };
      window.MODV.test.keptContent++;
    }).catch(function (e) {
      console.warn('the content could not be kept for a start without network:', e && e.message || e);
    });
  },
  $modvNoRoom: function (size) {
    return 'There is not enough memory in this browser tab for the bundle (' + Math.round(size / 1048576) + ' MiB).';
  },

  // The kiosk's periodic check: a conditional request, so an unchanged bundle costs a 304;
  // a changed one is read within the bundle limits (boot.js readBundle) into a room of its own
  // and handed to the app, which keeps the old content if the new one is broken. A network that
  // went away, or a body too large, changes nothing. One check at a time: on a slow network the
  // next waits for the one under way (two would each hold a copy, and share the check's room).
  app_js_check_bundle__deps: ['$modvRoomFor', '$modvPlace', '$modvApp', '$modvState', '$modvCopyForKeeping', '$modvKeepContent'],
  app_js_check_bundle: function (platform) {
    if (modvState.checking) return;
    modvState.checking = true;
    var v = window.MODV.validators || {};
    var headers = {};
    if (v.etag) headers['If-None-Match'] = v.etag;
    if (v.modified) headers['If-Modified-Since'] = v.modified;
    var next = null;
    // A check that has not finished within one reload interval (a server that drips its answer
    // a byte at a time) is given up, so that the next one, on a healed server, can run.
    var abort = new AbortController();
    var timer = setTimeout(function () { abort.abort(); }, modvState.checkSeconds * 900);
    fetch(window.MODV.bundleUrl, { cache: 'no-store', credentials: 'same-origin', headers: headers,
                                   signal: abort.signal }).then(function (r) {
      if (r.status === 304) { window.MODV.test.unchangedChecks++; return null; }
      if (!r.ok) throw new Error('HTTP ' + r.status);
      next = { etag: r.headers.get('ETag'), modified: r.headers.get('Last-Modified') };
      return window.MODV.readBundle(r, modvRoomFor(platform, 1));
    }).then(function (res) {
      if (!res) return;
      if (res.error) throw new Error(res.error);
      var placed = modvPlace(platform, res, 1);
      if (!placed) throw new Error('not enough memory for the changed bundle');
      var copy = modvCopyForKeeping(placed, next);
      // 1: taken; 2: a published site's manifest, taken once its newest headlines are in
      // (app_js_update_settled); 0: refused. Only a bundle the app took becomes the reference
      // and the content kept; a broken one, or a manifest published before its shards, is
      // fetched again at the next check.
      var answer = modvApp.onBundleUpdate(platform, placed.ptr, placed.length);
      modvState.pendingUpdate = answer === 2 ? { copy: copy, validators: next } : null;
      if (answer === 1) { window.MODV.validators = next; modvKeepContent(copy, next); }
      window.MODV.test.checks++;
    }).catch(function (e) {
      console.warn('bundle check failed; keeping the content shown:', e && e.message || e);
      window.MODV.test.failedChecks++;
    }).then(function () { clearTimeout(timer); modvState.checking = false; });
  },

  // A published site's manifest from the check (answer 2 above) was taken: it becomes the
  // reference and the content kept; or dropped: the next check fetches it again.
  app_js_update_settled__deps: ['$modvState', '$modvKeepContent'],
  app_js_update_settled: function (taken) {
    var pending = modvState.pendingUpdate;
    modvState.pendingUpdate = null;
    if (!pending) return;
    if (taken) { window.MODV.validators = pending.validators; modvKeepContent(pending.copy, pending.validators); }
    else window.MODV.test.droppedUpdates++;
  },

  // The page's text (a published page's, the loading bar) goes when the state leaves "loading".
  // With the render worker, the frame the program just made is on the screen once the worker
  // has drawn it: the new state waits for that, so that no frame shows neither the text nor
  // the screen. (The state is the newest asked for when it comes.)
  app_js_set_state__deps: ['$modvState', '$modvFrames'],
  app_js_set_state: function (state) {
    var root = document.documentElement, s = UTF8ToString(state);
    if (modvState.heldState !== null) {  // already waiting for the frame: the newest state goes
      modvState.heldState = s;
      return;
    }
    if (root.getAttribute('data-app-state') !== 'loading' || s === 'loading') {
      root.setAttribute('data-app-state', s);
      return;
    }
    modvState.heldState = s;
    modvFrames.whenShown(function () {
      root.setAttribute('data-app-state', modvState.heldState);
      modvState.heldState = null;
    });
  },

  app_js_set_mirror__deps: ['$modvState'],
  app_js_set_mirror: function (html, title, lang) {
    var mirror = document.getElementById('mirror');
    var hadFocus = mirror.contains(document.activeElement);
    var reading = document.documentElement.getAttribute('data-render') === 'html';
    // The HTML comes from core::Mirror::ToHtml, which escapes every text and attribute value.
    mirror.innerHTML = UTF8ToString(html);
    modvState.mirrorPlaces = null;  // the elements app_js_set_mirror_rects places
    // A keyboard user who opened something continues from the new screen's title.
    var h1 = mirror.querySelector('h1');
    if (h1) h1.setAttribute('tabindex', '-1');
    // Reading mode: the page scrolls; a new screen starts at its top (a refined search does not).
    if (reading && h1 && h1.textContent !== modvState.lastH1) window.scrollTo(0, 0);
    modvState.lastH1 = h1 ? h1.textContent : null;
    if (hadFocus && h1) h1.focus({ preventScroll: true });
    var t = UTF8ToString(title);
    var site = window.MODV.siteTitle || '';
    document.title = t ? t + (site && site !== t ? ' – ' + site : '') : site;
    var l = UTF8ToString(lang);
    if (l) document.documentElement.lang = l;
  },

  // Called every frame while something scrolls: the elements are found once per mirror, and
  // only the values that changed are written (scrolling changes `top` alone).
  app_js_set_mirror_rects__deps: ['$modvState'],
  app_js_set_mirror_rects: function (rects, count, ratio) {
    var places = modvState.mirrorPlaces;
    if (!places) {
      places = modvState.mirrorPlaces = [];
      var nodes = document.getElementById('mirror').querySelectorAll('[data-i]');
      for (var k = 0; k < nodes.length; k++) {
        places.push({ el: nodes[k], i: parseInt(nodes[k].getAttribute('data-i'), 10), left: '', top: '', width: '', height: '' });
      }
    }
    var base = rects >> 2;
    for (var n = 0; n < places.length; n++) {
      var p = places[n], i = p.i;
      if (!(i < count)) continue;
      var left = (HEAPF32[base + i * 4] / ratio) + 'px', top = (HEAPF32[base + i * 4 + 1] / ratio) + 'px';
      var width = Math.max(HEAPF32[base + i * 4 + 2] / ratio, 1) + 'px';
      var height = Math.max(HEAPF32[base + i * 4 + 3] / ratio, 1) + 'px';
      if (left !== p.left) p.el.style.left = p.left = left;
      if (top !== p.top) p.el.style.top = p.top = top;
      if (width !== p.width) p.el.style.width = p.width = width;
      if (height !== p.height) p.el.style.height = p.height = height;
    }
  },

  // Lays the page's search <input> over the box the app drew (device pixels -> CSS pixels).
  app_js_place_search: function (x, y, w, h, ratio, value, placeholder) {
    var input = document.getElementById('search');
    var inset = 1;
    if (document.documentElement.getAttribute('data-render') === 'html') {
      input.removeAttribute('style');  // reading mode: in the page's flow (app.css)
    } else {
      input.style.left = (x / ratio + inset) + 'px';
      input.style.top = (y / ratio + inset) + 'px';
      input.style.width = Math.max(w / ratio - 2 * inset, 0) + 'px';
      input.style.height = Math.max(h / ratio - 2 * inset, 0) + 'px';
    }
    var v = UTF8ToString(value);
    if (input.value !== v && document.activeElement !== input) input.value = v;
    input.placeholder = UTF8ToString(placeholder);
    input.setAttribute('aria-label', input.placeholder);
    input.hidden = false;
  },
  app_js_hide_search: function () { document.getElementById('search').hidden = true; },

  app_js_push_route: function (route, replace) {
    var r = UTF8ToString(route);
    if (location.hash === r) return;
    // pushState/replaceState fire no hashchange: the app is already there. (Setting
    // location.hash would, and that event could arrive after the visitor typed on, taking the
    // app back to an older search.) Back and forward still fire hashchange.
    if (replace) history.replaceState(history.state, '', r);
    else history.pushState(history.state, '', r);
  },

  app_js_open_url: function (url) {
    var u = UTF8ToString(url);
    // Only http(s) and mailto, whatever the caller checked before.
    if (!/^(https?:|mailto:)/i.test(u)) return;
    var w = window.open(u, '_blank', 'noopener,noreferrer');
    if (w) w.opener = null;
  },

  app_js_bundle_file_url__deps: ['$modvString'],
  app_js_bundle_file_url: function (path) {
    return modvString(new URL(UTF8ToString(path), window.MODV.bundleUrl).href);
  },

  // A published site's file, next to its manifest (the bundle's address): same origin only.
  // Its name carries its content's hash, so the browser's cache may answer (nginx marks these
  // files immutable); the program checks the bytes against the hash.
  // Fetches `name` beside the bundle (on this site only) into the program's memory:
  // done(name, ptr, length) while the bytes are there, or failed(name, why); `name` is given
  // as a C string, and both are freed after the call.
  $modvFetchBeside__deps: ['malloc', 'free', '$stringToNewUTF8'],
  $modvFetchBeside: function (name, done, failed) {
    var withName = function (f) { var n = stringToNewUTF8(name); f(n); _free(n); };
    var fail = function (why) { withName(function (n) { failed(n, why); }); };
    var url = new URL(name, window.MODV.bundleUrl);
    if (url.origin !== location.origin) { setTimeout(function () { fail('not on this site'); }, 0); return; }
    fetch(url.href, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (buf) {
      var bytes = new Uint8Array(buf);
      var ptr = _malloc(bytes.length || 1);
      if (!ptr) { fail('out of memory'); return; }
      HEAPU8.set(bytes, ptr);
      withName(function (n) { done(n, ptr, bytes.length); });
      _free(ptr);
    }).catch(function (e) {
      fail(/^HTTP /.test(e.message) ? e.message : navigator.onLine === false ? 'no network' : 'the network failed');
    });
  },

  app_js_fetch_content__deps: ['free', '$stringToNewUTF8', '$modvApp', '$modvFetchBeside'],
  app_js_fetch_content: function (platform, namePtr) {
    modvFetchBeside(UTF8ToString(namePtr), function (n, ptr, length) {
      modvApp.onContent(platform, n, ptr, length);
    }, function (n, why) {
      var m = stringToNewUTF8(why);
      modvApp.onContentFailed(platform, n, m);
      _free(m);
    });
  },

  app_js_fetch_image__deps: ['$modvApp', '$modvFetchBeside'],
  app_js_fetch_image: function (platform, pathPtr) {
    modvFetchBeside(UTF8ToString(pathPtr), function (p, ptr, length) {
      modvApp.onImage(platform, p, ptr, length);
    }, function (p) {
      modvApp.onImageFailed(platform, p);
    });
  },

  // The kiosk's images (paths relative to the bundle, one per line), each fetched into the content
  // cache unless it is there already, one after the other, behind whatever the screen needs.
  app_js_keep_files: function (pathsPtr) {
    if (!window.caches || !window.isSecureContext) return;
    var paths = UTF8ToString(pathsPtr).split('\n').filter(Boolean);
    caches.open(window.MODV.contentCache).then(function (cache) {
      return paths.reduce(function (previous, p) {
        var url = new URL(p, window.MODV.bundleUrl).href;
        return previous.then(function () { return cache.match(url); }).then(function (kept) {
          if (!kept && new URL(url).origin === location.origin) return cache.add(url);
        }).catch(function (e) { console.warn('kiosk: ' + p + ' could not be kept for offline starts:', e && e.message || e); });
      }, Promise.resolve());
    });
  },

  app_js_query__deps: ['$modvString'],
  app_js_query: function (name) {
    return modvString(new URLSearchParams(location.search).get(UTF8ToString(name)) || '');
  },

  // The museum kiosk: nothing leads out of the app (no context menu, no selection, no zoom,
  // no overscroll or swipe navigation, no shortcuts), and the bundle is checked periodically.
  app_js_start_kiosk: function (platform, reloadSeconds) {
    var root = document.documentElement;
    root.classList.add('kiosk');
    var viewport = document.querySelector('meta[name=viewport]');
    if (viewport) viewport.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no');
    var stop = function (e) { e.preventDefault(); };
    ['contextmenu', 'selectstart', 'dragstart', 'gesturestart', 'auxclick'].forEach(function (t) {
      document.addEventListener(t, stop, { capture: true });
    });
    window.addEventListener('wheel', function (e) { if (e.ctrlKey) e.preventDefault(); }, { passive: false, capture: true });
    window.addEventListener('keydown', function (e) {
      // Function keys and shortcuts (reload, history, zoom, find, print, new window...).
      if (e.ctrlKey || e.metaKey || e.altKey || /^F\d+$/.test(e.key)) e.preventDefault();
    }, true);
    window.open = function () { return null; };
    modvState.checkSeconds = reloadSeconds;  // the checks themselves are timed by the program (web.cpp)
  },
  app_js_start_kiosk__deps: ['$modvState'],

  app_js_wake_after__deps: ['$modvApp', '$modvState', '$modvFrames'],
  app_js_wake_after: function (platform, seconds) {
    // boot.js's watchdog of a kiosk's frames; a render worker that has not drawn a frame sent
    // 10 s ago has stopped (the page's frames then wait for it for good): no beat then.
    if (!modvFrames.stuck()) window.MODV.heartbeat = Date.now();
    clearTimeout(modvState.wakeTimer);
    modvState.wakeTimer = setTimeout(function () { modvApp.wake(platform); }, Math.max(0, seconds * 1000));
  },

  app_js_minute_of_week: function () {
    var d = new Date();
    return ((d.getDay() + 6) % 7) * 1440 + d.getHours() * 60 + d.getMinutes();
  },

  app_js_reduced_motion: function () {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
  },

  app_js_copy: function (text) {
    var t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function () {});
  },

  // The address to share for a screen: its published page (`page`, relative to the site's root,
  // core::PagePath) when the site's own bundle is shown and the screen has one; else this
  // page's address with the route as its hash.
  app_js_address_of__deps: ['$modvString'],
  app_js_address_of: function (route, page) {
    var p = UTF8ToString(page);
    if (p && window.MODV.pages) return modvString(new URL(p, window.MODV.siteRoot).href);
    return modvString(location.origin + location.pathname + location.search + UTF8ToString(route));
  },

  // How the program draws (boot.js, MODV.render and MODV.renderer): web_bridge.h, AppDrawing.
  app_js_drawing: function () { return window.MODV.render !== 'canvas' ? 0 : window.MODV.renderer ? 2 : 1; },

  // To the render worker (web/render_worker.js): a texture (one channel, the font atlas's
  // coverage, or RGBA), a texture to forget, a frame. Copied out of the program's memory and
  // handed over, not copied again.
  app_js_render_texture: function (id, width, height, coverage, pixels) {
    var bytes = HEAPU8.slice(pixels, pixels + width * height * (coverage ? 1 : 4));
    window.MODV.renderer.postMessage({ type: 'texture', id: id, width: width, height: height, coverage: coverage,
                                       pixels: bytes.buffer }, [bytes.buffer]);
  },
  app_js_render_forget: function (id) { window.MODV.renderer.postMessage({ type: 'forget', id: id }); },
  // One frame on its way at a time: a frame made while the worker still draws the one before
  // waits, and a newer one replaces it (a slow GPU shows fewer frames, never older ones late).
  app_js_render_frame__deps: ['$modvFrames'],
  app_js_render_frame: function (frame, size) {
    modvFrames.pending = HEAPU8.slice(frame, frame + size).buffer;
    modvFrames.made++;
    if (modvFrames.sent === modvFrames.drawn) modvFrames.send();
  },

  // The frames sent to the render worker: numbered as made, the worker says which it drew.
  $modvFrames: {
    made: 0,        // frames the program made
    sent: 0,        // the number of the last one sent
    drawn: 0,       // and of the last one the worker drew
    pending: null,  // the newest frame, not sent yet
    sentAt: 0,      // when the last one was sent (Date.now())
    waiting: [],    // [frame number, callback]: called once that frame (or a newer one) is drawn
    send: function () {
      var f = modvFrames.pending;
      modvFrames.pending = null;
      modvFrames.sent = modvFrames.made;
      modvFrames.sentAt = Date.now();
      window.MODV.renderer.postMessage({ type: 'frame', n: modvFrames.sent, frame: f }, [f]);
    },
    onDrawn: function (n) {
      modvFrames.drawn = n;
      modvFrames.waiting = modvFrames.waiting.filter(function (w) { if (w[0] > n) return true; w[1](); return false; });
      if (modvFrames.pending) modvFrames.send();
    },
    stuck: function () { return modvFrames.sent > modvFrames.drawn && Date.now() - modvFrames.sentAt > 10000; },
    // `then` once the newest frame made is drawn (at once without the worker).
    whenShown: function (then) {
      if (!window.MODV.renderer || modvFrames.drawn >= modvFrames.made) then();
      else modvFrames.waiting.push([modvFrames.made, then]);
    },
  },

  // Reading mode: the page shows the mirror as its text (app.css, html[data-render=html]).
  app_js_set_reading_mode: function () {
    window.MODV.render = 'html';
    document.documentElement.setAttribute('data-render', 'html');
    var mirror = document.getElementById('mirror');
    mirror.querySelectorAll('[data-i]').forEach(function (el) { el.removeAttribute('style'); });
  },

  app_js_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },
});
