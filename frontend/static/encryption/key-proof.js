// Proves this browser's author key to the server for one STOMP session: the server gives a nonce, the page signs it
// with the key, and the server records the key for the session, so the people list can tell two people of one name
// apart (docs/api.md, "Author keys in presence"). Pure logic over a stompjs-like client; no DOM.

import { netstrings } from "./author-key.js";

export const KEY_CHALLENGE = "/app/author-key/challenge";
export const KEY_PROOF = "/app/author-key/proof";

/** The first netstring of a key proof's signed bytes: never a message's ("mqtt-chat/1"). */
export const PROOF_VERSION = "mqtt-chat-key/1";

/** How long each answer may take before the session goes on without a proven key. */
export const PROOF_TIMEOUT_MS = 3000;

/** The bytes the key signs to prove itself for {@code nonce}. */
export function proofBytes(nonce) {
  return netstrings([PROOF_VERSION, nonce]);
}

/**
 * Proves {@code key} (an AuthorKey, or null) over {@code client}: resolves to the proven key as messages carry it,
 * or "" when there is no key, the server refused the proof or did not answer in time.
 */
export async function proveKey(client, key, { timeoutMs = PROOF_TIMEOUT_MS, setTimer = setTimeout } = {}) {
  if (!key) {
    return "";
  }
  try {
    const challenge = await ask(client, KEY_CHALLENGE, {}, timeoutMs, setTimer);
    if (typeof challenge?.nonce !== "string") {
      return "";
    }
    const sig = await key.signBytes(proofBytes(challenge.nonce));
    const answer = await ask(client, KEY_PROOF, { author: key.author, sig }, timeoutMs, setTimer);
    return answer?.proven === true && answer.author === key.author ? key.author : "";
  } catch {
    // The socket closed meanwhile: the next session proves again.
    return "";
  }
}

/** Subscribes to an /app destination that answers once, and resolves to that answer (null after the timeout). */
function ask(client, destination, headers, timeoutMs, setTimer) {
  return new Promise((resolve) => {
    let subscription = null;
    let done = false;
    const finish = (value) => {
      if (done) {
        return;
      }
      done = true;
      try {
        subscription?.unsubscribe();
      } catch {
        // Already closed.
      }
      resolve(value);
    };
    setTimer(() => finish(null), timeoutMs);
    subscription = client.subscribe(destination, (frame) => {
      try {
        finish(JSON.parse(frame.body));
      } catch {
        finish(null);
      }
    }, headers);
    if (done) {
      subscription.unsubscribe();
    }
  });
}
