// <html data-app-state="loading|ready|error|waiting">: where the viewer is. The page's text (a
// published page's, the loading bar) goes when the state leaves "loading"; with the render
// worker, the frame the program just made is on the screen once the worker has drawn it, so
// the new state waits for that: no frame shows neither the text nor the screen. (The state set
// is the newest asked for when the frame comes.)
import { whenShown } from './renderer_client.mjs';

let held = null;  // the state after "loading", until the render worker drew its frame
let heldShown = null;  // and what is told when it is shown

// `shown()` once the page shows the state (the program then asks for what waits for the first
// screen: core::Content::FirstScreenShown), after what observes the state has seen it.
export function setState(state, shown = () => {}) {
  const root = document.documentElement;
  if (held !== null) {  // already waiting for the frame: the newest state goes
    held = state;
    heldShown = shown;
    return;
  }
  if (root.getAttribute('data-app-state') !== 'loading' || state === 'loading') {
    root.setAttribute('data-app-state', state);
    queueMicrotask(shown);
    return;
  }
  held = state;
  heldShown = shown;
  whenShown(() => {
    root.setAttribute('data-app-state', held);
    const told = heldShown;
    held = heldShown = null;
    queueMicrotask(told);
  });
}
