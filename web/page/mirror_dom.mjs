// #mirror: the current screen as accessible HTML (core::Mirror::ToHtml, which escapes every text
// and attribute value), laid over the canvas and transparent to the pointer, for screen readers,
// find-in-page and the keyboard (its links and buttons are the page's focus order; the canvas
// outlines the focused one). In reading mode it is the page's text. Also the page's one search
// <input>, laid over the box the program drew.

// A published page's title is its screen's; the site's name is in its og:site_name.
const siteName = document.querySelector('meta[property="og:site_name"]');
const siteTitle = siteName ? siteName.content : document.title;
let places = null;   // the mirror's placed elements, found once per mirror (setRects)
let lastH1 = null;   // reading mode: the screen's title, to start a new screen at the top
let anchor = null;   // the text view just opened: the text that was at the top of the canvas
let lastRoute = null;  // the address the mirror was last written for

const mirror = () => document.getElementById('mirror');
const reading = () => document.documentElement.getAttribute('data-render') === 'html';

// The page's events for the program: a mirror button activated (its node's index), the focus on
// a node (-1: elsewhere), Escape, the search field's text.
export function listen({ activate, focus, back, search }) {
  const m = mirror();
  m.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-i]');
    if (b) {
      e.preventDefault();
      activate(parseInt(b.getAttribute('data-i'), 10));
    }
  });
  m.addEventListener('focusin', (e) => {
    const el = e.target.closest('[data-i]');
    focus(el ? parseInt(el.getAttribute('data-i'), 10) : -1);
  });
  m.addEventListener('focusout', (e) => { if (!m.contains(e.relatedTarget)) focus(-1); });
  document.addEventListener('keydown', (e) => {
    if (e.target && e.target.tagName === 'INPUT') return;
    // Escape here: the program takes no keys (the page's focus order is the mirror's).
    if (e.key === 'Escape') {
      back();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = Array.prototype.slice.call(m.querySelectorAll('main a, main button'));
    if (!items.length) return;
    const at = items.indexOf(document.activeElement);
    const next = at < 0 ? 0 : Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
    items[next].focus();
    e.preventDefault();
  });
  const input = document.getElementById('search');
  input.addEventListener('input', () => search(input.value));
}

// The new screen's HTML is laid over the old one, element by element (morph): what did not
// change stays as it was, so that content arriving for the same screen (a year's older
// headlines, which change its months' counts) costs the page the layout of what changed only,
// not of the whole mirror, and the keyboard's focus stays where it was.
export function set(html, title, lang) {
  const m = mirror();
  const focused = m.contains(document.activeElement) ? document.activeElement : null;
  const focusedWas = focused && describe(focused);
  const sameRoute = location.href === lastRoute;
  lastRoute = location.href;
  const next = document.createElement('template');
  next.innerHTML = html;
  morph(m, next.content);
  places = null;
  // A keyboard user who opened something continues from the new screen's title.
  const h1 = m.querySelector('h1');
  if (h1) h1.setAttribute('tabindex', '-1');
  // Reading mode: the page scrolls; a new screen starts at its top (a refined search does not),
  // and the text view starts where the canvas was.
  if (anchor && reading()) {
    scrollToAnchor();
    anchor = null;
  } else if (reading() && h1 && h1.textContent !== lastH1) window.scrollTo(0, 0);
  lastH1 = h1 ? h1.textContent : null;
  // The same screen with more of its content: the focus stays on its element when that still
  // says what it said; else (a new screen, or the element went or changed) the title takes it.
  const kept = sameRoute && focused && m.contains(focused) && describe(focused) === focusedWas;
  if (focused && !kept && h1) h1.focus({ preventScroll: true });
  document.title = title ? title + (siteTitle && siteTitle !== title ? ' – ' + siteTitle : '') : siteTitle;
  if (lang) document.documentElement.lang = lang;
  const address = document.getElementById('address');  // printed with the screen
  if (address) address.textContent = location.href;
}

const describe = (el) => el.tagName + ' ' + (el.getAttribute('href') || '') + ' ' + el.textContent;

