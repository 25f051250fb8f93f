// No fatal state is final. When the viewer stops (an abort, out of memory, an error thrown by
// the program, a kiosk's frames that stopped), a published page whose viewer never started keeps
// its own text; otherwise the page says so in both languages: visitors get a button that starts
// it again, a kiosk reloads itself a few seconds later, waiting twice as long after each crash
// within the hour (5 s, 10 s, ... at most 10 minutes), so that a crash cannot loop tightly.
import { kiosk } from './params.mjs';
import { test } from './test_hooks.mjs';

const CRASH_KEY = 'modv.crashes';
const RELOADS_KEY = 'modv.reloads';  // every reload after a fault, for the kiosk's report
let shown = false;

// Times the kiosk reloaded itself after a fault (its metrics' mod_kiosk_reloads_total).
export function reloadCount() {
  try { return Number(localStorage.getItem(RELOADS_KEY)) || 0; } catch (e) { return 0; }
}

function crashDelay() {
  let record = { count: 0, at: 0 };
  try { record = JSON.parse(localStorage.getItem(CRASH_KEY) || '{}'); } catch (e) { /* storage may be off */ }
  const now = Date.now();
  const count = record && now - (record.at || 0) < 3600e3 ? (record.count || 0) + 1 : 1;
  try { localStorage.setItem(CRASH_KEY, JSON.stringify({ count, at: now })); } catch (e) { /* off */ }
  return Math.min(5000 * Math.pow(2, count - 1), 600e3);
}

// A published page whose viewer cannot start (no WebAssembly, Safari before 16, which cannot
// compile it under this page's policy; a program that did not download) stays the page it is:
// its text, without the canvas. True when that is so.
function keepPage(root) {
  if (kiosk || root.getAttribute('data-app-state') !== 'loading' || root.classList.contains('other-bundle') ||
      !document.querySelector('#page > *')) return false;
  root.removeAttribute('data-render');
  return true;
}

export function fatal(text) {
  const root = document.documentElement;
  if (keepPage(root)) {
    console.warn(text + ' The page shows its text.');
    return;
  }
  root.setAttribute('data-app-state', 'error');
  const mirror = document.getElementById('mirror');
  if (!mirror) {  // before the body is parsed
    document.addEventListener('DOMContentLoaded', () => fatal(text));
    return;
  }
  if (shown) return;
  shown = true;
  mirror.textContent = '';
  const add = (tag, words) => {
    const el = document.createElement(tag);
    el.textContent = words;
    mirror.appendChild(el);
    return el;
  };
  add('h1', 'Shikuesi u ndal / The viewer stopped');
  add('div', text).setAttribute('role', 'alert');
  root.classList.add('fatal');
  if (kiosk) {
    const delay = crashDelay();
    test.reloadIn = delay;
    try { localStorage.setItem(RELOADS_KEY, String(reloadCount() + 1)); } catch (e) { /* storage may be off */ }
    add('p', 'Rifillon vetë pas ' + Math.round(delay / 1000) + ' s / Restarting by itself in ' + Math.round(delay / 1000) + ' s');
    setTimeout(() => location.reload(), delay);
  } else {
    const again = add('button', 'Ngarko përsëri / Reload');
    again.type = 'button';
    again.addEventListener('click', () => location.reload());
  }
}
