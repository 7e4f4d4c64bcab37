import assert from "node:assert/strict";
import { test } from "node:test";

import { FakeStompClient } from "../fake-stomp.js";
import { parseBody, roomSignals, roomTopics, subscribeRoom } from "../../static/connection/room-topics.js";

const ROOM = { id: "Xq3abcdefghijklmnopq", destination: "/topic/rooms/Xq3abcdefghijklmnopq",
  sendDestination: "/app/rooms/Xq3abcdefghijklmnopq" };

test("a room's topics: its messages, presence, typing and read markers", () => {
  assert.deepEqual(roomTopics(ROOM), {
    message: "/topic/rooms/Xq3abcdefghijklmnopq",
    presence: "/topic/rooms/Xq3abcdefghijklmnopq/presence",
    typing: "/topic/rooms/Xq3abcdefghijklmnopq/typing",
    read: "/topic/rooms/Xq3abcdefghijklmnopq/read",
  });
  assert.deepEqual(roomSignals(ROOM), {
    typing: "/app/rooms/Xq3abcdefghijklmnopq/typing",
    read: "/app/rooms/Xq3abcdefghijklmnopq/read",
  });
});

test("each topic's frames are routed by kind, parsed; unreadable ones dropped", () => {
  const client = new FakeStompClient({});
  client.connected = true;
  const routed = [];
  const handle = subscribeRoom(client, ROOM, (kind, body) => routed.push([kind, body]));
  assert.deepEqual(client.activeDestinations, Object.values(roomTopics(ROOM)));
  client.deliver(`${ROOM.destination}/typing`, { username: "alice", source: "web" });
  client.deliver(ROOM.destination, { id: "m1" });
  client.deliver(`${ROOM.destination}/presence`, "not json");
  client.deliver(`${ROOM.destination}/read`, { username: "bob", seq: 4 });
  assert.deepEqual(routed, [
    ["typing", { username: "alice", source: "web" }],
    ["message", { id: "m1" }],
    ["read", { username: "bob", seq: 4 }],
  ]);
  handle.unsubscribe();
  assert.deepEqual(client.activeDestinations, []);
});

test("unsubscribing after the socket closed is no error", () => {
  const client = new FakeStompClient({});
  client.connected = true;
  const handle = subscribeRoom(client, ROOM, () => {});
  client.connected = false;
  assert.doesNotThrow(() => handle.unsubscribe());
});

test("parseBody", () => {
  assert.deepEqual(parseBody('{"a":1}'), { a: 1 });
  assert.equal(parseBody("{"), null);
  assert.equal(parseBody(undefined), null);
});
