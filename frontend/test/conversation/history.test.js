import assert from "node:assert/strict";
import { test } from "node:test";

import { CATCH_UP_LIMIT, fetchAfter, historyUrl, PAGE_LIMIT } from "../../static/conversation/history.js";

const ROOM = "r".repeat(22);
const msg = (seq) => ({ id: `id-${seq}`, roomId: ROOM, seq, text: `m${seq}` });
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));
const seqs = (messages) => messages.map((message) => message.seq);

/** A fake server: the room's stored messages, answering history queries as the backend contract says. */
function server(stored) {
  const calls = [];
  const fetchPage = async ({ after, before, limit = PAGE_LIMIT }) => {
    calls.push({ after, before, limit });
    let list = stored;
    if (after !== undefined) {
      return list.filter((message) => message.seq > after).slice(0, limit);
    }
    if (before !== undefined) {
      list = list.filter((message) => message.seq < before);
    }
    return list.slice(-limit);
  };
  return { fetchPage, calls };
}

test("history URLs carry only the parameters given, and encode the room id", () => {
  assert.equal(historyUrl(ROOM, { limit: 50 }), `/api/rooms/${ROOM}/messages?limit=50`);
  assert.equal(historyUrl(ROOM, { after: 12, limit: 200 }), `/api/rooms/${ROOM}/messages?limit=200&after=12`);
  assert.equal(historyUrl(ROOM, { before: 7, limit: 50 }), `/api/rooms/${ROOM}/messages?limit=50&before=7`);
  assert.equal(historyUrl("a/b?c", {}), "/api/rooms/a%2Fb%3Fc/messages");
});

test("catch-up pages until a page comes back short", async () => {
  const { fetchPage, calls } = server(range(1, 450));
  const { messages, complete } = await fetchAfter(fetchPage, 10);
  assert.equal(complete, true);
  assert.deepEqual(seqs(messages), seqs(range(11, 450)));
  assert.deepEqual(calls.map((call) => call.after), [10, 210, 410]);
  assert.ok(calls.every((call) => call.limit === CATCH_UP_LIMIT));
});

test("catch-up of exactly one full page asks once more and gets an empty page", async () => {
  const { fetchPage, calls } = server(range(1, 5));
  const { messages, complete } = await fetchAfter(fetchPage, 0, { limit: 5 });
  assert.deepEqual(seqs(messages), [1, 2, 3, 4, 5]);
  assert.equal(complete, true);
  assert.deepEqual(calls.map((call) => call.after), [0, 5]);
});

test("catch-up stops after the page limit, and on a page that does not move forward", async () => {
  const { fetchPage } = server(range(1, 100));
  const capped = await fetchAfter(fetchPage, 0, { limit: 10, maxPages: 3 });
  assert.equal(capped.complete, false);
  assert.deepEqual(seqs(capped.messages), seqs(range(1, 30)));

  let calls = 0;
  const stuck = await fetchAfter(async () => {
    calls += 1;
    return range(1, 2);
  }, 5, { limit: 2 });
  assert.equal(stuck.complete, true);
  assert.equal(calls, 1);
});

test("catch-up passes the server's errors on and refuses a non-list", async () => {
  await assert.rejects(fetchAfter(async () => {
    throw new Error("HTTP 500");
  }, 0), /HTTP 500/);
  await assert.rejects(fetchAfter(async () => ({ detail: "nope" }), 0), TypeError);
});
