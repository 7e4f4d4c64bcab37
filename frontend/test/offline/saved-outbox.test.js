import assert from "node:assert/strict";
import { test } from "node:test";

import { SavedOutbox } from "../../static/offline/saved-outbox.js";
import { MemoryStorage } from "../memory-storage.js";

const ROOM = "r".repeat(22);
const destination = `/app/rooms/${ROOM}`;

/** An outbox of tab {@code clientId} in {@code storage}, whose clientMsgIds are cmid-1, cmid-2, ... */
function outbox(storage, clientId = "web-me") {
  let next = 1;
  return new SavedOutbox({ storage, clientId, newClientMsgId: () => `cmid-${clientId}-${next++}` });
}

test("what was written offline comes back after a reload, queued, with its clientMsgId", () => {
  const storage = new MemoryStorage();
  const before = outbox(storage);
  before.add({ roomId: ROOM, destination, text: "written in the tunnel" });
  const sending = before.add({ roomId: ROOM, destination, text: "in flight" });
  before.markSending(sending.localId);

  const after = outbox(storage);
  assert.deepEqual(after.queued().map(({ text, clientMsgId, state }) => ({ text, clientMsgId, state })), [
    { text: "written in the tunnel", clientMsgId: "cmid-web-me-1", state: "queued" },
    { text: "in flight", clientMsgId: "cmid-web-me-2", state: "queued" },
  ]);
  assert.equal(after.forRoom(ROOM)[1].attempts, 1, "it may have arrived: a look-alike echo still confirms it");
  // New entries of the new page get local ids of their own.
  const added = after.add({ roomId: ROOM, destination, text: "after the reload" });
  assert.equal(new Set(after.forRoom(ROOM).map((entry) => entry.localId)).size, 3);
  assert.notEqual(added.clientMsgId, "cmid-web-me-1");
});

test("an entry leaves the saved outbox once the server stored it or the room shows it", () => {
  const storage = new MemoryStorage();
  const box = outbox(storage);
  const first = box.add({ roomId: ROOM, destination, text: "one" });
  const second = box.add({ roomId: ROOM, destination, text: "two" });
  box.markSending(first.localId);
  box.markSending(second.localId);
  box.receipt({ clientMsgId: first.clientMsgId, status: "stored", id: "m1", seq: 1, roomId: ROOM });
  assert.deepEqual(outbox(storage).queued().map((entry) => entry.text), ["two"]);
  box.confirm({ id: "m2", roomId: ROOM, clientId: "web-me", clientMsgId: second.clientMsgId, text: "two" }, "web-me");
  assert.deepEqual(outbox(storage).queued(), []);
});

test("a refused entry comes back refused, with its reason", () => {
  const storage = new MemoryStorage();
  const box = outbox(storage);
  const entry = box.add({ roomId: ROOM, destination, text: "too fast" });
  box.markSending(entry.localId);
  box.reject("slow down", ROOM, ["retry"], entry.clientMsgId);
  const [back] = outbox(storage).forRoom(ROOM);
  assert.deepEqual({ state: back.state, reason: back.reason, offer: back.offer },
    { state: "failed", reason: "slow down", offer: ["retry"] });
});

test("each tab finds only its own entries", () => {
  const storage = new MemoryStorage();
  outbox(storage, "web-a").add({ roomId: ROOM, destination, text: "from a" });
  assert.deepEqual(outbox(storage, "web-b").forRoom(ROOM), []);
  assert.equal(outbox(storage, "web-a").forRoom(ROOM).length, 1);
});

test("a malformed or unreadable saved outbox is ignored", () => {
  const storage = new MemoryStorage();
  storage.setItem("chat.outbox.web-me", "{not json");
  assert.deepEqual(outbox(storage).queued(), []);
  storage.setItem("chat.outbox.web-me", JSON.stringify([{ text: 1 }, null, { clientMsgId: "c", roomId: ROOM,
    destination, text: "ok", state: "sending", attempts: 2 }]));
  assert.deepEqual(outbox(storage).queued().map((entry) => entry.text), ["ok"]);
  const refusing = { getItem: () => null, removeItem: () => {}, setItem: () => {
    throw new Error("full");
  } };
  assert.equal(outbox(refusing).add({ roomId: ROOM, destination, text: "still works" }).state, "queued");
});

/** localStorage with key() and length, as the adoption walks it. */
class ListedStorage extends MemoryStorage {
  #keys = new Set();
  setItem(key, value) {
    super.setItem(key, value);
    this.#keys.add(key);
  }
  removeItem(key) {
    super.removeItem(key);
    this.#keys.delete(key);
  }
  get length() {
    return this.#keys.size;
  }
  key(i) {
    return [...this.#keys][i] ?? null;
  }
}

/** Web Locks of pages still open: {@code alive} names the keys whose page holds its lock. */
function locks(alive = []) {
  const held = alive.map((name) => ({ name }));
  return {
    request: (name, callback) => {
      held.push({ name });
      return callback();
    },
    query: async () => ({ held: [...held] }),
  };
}

test("a new tab adopts what a closed tab left unsent, and leaves an open tab's alone", async () => {
  const storage = new ListedStorage();
  new SavedOutbox({ storage, clientId: "web-closed", locks: null })
    .add({ roomId: ROOM, destination, text: "left by the closed app" });
  new SavedOutbox({ storage, clientId: "web-open", locks: null })
    .add({ roomId: ROOM, destination, text: "still in an open tab" });

  const box = new SavedOutbox({ storage, clientId: "web-new", locks: locks(["chat.outbox.web-open"]) });
  await box.adopted;
  assert.deepEqual(box.queued().map((entry) => entry.text), ["left by the closed app"]);
  assert.equal(storage.getItem("chat.outbox.web-closed"), null);
  assert.deepEqual(JSON.parse(storage.getItem("chat.outbox.web-new")).map((entry) => entry.text),
    ["left by the closed app"]);
  assert.equal(JSON.parse(storage.getItem("chat.outbox.web-open")).length, 1);
});
