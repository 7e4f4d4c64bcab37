// The secrets of encrypted rooms with push on, mirrored into IndexedDB for the service worker (which cannot read
// localStorage) so it can open such a room's message itself: offline/push-worker.js reads the same store.

const DB = "chat-push";
const STORE = "secrets";

/** Replaces what the store holds with {@code secrets} ({@code { roomId: secret }}); resolves false without IndexedDB. */
export function mirrorSecrets(secrets, indexedDB = globalThis.indexedDB) {
  return new Promise((resolve) => {
    if (!indexedDB) {
      resolve(false);
      return;
    }
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction(STORE, "readwrite");
      const store = transaction.objectStore(STORE);
      store.clear();
      for (const [roomId, secret] of Object.entries(secrets)) {
        store.put(secret, roomId);
      }
      transaction.oncomplete = () => resolve(true);
      transaction.onerror = () => resolve(false);
      db.close();
    };
  });
}
