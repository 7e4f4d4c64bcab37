import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Outbox, RESEND_AFTER_MS, sendBody } from "../../static/composer/outbox.js";
import { RoomTimeline } from "../../static/conversation/room-timeline.js";

const ROOM = "r".repeat(22);
const OTHER_ROOM = "o".repeat(22);
const echo = (text, extra = {}) => ({ roomId: ROOM, clientId: "web-me", text, ...extra });
const queuedReceipt = (entry) => ({ clientMsgId: entry.clientMsgId, status: "queued", id: null, seq: null,
  roomId: entry.roomId });
const storedReceipt = (entry, id, seq) => ({ clientMsgId: entry.clientMsgId, status: "stored", id, seq,
  roomId: entry.roomId });

/** An outbox whose clientMsgIds are cmid-1, cmid-2, ... */
function outboxWith(...texts) {
  let next = 1;
  const outbox = new Outbox({ newClientMsgId: () => `cmid-${next++}` });
  const entries = texts.map((text) => outbox.add({ roomId: ROOM, destination: `/app/rooms/${ROOM}`, text }));
  return { outbox, entries };
}

/** What the page would send now: flush's loop, without a socket. */
function flushAll(outbox, now = 0) {
  return outbox.queued().map((entry) => outbox.markSending(entry.localId, now).clientMsgId);
}

test("a message typed while offline waits in the queue, with a clientMsgId of its own", () => {
  const { outbox, entries } = outboxWith("hello", "again");
  assert.equal(entries[0].state, "queued");
  assert.deepEqual(outbox.queued().map((entry) => entry.text), ["hello", "again"]);
  assert.deepEqual(entries.map((entry) => entry.clientMsgId), ["cmid-1", "cmid-2"]);
  assert.match(new Outbox().add({ roomId: ROOM, destination: "/app/rooms/x", text: "x" }).clientMsgId,
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, "a random UUID by default");
});

test("every SEND carries the text, the tab's client id, the current username and the entry's clientMsgId", () => {
  const { entries } = outboxWith("hello");
  assert.deepEqual(sendBody(entries[0], { username: "Ada", clientId: "web-me" }),
    { username: "Ada", text: "hello", clientId: "web-me", clientMsgId: "cmid-1" });
});

test("an encrypted room's pictures go as ids, and what they are only for the sealed text", () => {
  const sealed = { type: "image/png", width: 3, height: 2, iv: "sLGys7S1tre4ubq7" };
  const entry = { text: "", clientMsgId: "c-1", attachments: [{ id: "p1", url: "/api/rooms/r/attachments/p1", sealed }] };
  assert.deepEqual(sendBody(entry, { username: "Ada", clientId: "web-me" }), {
    username: "Ada", text: "", clientId: "web-me", clientMsgId: "c-1", attachments: ["p1"],
    pictures: [{ id: "p1", ...sealed }],
  });
});

test("the clientMsgId stays the same for every try: a retry, a re-send after a reconnect, a re-send when due", () => {
  const { outbox, entries } = outboxWith("hello");
  const id = entries[0].clientMsgId;
  assert.deepEqual(flushAll(outbox), [id]);
  outbox.reject("slow down.", ROOM, undefined, id);
  outbox.retry(entries[0].localId);
  assert.deepEqual(flushAll(outbox), [id]);
  outbox.connectionLost();
  assert.deepEqual(flushAll(outbox, 1000), [id]);
  assert.deepEqual(outbox.due(1000 + RESEND_AFTER_MS).map((entry) => entry.clientMsgId), [id]);
  assert.equal(outbox.markResent(entries[0].localId, 1000 + RESEND_AFTER_MS).clientMsgId, id);
  assert.equal(outbox.get(entries[0].localId).attempts, 4);
});

