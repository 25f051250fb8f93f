// What the tests read of the page (window.MODV.test): the kiosk's checks that brought a bundle,
// failed, or found it unchanged (304); published manifests dropped (their shards could not be
// had); a crash's wait before the reload; what began a published page's downloads ('paint',
// 'frame', 'hidden' or 'timeout').
export const test = Object.seal({
  checks: 0, failedChecks: 0, unchangedChecks: 0, droppedUpdates: 0, reloadIn: 0, startedAfter: '',
});
