// The viewer's renderer: a WebGL2 context on a canvas, the shader and buffers, the font atlas and
// the images as textures, and each frame the program sends drawn (the frame layout and shader
// of src/platform/render/, the one source of this and of src/platform/gl_renderer.cpp). It runs
// in the render worker (worker.mjs), or on the page's thread where a worker cannot have a canvas
// (web/page/renderer_client.mjs).
import VERTEX from '../../src/platform/render/imgui.vert';
import FRAGMENT from '../../src/platform/render/imgui.frag';
import FORMAT from '../../src/platform/render/frame_format.json';

const VERSION = '#version 300 es\nprecision mediump float;\n';
const GLSL_COMMENTS = /^\/\/[^\n]*\n/gm;
// The frame format's names as word indices: H.lists, L.commands, C.texture, ...
const indices = (names) => Object.fromEntries(names.map((n, i) => [n, i]));
const H = indices(FORMAT.header), L = indices(FORMAT.list), C = indices(FORMAT.command);
const HEAD = FORMAT.header.length + FORMAT.projectionWords, LIST = FORMAT.list.length, COMMAND = FORMAT.command.length;
const V = FORMAT.vertex;

// A renderer on `canvas` (an OffscreenCanvas or the page's), its drawing buffer `width` x
// `height`. `told.lost()` when its context is lost, `told.restored(ok)` when it is back and its
// objects made again (ok: they could be); the listeners are the canvas's first. Its `ok` is
// false when there is no context or the shader did not build.
export function makeRenderer(canvas, width, height, told) {
  const r = { canvas, gl: null, ok: false, lost: false, textures: new Map(), framesDrawn: 0 };
  let program = null, vao = null, vbo = null, ebo = null, loser = null;
  const where = {};
  canvas.width = Math.max(width, 1);
  canvas.height = Math.max(height, 1);
  try {
    r.gl = canvas.getContext('webgl2', { alpha: true, depth: false, stencil: false, antialias: false });
  } catch (e) { r.gl = null; }
  const gl = r.gl;

  function compile(type, source) {
    const s = gl.createShader(type);
    gl.shaderSource(s, VERSION + source.replace(GLSL_COMMENTS, ''));
    gl.compileShader(s);
    return s;
  }

  // The shader's program and the buffers: at the start and again after a restored context.
  function makeObjects() {
    const vs = compile(gl.VERTEX_SHADER, VERTEX), fs = compile(gl.FRAGMENT_SHADER, FRAGMENT);
    program = gl.createProgram();
    gl.attachShader(program, vs);
    gl.attachShader(program, fs);
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
      console.warn('renderer: the shader did not build: ' + (gl.getShaderInfoLog(vs) || '') +
                   (gl.getShaderInfoLog(fs) || '') + (gl.getProgramInfoLog(program) || ''));
      return false;
    }
    where.projection = gl.getUniformLocation(program, 'Projection');
    where.texture = gl.getUniformLocation(program, 'Texture');
    where.coverage = gl.getUniformLocation(program, 'Coverage');
    vao = gl.createVertexArray();
    vbo = gl.createBuffer();
    ebo = gl.createBuffer();
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, vbo);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, ebo);
    for (let i = 0; i < 3; i++) gl.enableVertexAttribArray(i);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, V.stride, V.position);  // ImDrawVert: pos, uv, col
    gl.vertexAttribPointer(1, 2, gl.FLOAT, false, V.stride, V.uv);
    gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, V.stride, V.color);
    gl.bindVertexArray(null);
    return true;
  }

  function upload(t, pixels) {
    t.texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, t.texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    const px = new Uint8Array(pixels);
    if (t.coverage) gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, t.width, t.height, 0, gl.RED, gl.UNSIGNED_BYTE, px);
    else gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, t.width, t.height, 0, gl.RGBA, gl.UNSIGNED_BYTE, px);
  }

  const usable = () => gl && !r.lost;

  // A texture (coverage: one channel, the font atlas's; else RGBA) under `id`, replacing one.
  r.texture = (id, width, height, coverage, pixels) => {
    const t = { coverage: !!coverage, width, height, texture: null };
    const old = r.textures.get(id);
    if (old && usable()) gl.deleteTexture(old.texture);
    r.textures.set(id, t);
    if (usable()) upload(t, pixels);
  };
  r.forget = (id) => {
    const gone = r.textures.get(id);
    if (gone && usable()) gl.deleteTexture(gone.texture);
    r.textures.delete(id);
  };

  // One frame (an ArrayBuffer), laid out as src/platform/render/frame_format.json says.
  r.draw = (buffer) => {
    if (!usable()) return;
    r.framesDrawn++;
    const u = new Uint32Array(buffer), i32 = new Int32Array(buffer), f = new Float32Array(buffer);
    const lists = u[H.lists], w = u[H.width], h = u[H.height], bg = u[H.background];
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    gl.viewport(0, 0, w, h);
    gl.disable(gl.SCISSOR_TEST);
    gl.clearColor((bg & 255) / 255, ((bg >>> 8) & 255) / 255, ((bg >>> 16) & 255) / 255, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    if (!lists) return;
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.disable(gl.CULL_FACE);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.enable(gl.SCISSOR_TEST);
    gl.useProgram(program);
    gl.uniform1i(where.texture, 0);
    gl.activeTexture(gl.TEXTURE0);
    gl.uniformMatrix4fv(where.projection, false, f.subarray(FORMAT.header.length, HEAD));
    gl.bindVertexArray(vao);
    let bound = -1, coverage = -1;
    let p = HEAD;
    for (let n = 0; n < lists; n++) {
      const vtxBytes = u[p + L.vertexBytes], idxBytes = u[p + L.indexBytes], cmds = u[p + L.commands];
      let c = p + LIST;
      p = c + COMMAND * cmds;
      gl.bufferData(gl.ARRAY_BUFFER, new Uint8Array(buffer, 4 * p, vtxBytes), gl.STREAM_DRAW);
      p += vtxBytes >> 2;
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, new Uint8Array(buffer, 4 * p, idxBytes), gl.STREAM_DRAW);
      p += (idxBytes + 3) >> 2;
      for (let k = 0; k < cmds; k++, c += COMMAND) {
        const id = i32[c + C.texture], t = r.textures.get(id);
        if (!t) continue;
        gl.scissor(i32[c + C.x], i32[c + C.y], i32[c + C.width], i32[c + C.height]);
        if (id !== bound) {
          if (coverage !== t.coverage) gl.uniform1i(where.coverage, (coverage = t.coverage) ? 1 : 0);
          gl.bindTexture(gl.TEXTURE_2D, t.texture);
          bound = id;
        }
        gl.drawElements(gl.TRIANGLES, i32[c + C.indexCount], gl.UNSIGNED_SHORT, i32[c + C.indexOffset]);
      }
    }
    gl.bindVertexArray(null);
  };

  // WEBGL_lose_context, as a page would call it (the tests: the GPU going and coming back).
  r.lose = () => { if (gl) (loser = gl.getExtension('WEBGL_lose_context')).loseContext(); };
  r.restore = () => { if (loser) loser.restoreContext(); };

  if (!gl) return r;
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();  // asks the browser to restore it
    r.lost = true;
    told.lost();
  });
  // The textures went with the context: the program sends the atlas again, and the images as
  // it draws them (WebPlatform::OnContextRestored).
  canvas.addEventListener('webglcontextrestored', (e) => {
    r.lost = false;
    r.textures.clear();
    told.restored(makeObjects(), e);
  });
  r.ok = makeObjects();
  return r;
}
