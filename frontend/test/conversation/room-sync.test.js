import assert from "node:assert/strict";
import { test } from "node:test";

import { CATCH_UP_LIMIT, PAGE_LIMIT } from "../../static/conversation/history.js";
import { MISSING_GRACE_MS, RoomSync } from "../../static/conversation/room-sync.js";
import { FakeClock, settle } from "../fake-clock.js";

const ROOM = "r".repeat(22);
const msg = (seq) => ({ id: `id-${seq}`, roomId: ROOM, seq, text: `m${seq}` });
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));
const seqs = (messages) => messages.map((message) => message.seq);

/** An error as api.js rejects with: transient for the network, 429 and 5xx. */
function httpError(status, message = `HTTP ${status}`) {
  const transient = status === undefined || status === 429 || status >= 500;
  return Object.assign(new Error(message), { status, transient });
}

/**
 * A fake server: the room's stored messages, answering history queries as the backend contract says. hold()
 * makes requests wait until release() (then they answer from what is stored by then); failNext() makes the
 * next requests reject.
 */
function server(stored = []) {
  const calls = [];
  const failures = [];
  let gate = null;
  const loadPage = async (params) => {
    calls.push(params);
    if (gate) {
      await gate.promise;
    }
    const failure = failures.shift();
    if (failure) {
      throw failure;
    }
    const { after, before, limit } = params;
    if (after !== undefined) {
      return stored.filter((message) => message.seq > after).slice(0, limit);
    }
    return stored.filter((message) => before === undefined || message.seq < before).slice(-limit);
  };
  return {
    stored,
    calls,
    loadPage,
    failNext: (...errors) => failures.push(...errors),
    hold() {
      let open;
      gate = { promise: new Promise((resolve) => {
        open = resolve;
      }) };
      gate.open = open;
    },
    release() {
      gate?.open();
      gate = null;
    },
  };
}

/** A view that records what RoomSync shows, as the MessageList would render it. */
function recorder() {
  return {
    shown: [],
    appends: [],
    loadedWith: [],
    notes: [],
    errors: [],
    gone: [],
    append(messages, { initial }) {
      this.appends.push({ seqs: seqs(messages), initial });
      this.shown.push(...messages);
    },
    loaded(whole) {
      this.loadedWith.push(whole);
    },
    note(text) {
      this.notes.push(text);
    },
  };
}

function setup(stored) {
  const clock = new FakeClock();
  const room = server(stored);
  const view = recorder();
  const sync = new RoomSync({
    roomId: ROOM,
    loadPage: room.loadPage,
    view,
    onError: (text) => view.errors.push(text),
    onGone: () => view.gone.push(true),
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
  });
  return { clock, room, view, sync };
}

/** The server stores a message and delivers it live. */
function deliver({ room, sync }, message) {
  room.stored.push(message);
  sync.receive(message);
}

test("history, then live messages: each once, in order, without a further request", async () => {
  const { room, view, sync } = setup(range(1, 12));
  await sync.sync();
  assert.deepEqual(view.appends, [{ seqs: seqs(range(1, 12)), initial: true }]);
  assert.deepEqual(view.loadedWith, [true], "a short first page is the whole room");
  deliver({ room, sync }, msg(13));
  sync.receive(msg(13));
  sync.receive(msg(12));
  assert.deepEqual(seqs(view.shown), seqs(range(1, 13)));
  assert.deepEqual(view.appends.at(-1), { seqs: [13], initial: false });
  assert.deepEqual(room.calls, [{ limit: PAGE_LIMIT }]);
  assert.deepEqual(view.errors, []);
});

test("live messages arriving before the history answers wait for it and show once", async () => {
  const setupped = setup(range(1, 10));
  const { room, view, sync } = setupped;
  room.hold();
  const loading = sync.sync();
  await settle();
  // Stored and delivered while the history request is on its way: the answer holds 11, not 12.
  deliver(setupped, msg(11));
  room.release();
  await settle();
  deliver(setupped, msg(12));
  await loading;
  assert.deepEqual(seqs(view.shown), seqs(range(1, 12)));
  assert.deepEqual(view.appends[0].initial, true);
  assert.equal(room.calls.length, 1);
});

