import assert from "node:assert/strict";
import { test } from "node:test";

import { FakeStompClient, installFakeBrowser } from "../fake-stomp.js";
import { settle } from "../fake-clock.js";

installFakeBrowser();
const { Connection } = await import("../../static/connection/connection.js");

function connection() {
  const state = { statuses: [], errors: [], ended: [], disconnected: 0 };
  const page = new Connection({
    brokerURL: "ws://localhost/ws",
    username: () => "ada",
    backoff: { next: () => 0, reset: () => {} },
    onStatus: (status) => state.statuses.push(status),
    onServerError: (error) => state.errors.push(error),
    onDisconnected: () => state.disconnected++,
    onEnded: (why) => state.ended.push(why),
  });
  return { page, client: FakeStompClient.instances.at(-1), state };
}

test("closed with 4401 (signed out): no reconnect, status signed-out, onEnded once; start() does not revive it",
  async () => {
    const { page, client, state } = connection();
    page.start();
    await settle();
    client.accept();
    await client.drop({ code: 4401, reason: "Signed out" });
    assert.equal(client.connects.length, 1, "no second CONNECT");
    assert.equal(client.deactivated, 1);
    assert.equal(state.statuses.at(-1), "signed-out");
    assert.equal(state.disconnected, 1);
    assert.deepEqual(state.ended, ["signed-out"]);
    assert.equal(page.ended, "signed-out");
    page.start();
    page.reconnectNow();
    await settle();
    assert.equal(client.active, false);
    assert.equal(client.connects.length, 1);
  });

test("a CONNECT refused with \"Sign in first\" is shown as such and not tried again", async () => {
  const { page, client, state } = connection();
  page.start();
  await settle();
  await client.refuse("Sign in first: this gateway lets only signed-in people chat (open the page and choose Sign in).");
  assert.equal(client.connects.length, 1);
  assert.deepEqual(state.errors.map((error) => error.code), ["stomp-error"]);
  assert.match(state.errors[0].message, /^Sign in first/);
  assert.equal(state.statuses.at(-1), "sign-in");
  assert.deepEqual(state.ended, ["sign-in"]);
  assert.equal(state.disconnected, 0, "it never was connected");
});

test("other refusals and closes keep the reconnect loop, as before", async () => {
  const { page, client, state } = connection();
  page.start();
  await settle();
  await client.refuse("A guest needs a username header of at most 24 characters");
  assert.equal(client.connects.length, 2, "tried again");
  client.accept();
  await client.drop({ code: 1006 });
  assert.equal(client.connects.length, 3);
  assert.equal(state.statuses.at(-1), "reconnecting");
  assert.deepEqual(state.ended, []);
  assert.equal(page.ended, null);
});
