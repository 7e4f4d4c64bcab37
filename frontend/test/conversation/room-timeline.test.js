import assert from "node:assert/strict";
import { test } from "node:test";

import { PAGE_LIMIT } from "../../static/conversation/history.js";
import { RoomTimeline } from "../../static/conversation/room-timeline.js";

const ROOM = "r".repeat(22);
const msg = (seq, extra = {}) => ({ id: `id-${seq}`, roomId: ROOM, seq, text: `m${seq}`, ...extra });
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));
const seqs = (messages) => messages.map((message) => message.seq);

test("opening a room: live messages wait for the history, then follow it without duplicates", () => {
  const timeline = new RoomTimeline(ROOM);
  assert.deepEqual(timeline.query(), { limit: PAGE_LIMIT });
  // Subscribed first: 11 and 12 arrive live while the history (1..11) is on its way.
  assert.deepEqual(timeline.live(msg(11)).show, []);
  assert.deepEqual(timeline.live(msg(12)).show, []);
  const { show, sync } = timeline.resolve(range(1, 11));
  assert.deepEqual(seqs(show), seqs(range(1, 12)));
  assert.equal(sync, false);
  assert.equal(timeline.syncing, false);
  assert.equal(timeline.lastSeq, 12);
  assert.deepEqual(seqs(timeline.live(msg(13)).show), [13]);
  assert.deepEqual(timeline.live(msg(13)).show, [], "a repeated frame is dropped");
  assert.deepEqual(timeline.live(msg(12)).show, [], "an old frame is dropped");
});

test("an empty room starts at seq 0, and its first live message shows at once", () => {
  const timeline = new RoomTimeline(ROOM);
  assert.deepEqual(timeline.resolve([]).show, []);
  assert.equal(timeline.lastSeq, 0);
  assert.deepEqual(timeline.query(), { after: 0 });
  assert.deepEqual(seqs(timeline.live(msg(1)).show), [1]);
});

test("history newer than what is held back is merged in order", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.live(msg(50));
  // The history request overtook the subscription: it already has 50 and 51.
  const { show } = timeline.resolve(range(3, 51));
  assert.deepEqual(seqs(show), seqs(range(3, 51)));
  assert.equal(timeline.lastSeq, 51);
});

test("messages of another room, or without an id, are ignored", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve([]);
  assert.deepEqual(timeline.live(msg(1, { roomId: "other" })).show, []);
  assert.deepEqual(timeline.live({ roomId: ROOM, seq: 1 }).show, []);
  assert.deepEqual(timeline.resolve([msg(1, { roomId: "other" })]).show, []);
  assert.equal(timeline.lastSeq, 0);
});

test("a reconnect catches up from the last seq shown and merges what arrives meanwhile", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve(range(1, 5));
  timeline.pause(); // connection lost; 6..25 were sent meanwhile
  assert.deepEqual(timeline.query(), { after: 5 });
  // Resubscribed: 25 and 26 arrive live before the catch-up answer.
  timeline.live(msg(25));
  timeline.live(msg(26));
  const { show, sync } = timeline.resolve(range(6, 25));
  assert.deepEqual(seqs(show), seqs(range(6, 26)));
  assert.equal(sync, false);
  assert.equal(new Set(show.map((message) => message.id)).size, show.length);
});

test("a live message after a missing seq waits, and a catch-up fills the hole that stays", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve(range(1, 3));
  const gap = timeline.live(msg(6));
  assert.deepEqual(gap, { show: [] });
  assert.equal(timeline.waiting, true);
  assert.deepEqual(timeline.live(msg(7)), { show: [] }, "held too, one catch-up is enough");
  // The page's grace period ends: it pauses the timeline and asks for everything after 3.
  timeline.pause();
  assert.equal(timeline.waiting, false);
  assert.deepEqual(timeline.query(), { after: 3 });
  assert.deepEqual(seqs(timeline.resolve(range(4, 6)).show), [4, 5, 6, 7]);
  assert.equal(timeline.syncing, false);
});

test("a missing message that arrives a moment late fills the hole without asking the server", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve(range(1, 3));
  assert.deepEqual(timeline.live(msg(5)).show, []);
  assert.deepEqual(timeline.live(msg(6)).show, []);
  assert.equal(timeline.waiting, true);
  assert.deepEqual(seqs(timeline.live(msg(4)).show), [4, 5, 6]);
  assert.equal(timeline.waiting, false);
  assert.deepEqual(seqs(timeline.live(msg(7)).show), [7]);
  assert.deepEqual(timeline.live(msg(5)).show, [], "shown once");
});

test("a hole the server cannot fill yet stays held until asked again, or until the page gives up", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve(range(1, 3));
  timeline.live(msg(6));
  // The server has not stored 5 yet (another instance, replication lag): show 4, keep 6.
  const first = timeline.resolve([msg(4)]);
  assert.deepEqual(seqs(first.show), [4]);
  assert.equal(first.sync, true);
  assert.deepEqual(seqs(timeline.held), [6]);
  assert.deepEqual(timeline.query(), { after: 4 });
  const given = timeline.resolve([], { acceptGap: true });
  assert.deepEqual(seqs(given.show), [6]);
  assert.equal(given.sync, false);
  assert.equal(timeline.lastSeq, 6);
});

test("a seq the server's answer skips does not exist and is no hole", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve(range(1, 3));
  timeline.live(msg(7));
  // 4 and 5 were never stored; the answer goes from 3 to 6 and covers 7.
  const { show, sync } = timeline.resolve([msg(6), msg(7)]);
  assert.deepEqual(seqs(show), [6, 7]);
  assert.equal(sync, false);
});

