// The page's input and surroundings for the program: touches on the canvas, the keys its own
// fields keep, the colour scheme, the device pixel ratio, reduced motion, the clock, the
// clipboard and new tabs.

// Keys typed into the page's own fields stay there: Emscripten's GLFW listens on window in the
// capture phase and would swallow Backspace and Tab. Registered before it (boot.js runs first),
// this runs first.
export function keepKeysInFields() {
  ['keydown', 'keypress', 'keyup'].forEach((type) => {
    window.addEventListener(type, (e) => {
      const input = e.target && e.target.tagName === 'INPUT';
      // Stopped here, the event reaches no listener of the field: Enter and Escape close the
      // phone's keyboard from here.
      if (input && type === 'keydown' && (e.key === 'Enter' || e.key === 'Escape')) e.target.blur();
      // Tab moves the page's focus through the mirror; GLFW would cancel it.
      if (input || e.key === 'Tab') e.stopImmediatePropagation();
    }, true);
  });
}

let onTouch = null;  // the program's, once it runs

// Touch: the program's (taps are clicks, drags scroll with inertia). Registered on the canvas
// before Emscripten's GLFW, these stop its own touch handling (which would press the mouse at
// the wrong place and click twice) and the browser's mouse emulation.
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
