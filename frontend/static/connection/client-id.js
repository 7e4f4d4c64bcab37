// A per-tab id that tells the reader's own messages from others', even under the same username.

const KEY = "chat.clientId";

/** The id kept in {@code storage} (sessionStorage: one per tab), made up on first use. */
export function clientId(storage, randomBytes = (length) => crypto.getRandomValues(new Uint8Array(length))) {
  const known = storage.getItem(KEY);
  if (known) {
    return known;
  }
  // getRandomValues works outside secure contexts too, unlike crypto.randomUUID.
  const id = `web-${[...randomBytes(6)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  storage.setItem(KEY, id);
  return id;
}
