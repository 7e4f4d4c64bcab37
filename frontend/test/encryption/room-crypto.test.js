import assert from "node:assert/strict";
import test from "node:test";

import { base64url } from "../../static/encryption/author-key.js";
import { CannotOpen, open, openPicture, openSealed, reactionTag, roomKeys, seal, sealPicture } from "../../static/encryption/room-crypto.js";
import { described } from "../../static/encryption/sealed-view.js";

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

test("the documented picture vector: the IV, then the bytes sealed with the attachment key, as the JVM has them", async () => {
  const keys = await roomKeys(secret);
  const picture = new TextEncoder().encode("not really a PNG, but bytes all the same");
  const sealed = await sealPicture(keys, room, picture, Uint8Array.from({ length: 12 }, (_, i) => 0xb0 + i));
  assert.equal(sealed.iv, "sLGys7S1tre4ubq7");
  assert.equal(base64url(sealed.bytes),
    "sLGys7S1tre4ubq7C16VzbN76eO8yV4LPQIpE3rI376DRcWER7vVEpM8Wnuj-hb0Oonb6c1B4t04F0fMDstHwVb72P8");
  assert.deepEqual(await openPicture(keys, room, sealed.bytes.buffer, { iv: sealed.iv }), picture);
});

test("a picture opens only as the bytes its message named, in its room, under its key", async () => {
  const keys = await roomKeys(secret);
  const picture = Uint8Array.from({ length: 100 }, (_, i) => i);
  const { bytes, iv } = await sealPicture(keys, room, picture);
  const other = await sealPicture(keys, room, picture);
  await assert.rejects(openPicture(keys, room, other.bytes, { iv }), { reason: "corrupt" }, "another picture's bytes");
  await assert.rejects(openPicture(keys, "another-room", bytes, { iv }), { reason: "corrupt" });
  await assert.rejects(openPicture(await roomKeys(new Uint8Array(32)), room, bytes, { iv }), { reason: "corrupt" });
  const flipped = bytes.slice();
  flipped[40] ^= 1;
  await assert.rejects(openPicture(keys, room, flipped, { iv }), { reason: "corrupt" });
  await assert.rejects(openPicture(keys, room, bytes.slice(0, 20), { iv }), { reason: "corrupt" });
});

test("a sealed message says what its pictures are; what is not a picture description is left out", async () => {
  const keys = await roomKeys(secret);
  const pictures = [
    { id: "p1", type: "image/png", width: 3, height: 2, iv: "sLGys7S1tre4ubq7" },
    { id: "p2", type: "image/svg+xml", width: 3, height: 2, iv: "sLGys7S1tre4ubq7" },
    { id: "p3", type: "image/gif", width: "3", height: 2, iv: "sLGys7S1tre4ubq7" },
  ];
  const sealed = await seal(keys, { roomId: room, author, clientMsgId: "c-2", text: "", pictures });
  const opened = await openSealed(keys, room, { ...sealed, author, clientMsgId: "c-2" });
  assert.deepEqual(opened, { text: "", pictures: [pictures[0]] });
  const plain = await seal(keys, { roomId: room, author, clientMsgId: "c-3", text: "hi" });
  assert.deepEqual(await openSealed(keys, room, { ...plain, author, clientMsgId: "c-3" }), { text: "hi", pictures: [] });
});

test("the gateway's pictures of a sealed message are shown only as its sealed text describes them", () => {
  const served = [
    { id: "p1", url: "/api/rooms/r/attachments/p1", contentType: "application/octet-stream", width: 0, height: 0 },
    { id: "p9", url: "/api/rooms/r/attachments/p9", contentType: "application/octet-stream", width: 0, height: 0 },
  ];
  const picture = { id: "p1", type: "image/png", width: 3, height: 2, iv: "sLGys7S1tre4ubq7" };
  assert.deepEqual(described(served, [picture]), [{ ...served[0], width: 3, height: 2, sealed: picture }]);
});

test("the documented vector of an edited sealed message: history's state opens under its lastEdit's clientMsgId", async () => {
  const keys = await roomKeys(secret);
  const editIv = Uint8Array.from({ length: 12 }, (_, i) => 0xc0 + i);
  const sealed = await seal(keys, { roomId: room, author, clientMsgId: "c-2", text: "see you at 1 🙂" }, editIv);
  assert.deepEqual(sealed, {
    v: 1, kid: "vAUWorw-nly4JKDHJBUtyQ", iv: "wMHCw8TFxsfIycrL",
    ciphertext: "itgjiogOZQPXIMvScL1IE0gloTy6ccorHqFDqDJEgVvafRxgtUT6ppz5dsk",
  });
  const current = { id: "594ae5ae-af24-3180-a2e6-8e67bf321f15", type: "message", clientMsgId: "c-1", author, ...sealed,
    editedAt: "2026-12-02T12:01:00Z", lastEdit: { id: "9e3f", seq: 2, clientMsgId: "c-2", username: "ada" } };
  assert.equal(await open(keys, room, current), "see you at 1 🙂");
  const { lastEdit, ...withoutLastEdit } = current;
  assert.equal(lastEdit.clientMsgId, "c-2");
  await assert.rejects(open(keys, room, withoutLastEdit), { reason: "corrupt" });
});
