// The id a message carries on every try (clientMsgId): the server stores a SEND that repeats it only once.

/**
 * A random version-4 UUID. crypto.randomUUID exists only in secure contexts (https, localhost); a gateway reached
 * over plain http on another host still needs ids, so the same UUID is then built from getRandomValues, which
 * works everywhere.
 */
export function newClientMsgId(source = globalThis.crypto) {
  if (typeof source?.randomUUID === "function") {
    return source.randomUUID();
  }
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
