// The service worker's body, served at /sw.js after the line the server writes in front of it:
// `const SHELL = { version, files }` (offline/ServiceWorkerController), the app shell's files and a version that changes
// whenever one of them does. So the worker's bytes change with the page, the browser installs the new version, and
// it takes over only when the page is reloaded or reopened, never in the middle of a conversation.
/* global SHELL */

const CACHE = `shell-${SHELL.version}`;
const FILES = new Set(SHELL.files);

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.files)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith("shell-") && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// The page asks a waiting version to take over as it is left (reload, close): the next load gets it.
self.addEventListener("message", (event) => {
  if (event.data?.type === "take-over") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // The page itself: fresh from the server when it answers, else the shell (the room comes from the address).
    event.respondWith(fetch(request).catch(() => caches.match("/", { cacheName: CACHE })
      .then((shell) => shell ?? Response.error())));
  } else if (FILES.has(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
  }
  // Everything else (the API, pictures, the WebSocket) goes to the network as if no worker were here.
});

// Web Push (offline/push-worker.js): a push shows its notification, a click opens the room at that message.
importScripts("/offline/push-worker.js");
/* global pushReceived, pushClicked, pushSecretOf */

self.addEventListener("push", (event) => {
  event.waitUntil(pushReceived(event.data, {
    registration: self.registration, clients: self.clients, fetch: (url, init) => fetch(url, init),
    secretOf: pushSecretOf,
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(pushClicked(event.notification.data, { clients: self.clients }));
});
