// The browser's own word on its network: the offline and online events, and a tab coming back to the front.

/** While the browser says it is offline, how often the page looks again without an online event. */
export const OFFLINE_RECHECK_MS = 30000;

/** Whether the browser says it has no network at all (navigator.onLine is only ever sure about that). */
export function isOffline() {
  return globalThis.navigator?.onLine === false;
}

/**
 * Calls {@code onOffline()} when the browser loses its network, and {@code onBack()} when it has one again or the tab
 * comes back to the front (neither should sit out a long reconnect wait).
 */
export function watchNetwork({ onOffline, onBack }, target = globalThis, doc = globalThis.document) {
  target.addEventListener("offline", () => onOffline());
  target.addEventListener("online", () => onBack());
  doc.addEventListener("visibilitychange", () => {
    if (doc.visibilityState === "visible") {
      onBack();
    }
  });
}
