import assert from "node:assert/strict";
import test from "node:test";

import { base64url } from "../static/author-key.js";
import { CannotOpen, open, reactionTag, roomKeys, seal } from "../static/room-crypto.js";

const secret = Uint8Array.from({ length: 32 }, (_, i) => i);
const iv = Uint8Array.from({ length: 12 }, (_, i) => 0xa0 + i);
const room = "q7Wn3xR2tY8uK5mB1cVz0A";
const author = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

test("the documented test vector: the key id and the sealed text, as the JVM's RoomCipherVectorTests has them", async () => {
  const keys = await roomKeys(secret);
  assert.equal(base64url(secret), "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
  assert.equal(keys.kid, "vAUWorw-nly4JKDHJBUtyQ");
  assert.equal(await reactionTag(keys, "👍"), "e:J7jHKliSH2-iTRjMCoJTdw");
  assert.deepEqual(await seal(keys, { roomId: room, author, clientMsgId: "c-1", text: "meet at the usual place 🙂" }, iv), {
    v: 1, kid: "vAUWorw-nly4JKDHJBUtyQ", iv: "oKGio6Slpqeoqaqr",
    ciphertext: "P0ILoKEgZDGHXWd9CkIX4nRTi4Ds2t7o75t3XxckEuDA45k6AsP_g2QAsfyOFg__flLKWRPPRw",
  });
});

test("a sealed text opens with its room, author and clientMsgId only; another key is told apart", async () => {
  const keys = await roomKeys(secret);
  const sealed = await seal(keys, { roomId: room, author, clientMsgId: "c-9", text: "hi" });
  const entry = { ...sealed, author, clientMsgId: "c-9" };
  assert.equal(await open(keys, room, entry), "hi");
  await assert.rejects(open(keys, "another-room", entry), (error) => error instanceof CannotOpen && error.reason === "corrupt");
  await assert.rejects(open(keys, room, { ...entry, clientMsgId: "c-10" }), { reason: "corrupt" });
  await assert.rejects(open(keys, room, { ...entry, author: "someone-else" }), { reason: "corrupt" });
  const other = await roomKeys(new Uint8Array(32));
  await assert.rejects(open(other, room, entry), { reason: "wrong-key" });
  const flipped = entry.ciphertext.startsWith("A") ? `B${entry.ciphertext.slice(1)}` : `A${entry.ciphertext.slice(1)}`;
  await assert.rejects(open(keys, room, { ...entry, ciphertext: flipped }), { reason: "corrupt" });
});
