import assert from "node:assert/strict";
import { test } from "node:test";

import { HistoryError } from "../../static/connection/api.js";
import { OFFLINE_NOTE, wireKeptRooms } from "../../static/offline/kept-rooms.js";
import { updatedRecord } from "../../static/offline/kept-messages.js";

const ROOM = { id: "r".repeat(22), name: "Kitchen", encrypted: false };
const entry = (seq) => ({ id: `m${seq}`, roomId: ROOM.id, seq, text: `#${seq}` });

/** RoomStore's contract, in memory. */
class FakeStore {
  records = new Map();
  async get(id) {
    return this.records.get(id) ?? null;
  }
  async save(change) {
    this.records.set(change.id, updatedRecord(this.records.get(change.id), change));
  }
  async remove(id) {
    this.records.delete(id);
  }
}

/** A server whose answers the test sets: online with a room's entries, or unreachable. */
function server() {
  const state = { online: true, entries: [], requests: [] };
  const api = {
    getRoom: async (id) => {
      if (!state.online) {
        return { ok: false, error: "unreachable" };
      }
      return id === ROOM.id ? { ok: true, status: 200, body: ROOM }
        : { ok: false, status: id.startsWith("gone") ? 404 : 403, error: "no" };
    },
    history: async (id, params) => {
      state.requests.push(params);
      if (!state.online) {
        throw new HistoryError("unreachable", undefined);
      }
      return state.entries.filter((message) => params.after === undefined || message.seq > params.after);
    },
  };
  return { state, api };
}

function view() {
  const shown = { entries: [], notes: [] };
  return { shown, append: (entries) => shown.entries.push(...entries), loaded: () => {},
    note: (text) => shown.notes.push(text) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function wired() {
  const { state, api } = server();
  const store = new FakeStore();
  const kept = wireKeptRooms(api, { store, setTimeout: (callback) => queueMicrotask(callback) });
  return { state, store, kept };
}

test("what a room shows is kept, with its details, and opens it again when the server cannot be reached", async () => {
  const { state, store, kept } = wired();
  state.entries = [entry(1), entry(2)];
  const online = view();
  await kept.roomSync(ROOM, { view: online, onError: assert.fail }).sync();
  await settle();
  assert.deepEqual(store.records.get(ROOM.id).messages, [entry(1), entry(2)]);
  assert.deepEqual(online.shown.notes, []);

  state.online = false;
  const answer = await kept.api.getRoom(ROOM.id);
  assert.deepEqual(answer, { ok: true, status: 200, body: ROOM, kept: true });
  const offline = view();
  const sync = kept.roomSync(answer.body, { view: offline, onError: assert.fail });
  await sync.sync();
  assert.deepEqual(offline.shown.entries, [entry(1), entry(2)]);
  assert.deepEqual(offline.shown.notes, [OFFLINE_NOTE]);

  // Back: the room catches up after the last kept seq, not from the start.
  state.online = true;
  state.entries.push(entry(3));
  await sync.sync();
  assert.deepEqual(state.requests.at(-1), { after: 2, limit: 200 });
  assert.deepEqual(offline.shown.entries.map((message) => message.seq), [1, 2, 3]);
});

test("a room this device never kept is not opened offline, and says why as before", async () => {
  const { state, kept } = wired();
  state.online = false;
  assert.equal((await kept.api.getRoom(ROOM.id)).ok, false);
});

test("a room the server no longer has, or no longer lets the reader into, is forgotten", async () => {
  const { store, kept } = wired();
  await store.save({ id: "gone".repeat(6), room: { id: "gone".repeat(6) } });
  await store.save({ id: "members".repeat(3), room: { id: "members".repeat(3) } });
  assert.equal((await kept.api.getRoom("gone".repeat(6))).status, 404);
  assert.equal((await kept.api.getRoom("members".repeat(3))).status, 403);
  await settle();
  assert.equal(store.records.size, 0);
});

test("an older page (Load older messages) is never answered from what was kept", async () => {
  const { state, store, kept } = wired();
  await store.save({ id: ROOM.id, room: ROOM, messages: [entry(5)] });
  state.online = false;
  const sync = kept.roomSync(ROOM, { view: view(), onError: () => {} });
  await assert.rejects(() => sync.older(5));
});

test("entries of another room are not kept under this one", async () => {
  const { store, kept } = wired();
  const sync = kept.roomSync(ROOM, { view: view(), onError: () => {} });
  await sync.sync();
  sync.receive({ ...entry(1), roomId: "x".repeat(22) });
  await settle();
  assert.deepEqual(store.records.get(ROOM.id).messages, []);
});
