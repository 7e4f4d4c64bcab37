import assert from "node:assert/strict";
import { test } from "node:test";

import { FakeClock } from "../fake-clock.js";
import { READ_INTERVAL_MS, ReadReporter } from "../../static/presence/read-reporter.js";

/** A reporter on a fake clock; {@code sent} gets [time, seq] per SEND; {@code connection.up} decides success. */
function reporter() {
  const clock = new FakeClock();
  const sent = [];
  const connection = { up: true };
  const read = new ReadReporter({
    send: (seq) => connection.up && sent.push([clock.now, seq]) > 0,
    now: () => clock.now, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout,
  });
  const seen = (seq, { visible = true, atEnd = true } = {}) => read.observe({ seq, visible, atEnd });
  return { clock, sent, connection, read, seen };
}

test("the newest message seen is reported at once, then at most once per 2 s with the latest seq", async () => {
  const { clock, sent, seen } = reporter();
  seen(10);
  assert.deepEqual(sent, [[0, 10]]);
  await clock.advance(500);
  seen(11);
  await clock.advance(500);
  seen(12);
  seen(13);
  assert.equal(sent.length, 1, "waiting for the pace");
  await clock.advance(1000);
  assert.deepEqual(sent, [[0, 10], [2000, 13]], "only the latest, after the wait");
  await clock.advance(5000);
  seen(14);
  assert.deepEqual(sent.at(-1), [7000, 14], "after a quiet spell, at once again");
  assert.equal(READ_INTERVAL_MS, 2000);
});

test("only what is seen: a hidden tab or a list scrolled up reports nothing", async () => {
  const { clock, sent, seen } = reporter();
  seen(5, { visible: false });
  seen(5, { atEnd: false });
  seen(null);
  await clock.advance(10000);
  assert.deepEqual(sent, []);
  seen(5);
  assert.deepEqual(sent, [[10000, 5]]);
});

test("only forward: a seq at or below the last one sent (or known) is not sent", async () => {
  const { clock, sent, read, seen } = reporter();
  seen(8);
  await clock.advance(3000);
  seen(8);
  seen(7);
  assert.equal(sent.length, 1);
  read.known(20);
  seen(15);
  await clock.advance(3000);
  assert.equal(sent.length, 1, "another tab of the reader's got further already");
  seen(21);
  assert.deepEqual(sent.at(-1), [6000, 21]);
});

test("a marker known meanwhile drops the one waiting", async () => {
  const { clock, sent, read, seen } = reporter();
  seen(1);
  seen(2);
  read.known(2);
  await clock.advance(2000);
  assert.deepEqual(sent, [[0, 1]]);
});

test("disconnected: the marker waits and goes after the reconnect, within the pace", async () => {
  const { clock, sent, connection, read, seen } = reporter();
  connection.up = false;
  seen(4);
  await clock.advance(2500);
  assert.deepEqual(sent, []);
  connection.up = true;
  read.connected();
  assert.deepEqual(sent, [[2500, 4]]);
  read.connected();
  assert.equal(sent.length, 1, "nothing pending, nothing sent");
  seen(5);
  read.connected();
  await clock.advance(2000);
  assert.deepEqual(sent, [[2500, 4], [4500, 5]], "one SEND, not one per call");
});

test("private: nothing is sent, what waited is dropped; cleared, the next sight reports again", async () => {
  const { clock, sent, read, seen } = reporter();
  seen(1);
  seen(2);
  read.private = true;
  await clock.advance(5000);
  seen(3);
  read.connected();
  assert.deepEqual(sent, [[0, 1]]);
  assert.equal(read.private, true);
  read.private = false;
  seen(3);
  assert.deepEqual(sent, [[0, 1], [5000, 3]]);
});

test("another room starts from nothing but keeps the pace, which the server counts per connection", async () => {
  const { clock, sent, read, seen } = reporter();
  seen(50);
  seen(51);
  read.enter();
  await clock.advance(2000);
  assert.deepEqual(sent, [[0, 50]], "the old room's waiting marker is dropped");
  read.enter();
  seen(3);
  assert.deepEqual(sent, [[0, 50], [2000, 3]], "a low seq of the new room goes");
  await clock.advance(500);
  read.enter();
  seen(7);
  assert.equal(sent.length, 2);
  await clock.advance(1500);
  assert.deepEqual(sent.at(-1), [4000, 7]);
});

test("under the server's limit (2 per second, bursts of 5) whatever the reader does", async () => {
  const { clock, sent, read, seen } = reporter();
  for (let seq = 1; seq <= 300; seq++) {
    seen(seq);
    if (seq % 50 === 0) {
      read.enter();
      read.connected();
    }
    await clock.advance(100);
  }
  for (let i = 1; i < sent.length; i++) {
    assert.ok(sent[i][0] - sent[i - 1][0] >= 2000, `${sent[i - 1][0]} then ${sent[i][0]}`);
  }
});

test("a marker that could not leave the page is tried again at the next sight, without waiting for a reconnect", () => {
  const { sent, connection, seen } = reporter();
  connection.up = false;
  seen(4);
  connection.up = true;
  seen(4);
  assert.deepEqual(sent, [[0, 4]]);
  seen(4);
  assert.equal(sent.length, 1);
});