describe("receipts", () => {
  test("queued: the entry waits in the server's outbox; the page neither fails nor re-sends it", () => {
    const { outbox, entries } = outboxWith("hello");
    flushAll(outbox);
    const result = outbox.receipt(queuedReceipt(entries[0]));
    assert.deepEqual(result, { entry: entries[0], removed: false });
    assert.equal(entries[0].state, "waiting");
    assert.deepEqual(outbox.queued(), [], "not sent again by a flush");
    assert.deepEqual(outbox.due(10 * RESEND_AFTER_MS), [], "nor later, while the connection holds");
  });

  test("stored: the entry is sent, with the message's id and seq, until the room shows the message", () => {
    const { outbox, entries } = outboxWith("hello");
    flushAll(outbox);
    outbox.receipt(queuedReceipt(entries[0]));
    const result = outbox.receipt(storedReceipt(entries[0], "m-1", 7));
    assert.deepEqual(result, { entry: entries[0], removed: false });
    assert.equal(entries[0].state, "sent");
    assert.equal(entries[0].messageId, "m-1");
    assert.equal(entries[0].seq, 7);
    assert.equal(outbox.confirm(echo("hello", { id: "m-1" }), "web-me"), entries[0]);
    assert.deepEqual(outbox.forRoom(ROOM), []);
  });

  test("stored, with the message already shown: the entry leaves at once", () => {
    const { outbox, entries } = outboxWith("hello");
    flushAll(outbox);
    const asked = [];
    const result = outbox.receipt(storedReceipt(entries[0], "m-1", 7), {
      shown: (id, roomId) => asked.push([id, roomId]) > 0,
    });
    assert.deepEqual(result, { entry: entries[0], removed: true });
    assert.deepEqual(asked, [["m-1", ROOM]]);
    assert.deepEqual(outbox.forRoom(ROOM), []);
  });

  test("a queued receipt after the stored one changes nothing", () => {
    const { outbox, entries } = outboxWith("hello");
    flushAll(outbox);
    outbox.receipt(storedReceipt(entries[0], "m-1", 7));
    assert.equal(outbox.receipt(queuedReceipt(entries[0])).entry.state, "sent");
  });

  test("a receipt about no entry, of another room or unreadable is ignored", () => {
    const { outbox, entries } = outboxWith("hello");
    flushAll(outbox);
    assert.equal(outbox.receipt({ clientMsgId: "cmid-9", status: "stored", id: "m-9", seq: 9, roomId: ROOM }), null);
    assert.equal(outbox.receipt({ ...storedReceipt(entries[0], "m-1", 1), roomId: OTHER_ROOM }), null);
    assert.equal(outbox.receipt({ ...storedReceipt(entries[0], "m-1", 1), status: "lost" }), null);
    assert.equal(outbox.receipt({ status: "stored" }), null);
    assert.equal(outbox.receipt(null), null);
    assert.equal(entries[0].state, "sending");
  });

  test("a receipt for a failed entry still counts: the message did reach the server", () => {
    const { outbox, entries } = outboxWith("hello");
    flushAll(outbox);
    outbox.reject("slow down.", ROOM, undefined, entries[0].clientMsgId);
    assert.equal(outbox.receipt(queuedReceipt(entries[0])).entry.state, "waiting");
    assert.equal(entries[0].reason, null);
  });
});

describe("the room's copy of a message", () => {
  test("confirms and removes the entry by the tab's client id and the text, oldest first, once it was sent", () => {
    const { outbox, entries } = outboxWith("same", "same");
    assert.equal(outbox.confirm(echo("same"), "web-me"), null, "a message never sent cannot have been echoed");
    flushAll(outbox);
    assert.equal(outbox.confirm(echo("same", { clientId: "web-other" }), "web-me"), null);
    assert.equal(outbox.confirm(echo("other text"), "web-me"), null);
    assert.equal(outbox.confirm(echo("same"), "web-me").localId, entries[0].localId);
    assert.equal(outbox.confirm(echo("same"), "web-me").localId, entries[1].localId);
  });

  test("matches by the stored receipt's id, and never an entry whose stored id is another", () => {
    const { outbox, entries } = outboxWith("same", "same");
    flushAll(outbox);
    outbox.receipt(storedReceipt(entries[0], "m-1", 1));
    // The newer one's copy, arriving first: not taken for the older one, which is known to be m-1.
    assert.equal(outbox.confirm(echo("same", { id: "m-2" }), "web-me"), entries[1]);
    assert.equal(outbox.confirm(echo("same", { id: "m-3" }), "web-me"), null);
    assert.equal(outbox.confirm(echo("same", { id: "m-1" }), "web-me"), entries[0]);
  });

  test("matches by clientMsgId when the server echoes it, and only by it", () => {
    const { outbox, entries } = outboxWith("same", "same");
    flushAll(outbox);
    assert.equal(outbox.confirm(echo("same", { id: "m-2", clientMsgId: "cmid-2" }), "web-me"), entries[1]);
    assert.equal(outbox.confirm(echo("same", { id: "m-9", clientMsgId: "cmid-9" }), "web-me"), null,
      "an entry already gone, not a look-alike");
    assert.equal(outbox.confirm(echo("same", { clientMsgId: "cmid-1", roomId: OTHER_ROOM }), "web-me"), null);
    assert.deepEqual(outbox.forRoom(ROOM), [entries[0]]);
  });

  test("confirms a waiting, a failed, and a queued-again entry too: the message did arrive", () => {
    const { outbox, entries } = outboxWith("waiting", "failed", "in flight at the drop");
    flushAll(outbox);
    outbox.receipt(queuedReceipt(entries[0]));
    outbox.reject("slow down.", ROOM, undefined, entries[1].clientMsgId);
    outbox.connectionLost();
    for (const entry of entries) {
      assert.equal(outbox.confirm(echo(entry.text), "web-me"), entry);
    }
  });
});