test("live messages the history answer does not hold yet follow it in order", async () => {
  const setupped = setup(range(1, 5));
  const { room, view, sync } = setupped;
  room.hold();
  const loading = sync.sync();
  await settle();
  sync.receive(msg(7));
  sync.receive(msg(6));
  room.release();
  await loading;
  assert.deepEqual(view.appends, [{ seqs: [1, 2, 3, 4, 5, 6, 7], initial: true }]);
});

test("a skipped seq waits the grace period for the missing message, then asks the server once", async () => {
  const setupped = setup(range(1, 3));
  const { clock, room, view, sync } = setupped;
  await sync.sync();
  room.stored.push(msg(4));
  deliver(setupped, msg(5));
  assert.deepEqual(seqs(view.shown), [1, 2, 3], "5 waits for 4");
  deliver(setupped, msg(6));
  await clock.advance(MISSING_GRACE_MS - 1);
  assert.equal(room.calls.length, 1, "no request before the grace period is over");
  await clock.advance(1);
  assert.deepEqual(room.calls.at(-1), { after: 3, limit: CATCH_UP_LIMIT });
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(view.appends.at(-1), { seqs: [4, 5, 6], initial: false });
  assert.deepEqual(clock.pending, []);
});

test("a missing message that arrives within the grace period fills the hole without a request", async () => {
  const setupped = setup(range(1, 3));
  const { clock, room, view, sync } = setupped;
  await sync.sync();
  room.stored.push(msg(4));
  deliver(setupped, msg(5));
  await clock.advance(100);
  sync.receive(msg(4));
  await clock.advance(MISSING_GRACE_MS);
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 4, 5]);
  assert.equal(room.calls.length, 1);
});

test("a live message the server has not stored yet is asked about again, then shown as it is", async () => {
  const { clock, room, view, sync } = setup(range(1, 3));
  await sync.sync();
  // Delivered live before the server's answer can hold it: 4 and 5 are still being stored (by another instance).
  sync.receive(msg(5));
  await clock.advance(MISSING_GRACE_MS);
  assert.equal(room.calls.length, 2);
  assert.deepEqual(seqs(view.shown), [1, 2, 3]);
  await clock.advance(249);
  assert.equal(room.calls.length, 2, "the next try waits 250 ms");
  room.stored.push(msg(4), msg(5));
  await clock.advance(1);
  assert.equal(room.calls.length, 3);
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 4, 5]);

  // A hole that stays: after two more tries, 250 and 500 ms apart, the page shows what it has.
  sync.receive(msg(7));
  await clock.advance(MISSING_GRACE_MS + 250 + 499);
  assert.equal(room.calls.length, 5);
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 4, 5]);
  await clock.advance(1);
  assert.equal(room.calls.length, 6);
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 4, 5, 7]);
  assert.deepEqual(clock.pending, []);
});

test("a seq the server skips does not exist: the live message after it shows with the catch-up", async () => {
  const setupped = setup(range(1, 3));
  const { clock, room, view, sync } = setupped;
  await sync.sync();
  deliver(setupped, msg(5));
  await clock.advance(MISSING_GRACE_MS);
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 5]);
  assert.equal(room.calls.length, 2);
});

test("after a reconnect the missed messages and those arriving meanwhile show once, in order", async () => {
  const setupped = setup(range(1, 2));
  const { room, view, sync } = setupped;
  await sync.sync();
  sync.pause();
  room.stored.push(...range(3, 22));
  room.hold();
  const catchingUp = sync.sync();
  await settle();
  deliver(setupped, msg(23));
  assert.deepEqual(seqs(view.shown), [1, 2], "held until the missed ones are in");
  room.release();
  await catchingUp;
  assert.deepEqual(room.calls.at(-1), { after: 2, limit: CATCH_UP_LIMIT });
  assert.deepEqual(view.appends.at(-1), { seqs: seqs(range(3, 23)), initial: false });
  deliver(setupped, msg(24));
  assert.deepEqual(seqs(view.shown), seqs(range(1, 24)));
});

