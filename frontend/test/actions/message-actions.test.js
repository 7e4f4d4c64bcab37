import assert from "node:assert/strict";
import test from "node:test";

import { olderMessages } from "../../static/actions/actions-wiring.js";
import { AuthorKey, base64url, signedBytes } from "../../static/encryption/author-key.js";
import { KeyCheck } from "../../static/identity/key-check.js";
import { applied, isAction, isMessage, isValidEmoji, reactionSummary } from "../../static/actions/message-actions.js";
import { roomOfSend, SignedSend } from "../../static/encryption/signed-send.js";
import { MemoryStorage } from "../memory-storage.js";

const message = { id: "m1", seq: 5, stateSeq: 7, text: "see you at 12", reactions: { "👍": ["bob"] } };

test("an action applies only to its target and only when newer than the target's state", () => {
  const edit = { type: "edit", target: "m1", seq: 8, text: "see you at 1", sentAt: "2026-12-02T10:00:00Z" };
  assert.deepEqual(applied(message, edit),
    { ...message, text: "see you at 1", editedAt: "2026-12-02T10:00:00Z", stateSeq: 8 });
  assert.equal(applied(message, { ...edit, seq: 7 }), null, "already in the state: history and live overlap");
  assert.equal(applied(message, { ...edit, target: "m2" }), null);
  assert.equal(applied({ id: "m1", seq: 5 }, { ...edit, seq: 6 }).text, "see you at 1", "no stateSeq: its own seq");
});

test("a moderator's delete leaves a tombstone that says so", () => {
  assert.deepEqual(applied(message, { type: "delete", target: "m1", seq: 9, moderated: true }),
    { ...message, text: "", deleted: true, editedAt: undefined, reactions: {}, stateSeq: 9, moderated: true });
});

test("a delete leaves a tombstone", () => {
  assert.deepEqual(applied(message, { type: "delete", target: "m1", seq: 9 }),
    { ...message, text: "", deleted: true, editedAt: undefined, reactions: {}, stateSeq: 9 });
});

test("a reaction adds or takes back only its own name under its emoji", () => {
  const reaction = { type: "reaction", target: "m1", seq: 9, emoji: "🎉", username: "ada", added: true };
  const added = applied(message, reaction);
  assert.deepEqual(added.reactions, { "👍": ["bob"], "🎉": ["ada"] });
  assert.equal(added.stateSeq, 9);
  const more = applied(added, { ...reaction, seq: 10, emoji: "👍" });
  assert.deepEqual(more.reactions, { "👍": ["bob", "ada"], "🎉": ["ada"] }, "names in the order they came");
  const back = applied(more, { ...reaction, seq: 11, added: false });
  assert.deepEqual(back.reactions, { "👍": ["bob", "ada"] }, "an emoji nobody has left is gone");
  assert.equal(applied(back, { ...reaction, seq: 11, added: false }), null, "not applied twice");
  assert.deepEqual(message.reactions, { "👍": ["bob"] }, "the message itself is left as it was");
});

test("a reaction names a tag the message's reactions still carry, and an old server's whole map still applies", () => {
  const sealed = { id: "m1", seq: 5, stateSeq: 7, reactions: { "e:AAAAAAAAAAAAAAAAAAAAAA": ["bob"], "🙂": ["eve"] } };
  const reaction = { type: "reaction", target: "m1", seq: 8, emoji: "🦄", tag: "e:AAAAAAAAAAAAAAAAAAAAAA",
    username: "ada", added: true };
  assert.deepEqual(applied(sealed, reaction).reactions, { "🦄": ["bob", "ada"], "🙂": ["eve"] });
  const old = { type: "reaction", target: "m1", seq: 9, emoji: "🎉", reactions: { "🎉": ["ada"] } };
  assert.deepEqual(applied(message, old).reactions, { "🎉": ["ada"] });
});

test("messages and actions are told apart; unknown types are neither", () => {
  assert.ok(isMessage({ text: "old JSON without a type" }));
  assert.ok(isMessage({ type: "message" }));
  assert.ok(isAction({ type: "reaction", target: "m1" }));
  assert.ok(!isMessage({ type: "poll" }) && !isAction({ type: "poll", target: "m1" }));
  assert.ok(!isAction({ type: "edit" }), "an action names its target");
});

test("reactions are summarised in order with counts, names and the reader's own", () => {
  assert.deepEqual(reactionSummary({ "👍": ["bob", "ada"], "🎉": [] }, "ada"),
    [{ emoji: "👍", count: 2, names: "bob, ada", mine: true }]);
  assert.deepEqual(reactionSummary(undefined, "ada"), []);
});

test("a typed reaction is one short emoji without spaces", () => {
  assert.ok(isValidEmoji("👍") && isValidEmoji("👨‍👩‍👧"));
  assert.ok(!isValidEmoji("") && !isValidEmoji("a b") && !isValidEmoji("x".repeat(33)));
});

