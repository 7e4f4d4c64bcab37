import assert from "node:assert/strict";
import { test } from "node:test";

import { contiguousRun, hasSeq, mergeMessages } from "../../static/conversation/seq-order.js";

const ROOM = "r".repeat(22);
const msg = (seq, extra = {}) => ({ id: `id-${seq}`, roomId: ROOM, seq, text: `m${seq}`, ...extra });
const seqs = (messages) => messages.map((message) => message.seq);

test("hasSeq accepts positive integers only", () => {
  assert.equal(hasSeq(msg(1)), true);
  for (const seq of [0, -1, 1.5, "3", null, undefined, Number.NaN]) {
    assert.equal(hasSeq({ seq }), false, String(seq));
  }
  assert.equal(hasSeq(null), false);
});

test("merging keeps each id once and orders by seq, unnumbered messages last", () => {
  const merged = mergeMessages([msg(3), msg(1)], [msg(2), msg(3), { id: "plain", roomId: ROOM }], [msg(1)]);
  assert.deepEqual(merged.map((message) => message.id), ["id-1", "id-2", "id-3", "plain"]);
  assert.deepEqual(mergeMessages([], undefined, [null, { text: "no id" }]), []);
});

test("merging never shows one seq twice, even under two ids", () => {
  const merged = mergeMessages([msg(1), msg(2)], [msg(2, { id: "other" })]);
  assert.deepEqual(merged.map((message) => message.id), ["id-1", "id-2"]);
});

test("the contiguous run stops at the first missing seq", () => {
  const { run, rest } = contiguousRun([msg(4), msg(5), msg(7), msg(8)], 3);
  assert.deepEqual(seqs(run), [4, 5]);
  assert.deepEqual(seqs(rest), [7, 8]);
  assert.deepEqual(contiguousRun([msg(9)], 3).run, []);
});