test("after the connection dropped, live messages wait for the catch-up, even the next seq", async () => {
  const setupped = setup(range(1, 2));
  const { clock, room, view, sync } = setupped;
  await sync.sync();
  sync.pause();
  deliver(setupped, msg(3));
  room.stored.push(msg(4));
  deliver(setupped, msg(5));
  assert.deepEqual(seqs(view.shown), [1, 2]);
  assert.deepEqual(clock.pending, [], "no grace timer: the catch-up is coming anyway");
  await sync.sync();
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 4, 5]);
  assert.deepEqual(view.appends.at(-1), { seqs: [3, 4, 5], initial: false });
});

test("a long absence is caught up page by page", async () => {
  const { room, view, sync } = setup(range(1, 5));
  await sync.sync();
  room.stored.push(...range(6, 455));
  await sync.sync();
  assert.deepEqual(room.calls.slice(1).map((call) => call.after), [5, 205, 405]);
  assert.deepEqual(seqs(view.shown), seqs(range(1, 455)));
});

test("a sync asked for while one runs runs once more afterwards, not twice at a time", async () => {
  const setupped = setup(range(1, 3));
  const { room, view, sync } = setupped;
  room.hold();
  const first = sync.sync();
  await settle();
  room.stored.push(msg(4));
  const second = sync.sync();
  await settle();
  assert.equal(room.calls.length, 1);
  room.release();
  await Promise.all([first, second]);
  assert.deepEqual(room.calls, [{ limit: PAGE_LIMIT }, { after: 4, limit: CATCH_UP_LIMIT }]);
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 4]);
});

test("older pages show only older, unseen messages, and say when the first is reached", async () => {
  const { room, view, sync } = setup(range(1, 70));
  await sync.sync();
  assert.deepEqual(seqs(view.shown), seqs(range(21, 70)));
  assert.deepEqual(view.loadedWith, [false], "a full first page may have older messages before it");
  const older = await sync.older(21);
  assert.deepEqual(room.calls.at(-1), { before: 21, limit: PAGE_LIMIT });
  assert.deepEqual(seqs(older.messages), seqs(range(1, 20)));
  assert.equal(older.exhausted, true);
  assert.deepEqual((await sync.older(21)).messages, [], "what was loaded once is not given again");

  const full = setup(range(1, 120));
  await full.sync.sync();
  const page = await full.sync.older(71);
  assert.deepEqual(seqs(page.messages), seqs(range(21, 70)));
  assert.equal(page.exhausted, false);
});

test("an older page that fails rejects with the error; once the room closed there is no answer", async () => {
  const { room, sync } = setup(range(1, 70));
  await sync.sync();
  room.failNext(httpError(500, "Server down"));
  await assert.rejects(sync.older(21), /Server down/);
  room.hold();
  const pending = sync.older(21);
  sync.close();
  room.release();
  assert.equal(await pending, null);
});

test("a transient failure is retried after 1 s, then 2 s, and the history shows", async () => {
  const { clock, room, view, sync } = setup(range(1, 3));
  room.failNext(httpError(503), httpError(undefined, "The server cannot be reached."));
  const loading = sync.sync();
  await clock.advance(999);
  assert.equal(room.calls.length, 1, "no retry before 1 s");
  await clock.advance(1);
  assert.equal(room.calls.length, 2);
  await clock.advance(1999);
  assert.equal(room.calls.length, 2, "the second retry waits 2 s");
  await clock.advance(1);
  await loading;
  assert.equal(room.calls.length, 3);
  assert.deepEqual(seqs(view.shown), [1, 2, 3]);
  assert.deepEqual(view.errors, []);
  assert.deepEqual(view.loadedWith, [true]);
});

test("after three failures the page says so and goes on with the live messages", async () => {
  const { clock, room, view, sync } = setup([]);
  room.failNext(httpError(502, "Bad gateway"), httpError(502, "Bad gateway"), httpError(502, "Bad gateway"));
  const loading = sync.sync();
  sync.receive(msg(1));
  await clock.advance(3000);
  assert.equal(room.calls.length, 3);
  assert.deepEqual(clock.pending, [], "no fourth try");
  await loading;
  assert.deepEqual(view.errors, ["Earlier messages could not be loaded: Bad gateway"]);
  assert.deepEqual(view.loadedWith, [false], "older messages may still be loadable");
  assert.deepEqual(seqs(view.shown), [1], "the held live message is released");
  sync.receive(msg(2));
  assert.deepEqual(seqs(view.shown), [1, 2]);
});

