// What this page was asked for: the program's file names (the build writes them, content-hashed,
// into boot.js's <script> tag), the page's parameters, the bundle to show and the site's root.
// Read once, when boot.js starts; nothing here changes afterwards.
const script = document.currentScript;  // boot.js's own tag (a classic script: esbuild's bundle)

// data-program, data-wasm, data-fonts, data-renderer, data-root, and data-content on a
// published page whose content is read a part at a time (mod-bundle publish).
export const files = script ? script.dataset : {};
export const params = new URLSearchParams(location.search);
export const kiosk = params.get('kiosk') === '1';
// The site's root, from this page: "" at the root, "../../" in en/news/<id>/ (a published page).
export const siteRoot = new URL(files.root || './', location.href);
// The bundle asked for: ?bundle=, else a published site's manifest, else the site's bundle.json.
export const asked = params.get('bundle') || files.content || 'bundle.json';
// The site's own content: its screens have published pages (links to share are theirs).
export const pages = !params.get('bundle');
// A published page shows its screen's text from its first paint; its viewer starts after it.
export const deferStart = pages && !kiosk;

// The bundle's address: on this site only (another site's is refused, whatever its form).
function resolveBundle() {
  let url;
  try {
    url = new URL(asked, siteRoot);
  } catch (e) {
    return { error: 'The bundle address "' + asked + '" is not a valid address.' };
  }
  if (url.origin !== location.origin) {
    return { error: 'The bundle "' + asked + '" is on another site; this viewer only shows bundles from ' + location.origin + '.' };
  }
  return { url };
}
export const target = resolveBundle();
export const bundleUrl = target.url ? target.url.href : location.href;

// A page parameter ("" when absent).
export function query(name) { return params.get(name) || ''; }