// Makes the children of `live` those of `made` (parsed, not in the document): nodes of the same
// kind in the same place are kept, their text and attributes set where they differ (`style`,
// the element's place over the canvas, is setRects's); the others are replaced, added or removed.
function morph(live, made) {
  let old = live.firstChild;
  for (let n = made.firstChild; n;) {
    const following = n.nextSibling;
    if (!old) {
      live.appendChild(n);
    } else if (old.nodeType !== n.nodeType || (n.nodeType === 1 && old.tagName !== n.tagName)) {
      live.replaceChild(n, old);
      old = n.nextSibling;
    } else {
      if (n.nodeType === 1) {
        for (let k = old.attributes.length; k-- > 0;) {  // from the end: removing leaves those before in place
          const name = old.attributes[k].name;
          if (name !== 'style' && !n.hasAttribute(name)) old.removeAttribute(name);
        }
        for (const a of n.attributes) if (old.getAttribute(a.name) !== a.value) old.setAttribute(a.name, a.value);
        morph(old, n);
      } else if (old.nodeValue !== n.nodeValue) {
        old.nodeValue = n.nodeValue;
      }
      old = old.nextSibling;
    }
    n = following;
  }
  while (old) {
    const following = old.nextSibling;
    live.removeChild(old);
    old = following;
  }
}

// The nodes' rectangles (x, y, w, h per node, device pixels, `count` nodes of `rects`): called
// in every frame while something scrolls, so the elements are found once per mirror and only
// the values that changed are written (scrolling changes `top` alone).
export function setRects(rects, count, ratio) {
  if (!places) {
    places = [];
    const nodes = mirror().querySelectorAll('[data-i]');
    for (let k = 0; k < nodes.length; k++)
      places.push({ el: nodes[k], i: parseInt(nodes[k].getAttribute('data-i'), 10), left: nodes[k].style.left,
                    top: nodes[k].style.top, width: nodes[k].style.width, height: nodes[k].style.height });
  }
  for (const p of places) {
    const i = p.i;
    if (!(i < count)) continue;
    const left = (rects[i * 4] / ratio) + 'px', top = (rects[i * 4 + 1] / ratio) + 'px';
    const width = Math.max(rects[i * 4 + 2] / ratio, 1) + 'px', height = Math.max(rects[i * 4 + 3] / ratio, 1) + 'px';
    if (left !== p.left) p.el.style.left = p.left = left;
    if (top !== p.top) p.el.style.top = p.top = top;
    if (width !== p.width) p.el.style.width = p.width = width;
    if (height !== p.height) p.el.style.height = p.height = height;
  }
}

// Lays the search <input> over the box the program drew (device pixels -> CSS pixels); in
// reading mode it sits in the page's flow.
export function placeSearch(x, y, w, h, ratio, value, placeholder) {
  const input = document.getElementById('search');
  const inset = 1;
  if (reading()) {
    input.removeAttribute('style');
  } else {
    input.style.left = (x / ratio + inset) + 'px';
    input.style.top = (y / ratio + inset) + 'px';
    input.style.width = Math.max(w / ratio - 2 * inset, 0) + 'px';
    input.style.height = Math.max(h / ratio - 2 * inset, 0) + 'px';
  }
  if (input.value !== value && document.activeElement !== input) input.value = value;
  input.placeholder = placeholder;
  input.setAttribute('aria-label', placeholder);
  input.hidden = false;
}
export function hideSearch() { document.getElementById('search').hidden = true; }

// The mirror is the page's text (app.css, html[data-render=html]), in its flow: reading mode
// (no WebGL) or the text view. The element the visitor saw first below the header is kept,
// and the page is scrolled to it once the program has written the screen's whole text.
export function enterPage() {
  const top = document.querySelector('#mirror nav')?.getBoundingClientRect().bottom || 0;
  const first = [...mirror().querySelectorAll('main [data-i]')].find((el) => el.getBoundingClientRect().bottom > top + 1);
  anchor = first && reading() === false ? first.textContent : null;
  document.documentElement.setAttribute('data-render', 'html');
  mirror().querySelectorAll('[data-i]').forEach((el) => el.removeAttribute('style'));
  places = null;
  // Now, and again when the program writes the screen's whole text (a long list's rows from its
  // start), if it does so soon.
  if (!anchor) return;
  scrollToAnchor();
  setTimeout(() => { anchor = null; }, 2000);
}

// Back to the canvas: the mirror lies over it again (the program sends its places).
export function leavePage() {
  anchor = null;
  document.documentElement.setAttribute('data-render', 'canvas');
  window.scrollTo(0, 0);
  places = null;
}

function scrollToAnchor() {
  const el = [...mirror().querySelectorAll('main [data-i]')].find((e) => e.textContent === anchor);
  if (el) el.scrollIntoView({ block: 'start' });
}
