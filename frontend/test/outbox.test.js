import assert from "node:assert/strict";
import { test } from "node:test";

import { CONFIRM_TIMEOUT_MS, Outbox } from "../static/outbox.js";

const ROOM = "r".repeat(22);
const echo = (text, extra = {}) => ({ roomId: ROOM, clientId: "web-me", text, ...extra });

function outboxWith(...texts) {
  const outbox = new Outbox();
  const entries = texts.map((text) => outbox.add({ roomId: ROOM, destination: `/app/rooms/${ROOM}`, text }));
  return { outbox, entries };
}

test("a message typed while offline waits in the queue", () => {
  const { outbox, entries } = outboxWith("hello");
  assert.equal(entries[0].state, "queued");
  assert.deepEqual(outbox.queued().map((entry) => entry.text), ["hello"]);
});

test("the room's echo of an own message confirms and removes it", () => {
  const { outbox, entries } = outboxWith("hello");
  outbox.markSending(entries[0].localId, 0);
  assert.equal(outbox.confirm(echo("hello", { clientId: "web-other" }), "web-me"), null);
  assert.equal(outbox.confirm(echo("other text"), "web-me"), null);
  assert.equal(outbox.confirm(echo("hello"), "web-me").localId, entries[0].localId);
  assert.deepEqual(outbox.forRoom(ROOM), []);
});

test("identical texts are confirmed oldest first, and only once sent", () => {
  const { outbox, entries } = outboxWith("same", "same");
  assert.equal(outbox.confirm(echo("same"), "web-me"), null, "a queued message cannot have been echoed");
  outbox.markSending(entries[0].localId, 0);
  outbox.markSending(entries[1].localId, 0);
  assert.equal(outbox.confirm(echo("same"), "web-me").localId, entries[0].localId);
  assert.equal(outbox.confirm(echo("same"), "web-me").localId, entries[1].localId);
});

test("a server rejection fails the newest message in flight, with the server's words", () => {
  const { outbox, entries } = outboxWith("first", "second");
  outbox.markSending(entries[0].localId, 0);
  outbox.markSending(entries[1].localId, 0);
  const rejected = outbox.reject("The message text has 4001 characters; the limit is 4000.", ROOM);
  assert.equal(rejected.localId, entries[1].localId);
  assert.equal(rejected.state, "failed");
  assert.match(rejected.reason, /limit is 4000/);
  assert.deepEqual(rejected.offer, ["retry", "edit"], "by default");
  assert.equal(new Outbox().reject("nothing in flight"), null);
});

test("a rejection that another try cannot mend offers only what helps, until a retry", () => {
  const { outbox, entries } = outboxWith("x".repeat(4001));
  outbox.markSending(entries[0].localId, 0);
  assert.deepEqual(outbox.reject("too long", ROOM, ["edit"]).offer, ["edit"]);
  assert.deepEqual(outbox.retry(entries[0].localId).offer, ["retry", "edit"]);
});

test("a deleted room's messages leave the outbox, failed, with nothing to offer", () => {
  const { outbox, entries } = outboxWith("in flight", "typed offline");
  const other = outbox.add({ roomId: "o".repeat(22), destination: "/app/rooms/o", text: "elsewhere" });
  outbox.markSending(entries[0].localId, 0);
  const gone = outbox.roomGone(ROOM, "this room was deleted.");
  assert.deepEqual(gone.map((entry) => [entry.localId, entry.state, entry.reason, entry.offer]), [
    [entries[0].localId, "failed", "this room was deleted.", []],
    [entries[1].localId, "failed", "this room was deleted.", []],
  ]);
  assert.deepEqual(outbox.forRoom(ROOM), []);
  assert.deepEqual(outbox.queued(), [other], "nothing of the deleted room is sent any more");
  assert.deepEqual(outbox.roomGone(ROOM, "again"), []);
});

test("no echo in time means not sent", () => {
  const { outbox, entries } = outboxWith("lost");
  outbox.markSending(entries[0].localId, 1000);
  assert.deepEqual(outbox.expire(1000 + CONFIRM_TIMEOUT_MS - 1), []);
  const expired = outbox.expire(1000 + CONFIRM_TIMEOUT_MS);
  assert.deepEqual(expired.map((entry) => entry.state), ["failed"]);
});

test("a dropped connection fails messages in flight but keeps queued ones queued", () => {
  const { outbox, entries } = outboxWith("in flight", "typed offline");
  outbox.markSending(entries[0].localId, 0);
  assert.deepEqual(outbox.connectionLost().map((entry) => entry.text), ["in flight"]);
  assert.equal(outbox.get(entries[1].localId).state, "queued");
});

test("retry queues a failed message again, and a late echo still confirms a failed one", () => {
  const { outbox, entries } = outboxWith("again");
  outbox.markSending(entries[0].localId, 0);
  outbox.connectionLost();
  assert.equal(outbox.confirm(echo("again"), "web-me").localId, entries[0].localId);

  const second = outbox.add({ roomId: ROOM, destination: "/app/rooms/x", text: "retry me" });
  outbox.markSending(second.localId, 0);
  outbox.expire(CONFIRM_TIMEOUT_MS);
  assert.equal(outbox.retry(second.localId).state, "queued");
  assert.equal(outbox.get(second.localId).reason, null);
});
