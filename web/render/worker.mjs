// render_worker.js (built from this module by esbuild, cmake/web.cmake): the viewer's renderer
// (draw.mjs) off the page's thread, on the canvas the page shows (handed over with
// transferControlToOffscreen). Where a worker cannot have a canvas, the page runs the same file
// as a script and takes the renderer from its tag (`script.makeRenderer`): boot.js does not
// carry a second copy. Messages (web/page/renderer_client.mjs sends them):
//   {type: 'init', canvas, width, height}       -> {type: 'ready', ok}
//   {type: 'texture', id, width, height, coverage, pixels: ArrayBuffer}
//   {type: 'forget', id}
//   {type: 'frame', n, frame: ArrayBuffer}      -> {type: 'drawn', n}
//   {type: 'lose'} / {type: 'restore'}          WEBGL_lose_context, as a page would call it on its
//                                               own canvas (the tests: the GPU going and coming back)
// It tells the page {type: 'lost'} and {type: 'restored', ok} as the context goes and comes back.
import { makeRenderer } from './draw.mjs';

let r = null;

if (typeof document !== 'undefined') {
  document.currentScript.makeRenderer = makeRenderer;
} else {
  listen();
}

function listen() {
  // For the tests, which evaluate in the worker's global scope: its context, canvas, textures and
  // the frames it drew (the start draws its first screen once).
  Object.defineProperties(self, {
    gl: { get: () => r && r.gl }, canvas: { get: () => r && r.canvas }, textures: { get: () => r && r.textures },
    framesDrawn: { get: () => (r ? r.framesDrawn : 0) },
  });

  onmessage = (e) => {
    const m = e.data;
    if (m.type === 'frame') {
      r.draw(m.frame);
      postMessage({ type: 'drawn', n: m.n });  // lost or not: the page sends the next
    } else if (m.type === 'texture') {
      r.texture(m.id, m.width, m.height, m.coverage, m.pixels);
    } else if (m.type === 'forget') {
      r.forget(m.id);
    } else if (m.type === 'init') {
      r = makeRenderer(m.canvas, m.width, m.height, {
        lost: () => postMessage({ type: 'lost' }),
        restored: (ok) => postMessage({ type: 'restored', ok }),
      });
      postMessage({ type: 'ready', ok: r.ok });
    } else if (m.type === 'lose') {
      r.lose();
    } else if (m.type === 'restore') {
      r.restore();
    }
  };
}
