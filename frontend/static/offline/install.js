// The page as an installable app: registers the service worker (/sw.js) that keeps the app shell for offline starts,
// hands a waiting new version over as the page is left (so it takes over on the next load, never mid-conversation),
// and shows Install where the browser offers to install the page.

/** Registers the worker and wires the Install button; does nothing where the browser has no service workers. */
export function wireOffline({ installButton = document.getElementById("install-app") } = {}) {
  if (!("serviceWorker" in navigator)) {
    return;
  }
  navigator.serviceWorker.register("/sw.js").then((registration) => {
    addEventListener("pagehide", () => registration.waiting?.postMessage({ type: "take-over" }));
  }, () => {
    // No worker (a private window, a refused registration): the page works online as before.
  });
  let offer = null;
  addEventListener("beforeinstallprompt", (event) => {
    // The browser's own mini bar is replaced by the page's button, shown only now that installing is possible.
    event.preventDefault();
    offer = event;
    if (installButton) {
      installButton.hidden = false;
    }
  });
  installButton?.addEventListener("click", async () => {
    if (!offer) {
      return;
    }
    installButton.hidden = true;
    await offer.prompt();
    offer = null;
  });
  addEventListener("appinstalled", () => {
    offer = null;
    if (installButton) {
      installButton.hidden = true;
    }
  });
}
