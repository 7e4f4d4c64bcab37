import assert from "node:assert/strict";
import { test } from "node:test";

import { AuthorKey } from "../../static/encryption/author-key.js";
import { KEY_CHALLENGE, KEY_PROOF, proofBytes, proveKey } from "../../static/encryption/key-proof.js";

// docs/protocol.md's key-proof vector: RFC 8032's first test key, the nonce of the bytes 0 to 31.
const AUTHOR = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
const NONCE = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
const SIG = "MBSGDxon1ifVbNgzK3u6OpqsxuCnJW7v5b0gj_psf4XHcbO22k2NEXEtmK-4VwowxHC7ejPaFMheMR74HF-VBw";

/** Plays the server's side of the two /app subscriptions; {@code answer(headers)} is the proof's reply or null. */
function fakeClient({ nonce = NONCE, answer = (headers) => ({ proven: true, author: headers.author }) } = {}) {
  const client = { asked: [], unsubscribed: 0 };
  client.subscribe = (destination, callback, headers) => {
    client.asked.push({ destination, headers });
    const reply = destination === KEY_CHALLENGE ? { nonce, version: "mqtt-chat-key/1" } : answer(headers);
    if (reply) {
      queueMicrotask(() => callback({ body: JSON.stringify(reply) }));
    }
    return { unsubscribe: () => client.unsubscribed++ };
  };
  return client;
}

test("the proof signs the netstrings of mqtt-chat-key/1 and the nonce, and the vector holds", async () => {
  assert.equal(new TextDecoder().decode(proofBytes(NONCE)), `15:mqtt-chat-key/1,43:${NONCE},`);
  const key = await crypto.subtle.importKey("raw", Buffer.from(AUTHOR, "base64url"), { name: "Ed25519" }, false,
    ["verify"]);
  assert.ok(await crypto.subtle.verify({ name: "Ed25519" }, key, Buffer.from(SIG, "base64url"), proofBytes(NONCE)));
});

test("a key is proven with the server's nonce, and the session's key is the one proven", async () => {
  const key = await AuthorKey.generate();
  const client = fakeClient();
  assert.equal(await proveKey(client, key), key.author);
  assert.deepEqual(client.asked.map((ask) => ask.destination), [KEY_CHALLENGE, KEY_PROOF]);
  const { author, sig } = client.asked[1].headers;
  assert.equal(author, key.author);
  const raw = await crypto.subtle.importKey("raw", Buffer.from(author, "base64url"), { name: "Ed25519" }, false,
    ["verify"]);
  assert.ok(await crypto.subtle.verify({ name: "Ed25519" }, raw, Buffer.from(sig, "base64url"), proofBytes(NONCE)));
  assert.equal(client.unsubscribed, 2, "each one-shot subscription is let go");
});

test("no key, a refused proof or a server that never answers: the session goes on without a key", async () => {
  const key = await AuthorKey.generate();
  assert.equal(await proveKey(fakeClient(), null), "");
  assert.equal(await proveKey(fakeClient({ answer: () => ({ proven: false, message: "no" }) }), key), "");
  assert.equal(await proveKey(fakeClient({ answer: () => ({ proven: true, author: "someone-else" }) }), key), "");
  const timers = [];
  const silent = proveKey(fakeClient({ answer: () => null }), key, { setTimer: (run) => timers.push(run) });
  await new Promise((resolve) => setTimeout(resolve, 50));
  timers.forEach((run) => run());
  assert.equal(await silent, "");
  const closed = { subscribe: () => { throw new TypeError("There is no underlying STOMP connection"); } };
  assert.equal(await proveKey(closed, key), "");
});
