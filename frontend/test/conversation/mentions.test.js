import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_BODY, mentionNotification, mentions, mentionSpans, truncate } from "../../static/conversation/mentions.js";

const ROOM = { id: "r".repeat(22), name: "Design review" };
const message = (text, fields = {}) => ({ id: "m1", roomId: ROOM.id, username: "alice", clientId: "c-alice",
  text, source: "web", seq: 3, ...fields });
const notify = (text, fields, options = {}) => mentionNotification(message(text, fields),
  { me: "ada", clientId: "c-me", room: ROOM, hidden: true, ...options });

test("@username anywhere, in any case, ending at a non-word character or the end", () => {
  for (const text of ["@ada", "hi @ada", "@ada, look", "@ADA!", "(@Ada)", "@ada\nnext line", "ping @ada.", "@ada's"]) {
    assert.equal(mentions(text, "ada"), true, text);
  }
  for (const text of ["ada", "@adam", "@ada_b", "@ada2", "mail x@ada.org", "@ad a", "@ädaß", ""]) {
    assert.equal(mentions(text, "ada"), false, text);
  }
});

test("a name with spaces, punctuation or letters of any script is matched literally", () => {
  assert.equal(mentions("thanks @Ada Lovelace!", "Ada Lovelace"), true);
  assert.equal(mentions("thanks @Ada", "Ada Lovelace"), false);
  assert.equal(mentions("@a.b? yes", "a.b?"), true);
  assert.equal(mentions("@axb yes", "a.b"), false, "a dot is a dot, not any character");
  assert.equal(mentions("hey @[x](y)", "[x](y)"), true);
  assert.equal(mentions("hey @a|b", "a|b"), true);
  assert.equal(mentions("hey @ab", "a|b"), false);
  assert.equal(mentions("@\\d+ $1", "\\d+"), true);
  assert.equal(mentions("@1234", "\\d+"), false);
  assert.equal(mentions("hallo @Jürgen", "jürgen"), true);
  assert.equal(mentions("hallo @Jürgens", "jürgen"), false);
  assert.equal(mentions("привет @Борис!", "борис"), true);
  assert.equal(mentions("@東京 さん", "東京"), true);
  assert.equal(mentions("@ada/b", "ada/b"), true);
});

test("no name, no mention", () => {
  assert.equal(mentions("@ everyone", ""), false);
  assert.equal(mentions("@ada", "  "), false);
  assert.equal(mentions(undefined, "ada"), false);
  assert.equal(mentions("@ada", " ada "), true, "the name as sent, trimmed");
});

test("truncate cuts whole characters and marks the cut", () => {
  assert.equal(truncate("short"), "short");
  assert.equal(truncate("x".repeat(MAX_BODY)), "x".repeat(MAX_BODY));
  const cut = truncate("y".repeat(200));
  assert.equal(Array.from(cut).length, MAX_BODY);
  assert.match(cut, /…$/);
  assert.equal(truncate("😀😀😀😀", 3), "😀😀…", "no half emoji");
});

test("a mention while the tab is hidden raises the room's notification: sender and text, tagged by room", () => {
  assert.deepEqual(notify("@ada can you look?"), {
    title: "Design review",
    options: { body: "alice: @ada can you look?", tag: ROOM.id },
  });
  const long = notify(`@ada ${"z".repeat(300)}`);
  assert.equal(Array.from(long.options.body).length, MAX_BODY);
  assert.equal(notify("@ada", { username: null, source: "mqtt" }).options.body, "MQTT client: @ada");
  assert.equal(mentionNotification(message("@ada"), { me: "ada", room: { id: ROOM.id, name: null }, hidden: true })
    .title, "Unnamed room");
});

test("no notification in a visible tab, without a mention, for the reader's own message or another room", () => {
  assert.equal(notify("@ada", {}, { hidden: false }), null);
  assert.equal(notify("hello all"), null);
  assert.equal(notify("@ada", { clientId: "c-me" }), null, "sent from this tab");
  assert.equal(notify("note to self @ada", { username: "ada", clientId: "c-laptop" }), null, "from another device");
  assert.equal(notify("@ada", { roomId: "another" }), null);
  assert.equal(notify("@ada", {}, { room: null }), null);
  assert.equal(notify("@ada", {}, { me: "" }), null, "no name yet: nobody to mention");
});

test("mentionSpans finds each mention of the name, as mentions() does", () => {
  assert.deepEqual(mentionSpans("@ada and @ADA, not @adam", "ada"), [{ start: 0, end: 4 }, { start: 9, end: 13 }]);
  assert.deepEqual(mentionSpans("thanks @Ada Lovelace!", "Ada Lovelace"), [{ start: 7, end: 20 }]);
  assert.deepEqual(mentionSpans("x@ada.org", "ada"), []);
  assert.deepEqual(mentionSpans("@ada", ""), []);
});
