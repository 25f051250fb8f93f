// The visitor's ways of reading: the text view (the page shows the screen's text, the mirror,
// instead of the canvas: find, selection, translation, reader view and pinch-zoom work on real
// text), the text size (100%, 150%, 200%: the program lays its screens out again, the text view
// follows), both remembered per browser; the colours the system asks for (dark, more contrast,
// forced colours) as the program's palette; printing (the screen's text typeset for paper with
// its address: app.css @media print); and sharing a screen's address.
import { enterPage, leavePage } from './mirror_dom.mjs';

const KEY = 'modv.reading';
const SIZES = [1, 1.5, 2];
const root = document.documentElement;

// The choice remembered: bit 0 the text view, bits 1-2 the text size's step (SIZES). An
// unreadable record, or one of another version, is no choice at all.
export function remembered() {
  try {
    const r = JSON.parse(localStorage.getItem(KEY) || 'null');
    if (!r || r.v !== 1) return 0;
    const step = SIZES.indexOf(r.textSize);
    return (r.textView === true ? 1 : 0) | ((step > 0 ? step : 0) << 1);
  } catch (e) {
    return 0;  // storage off, or not JSON
  }
}

export function remember(choice) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ v: 1, textView: (choice & 1) === 1, textSize: SIZES[(choice >> 1) & 3] || 1 }));
  } catch (e) { /* storage may be off */ }
}

// The text size, for the text view and print: the program draws its own at `size`.
export function setTextSize(size) { root.style.setProperty('--text-size', String(size)); }

// The text view on or off, at the same place: the text that was at the top of the canvas is at
// the top of the page, and back.
export function setTextView(on) {
  root.toggleAttribute('data-text-view', on);
  if (on) enterPage();
  else leavePage();
}

// ---- colours ----
const media = (query) => (window.matchMedia ? window.matchMedia(query) : null);
const QUERIES = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)'];

// Bits: 1 dark, 2 more contrast, 4 forced colours.
export function appearance() {
  return QUERIES.reduce((bits, q, i) => bits | (media(q) && media(q).matches ? 1 << i : 0), 0);
}

export function onAppearance(then) {
  for (const q of QUERIES) {
    const mq = media(q);
    if (mq && mq.addEventListener) mq.addEventListener('change', () => then());
  }
}

// Forced colours: the system's, as 0xRRGGBB, in this order: Canvas, CanvasText, LinkText,
// Highlight, HighlightText, ButtonFace, ButtonText, GrayText (the program's palette is made of
// them). Read from a probe, since only style resolves system colour keywords.
export const SYSTEM_COLORS = ['Canvas', 'CanvasText', 'LinkText', 'Highlight', 'HighlightText', 'ButtonFace', 'ButtonText', 'GrayText'];
export function systemColors() {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  document.body.appendChild(probe);
  const out = SYSTEM_COLORS.map((name) => {
    probe.style.color = name;
    const m = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(probe).color);
    return m ? (parseInt(m[1], 10) << 16) | (parseInt(m[2], 10) << 8) | parseInt(m[3], 10) : 0;
  });
  probe.remove();
  return out;
}

// ---- print ----
// Printing shows the screen's whole text (the program records all of it, as for the text view,
// before the browser lays the page out for paper); the address printed with it is kept by
// mirror_dom.mjs.
export function watchPrint(before, after) {
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
}

// ---- share ----
// "Share" where the browser has the Web Share API on a touch screen (a phone's share sheet);
// elsewhere "Copy link".
export function canShare() {
  return typeof navigator.share === 'function' && Boolean(media('(pointer: coarse)') && media('(pointer: coarse)').matches);
}

export function share(url, title) {
  try {
    navigator.share({ title, url }).catch(() => {});  // dismissed: nothing to do
  } catch (e) { /* not allowed here */ }
}
