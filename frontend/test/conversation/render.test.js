import assert from "node:assert/strict";
import { test } from "node:test";

import { DELIVERY } from "../../static/conversation/render.js";

test("each delivery state of a pending message says something of its own", () => {
  assert.deepEqual(Object.keys(DELIVERY), ["queued", "sending", "waiting", "sent"]);
  assert.equal(new Set(Object.values(DELIVERY)).size, 4);
  // ConnectionBrowserTests reads these words on a message typed while disconnected.
  assert.match(DELIVERY.queued, /^Waiting for the connection/);
  // Waiting in the server's outbox is no failure, and not the page's own wait for a connection.
  assert.match(DELIVERY.waiting, /broker/);
  assert.doesNotMatch(DELIVERY.waiting, /not sent|failed|connection/i);
});