describe("refusals", () => {
  test("match the entry by clientMsgId, not the newest in flight", () => {
    const { outbox, entries } = outboxWith("first", "second");
    flushAll(outbox);
    const rejected = outbox.reject("The message text has 4001 characters; the limit is 4000.", ROOM, ["edit"],
      entries[0].clientMsgId);
    assert.equal(rejected, entries[0]);
    assert.equal(rejected.state, "failed");
    assert.match(rejected.reason, /limit is 4000/);
    assert.deepEqual(rejected.offer, ["edit"]);
    assert.equal(entries[1].state, "sending");
  });

  test("naming an entry no longer here, or one already stored, change nothing", () => {
    const { outbox, entries } = outboxWith("first", "second");
    flushAll(outbox);
    assert.equal(outbox.reject("slow down.", ROOM, undefined, "cmid-9"), null);
    outbox.receipt(storedReceipt(entries[0], "m-1", 1));
    assert.equal(outbox.reject("slow down.", ROOM, undefined, entries[0].clientMsgId).state, "sent");
    assert.equal(entries[1].state, "sending");
  });

  test("without a clientMsgId fail the newest message in flight, with Retry by default", () => {
    const { outbox, entries } = outboxWith("first", "second");
    flushAll(outbox);
    const rejected = outbox.reject("the server could not read it.", ROOM);
    assert.equal(rejected.localId, entries[1].localId);
    assert.deepEqual(rejected.offer, ["retry", "edit"]);
    assert.equal(new Outbox().reject("nothing in flight"), null);
  });

  test("a rejection that another try cannot mend offers only what helps, until a retry", () => {
    const { outbox, entries } = outboxWith("x".repeat(4001));
    flushAll(outbox);
    assert.deepEqual(outbox.reject("too long", ROOM, ["edit"], entries[0].clientMsgId).offer, ["edit"]);
    assert.deepEqual(outbox.retry(entries[0].localId).offer, ["retry", "edit"]);
    assert.equal(entries[0].state, "queued");
    assert.equal(entries[0].reason, null);
  });
});

describe("connection drops and re-sends", () => {
  test("what was in flight goes again on the next connection; what waits in the server's outbox stays", () => {
    const { outbox, entries } = outboxWith("waiting", "in flight", "typed offline");
    outbox.markSending(entries[0].localId, 0);
    outbox.markSending(entries[1].localId, 0);
    outbox.receipt(queuedReceipt(entries[0]));
    const changed = outbox.connectionLost();
    assert.deepEqual(changed.map((entry) => [entry.text, entry.state]), [["in flight", "queued"]]);
    assert.equal(entries[0].state, "waiting");
    assert.equal(entries[1].reason, null, "not failed: it will go again by itself");

    outbox.reconnected(5000);
    assert.deepEqual(flushAll(outbox, 5000), ["cmid-2", "cmid-3"], "oldest first, with the same clientMsgId");
  });

  test("a waiting entry is sent again only if no stored receipt comes within RESEND_AFTER_MS of a reconnect", () => {
    const { outbox, entries } = outboxWith("waiting", "stored meanwhile");
    flushAll(outbox);
    outbox.receipt(queuedReceipt(entries[0]));
    outbox.receipt(queuedReceipt(entries[1]));
    outbox.connectionLost();
    outbox.reconnected(5000);
    assert.deepEqual(outbox.due(5000 + RESEND_AFTER_MS - 1), []);
    outbox.receipt(storedReceipt(entries[1], "m-2", 2));
    const due = outbox.due(5000 + RESEND_AFTER_MS);
    assert.deepEqual(due, [entries[0]]);
    outbox.markResent(entries[0].localId, 5000 + RESEND_AFTER_MS);
    assert.equal(entries[0].state, "waiting", "still shown as waiting");
    assert.deepEqual(outbox.due(5000 + 10 * RESEND_AFTER_MS), [], "once per connection");
  });

  test("a sending entry no answer came for is sent again every RESEND_AFTER_MS, and never while disconnected", () => {
    const { outbox, entries } = outboxWith("unanswered", "answered");
    flushAll(outbox, 1000);
    outbox.receipt(queuedReceipt(entries[1]));
    assert.deepEqual(outbox.due(1000 + RESEND_AFTER_MS - 1), []);
    assert.deepEqual(outbox.due(1000 + RESEND_AFTER_MS), [entries[0]]);
    outbox.markResent(entries[0].localId, 1000 + RESEND_AFTER_MS);
    assert.equal(entries[0].state, "sending");
    assert.deepEqual(outbox.due(1000 + 2 * RESEND_AFTER_MS - 1), []);
    assert.deepEqual(outbox.due(1000 + 2 * RESEND_AFTER_MS), [entries[0]]);
    outbox.connectionLost();
    assert.deepEqual(outbox.due(1000 + 10 * RESEND_AFTER_MS), [], "the reconnect's flush sends it instead");
  });

  test("a refused or stored entry is never due", () => {
    const { outbox, entries } = outboxWith("refused", "stored");
    flushAll(outbox);
    outbox.reject("slow down.", ROOM, undefined, entries[0].clientMsgId);
    outbox.receipt(storedReceipt(entries[1], "m-2", 2));
    assert.deepEqual(outbox.due(10 * RESEND_AFTER_MS), []);
  });
});

