// The browser's own word on its network: the offline and online events, and a tab coming back to the front.

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