test("the signed bytes are the documented netstrings, and the test vector's signature holds", async () => {
  const room = "q7Wn3xR2tY8uK5mB1cVz0A";
  const body = {
    username: "ada", clientMsgId: "c-2", type: "edit", target: "5b0e9a51-8f3c-3d2a-9c1e-7f4b2a6d8e10",
    text: "see you at 1 🙂",
  };
  assert.equal(new TextDecoder().decode(signedBytes(room, body)),
    "11:mqtt-chat/1,22:q7Wn3xR2tY8uK5mB1cVz0A,3:c-2,3:ada,4:edit,36:5b0e9a51-8f3c-3d2a-9c1e-7f4b2a6d8e10,"
    + "17:see you at 1 🙂,0:,0:,0:,");
  const author = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
  const sig = "0CnsGxhb30ajKmFQkTfPIM7uNdnPwubIP4u9vavxRAqC5i1-F4GjiUZdxs9nUGjb3L2vY8uema-FMWlZ7QYPDw";
  const key = await crypto.subtle.importKey("raw", Buffer.from(author, "base64url"), { name: "Ed25519" }, false,
    ["verify"]);
  assert.ok(await crypto.subtle.verify({ name: "Ed25519" }, key, Buffer.from(sig, "base64url"),
    signedBytes(room, body)));
  assert.equal(base64url(Buffer.from(sig, "base64url")), sig);
});

test("a key signs what it verifies, and a message's type defaults to message", async () => {
  const key = await AuthorKey.generate();
  const signed = await key.sign("room-1", { username: "ada", clientMsgId: "c-1", text: "hi" });
  assert.equal(signed.author, key.author);
  const raw = await crypto.subtle.importKey("raw", Buffer.from(key.author, "base64url"), { name: "Ed25519" }, false,
    ["verify"]);
  const bytes = signedBytes("room-1", { username: "ada", clientMsgId: "c-1", text: "hi", type: "message" });
  assert.ok(await crypto.subtle.verify({ name: "Ed25519" }, raw, Buffer.from(signed.sig, "base64url"), bytes));
});

test("a name that comes with another key than first seen is told apart", () => {
  const storage = new MemoryStorage();
  const keys = new KeyCheck({ storage });
  keys.enter("room-1");
  assert.equal(keys.check({ username: "ada", author: "k1" }), "same");
  assert.equal(keys.check({ username: "ada", author: "k2" }), "other");
  assert.equal(keys.check({ username: "ada" }), "unsigned");
  const reloaded = new KeyCheck({ storage });
  reloaded.enter("room-1");
  assert.equal(reloaded.check({ username: "ada", author: "k2" }), "other", "remembered across reloads");
  reloaded.enter("room-2");
  assert.equal(reloaded.check({ username: "ada", author: "k2" }), "same", "per room");
});

test("signed SENDs leave in the order they were asked for, and none while disconnected", async () => {
  const sent = [];
  let connected = true;
  const key = { sign: async (roomId, body) => {
    await new Promise((resolve) => setTimeout(resolve, body.text === "first" ? 20 : 0));
    return { ...body, sig: `for ${roomId}` };
  } };
  const sender = new SignedSend({
    key: Promise.resolve(key), publish: (destination, body) => sent.push(body), connected: () => connected,
  });
  assert.ok(sender.publish("/app/rooms/r1", { clientMsgId: "a", text: "first" }));
  assert.ok(sender.publish("/app/rooms/r1", { clientMsgId: "b", text: "second" }));
  assert.ok(sender.publish("/app/rooms/r1/typing", {}));
  connected = false;
  assert.equal(sender.publish("/app/rooms/r1", { clientMsgId: "c", text: "third" }), false);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(sent.map((body) => body.text ?? "signal"), ["first", "second", "signal"]);
  assert.equal(sent[0].sig, "for r1");
  assert.equal(sent[2].sig, undefined, "no clientMsgId, nothing to sign");
  assert.equal(roomOfSend("/app/rooms/abc"), "abc");
});

test("older pages give only their messages, and a page of nothing but actions makes it look further back", async () => {
  const pages = {
    100: { messages: [{ seq: 50, type: "reaction", target: "m1" }, { seq: 99, type: "edit", target: "m1" }],
      exhausted: false },
    50: { messages: [{ seq: 1, id: "m1", type: "message" }, { seq: 2, type: "reaction", target: "m1" }],
      exhausted: true },
  };
  const asked = [];
  const older = olderMessages(async (before) => {
    asked.push(before);
    return pages[before];
  });
  assert.deepEqual(await older(100), { messages: [{ seq: 1, id: "m1", type: "message" }], exhausted: true });
  assert.deepEqual(asked, [100, 50]);
  assert.equal(await olderMessages(() => undefined)(5), undefined, "no room open");
});
