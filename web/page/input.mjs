// The page's input and surroundings for the program: the mouse, the wheel and touches on the
// canvas, the keys its own fields keep, the canvas's size, the colour scheme, the device pixel
// ratio, reduced motion, the clock, the clipboard and new tabs.

// Enter and Escape in the page's own fields close the phone's keyboard. Stopped here, the event
// reaches no other listener: a field's keys are the field's (mirror_dom.mjs's Escape is "back").
export function keepKeysInFields() {
  window.addEventListener('keydown', (e) => {
    if (!e.target || e.target.tagName !== 'INPUT') return;
    if (e.key === 'Enter' || e.key === 'Escape') e.target.blur();
    e.stopImmediatePropagation();
  }, true);
}

// The canvas's CSS size and the device pixel ratio (the drawing buffer is their product).
export function canvasSize() {
  const box = document.getElementById('canvas').getBoundingClientRect();
  return { width: box.width, height: box.height, ratio: window.devicePixelRatio || 1 };
}

export function setCanvasSize(width, height) {
  const canvas = document.getElementById('canvas');
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

// The mouse and the wheel on `canvas`, to `to.mouse(kind, x, y, button)` (kind 0 moved, 1
// pressed, 2 released, 3 left the canvas; CSS px from its corner; button 0 left, 1 right, 2
// middle, as ImGui numbers them) and `to.wheel(dx, dy, deltaMode)`. A button released outside
// the canvas is released all the same, and every button is let go, away from the canvas (no
// click), when the window loses the focus or a context menu takes the release (no button stays
// held, dragging at every move).
// (Touches come as touches: takeTouches.)
export function takeMouse(canvas, to) {
  const BUTTONS = [0, 2, 1];  // the DOM's left, middle, right
  const at = (e, kind) => {
    const box = canvas.getBoundingClientRect();
    const button = e.button >= 0 && e.button < 3 ? BUTTONS[e.button] : -1;
    to.mouse(kind, e.clientX - box.left, e.clientY - box.top, button);
  };
  // Let go far from the canvas: a press cut short by the focus leaving is no click.
  const releaseAll = () => { for (let b = 0; b < 3; b++) to.mouse(2, -1e6, -1e6, b); };
  canvas.addEventListener('mousemove', (e) => at(e, 0));
  canvas.addEventListener('mousedown', (e) => at(e, 1));
  window.addEventListener('mouseup', (e) => at(e, 2));
  canvas.addEventListener('mouseleave', (e) => at(e, 3));
  window.addEventListener('blur', releaseAll);
  canvas.addEventListener('contextmenu', releaseAll);
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();  // the canvas scrolls its own screen, not the page
    to.wheel(e.deltaX, e.deltaY, e.deltaMode);
  }, { passive: false });
}

// A new size of the window (and so of the canvas).
export function onResize(then) { window.addEventListener('resize', then); }

let onTouch = null;  // the program's, once it runs

// Touch: the program's (taps are clicks, drags scroll with inertia). These stop the browser's
// mouse emulation, which would press the mouse a second time.
export function takeTouches(canvas) {
  const phases = { touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 3 };
  Object.keys(phases).forEach((type) => {
    canvas.addEventListener(type, (e) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      const t = e.changedTouches[0];
      if (!t || !onTouch) return;
      if (e.touches.length > 1 && type === 'touchstart') return;  // one finger steers
      onTouch(phases[type], t.clientX, t.clientY, e.timeStamp);
    }, { capture: true, passive: false });
  });
}
// (phase: 0 down, 1 move, 2 up, 3 cancelled; CSS px; event time in ms)
export function setTouchHandler(fn) { onTouch = fn; }

const matches = (query) => Boolean(window.matchMedia && window.matchMedia(query).matches);
export function reducedMotion() { return matches('(prefers-reduced-motion: reduce)'); }

// A new device pixel ratio (browser zoom, another screen): a resize event does not always come
// with it.
export function onRatioChange(then) {
  if (!window.matchMedia) return;
  const mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
  const changed = () => {
    mq.removeEventListener('change', changed);
    then();
    onRatioChange(then);
  };
  mq.addEventListener('change', changed);
}

// Local time: Monday 00:00 is 0.
export function minuteOfWeek() {
  const d = new Date();
  return ((d.getDay() + 6) % 7) * 1440 + d.getHours() * 60 + d.getMinutes();
}

export function copy(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
}

// Only http(s) and mailto, whatever the caller checked before; without access to the viewer.
export function openUrl(url) {
  if (!/^(https?:|mailto:)/i.test(url)) return;
  const w = window.open(url, '_blank', 'noopener,noreferrer');
  if (w) w.opener = null;
}
