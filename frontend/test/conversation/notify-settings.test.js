import assert from "node:assert/strict";
import { test } from "node:test";

import { MemoryStorage } from "../memory-storage.js";
import { mentionNotification } from "../../static/conversation/mentions.js";
import { MAX_NOTIFY_ROOMS, NOTIFY_KEY, NotifySettings, notifies } from "../../static/conversation/notify-settings.js";

const ROOM = { id: "r".repeat(22), name: "Design review" };
const message = (text) => ({ id: "m1", roomId: ROOM.id, username: "alice", clientId: "c-alice", text, seq: 3 });
const shown = (text, notify, hidden = true) => mentionNotification(message(text),
  { me: "ada", clientId: "c-me", room: ROOM, hidden, notify }) !== null;

test("all: every message by others; mentions: only those naming the reader; off: none", () => {
  assert.equal(notifies("all", { mentioned: false }), true);
  assert.equal(notifies("mentions", { mentioned: true }), true);
  assert.equal(notifies("mentions", { mentioned: false }), false);
  assert.equal(notifies("off", { mentioned: true }), false);
  assert.equal(notifies(undefined, { mentioned: true }), false);
});

test("the in-tab notifications obey the room's choice, still only while the tab is hidden and never for your own", () => {
  assert.equal(shown("lunch?", "all"), true);
  assert.equal(shown("lunch?", "all", false), false, "the tab is visible");
  assert.equal(shown("lunch?", "mentions"), false);
  assert.equal(shown("@ada lunch?", "mentions"), true);
  assert.equal(shown("@ada lunch?", "off"), false);
  assert.equal(mentionNotification({ ...message("mine"), clientId: "c-me" },
    { me: "ada", clientId: "c-me", room: ROOM, hidden: true, notify: "all" }), null);
  assert.deepEqual(mentionNotification(message("lunch?"), { me: "ada", room: ROOM, hidden: true, notify: "all" }),
    { title: "Design review", options: { body: "alice: lunch?", tag: ROOM.id } });
});

test("a room without a choice notifies of mentions, as the page did before; a choice is kept on the device", () => {
  const storage = new MemoryStorage();
  const settings = new NotifySettings({ storage });
  assert.equal(settings.get("a"), "mentions");
  settings.set("a", "all");
  settings.set("b", "off");
  assert.equal(new NotifySettings({ storage }).get("a"), "all");
  assert.equal(new NotifySettings({ storage }).get("b"), "off");
  assert.throws(() => settings.set("a", "sometimes"));
});

test("what storage holds from elsewhere is ignored, not trusted", () => {
  const storage = new MemoryStorage();
  for (const junk of ["not json", "[1,2]", "null", JSON.stringify({ a: "loud" })]) {
    storage.setItem(NOTIFY_KEY, junk);
    assert.equal(new NotifySettings({ storage }).get("a"), "mentions", junk);
  }
});

test("the rooms a push registration lists: each once, in order, without those turned off", () => {
  const settings = new NotifySettings({ storage: new MemoryStorage() });
  settings.set("b", "off");
  settings.set("c", "all");
  assert.deepEqual(settings.rooms(["a", "b", "c", "a"]), [{ id: "a", notify: "mentions" }, { id: "c", notify: "all" }]);
});

test("listeners hear each choice; only the latest rooms keep theirs", () => {
  const storage = new MemoryStorage();
  const settings = new NotifySettings({ storage });
  const heard = [];
  settings.onChange((roomId, choice) => heard.push([roomId, choice]));
  settings.set("x", "off");
  assert.deepEqual(heard, [["x", "off"]]);
  for (let i = 0; i < MAX_NOTIFY_ROOMS; i++) {
    settings.set(`room${i}`, "all");
  }
  assert.equal(settings.get("x"), "mentions", "the oldest choice went");
  assert.equal(settings.get(`room${MAX_NOTIFY_ROOMS - 1}`), "all");
});
