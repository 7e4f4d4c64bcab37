import assert from "node:assert/strict";
import { test } from "node:test";

import { FakeStompClient, installFakeBrowser, setOnline } from "../fake-stomp.js";
import { settle } from "../fake-clock.js";
import { AuthorKey } from "../../static/encryption/author-key.js";
import { KEY_CHALLENGE, KEY_PROOF } from "../../static/encryption/key-proof.js";

installFakeBrowser();
const { Connection, HEARTBEAT_MS } = await import("../../static/connection/connection.js");

const room = (id) => ({ id, destination: `/topic/rooms/${id}`, sendDestination: `/app/rooms/${id}` });
const A = room("roomAAAAAAAAAAAAAAAA");
const B = room("roomBBBBBBBBBBBBBBBB");

/** A Connection on a fake client, no backoff wait; {@code frames} gets [callback, body] per room frame. */
function connection({ name = "ada", authorKey = undefined } = {}) {
  const frames = [];
  const state = { name, statuses: [], connected: 0, disconnected: 0 };
  const record = (kind) => (body) => frames.push([kind, body]);
  const page = new Connection({
    brokerURL: "ws://localhost/ws",
    username: () => state.name,
    backoff: { next: () => 0, reset: () => {} },
    authorKey,
    onStatus: (status) => state.statuses.push(status),
    onMessage: record("message"), onPresence: record("presence"), onTyping: record("typing"), onRead: record("read"),
    onConnected: () => state.connected++,
    onDisconnected: () => state.disconnected++,
  });
  const client = FakeStompClient.instances.at(-1);
  return { page, client, frames, state };
}

test("CONNECT carries the username header, read before each attempt; none without a usable name", async () => {
  const { page, client, state } = connection();
  page.start();
  await settle();
  assert.deepEqual(client.connects, [{ username: "ada" }]);
  client.accept();
  assert.equal(page.sessionUsername, "ada");
  state.name = "";
  await client.drop();
  assert.deepEqual(client.connects.at(-1), {}, "no name yet: no header, the first SEND names the session");
  client.accept();
  assert.equal(page.sessionUsername, "");
  state.name = "  Ada Lovelace ";
  await client.drop();
  assert.deepEqual(client.connects.at(-1), { username: "Ada Lovelace" });
  state.name = "x".repeat(33);
  await client.drop();
  assert.deepEqual(client.connects.at(-1), {}, "an invalid header would end the connection with an ERROR");
});

test("renew: a new session at once, under the new name, without a backoff wait", async () => {
  const { page, client, state } = connection();
  page.start();
  await settle();
  client.accept();
  state.name = "bob";
  page.renew();
  await client.reconnecting;
  assert.equal(client.forced, 1);
  assert.deepEqual(client.connects.at(-1), { username: "bob" });
  assert.equal(state.statuses.at(-1), "connecting", "not reconnecting: nothing failed");
  client.accept();
  assert.equal(page.sessionUsername, "bob");
});

test("renamed while connecting: the session that comes up under the old name is renewed", async () => {
  const { page, client, state } = connection();
  page.start();
  await settle();
  state.name = "bob";
  client.accept();
  await client.reconnecting;
  assert.equal(client.forced, 1);
  assert.equal(state.connected, 0, "the old session never counted as connected");
  assert.deepEqual(client.connects.at(-1), { username: "bob" });
  client.accept();
  assert.equal(state.connected, 1);
});

test("a room's four topics are subscribed, each routed to its own callback", async () => {
  const { page, client, frames } = connection();
  page.start();
  await settle();
  client.accept();
  page.setRoom(A);
  assert.deepEqual(client.activeDestinations.filter((d) => d.startsWith("/topic")), [
    A.destination, `${A.destination}/presence`, `${A.destination}/typing`, `${A.destination}/read`,
  ]);
  client.deliver(`${A.destination}/presence`, { type: "roster", members: [] });
  client.deliver(A.destination, { id: "m1" });
  client.deliver(`${A.destination}/typing`, { username: "alice" });
  client.deliver(`${A.destination}/read`, { username: "alice", seq: 3 });
  assert.deepEqual(frames.map(([kind]) => kind), ["presence", "message", "typing", "read"]);
});

