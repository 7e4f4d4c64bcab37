import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

import { base64url } from "../../static/encryption/author-key.js";
import { roomKeys, seal } from "../../static/encryption/room-crypto.js";

// The worker's push code is a classic script (as /sw.js is): run it in a context of its own, as importScripts would.
const worker = vm.createContext({ crypto, TextEncoder, TextDecoder, atob, btoa, URL });
vm.runInContext(readFileSync(new URL("../../static/offline/push-worker.js", import.meta.url), "utf8"), worker);
const { pushReceived, pushClicked, pushNotification, pushOpenSealed } = worker;

const ROOM = "q7Wn3xR2tY8uK5mB1cVz0A";
const secret = Uint8Array.from({ length: 32 }, (_, i) => i);
const author = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
const data = (payload) => ({ json: () => (typeof payload === "string" ? JSON.parse(payload) : payload) });
const windowAt = (path, visibilityState = "hidden") => {
  const client = { url: `https://chat.example${path}`, visibilityState, posted: [], focused: false };
  client.postMessage = (message) => client.posted.push(message);
  client.focus = async () => {
    client.focused = true;
    return client;
  };
  return client;
};

/** The worker's surroundings: the windows of the origin, the notifications shown, what was fetched. */
function surroundings({ windows = [], secrets = {}, history = [] } = {}) {
  const shown = [];
  const fetched = [];
  const opened = [];
  return {
    shown, fetched, opened,
    registration: { showNotification: async (title, options) => shown.push({ title, options }) },
    clients: {
      matchAll: async () => windows,
      openWindow: async (url) => opened.push(url),
    },
    fetch: async (url) => {
      fetched.push(url);
      return { ok: true, json: async () => history };
    },
    secretOf: async (roomId) => secrets[roomId] ?? null,
  };
}

test("a room's push shows its title and body, one tag per room, with what a click needs", async () => {
  const world = surroundings();
  await pushReceived(data({ roomId: ROOM, seq: 41, title: "Design review", body: "alice: lunch?" }), world);
  assert.equal(world.shown.length, 1);
  assert.equal(world.shown[0].title, "Design review");
  assert.equal(world.shown[0].options.body, "alice: lunch?");
  assert.equal(world.shown[0].options.tag, ROOM);
  assert.equal(world.shown[0].options.renotify, true);
  assert.deepEqual({ ...world.shown[0].options.data }, { roomId: ROOM, seq: 41, url: `/rooms/${ROOM}?around=41` });
  assert.deepEqual(world.fetched, [], "a plain room's push says it all");
});

test("a long body is cut; a push without a title still reads as a message; junk still shows something", async () => {
  const long = pushNotification({ roomId: ROOM, seq: 1 }, "z".repeat(500));
  assert.equal(Array.from(long.options.body).length, 120);
  assert.equal(long.title, "New message");
  for (const junk of ["not json", { roomId: "../x", seq: 1 }, { roomId: ROOM, seq: "1" }, { roomId: ROOM }]) {
    const world = surroundings();
    await pushReceived(typeof junk === "string" ? { json: () => JSON.parse(junk) } : data(junk), world);
    assert.equal(world.shown.length, 1, "userVisibleOnly: every push shows a notification");
    assert.equal(world.shown[0].options.data.url, "/");
  }
});

test("an encrypted room's push is opened on a device that keeps the key, from the message itself", async () => {
  const keys = await roomKeys(secret);
  const sealed = await seal(keys, { roomId: ROOM, author, clientMsgId: "c-1", text: "meet at the usual place 🙂" });
  const entry = { id: "m1", seq: 7, username: "bob", author, clientMsgId: "c-1", ...sealed };
  const world = surroundings({ secrets: { [ROOM]: base64url(secret) }, history: [entry] });
  await pushReceived(data({ roomId: ROOM, seq: 7, title: "Secret plans" }), world);
  assert.deepEqual(world.fetched, [`/api/rooms/${ROOM}/messages?after=6&limit=1`]);
  assert.equal(world.shown[0].options.body, "bob: meet at the usual place 🙂");
});

test("the worker opens what room-crypto.js seals, also an edit (sealed under the edit's clientMsgId)", async () => {
  const keys = await roomKeys(secret);
  const edited = await seal(keys, { roomId: ROOM, author, clientMsgId: "c-edit", text: "fixed" });
  const entry = { author, clientMsgId: "c-1", lastEdit: { clientMsgId: "c-edit" }, ...edited };
  assert.equal(await pushOpenSealed(base64url(secret), ROOM, entry), "fixed");
  await assert.rejects(pushOpenSealed(base64url(secret), "anotherRoom", entry));
  await assert.rejects(pushOpenSealed(base64url(new Uint8Array(32)), ROOM, entry), /this room's key/);
});

test("without the key, or when the message cannot be had or opened, the notification says only that", async () => {
  const keys = await roomKeys(secret);
  const sealed = await seal(keys, { roomId: ROOM, author, clientMsgId: "c-1", text: "hidden" });
  const cases = [
    surroundings({ history: [{ seq: 7, author, clientMsgId: "c-1", ...sealed }] }),
    surroundings({ secrets: { [ROOM]: base64url(secret) }, history: [] }),
    surroundings({ secrets: { [ROOM]: base64url(secret) }, history: [{ seq: 7, author, clientMsgId: "c-2", ...sealed }] }),
  ];
  for (const world of cases) {
    await pushReceived(data({ roomId: ROOM, seq: 7, title: "Secret plans" }), world);
    assert.equal(world.shown[0].options.body, "New message in an encrypted room");
    assert.doesNotMatch(JSON.stringify(world.shown), /hidden/);
  }
  assert.deepEqual(cases[0].fetched, [], "no key: nothing is fetched");
});

test("no notification while a visible page of the origin shows that room; a hidden one or another room gets it", async () => {
  const push = data({ roomId: ROOM, seq: 3, title: "t", body: "b" });
  const showing = surroundings({ windows: [windowAt(`/rooms/${ROOM}`, "visible")] });
  await pushReceived(push, showing);
  assert.equal(showing.shown.length, 0);
  for (const windows of [[windowAt(`/rooms/${ROOM}`, "hidden")], [windowAt("/rooms/other", "visible")], []]) {
    const world = surroundings({ windows });
    await pushReceived(push, world);
    assert.equal(world.shown.length, 1);
  }
});

test("a click brings an open page to the front (a visible one first) and tells it to open the message", async () => {
  const hidden = windowAt("/");
  const visible = windowAt("/rooms/other", "visible");
  const world = surroundings({ windows: [hidden, visible] });
  await pushClicked({ roomId: ROOM, seq: 41, url: `/rooms/${ROOM}?around=41` }, world);
  assert.equal(visible.focused, true);
  assert.deepEqual(JSON.parse(JSON.stringify(visible.posted)), [{ type: "open-message", roomId: ROOM, seq: 41 }]);
  assert.equal(hidden.focused, false);
  assert.deepEqual(world.opened, []);
});

test("a click with no page open opens one at the message; only a path of this origin is opened", async () => {
  const world = surroundings();
  const { options } = pushNotification({ roomId: ROOM, seq: 41 }, "b");
  await pushClicked(options.data, world);
  await pushClicked({ url: "https://elsewhere.example/" }, world);
  await pushClicked(undefined, world);
  assert.deepEqual(world.opened, [`/rooms/${ROOM}?around=41`, "/", "/"]);
});
