// Where the visitor is, in the address: the route (its hash, or a published page's own screen),
// the history (own navigations use pushState/replaceState: a queued hashchange could undo
// keystrokes; back and forward still fire hashchange), the language asked for, and the address
// a screen is shared by.
import { pages, params, siteRoot } from './params.mjs';

const LANG_KEY = 'modv.lang';

// The route the address asks for: its hash, else a published page's own screen (data-route).
export function hash() { return location.hash || document.documentElement.getAttribute('data-route') || ''; }

export function onChange(then) { window.addEventListener('hashchange', then); }

export function push(route, replace) {
  if (location.hash === route) return;
  if (replace) history.replaceState(history.state, '', route);
  else history.pushState(history.state, '', route);
}

// ?lang=, a published page's own language, a choice remembered, the browser's: comma-separated.
export function preferredLanguages() {
  const list = [];
  const add = (code) => { if (code && list.indexOf(code) < 0) list.push(code); };
  add((params.get('lang') || '').toLowerCase());
  if (document.documentElement.hasAttribute('data-route')) add(document.documentElement.lang);  // /en/news/...
  try { add(localStorage.getItem(LANG_KEY)); } catch (e) { /* storage may be off */ }
  (navigator.languages || [navigator.language || '']).forEach((l) => add(String(l).toLowerCase().split('-')[0]));
  return list.join(',');
}

export function rememberLanguage(lang) {
  try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* storage may be off */ }
}

// The address to share for a screen: its published page (`page`, relative to the site's root,
// core::PagePath) when the site's own content is shown and the screen has one; else this page's
// address with the route as its hash.
export function addressOf(route, page) {
  if (page && pages) return new URL(page, siteRoot).href;
  return location.origin + location.pathname + location.search + route;
}
