// Where the viewer draws. The program makes frames (src/platform/frame_renderer.cpp) and the
// renderer of web/render/draw.mjs draws them. Best, it runs in a worker (web/render/worker.mjs)
// that owns a canvas under the program's (#screen, handed over with transferControlToOffscreen):
// the context, the shader's compile, the uploads and the canvas's hand-over to the compositor then
// cost the page's thread nothing (Lighthouse counts each of its tasks over 50 ms). Else it runs
// here, on #canvas, made while the program downloads (the worker's script, run as the page's:
// render_worker.js hands its renderer over). Else reading mode: the program runs undrawn and the
// page shows its text. The frames sent to the worker are numbered; one is on its way at a time.
import { files } from './params.mjs';

let worker = null;       // the render worker, when it draws
let local = null;        // else the renderer on the page's thread
let render = 'canvas';   // 'html' without WebGL2 (reading mode)
const frames = {
  made: 0,        // frames the program made
  sent: 0,        // the number of the last one sent
  drawn: 0,       // and of the last one the worker drew
  pending: null,  // the newest frame, not sent yet
  sentAt: 0,      // when the last one was sent (Date.now())
  waiting: [],    // [frame number, callback]: called once that frame (or a newer one) is drawn
};

export function renderMode() { return render; }
export function setReadingMode() { render = 'html'; }
// The worker (for tests: WEBGL_lose_context through its test messages); null when none draws.
export function getWorker() { return worker; }
// The renderer on the page's thread (for tests: its context, its textures); null when none draws.
export function pageRenderer() { return local; }

// `then()` once it is known where the program draws; `width` x `height`: the drawing buffer.
export function start(canvas, width, height, then) {
  const done = () => {
    document.documentElement.setAttribute('data-render', render);
    then();
  };
  // The renderer on this thread, from the worker's script (already in the browser's cache when
  // a worker was tried). Its context's loss and return reach the program as the canvas's own
  // events (watchContext); a return whose objects could not be made again is not told, so that
  // it ends as a context that did not come back.
  const pageRenderer = () => {
    const script = document.createElement('script');
    const made = (makeRenderer) => {
      const r = makeRenderer && makeRenderer(canvas, width, height, {
        lost: () => {},
        restored: (ok, e) => { if (!ok) e.stopImmediatePropagation(); },
      });
      local = r && r.ok ? r : null;
      render = local ? 'canvas' : 'html';
      done();
    };
    if (!files.renderer) return made(null);
    script.src = files.renderer;
    script.onload = () => made(script.makeRenderer);
    script.onerror = () => made(null);
    document.head.appendChild(script);
    return undefined;
  };
  if (!files.renderer || !canvas.transferControlToOffscreen || !window.Worker || !window.OffscreenCanvas) return pageRenderer();
  const screen = document.createElement('canvas');
  screen.id = 'screen';
  screen.setAttribute('aria-hidden', 'true');
  canvas.parentNode.insertBefore(screen, canvas);
  let candidate = null;
  const noWorker = () => {
    if (worker || !screen.parentNode) return;
    if (candidate) candidate.terminate();
    screen.remove();
    pageRenderer();
  };
  try {
    const offscreen = screen.transferControlToOffscreen();
    candidate = new Worker(files.renderer);
    candidate.postMessage({ type: 'init', canvas: offscreen, width, height }, [offscreen]);
  } catch (e) {
    return noWorker();
  }
  candidate.onerror = noWorker;
  // A worker that does not answer (its script stuck on a bad network) does not hold the viewer.
  const waited = setTimeout(noWorker, 10000);
  candidate.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'ready') {
      clearTimeout(waited);
      if (!m.ok) return noWorker();
      worker = candidate;
      return done();
    }
    // The worker's context goes and comes back: told as the same events a page's own would be.
    if (m.type === 'lost') canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    else if (m.type === 'restored' && m.ok) canvas.dispatchEvent(new Event('webglcontextrestored'));
    else if (m.type === 'drawn') drawn(m.n);
    return undefined;
  };
  return undefined;
}

// The GPU can come and go: `lost()` while the context is gone, `restored()` when it is back, and
// `gone()` when it is not back within 3 s (reading mode: never "reload the page" on a kiosk
// without a keyboard).
export function watchContext(canvas, lost, restored, gone) {
  let timer = 0;
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();  // asks the browser to restore it
    lost();
    clearTimeout(timer);
    timer = setTimeout(gone, 3000);
  });
  canvas.addEventListener('webglcontextrestored', () => {
    clearTimeout(timer);
    restored();
  });
}

// A texture (one channel, the font atlas's coverage, or RGBA) and one to forget; `pixels` is a
// copy, handed over, not copied again.
export function texture(id, width, height, coverage, pixels) {
  if (local) return local.texture(id, width, height, coverage, pixels.buffer);
  return worker.postMessage({ type: 'texture', id, width, height, coverage, pixels: pixels.buffer }, [pixels.buffer]);
}
export function forget(id) {
  if (local) local.forget(id);
  else worker.postMessage({ type: 'forget', id });
}

function send() {
  const f = frames.pending;
  frames.pending = null;
  frames.sent = frames.made;
  frames.sentAt = Date.now();
  worker.postMessage({ type: 'frame', n: frames.sent, frame: f }, [f]);
}

function drawn(n) {
  frames.drawn = n;
  frames.waiting = frames.waiting.filter((w) => {
    if (w[0] > n) return true;
    w[1]();
    return false;
  });
  if (frames.pending) send();
}

// A frame (an ArrayBuffer of the program's layout). A frame made while the worker still draws
// the one before waits, and a newer one replaces it: a slow GPU shows fewer frames, never older
// ones late.
export function frame(buffer) {
  if (local) return local.draw(buffer);
  frames.pending = buffer;
  frames.made++;
  if (frames.sent === frames.drawn) send();
  return undefined;
}

// The worker has not drawn a frame sent 10 s ago: it has stopped.
export function stuck() { return frames.sent > frames.drawn && Date.now() - frames.sentAt > 10000; }

// `then()` once the newest frame made is on the screen (at once without the worker).
export function whenShown(then) {
  if (!worker || frames.drawn >= frames.made) then();
  else frames.waiting.push([frames.made, then]);
}
