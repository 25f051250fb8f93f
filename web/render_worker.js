// The viewer's renderer off the page's thread: it owns the canvas the page shows (handed over
// with transferControlToOffscreen), makes the WebGL2 context, the shader and the buffers, keeps
// the font atlas and the images as textures, and draws each frame the program sends. The same
// drawing as src/platform/gl_renderer.cpp (one program, scissor and texture per command), so that
// the page's thread spends nothing on the GPU: not the context, not the shader's compile, not the
// uploads, and not the canvas's hand-over to the compositor (in software compositing, a copy of
// every drawn frame). Messages (web/lib_app.js sends them, src/platform/worker_renderer.cpp
// packs the frames):
//   {type: 'init', canvas, width, height}       -> {type: 'ready', ok}
//   {type: 'texture', id, width, height, coverage, pixels: ArrayBuffer}
//   {type: 'forget', id}
//   {type: 'frame', n, frame: ArrayBuffer}      -> {type: 'drawn', n} (layout in worker_renderer.cpp)
//   {type: 'lose'} / {type: 'restore'}          WEBGL_lose_context, as a page would call it on its
//                                               own canvas (the tests: the GPU going and coming back)
// It tells the page {type: 'lost'} and {type: 'restored'} as the context goes and comes back.
'use strict';

var VERTEX = '#version 300 es\nprecision mediump float;\n' +
  'layout (location = 0) in vec2 Position;\n' +
  'layout (location = 1) in vec2 UV;\n' +
  'layout (location = 2) in vec4 Color;\n' +
  'uniform mat4 Projection;\n' +
  'out vec2 FragUV;\nout vec4 FragColor;\n' +
  'void main() { FragUV = UV; FragColor = Color; gl_Position = Projection * vec4(Position, 0.0, 1.0); }\n';
var FRAGMENT = '#version 300 es\nprecision mediump float;\n' +
  'uniform sampler2D Texture;\n' +
  'uniform bool Coverage;\n' +
  'in vec2 FragUV;\nin vec4 FragColor;\n' +
  'layout (location = 0) out vec4 OutColor;\n' +
  'void main() { vec4 t = texture(Texture, FragUV); OutColor = FragColor * (Coverage ? vec4(1.0, 1.0, 1.0, t.r) : t); }\n';

var canvas = null, gl = null, lost = false;
var framesDrawn = 0;  // for the tests (tests/web: the start draws its first screen once)
var program = null, vao = null, vbo = null, ebo = null, where = {};
var textures = new Map();  // id -> { texture, coverage }

function upload(t, pixels) {
  t.texture = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, t.texture);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  var px = new Uint8Array(pixels);
  if (t.coverage) gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, t.width, t.height, 0, gl.RED, gl.UNSIGNED_BYTE, px);
  else gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, t.width, t.height, 0, gl.RGBA, gl.UNSIGNED_BYTE, px);
}

function compile(type, source) {
  var s = gl.createShader(type);
  gl.shaderSource(s, source);
  gl.compileShader(s);
  return s;
}

// The shader's program and the buffers: at the start and again after a restored context.
function makeObjects() {
  var vs = compile(gl.VERTEX_SHADER, VERTEX), fs = compile(gl.FRAGMENT_SHADER, FRAGMENT);
  program = gl.createProgram();
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    console.warn('render worker: the shader did not build: ' + (gl.getShaderInfoLog(vs) || '') +
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
  for (var i = 0; i < 3; i++) gl.enableVertexAttribArray(i);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 20, 0);          // ImDrawVert: pos, uv, col
  gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 20, 8);
  gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 20, 16);
  gl.bindVertexArray(null);
  return true;
}

function init(m) {
  canvas = m.canvas;
  canvas.width = Math.max(m.width, 1);
  canvas.height = Math.max(m.height, 1);
  try {
    gl = canvas.getContext('webgl2', { alpha: true, depth: false, stencil: false, antialias: false });
  } catch (e) { gl = null; }
  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();  // asks the browser to restore it
    lost = true;
    postMessage({ type: 'lost' });
  });
  // The textures went with the context: the program sends the atlas again, and the images as
  // it draws them (WebPlatform::OnContextRestored).
  canvas.addEventListener('webglcontextrestored', function () {
    lost = false;
    textures.clear();
    postMessage({ type: 'restored', ok: makeObjects() });
  });
  postMessage({ type: 'ready', ok: !!gl && makeObjects() });
}

// One frame: u32 list count, framebuffer width and height, background (ImU32, RGBA bytes),
// 16 floats of projection; then per draw list: u32 vertex bytes, index bytes, command count,
// the commands (7 i32: scissor x, y, w, h in GL's framebuffer coordinates, texture id, index
// count, index offset in bytes), the vertices and the indices (padded to 4 bytes).
function draw(buffer) {
  if (!gl || lost) return;
  framesDrawn++;
  var u = new Uint32Array(buffer), i32 = new Int32Array(buffer), f = new Float32Array(buffer);
  var lists = u[0], width = u[1], height = u[2], bg = u[3];
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  gl.viewport(0, 0, width, height);
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
  gl.uniformMatrix4fv(where.projection, false, f.subarray(4, 20));
  gl.bindVertexArray(vao);
  var bound = -1, coverage = -1;
  var p = 20;
  for (var n = 0; n < lists; n++) {
    var vtxBytes = u[p], idxBytes = u[p + 1], cmds = u[p + 2];
    var c = p + 3;
    p = c + 7 * cmds;
    gl.bufferData(gl.ARRAY_BUFFER, new Uint8Array(buffer, 4 * p, vtxBytes), gl.STREAM_DRAW);
    p += vtxBytes >> 2;
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, new Uint8Array(buffer, 4 * p, idxBytes), gl.STREAM_DRAW);
    p += (idxBytes + 3) >> 2;
    for (var k = 0; k < cmds; k++, c += 7) {
      var id = i32[c + 4], t = textures.get(id);
      if (!t) continue;
      gl.scissor(i32[c], i32[c + 1], i32[c + 2], i32[c + 3]);
      if (id !== bound) {
        if (coverage !== t.coverage) gl.uniform1i(where.coverage, (coverage = t.coverage) ? 1 : 0);
        gl.bindTexture(gl.TEXTURE_2D, t.texture);
        bound = id;
      }
      gl.drawElements(gl.TRIANGLES, i32[c + 5], gl.UNSIGNED_SHORT, i32[c + 6]);
    }
  }
  gl.bindVertexArray(null);
}

var loser = null;  // WEBGL_lose_context, kept to restore what it lost
onmessage = function (e) {
  var m = e.data;
  if (m.type === 'frame') {
    draw(m.frame);
    postMessage({ type: 'drawn', n: m.n });  // lost or not: the page sends the next
  }
  else if (m.type === 'texture') {
    var t = { coverage: !!m.coverage, width: m.width, height: m.height, texture: null };
    var old = textures.get(m.id);
    if (old && gl && !lost) gl.deleteTexture(old.texture);
    textures.set(m.id, t);
    if (gl && !lost) upload(t, m.pixels);
  } else if (m.type === 'forget') {
    var gone = textures.get(m.id);
    if (gone && gl && !lost) gl.deleteTexture(gone.texture);
    textures.delete(m.id);
  } else if (m.type === 'init') init(m);
  else if (m.type === 'lose' && gl) (loser = gl.getExtension('WEBGL_lose_context')).loseContext();
  else if (m.type === 'restore' && loser) loser.restoreContext();
};