test("a room switch unsubscribes all of the previous room's topics and ignores its late frames", async () => {
  const { page, client, frames } = connection();
  page.start();
  await settle();
  client.accept();
  page.setRoom(A);
  const old = client.subscriptions.filter((s) => s.destination.startsWith(A.destination));
  page.setRoom(B);
  assert.ok(old.every((s) => !s.active), "all four unsubscribed");
  assert.deepEqual(client.activeDestinations.filter((d) => d.startsWith("/topic")).length, 4);
  // A frame already in flight on an old subscription:
  old[1].callback({ body: JSON.stringify({ type: "join", username: "late" }) });
  assert.deepEqual(frames, []);
  page.setRoom(null);
  assert.deepEqual(client.activeDestinations.filter((d) => d.startsWith("/topic")), []);
});

test("after a reconnect the open room's topics are subscribed again, before onConnected", async () => {
  const { page, client, state } = connection();
  page.start();
  await settle();
  client.accept();
  page.setRoom(A);
  await client.drop();
  assert.equal(state.disconnected, 1);
  assert.equal(page.sessionUsername, "", "no session while disconnected");
  client.accept();
  assert.deepEqual(client.activeDestinations, ["/user/queue/errors", "/user/queue/receipts",
    A.destination, `${A.destination}/presence`, `${A.destination}/typing`, `${A.destination}/read`]);
  assert.equal(state.connected, 2);
});

test("publish sends JSON while connected, and says false otherwise", async () => {
  const { page, client } = connection();
  assert.equal(page.publish(`${A.sendDestination}/typing`, {}), false);
  page.start();
  await settle();
  client.accept();
  assert.equal(page.publish(`${A.sendDestination}/read`, { seq: 4 }), true);
  assert.deepEqual(client.published, [{ destination: `${A.sendDestination}/read`, body: '{"seq":4}' }]);
});

test("a session without a CONNECT name is named by its first receipt; the next CONNECT carries the name", async () => {
  const { page, client, state } = connection({ name: "" });
  page.named("ada");
  assert.equal(page.sessionUsername, "", "not connected: nothing to name");
  page.start();
  await settle();
  client.accept();
  assert.equal(page.sessionUsername, "");
  state.name = "ada";
  page.named("ada");
  assert.equal(page.sessionUsername, "ada");
  page.named("bob");
  assert.equal(page.sessionUsername, "ada", "the server fixes one name per session");
  await client.drop();
  assert.deepEqual(client.connects.at(-1), { username: "ada" });
});

test("heart-beats go both ways every 10 s, and a missed one ends the socket at once, not after a close handshake", () => {
  connection();
  const client = FakeStompClient.instances.at(-1);
  assert.equal(HEARTBEAT_MS, 10000);
  assert.equal(client.heartbeatIncoming, HEARTBEAT_MS);
  assert.equal(client.heartbeatOutgoing, HEARTBEAT_MS);
  assert.equal(client.discardWebsocketOnCommFailure, true);
});

test("the browser going offline ends the session at once (status offline); no attempt until it is online", async () => {
  const { page, client, state } = connection();
  page.start();
  await settle();
  client.accept();
  setOnline(false);
  try {
    assert.equal(client.forced, 1);
    assert.equal(state.statuses.at(-1), "offline");
    assert.equal(state.disconnected, 1);
    await settle();
    assert.equal(client.connects.length, 1, "no CONNECT while the browser has no network");
    assert.equal(state.statuses.at(-1), "offline");
  } finally {
    setOnline(true);
  }
  await client.reconnecting;
  assert.equal(client.connects.length, 2, "back online: the next attempt goes at once");
  client.accept();
  assert.equal(state.statuses.at(-1), "connected");
  assert.equal(state.connected, 2);
});

test("with an author key each session proves it first, then follows the room; the proven key is the session's", async () => {
  const key = await AuthorKey.generate();
  const { page, client, state } = connection({ authorKey: () => Promise.resolve(key) });
  page.setRoom(A);
  page.start();
  await settle();
  client.accept();
  await settle();
  assert.deepEqual(client.activeDestinations, ["/user/queue/errors", "/user/queue/receipts", KEY_CHALLENGE]);
  assert.equal(state.connected, 0, "not connected until the proof is answered");
  client.deliver(KEY_CHALLENGE, { nonce: "n-1", version: "mqtt-chat-key/1" });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(client.activeDestinations.includes(KEY_PROOF), "the signed nonce goes in the proof's headers");
  client.deliver(KEY_PROOF, { proven: true, author: key.author });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(client.activeDestinations, ["/user/queue/errors", "/user/queue/receipts",
    A.destination, `${A.destination}/presence`, `${A.destination}/typing`, `${A.destination}/read`]);
  assert.equal(page.sessionAuthor, key.author);
  assert.equal(state.connected, 1);
  await client.drop();
  assert.equal(page.sessionAuthor, "", "a new session proves again");
});