test("an incomplete catch-up shows what it has and what was held, leaving the hole", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve(range(1, 2));
  timeline.pause();
  timeline.live(msg(900));
  const { show, sync } = timeline.resolve(range(3, 10), { complete: false });
  assert.deepEqual(seqs(show), [...seqs(range(3, 10)), 900]);
  assert.equal(sync, false);
});

test("messages without seq (an older server) show once, after the numbered ones of the same answer", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.live({ id: "plain-1", roomId: ROOM, text: "held" });
  const { show } = timeline.resolve(range(1, 2));
  assert.deepEqual(show.map((message) => message.id), ["id-1", "id-2", "plain-1"]);
  assert.deepEqual(timeline.live({ id: "plain-2", roomId: ROOM }).show.map((m) => m.id), ["plain-2"]);
  assert.deepEqual(timeline.live({ id: "plain-2", roomId: ROOM }).show, []);
});

test("older pages give only older, unseen messages, in order", () => {
  const timeline = new RoomTimeline(ROOM);
  timeline.resolve(range(51, 100));
  const older = timeline.older([...range(1, 50), msg(51), msg(60)].reverse(), 51);
  assert.deepEqual(seqs(older), seqs(range(1, 50)));
  assert.deepEqual(timeline.older(range(1, 50), 51), [], "each older message once");
  assert.equal(timeline.lastSeq, 100, "older pages do not move the live position");
});

test("property: any interleaving of history and live frames shows each message once, in order", () => {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let round = 0; round < 300; round++) {
    const total = 1 + Math.floor(random() * (PAGE_LIMIT - 1));
    const stored = range(1, total);
    const timeline = new RoomTimeline(ROOM);
    const shown = [];
    // History sees a prefix; live frames (some repeated) cover a suffix that overlaps it.
    const historyEnd = Math.floor(random() * (total + 1));
    const liveStart = 1 + Math.floor(random() * (historyEnd + 1));
    const live = range(liveStart, total).flatMap((message) => (random() < 0.2 ? [message, message] : [message]));
    const cut = Math.floor(random() * (live.length + 1));
    live.slice(0, cut).forEach((message) => shown.push(...timeline.live(message).show));
    let result = timeline.resolve(stored.slice(Math.max(0, historyEnd - PAGE_LIMIT), historyEnd));
    shown.push(...result.show);
    for (const message of live.slice(cut)) {
      const step = timeline.live(message);
      shown.push(...step.show);
      if (timeline.waiting) {
        timeline.pause();
        result = timeline.resolve(stored.filter((other) => other.seq > timeline.lastSeq));
        shown.push(...result.show);
      }
    }
    while (result.sync) {
      result = timeline.resolve(stored.filter((other) => other.seq > timeline.lastSeq));
      shown.push(...result.show);
    }
    // Fewer messages than a history page: the page shows the whole room.
    assert.deepEqual(seqs(shown), seqs(stored), `round ${round}: total ${total}, history to ${historyEnd}, live from ${liveStart}`);
    assert.equal(new Set(shown.map((message) => message.id)).size, shown.length, `round ${round}: duplicates`);
    for (let i = 1; i < shown.length; i++) {
      assert.ok(shown[i].seq > shown[i - 1].seq, `round ${round}: order`);
    }
  }
});

test("property: a reconnect at any point, with any timing of the catch-up answer, loses and repeats nothing", () => {
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n);
  };
  for (let round = 0; round < 500; round++) {
    const total = 2 + random(600);
    const stored = range(1, total);
    // Live until a, disconnected for a+1..b (those frames are lost), subscribed again from b+1.
    const a = random(total);
    const b = a + random(total - a + 1);
    // The catch-up answer reflects the server at c >= b; frames up to d arrive before the page reads it.
    const c = b + random(total - b + 1);
    const d = b + random(total - b + 1);
    const timeline = new RoomTimeline(ROOM);
    const shown = [...timeline.resolve([]).show];
    for (const message of range(1, a)) {
      shown.push(...timeline.live(message).show);
    }
    timeline.pause();
    for (const message of range(b + 1, d)) {
      shown.push(...timeline.live(message).show);
    }
    const query = timeline.query();
    let result = timeline.resolve(stored.filter((m) => m.seq > query.after && m.seq <= c));
    shown.push(...result.show);
    for (const message of range(d + 1, total)) {
      shown.push(...timeline.live(message).show);
    }
    // If a hole remained (d was well past c), the page asks again, now that the server has everything.
    if (result.sync || timeline.syncing || timeline.waiting) {
      result = timeline.resolve(stored.filter((m) => m.seq > timeline.lastSeq));
      shown.push(...result.show);
    }
    assert.deepEqual(seqs(shown), seqs(stored), `round ${round}: total ${total}, a ${a}, b ${b}, c ${c}, d ${d}`);
  }
});

test("property: live messages from two instances, reordered a little, show once and in order without the server", () => {
  let seed = 11;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n);
  };
  for (let round = 0; round < 300; round++) {
    const total = 1 + random(200);
    const arrival = range(1, total);
    // Each message may overtake up to three before it, as between a local delivery and an announced one.
    for (let i = 1; i < arrival.length; i++) {
      const back = Math.min(i, random(4));
      arrival.splice(i - back, 0, arrival.splice(i, 1)[0]);
    }
    const timeline = new RoomTimeline(ROOM);
    const shown = [...timeline.resolve([]).show];
    for (const message of arrival) {
      shown.push(...timeline.live(message).show);
    }
    assert.equal(timeline.waiting, false, `round ${round}: nothing left waiting`);
    assert.deepEqual(seqs(shown), seqs(range(1, total)), `round ${round}`);
  }
});
