import assert from "node:assert/strict";
import { test } from "node:test";

import { activityTopic, RoomWatch } from "../../static/connection/room-watch.js";

// A stompjs client that records subscriptions and lets the test deliver frames.
function fakeClient() {
  const subscriptions = new Map();
  return {
    subscriptions,
    subscribe(destination, handler) {
      subscriptions.set(destination, handler);
      return { unsubscribe: () => subscriptions.delete(destination) };
    },
    deliver(destination, body) {
      subscriptions.get(destination)?.({ body: JSON.stringify(body) });
    },
  };
}

test("watched rooms are subscribed on each session, frames reach onActivity, unwatched ones are dropped", () => {
  const got = [];
  const watch = new RoomWatch((roomId, message) => got.push([roomId, message.seq]));
  watch.set(["a", "b"]);
  const first = fakeClient();
  watch.attach(first);
  assert.deepEqual([...first.subscriptions.keys()], [activityTopic("a"), activityTopic("b")]);
  first.deliver(activityTopic("b"), { seq: 7 });
  watch.set(["b", "c"]);
  assert.deepEqual([...first.subscriptions.keys()], [activityTopic("b"), activityTopic("c")]);
  watch.detach();
  const second = fakeClient();
  watch.attach(second);
  second.deliver(activityTopic("c"), { seq: 1 });
  assert.deepEqual(got, [["b", 7], ["c", 1]]);
  assert.equal(activityTopic("Xq3"), "/topic/rooms/Xq3/activity");
});