test("a deleted room's messages leave the outbox, failed, with nothing to offer", () => {
  const { outbox, entries } = outboxWith("in flight", "typed offline");
  const other = outbox.add({ roomId: OTHER_ROOM, destination: "/app/rooms/o", text: "elsewhere" });
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

test("a room that opens again drops its sent entries, which its history shows, and keeps the rest", () => {
  const { outbox, entries } = outboxWith("stored", "waiting");
  flushAll(outbox);
  outbox.receipt(storedReceipt(entries[0], "m-1", 1));
  outbox.receipt(queuedReceipt(entries[1]));
  assert.deepEqual(outbox.dropSent(ROOM), [entries[0]]);
  assert.deepEqual(outbox.forRoom(ROOM), [entries[1]]);
});

/**
 * The page's display of one room, as composer.js and message-list.js drive it: received messages through the
 * room's timeline (which drops a second copy by id), pending items for the outbox's entries.
 */
function page() {
  const { outbox, entries } = outboxWith("hello");
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve([]);
  const shownIds = [];
  const pending = new Set();
  const show = (messages) => {
    for (const message of messages) {
      const confirmed = outbox.confirm(message, "web-me");
      if (confirmed) {
        pending.delete(confirmed.localId);
      }
      shownIds.push(message.id);
    }
  };
  return {
    outbox,
    entry: entries[0],
    shownIds,
    pending,
    send() {
      flushAll(outbox);
      pending.add(entries[0].localId);
    },
    live(message) {
      show(timeline.live(message).show);
    },
    catchUp(messages) {
      timeline.pause();
      show(timeline.resolve(messages).show);
    },
    receipt(receipt) {
      const result = outbox.receipt(receipt, { shown: (id) => shownIds.includes(id) });
      if (result?.removed) {
        pending.delete(result.entry.localId);
      }
    },
    /** How often the message is on screen: as its pending item or as received. */
    times(id) {
      return pending.size + shownIds.filter((shown) => shown === id).length;
    },
  };
}

describe("the reader's message shows once", () => {
  const stored = (extra = {}) => ({ id: "m-1", roomId: ROOM, seq: 1, clientId: "web-me", text: "hello", ...extra });

  for (const withClientMsgId of [false, true]) {
    const copy = (entry) => stored(withClientMsgId ? { clientMsgId: entry.clientMsgId } : {});
    const label = withClientMsgId ? "with" : "without";

    test(`stored receipt, then the room's copy (${label} clientMsgId)`, () => {
      const p = page();
      p.send();
      p.receipt(storedReceipt(p.entry, "m-1", 1));
      assert.equal(p.times("m-1"), 1);
      assert.equal(p.entry.state, "sent");
      p.live(copy(p.entry));
      assert.equal(p.times("m-1"), 1);
      assert.deepEqual(p.shownIds, ["m-1"]);
      assert.equal(p.pending.size, 0);
      p.catchUp([copy(p.entry)]);
      assert.equal(p.times("m-1"), 1, "and the history after a reconnect does not bring it twice");
    });

    test(`the room's copy, then the stored receipt (${label} clientMsgId)`, () => {
      const p = page();
      p.send();
      p.receipt(queuedReceipt(p.entry));
      p.live(copy(p.entry));
      assert.equal(p.times("m-1"), 1);
      assert.equal(p.pending.size, 0);
      p.receipt(storedReceipt(p.entry, "m-1", 1));
      assert.equal(p.times("m-1"), 1);
      assert.deepEqual(p.outbox.forRoom(ROOM), []);
    });
  }

  test("after a dropped connection: re-sent, answered with the first receipt, shown once through the catch-up", () => {
    const p = page();
    p.send();
    // Stored by the server, but the connection dropped before its receipt and copy reached the page.
    p.outbox.connectionLost();
    assert.equal(p.entry.state, "queued");
    p.outbox.reconnected(1000);
    assert.deepEqual(flushAll(p.outbox, 1000), [p.entry.clientMsgId]);
    p.catchUp([stored()]);
    p.receipt(storedReceipt(p.entry, "m-1", 1));
    assert.equal(p.times("m-1"), 1);
    assert.deepEqual(p.outbox.forRoom(ROOM), []);
  });
});
