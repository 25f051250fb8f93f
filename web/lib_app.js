// The JavaScript half of the web platform (passed to emcc with --js-library): a thin adapter
// between the program and the page's modules (web/page/, window.MODV: each owns its state).
// The boundary is declared in src/platform/web_bridge.h: the app_js_* functions here implement
// its imports, the program's exports are called only through $modvApp below, and this file calls
// only what the page's modules export (cmake/check_bridge.py checks all three). Nothing from a
// bundle is ever inserted as markup except through the mirror's HTML, which the C++ side escapes.
mergeInto(LibraryManager.library, {
  $modvString__deps: ['$stringToNewUTF8'],
  $modvString: function (s) { return stringToNewUTF8(String(s)); },

  // The program's exports (web_bridge.h, MODV_EXPORTS), each with its C signature; the only
  // place this file calls into C++. `p` is the platform object's address (WebPlatform*).
  $modvApp: {
    /** (p, size: number, room: 0 the download, 1 the kiosk's check, 2 a file) -> address, 0 without memory */
    room: function (p, size, kind) { return _app_room(p, size, kind); },
    /** (p, bytes: address, size: number) */
    onBundle: function (p, bytes, size) { return _app_on_bundle(p, bytes, size); },
    /** (p, message: address of UTF-8) */
    onBundleFailure: function (p, message) { _app_on_bundle_failure(p, message); },
    /** (p, bytes: address, size: number) -> 1 taken, 0 refused, 2 pending */
    onBundleUpdate: function (p, bytes, size) { return _app_on_bundle_update(p, bytes, size); },
    /** (p, ok: 0|1) */
    onCheckDone: function (p, ok) { _app_on_check_done(p, ok); },
    onHashChange: function (p) { _app_on_hash_change(p); },
    /** (p, name: address of UTF-8, bytes: address of the file room, size) / (p, name, why: addresses of UTF-8) */
    onFile: function (p, name, bytes, size) { _app_on_file(p, name, bytes, size); },
    onFileFailed: function (p, name, why) { _app_on_file_failed(p, name, why); },
    /** (p, index: number) */
    onMirrorActivate: function (p, index) { _app_on_mirror_activate(p, index); },
    /** (p, index: number, -1 when the focus left the mirror) */
    onMirrorFocus: function (p, index) { _app_on_mirror_focus(p, index); },
    /** (p): the colours the system asks for changed (dark, more contrast, forced colours) */
    onAppearance: function (p) { _app_on_appearance(p); },
    /** (p, printing: 0|1): the page is about to be printed, or was */
    onPrint: function (p, printing) { _app_on_print(p, printing); },
    /** (p, text: address of UTF-8) */
    onSearchInput: function (p, text) { _app_on_search_input(p, text); },
    /** (p, phase: 0 down 1 move 2 up 3 cancel, x, y: CSS px, ms: event time) */
    onTouch: function (p, phase, x, y, ms) { _app_on_touch(p, phase, x, y, ms); },
    onBack: function (p) { _app_on_back(p); },
    wake: function (p) { _app_wake(p); },
    onContextLost: function (p) { _app_on_context_lost(p); },
    onContextRestored: function (p) { _app_on_context_restored(p); },
    onReadingMode: function (p) { _app_on_reading_mode(p); },
    /** (p) */
    onShown: function (p) { _app_on_shown(p); },
    /** (p, kind: 0 moved 1 pressed 2 released 3 left, x, y: CSS px, button: 0 left 1 right 2 middle) */
    onMouse: function (p, kind, x, y, button) { _app_on_mouse(p, kind, x, y, button); },
    /** (p, dx, dy, mode: the DOM's deltaMode) */
    onWheel: function (p, dx, dy, mode) { _app_on_wheel(p, dx, dy, mode); },
    frame: function (p) { _app_frame(p); },
    buildFonts: function (p) { _app_build_fonts(p); },
  },

  // `f(address)` with `text` as a C string for the call's duration.
  $modvWithString__deps: ['$stringToNewUTF8', 'free'],
  $modvWithString: function (text, f) {
    var s = stringToNewUTF8(String(text));
    try { return f(s); } finally { _free(s); }
  },

  // A room in the program's memory for a download of `size` bytes (MODV.download writes into it
  // as the bytes come; the program keeps them: its texts are read where they are written);
  // null when there is not that much memory.
  $modvRoomFor__deps: ['$modvApp'],
  $modvRoomFor: function (platform, kind) {
    return function (size) {
      var ptr = modvApp.room(platform, size, kind);
      return ptr ? { ptr: ptr, heap: function () { return HEAPU8; } } : null;
    };
  },
  // A body MODV.download read, in the program's memory: where it already is, or copied into a
  // room now; null when there is no room for it.
  $modvPlace__deps: ['$modvRoomFor'],
  $modvPlace: function (platform, body, kind) {
    if (body.ptr) return { ptr: body.ptr, length: body.length };
    var room = modvRoomFor(platform, kind)(body.bytes.length);
    if (!room) return null;
    HEAPU8.set(body.bytes, room.ptr);
    return { ptr: room.ptr, length: body.bytes.length };
  },
  // The bytes of a placed body, copied to be kept for starts without network before the program
  // takes them (it decodes its strings in place); null when the copy kept is these already.
  $modvCopyToKeep: function (placed, validators) {
    return MODV.offline.copyForKeeping(HEAPU8.subarray(placed.ptr, placed.ptr + placed.length), validators);
  },

  app_js_init__deps: ['$modvApp', '$modvWithString'],
  app_js_init: function (platform) {
    var canvas = document.getElementById('canvas');
    MODV.renderer.watchContext(canvas, function () { modvApp.onContextLost(platform); },
                               function () { modvApp.onContextRestored(platform); },
                               function () { modvApp.onReadingMode(platform); });
    MODV.routes.onChange(function () { modvApp.onHashChange(platform); });
    MODV.reading.onAppearance(function () { modvApp.onAppearance(platform); });
    MODV.reading.watchPrint(function () { modvApp.onPrint(platform, 1); }, function () { modvApp.onPrint(platform, 0); });
    MODV.input.onRatioChange(function () { modvApp.wake(platform); });
    MODV.input.onResize(function () { modvApp.wake(platform); });
    if (MODV.renderer.renderMode() === 'canvas') {
      MODV.input.takeMouse(canvas, {
        mouse: function (kind, x, y, button) { modvApp.onMouse(platform, kind, x, y, button); },
        wheel: function (dx, dy, mode) { modvApp.onWheel(platform, dx, dy, mode); },
      });
    }
    MODV.input.setTouchHandler(function (phase, x, y, ms) { modvApp.onTouch(platform, phase, x, y, ms); });
    MODV.mirror.listen({
      activate: function (index) { modvApp.onMirrorActivate(platform, index); },
      focus: function (index) { modvApp.onMirrorFocus(platform, index); },
      back: function () { modvApp.onBack(platform); },
      search: function (text) { modvWithString(text, function (s) { modvApp.onSearchInput(platform, s); }); },
    });
  },

  // #canvas's drawing buffer (device pixels): the page's renderer draws into it, and over a
  // worker's it stays the size the worker's is (which each frame sets).
  app_js_set_canvas_size: function (w, h) { MODV.input.setCanvasSize(w, h); },
  app_js_canvas_size: function (width, height) {
    var size = MODV.input.canvasSize();
    HEAPF64[width >> 3] = size.width;
    HEAPF64[height >> 3] = size.height;
    return size.ratio;
  },
  app_js_request_frame__deps: ['$modvApp'],
  app_js_request_frame: function (platform) { MODV.program.requestFrame(function () { modvApp.frame(platform); }); },
  app_js_build_fonts_soon__deps: ['$modvApp'],
  app_js_build_fonts_soon: function (platform) { MODV.program.soon(function () { modvApp.buildFonts(platform); }); },
  app_js_log: function (error, text) {
    if (error) console.error(UTF8ToString(text));
    else console.warn(UTF8ToString(text));
  },

  app_js_hash__deps: ['$modvString'],
  app_js_hash: function () { return modvString(MODV.routes.hash()); },
  app_js_preferred_languages__deps: ['$modvString'],
  app_js_preferred_languages: function () { return modvString(MODV.routes.preferredLanguages()); },
  app_js_remember_language: function (lang) { MODV.routes.rememberLanguage(UTF8ToString(lang)); },
  app_js_bundle_url__deps: ['$modvString'],
  app_js_bundle_url: function () { return modvString(MODV.params.asked); },

  // The first download (or a retry's): delivered into the program's memory; content it took is
  // kept for a start without network.
  app_js_request_bundle__deps: ['$modvRoomFor', '$modvPlace', '$modvApp', '$modvCopyToKeep', '$modvWithString'],
  app_js_request_bundle: function (platform) {
    MODV.download.setRoomFor(modvRoomFor(platform, 0));
    var first = MODV.download.takeFirst();
    var deliver = function (r) {
      var placed = r.error ? null : modvPlace(platform, r, 0);
      if (!placed) {
        var why = r.error || 'There is not enough memory in this browser tab for the bundle (' +
                  Math.round(r.bytes.length / 1048576) + ' MiB).';
        modvWithString(why, function (s) { modvApp.onBundleFailure(platform, s); });
        return;
      }
      var v = MODV.download.getValidators(), copy = modvCopyToKeep(placed, v);
      if (modvApp.onBundle(platform, placed.ptr, placed.length)) MODV.offline.keepContent(copy, v);
    };
    if (first.arrived) deliver(first.arrived);  // during the program's start: its first frame shows the content
    else first.promise.then(deliver);
  },

  app_js_check_bundle__deps: ['$modvRoomFor', '$modvPlace', '$modvApp', '$modvCopyToKeep'],
  app_js_check_bundle: function (platform) {
    MODV.kiosk.check(modvRoomFor(platform, 1), function (body, v) {
      var placed = modvPlace(platform, body, 1);
      if (!placed) return { answer: -1, copy: null };
      var copy = modvCopyToKeep(placed, v);
      return { answer: modvApp.onBundleUpdate(platform, placed.ptr, placed.length), copy: copy };
    }, MODV.offline.keepContent, function (ok) { modvApp.onCheckDone(platform, ok ? 1 : 0); });
  },
  app_js_update_settled: function (taken) { MODV.kiosk.settle(taken !== 0, MODV.offline.keepContent); },
  app_js_report: function (instance, metrics) { MODV.kiosk.report(UTF8ToString(instance), UTF8ToString(metrics)); },
  app_js_reload_count: function () { return MODV.fatal.reloadCount(); },

  app_js_set_state__deps: ['$modvApp'],
  app_js_set_state: function (platform, state) {
    MODV.page.setState(UTF8ToString(state), function () { modvApp.onShown(platform); });
  },
  app_js_set_mirror: function (html, title, lang) {
    MODV.mirror.set(UTF8ToString(html), UTF8ToString(title), UTF8ToString(lang));
  },
  app_js_set_mirror_rects: function (rects, count, ratio) {
    MODV.mirror.setRects(HEAPF32.subarray(rects >> 2, (rects >> 2) + 4 * count), count, ratio);
  },
  app_js_place_search: function (x, y, w, h, ratio, value, placeholder) {
    MODV.mirror.placeSearch(x, y, w, h, ratio, UTF8ToString(value), UTF8ToString(placeholder));
  },
  app_js_hide_search: function () { MODV.mirror.hideSearch(); },
  app_js_push_route: function (route, replace) { MODV.routes.push(UTF8ToString(route), replace !== 0); },
  app_js_open_url: function (url) { MODV.input.openUrl(UTF8ToString(url)); },
  app_js_bundle_file_url__deps: ['$modvString'],
  app_js_bundle_file_url: function (path) { return modvString(MODV.download.fileUrl(UTF8ToString(path))); },

  // A file beside the bundle (a published site's part, an image), into a room of the program's
  // memory that it keeps: the bytes are handed over once.
  app_js_fetch__deps: ['$modvApp', '$modvWithString'],
  app_js_fetch: function (platform, namePtr) {
    var name = UTF8ToString(namePtr);
    var failed = function (why) {
      modvWithString(name, function (n) { modvWithString(why, function (w) { modvApp.onFileFailed(platform, n, w); }); });
    };
    MODV.download.fetchBeside(name, function (bytes) {
      var room = modvApp.room(platform, bytes.length, 2);
      if (!room) return failed('out of memory');
      HEAPU8.set(bytes, room);
      modvWithString(name, function (n) { modvApp.onFile(platform, n, room, bytes.length); });
      return undefined;
    }, failed);
  },

  app_js_keep_files: function (paths) { MODV.offline.keepFiles(UTF8ToString(paths).split('\n').filter(Boolean)); },
  app_js_query__deps: ['$modvString'],
  app_js_query: function (name) { return modvString(MODV.params.query(UTF8ToString(name))); },
  app_js_start_kiosk: function (platform, reloadSeconds) { MODV.kiosk.lockDown(reloadSeconds); },
  app_js_wake_after__deps: ['$modvApp'],
  app_js_wake_after: function (platform, seconds) { MODV.kiosk.wakeAfter(seconds, function () { modvApp.wake(platform); }); },
  app_js_minute_of_week: function () { return MODV.input.minuteOfWeek(); },
  app_js_reduced_motion: function () { return MODV.input.reducedMotion() ? 1 : 0; },
  app_js_appearance: function () { return MODV.reading.appearance(); },
  app_js_system_colors: function (out) {
    var colors = MODV.reading.systemColors();
    for (var i = 0; i < colors.length; i++) HEAPU32[(out >> 2) + i] = colors[i];
    return colors.length;
  },
  app_js_reading_choice: function () { return MODV.reading.remembered(); },
  app_js_remember_reading_choice: function (choice) { MODV.reading.remember(choice); },
  app_js_set_text_view: function (on) { MODV.reading.setTextView(on !== 0); },
  app_js_set_text_size: function (size) { MODV.reading.setTextSize(size); },
  app_js_can_share: function () { return MODV.reading.canShare() ? 1 : 0; },
  app_js_share: function (url, title) { MODV.reading.share(UTF8ToString(url), UTF8ToString(title)); },
  app_js_copy: function (text) { MODV.input.copy(UTF8ToString(text)); },
  app_js_address_of__deps: ['$modvString'],
  app_js_address_of: function (route, page) { return modvString(MODV.routes.addressOf(UTF8ToString(route), UTF8ToString(page))); },

  // fonts.ttc, which the page fetched before main() (program.mjs): its size, and its bytes
  // copied to `to` when `capacity` holds them; 0 without them.
  app_js_font_bytes: function (to, capacity) {
    var b = MODV.program.fontBytes();
    if (!b) return 0;
    var size = b.length;
    if (capacity >= size) {
      HEAPU8.set(b, to);
      MODV.program.forgetFonts();
    }
    return size;
  },
  app_js_can_draw: function () { return MODV.renderer.renderMode() === 'canvas' ? 1 : 0; },
  app_js_render_texture: function (id, width, height, coverage, pixels) {
    MODV.renderer.texture(id, width, height, coverage, HEAPU8.slice(pixels, pixels + width * height * (coverage ? 1 : 4)));
  },
  app_js_render_forget: function (id) { MODV.renderer.forget(id); },
  app_js_render_frame: function (frame, size) { MODV.renderer.frame(HEAPU8.slice(frame, frame + size).buffer); },
  app_js_set_reading_mode: function () {
    MODV.renderer.setReadingMode();
    MODV.mirror.enterPage();
  },
});