test("a failure that another try would not mend is reported at once", async () => {
  const { clock, room, view, sync } = setup(range(1, 3));
  await sync.sync();
  sync.pause();
  sync.receive(msg(5));
  room.failNext(httpError(400, "after must be a seq number."));
  await sync.sync();
  assert.equal(room.calls.length, 2);
  assert.deepEqual(view.errors, ["Missed messages could not be loaded: after must be a seq number."]);
  assert.deepEqual(view.gone, []);
  assert.deepEqual(seqs(view.shown), [1, 2, 3, 5], "the room goes on, with the hole reported");
  assert.deepEqual(clock.pending, []);
});

test("a catch-up that stops early says some messages are not shown", async () => {
  const { room, view, sync } = setup([]);
  await sync.sync();
  room.stored.push(...range(1, 50 * CATCH_UP_LIMIT + 1));
  await sync.sync();
  assert.equal(view.shown.length, 50 * CATCH_UP_LIMIT);
  assert.equal(view.notes.length, 1);
  assert.match(view.notes[0], /some are not shown/);
});

test("a closed room shows nothing more and leaves no timer behind", async () => {
  const setupped = setup(range(1, 3));
  const { clock, room, view, sync } = setupped;
  await sync.sync();
  deliver(setupped, msg(5));
  assert.deepEqual(clock.pending, [MISSING_GRACE_MS]);
  sync.close();
  assert.deepEqual(clock.pending, []);
  sync.receive(msg(4));
  room.hold();
  const late = sync.sync();
  room.release();
  await late;
  assert.deepEqual(seqs(view.shown), [1, 2, 3]);
  assert.equal(room.calls.length, 1);

  const other = setup(range(1, 3));
  other.room.hold();
  const loading = other.sync.sync();
  await settle();
  other.sync.close();
  other.room.release();
  await loading;
  assert.deepEqual(other.view.appends, [], "an answer for a room no longer open is dropped");
  assert.deepEqual(other.view.loadedWith, []);
});

test("a 404 for the catch-up means the room was deleted: gone once, closed, no retry and no error", async () => {
  const setupped = setup(range(1, 3));
  const { clock, room, view, sync } = setupped;
  await sync.sync();
  sync.pause();
  room.failNext(httpError(404, "No room has this id. Room ids are issued by POST /api/rooms."));
  await sync.sync();
  assert.deepEqual(view.gone, [true]);
  assert.deepEqual(view.errors, [], "no \"could not be loaded\" with the server's jargon");
  assert.equal(room.calls.length, 2, "no second try");
  assert.deepEqual(clock.pending, []);
  // Closed: a late live message or another sync does nothing, and says nothing more.
  sync.receive(msg(4));
  await sync.sync();
  assert.deepEqual(seqs(view.shown), [1, 2, 3]);
  assert.equal(room.calls.length, 2);
  assert.deepEqual(view.gone, [true]);
});

test("a 404 for the first page, or for older messages, also means the room was deleted", async () => {
  const first = setup(range(1, 3));
  first.room.failNext(httpError(404));
  await first.sync.sync();
  assert.deepEqual(first.view.gone, [true]);
  assert.deepEqual(first.view.loadedWith, [], "the list is told by the page, which shows the room as deleted");
  assert.deepEqual(first.view.errors, []);

  const older = setup(range(1, 80));
  await older.sync.sync();
  older.room.failNext(httpError(404));
  assert.equal(await older.sync.older(31), null);
  assert.deepEqual(older.view.gone, [true]);
});

test("Load older failing for another reason still rejects with the server's words", async () => {
  const { room, view, sync } = setup(range(1, 80));
  await sync.sync();
  room.failNext(httpError(503, "Storage is restarting."));
  await assert.rejects(sync.older(31), /Storage is restarting/);
  assert.deepEqual(view.gone, []);
});
