// The program (mod-viewer.js and its wasm) and its fonts (fonts.ttc): Emscripten's Module, the
// wasm compiled as its bytes come (WebAssembly.compileStreaming, on other threads, while the
// page sets up and mod-viewer.js is read), and the script added once the page and the renderer
// are ready. The program's main() waits for the fonts (an Emscripten run dependency), which
// download beside it. The program's own uncaught errors stop it as an abort does.
import { files } from './params.mjs';
import { fatal } from './fatal.mjs';

// What mod-viewer.js asks for under the plain names it was linked with.
const hashed = { 'mod-viewer.wasm': files.wasm };
let compiled = null;
let fonts = null;      // fonts.ttc's bytes (a Uint8Array) once in; null without them
let fontsIn = null;    // settles when they are in or could not be had

window.Module = {
  print: (t) => console.log(t),
  printErr: (t) => console.warn(t),
  // No setStatus: with one, Emscripten starts main() a timer task later (and its status lines
  // are not for visitors); the page's bar shows the bundle's download instead.
  onAbort: (what) => fatal('The viewer stopped unexpectedly (' + what + ').'),
  // Emscripten asks for the wasm with mod-viewer.js's directory as prefix.
  locateFile: (name, prefix) => prefix + (hashed[name] || name),
  // main() once the fonts are in (or have failed: it then writes with ImGui's own, Latin-1 only).
  preRun: [() => {
    window.Module.addRunDependency('fonts');
    // main() runs in this call: in a task of its own, so that an error it throws stops the
    // viewer with its message (guarded), not as a promise's unhandled rejection.
    fontsIn.then(() => setTimeout(() => guarded(() => window.Module.removeRunDependency('fonts')), 0));
  }],
};

// The fonts' bytes, for the program (web/lib_app.js app_js_font_bytes); null without them.
// Forgotten once the program has its copy.
export function fontBytes() { return fonts; }
export function forgetFonts() { fonts = null; }

// The fonts download beside the wasm: from its compile on (or when the program is added).
function fetchFonts() {
  if (fontsIn) return;
  const get = () => fetch(files.fonts, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  });
  // A second try after a second: without them the viewer cannot write ’ or “.
  fontsIn = get().catch(() => new Promise((wait) => setTimeout(wait, 1000)).then(get))
    .then((b) => { fonts = new Uint8Array(b); })
    .catch((e) => console.warn('The fonts (' + files.fonts + ') could not be had (' + ((e && e.message) || e) +
                               '): the viewer writes with its built-in font, Latin-1 only.'));
}

// The wasm compiles from now on; a server that does not send application/wasm still gets it
// compiled, a little later.
export function startCompile() {
  fetchFonts();
  if (!window.WebAssembly || !WebAssembly.compileStreaming) return;
  const url = files.wasm;
  compiled = WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' })).catch(() =>
    fetch(url, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then((b) => WebAssembly.compile(b)));
}

if (window.WebAssembly && WebAssembly.compileStreaming) {
  window.Module.instantiateWasm = (imports, receive) => {
    compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
      .catch((e) => fatal('The viewer program could not be started (' + ((e && e.message) || e) + ').'));
    return {};  // the exports come through receive()
  };
}

window.addEventListener('error', (e) => {
  if (e.filename && e.filename.indexOf(files.program) >= 0) fatal('The viewer stopped unexpectedly (' + e.message + ').');
});

// The program's frames: `frame()` at the next animation frame, asked for once however often it
// is asked before it comes. An error it throws stops the viewer, as an abort does.
let frameAsked = false;
function guarded(f) {
  try {
    f();
  } catch (e) {
    fatal('The viewer stopped unexpectedly (' + ((e && e.message) || e) + ').');
    throw e;
  }
}
export function requestFrame(frame) {
  if (frameAsked) return;
  frameAsked = true;
  requestAnimationFrame(() => {
    frameAsked = false;
    guarded(frame);
  });
}
// `f()` in a task of its own, soon.
export function soon(f) { setTimeout(() => guarded(f), 0); }

// Adds mod-viewer.js; the fonts download beside it.
export function startProgram() {
  fetchFonts();
  const s = document.createElement('script');
  s.src = files.program;
  s.async = true;
  s.onerror = () => fatal('The viewer program could not be downloaded.');
  document.body.appendChild(s);
}
