import assert from "node:assert/strict";
import { test } from "node:test";

import { Backoff, backoffDelay, DEFAULT_BACKOFF, Wakeable } from "../../static/connection/backoff.js";

const noJitter = () => 0;
const fullJitter = () => 1;

test("delays double from the initial delay up to the cap", () => {
  const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, noJitter));
  assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

test("jitter shortens a delay by at most half, never below zero", () => {
  assert.equal(backoffDelay(0, DEFAULT_BACKOFF, fullJitter), 500);
  assert.equal(backoffDelay(10, DEFAULT_BACKOFF, fullJitter), 15000);
  for (let i = 0; i < 200; i++) {
    const delay = backoffDelay(2, DEFAULT_BACKOFF);
    assert.ok(delay >= 2000 && delay <= 4000, `${delay}`);
  }
});

test("options override the defaults one by one", () => {
  assert.equal(backoffDelay(3, { initialMs: 100, jitter: 0 }), 800);
  assert.equal(backoffDelay(3, { initialMs: 100, maxMs: 500, jitter: 0 }), 500);
});

test("the Backoff counts attempts and starts over after reset", () => {
  const backoff = new Backoff({ jitter: 0 });
  assert.deepEqual([backoff.next(), backoff.next(), backoff.next()], [1000, 2000, 4000]);
  assert.equal(backoff.attempt, 3);
  backoff.reset();
  assert.equal(backoff.attempt, 0);
  assert.equal(backoff.next(), 1000);
});

test("a wakeable wait ends after its time, or at once when woken", async () => {
  const nap = new Wakeable();
  const started = Date.now();
  await nap.sleep(5);
  assert.ok(Date.now() - started >= 4);
  const long = nap.sleep(60000);
  nap.wake();
  await long;
  nap.wake();
});
