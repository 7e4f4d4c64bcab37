import assert from "node:assert/strict";
import { test } from "node:test";

import { KeyCheck } from "../../static/identity/key-check.js";
import { keyMark, keyMarks, PresenceRoster, presenceText, rosterCount } from "../../static/presence/presence-roster.js";
import { MemoryStorage } from "../memory-storage.js";

const roster = (...members) => ({ type: "roster", members });
const member = (username, source = "web", since = "2026-12-02T10:00:00Z") => ({ username, source, since });
const names = (presence, me) => presence.list({ me }).map((entry) => entry.username);

test("a roster replaces whatever the page had, and is no news in the conversation", () => {
  const presence = new PresenceRoster();
  assert.equal(presence.known, false, "unknown until the first roster");
  assert.deepEqual(presence.apply(roster(member("zoe"), member("alice"))), { changed: true, event: null });
  assert.equal(presence.known, true);
  assert.deepEqual(names(presence), ["alice", "zoe"]);
  presence.apply(roster(member("bob", "mqtt")));
  assert.deepEqual(names(presence), ["bob"]);
  assert.equal(presence.size, 1);
  presence.apply(roster());
  assert.equal(presence.size, 0);
  assert.equal(presence.known, true, "an empty room is known too");
});

test("members are sorted by username, the reader's marked, MQTT ones with their source", () => {
  const presence = new PresenceRoster();
  presence.apply(roster(member("Émile"), member("bob", "mqtt"), member("alice"), member("Carol")));
  assert.deepEqual(names(presence), ["alice", "bob", "Carol", "Émile"]);
  const list = presence.list({ me: "Carol" });
  assert.deepEqual(list.map((entry) => entry.own), [false, false, true, false]);
  assert.deepEqual(list.map((entry) => entry.source), ["web", "mqtt", "web", "web"]);
  assert.equal(list[0].since, "2026-12-02T10:00:00Z");
});

test("a join adds someone and is news; a leave removes them and is news", () => {
  const presence = new PresenceRoster();
  presence.apply(roster(member("alice")));
  assert.deepEqual(presence.apply({ type: "join", username: "bob", source: "mqtt", since: "2026-12-02T10:05:00Z" }),
    { changed: true, event: { type: "join", username: "bob" } });
  assert.deepEqual(names(presence), ["alice", "bob"]);
  assert.equal(presence.list()[1].source, "mqtt");
  assert.deepEqual(presence.apply({ type: "leave", username: "bob", source: "mqtt" }),
    { changed: true, event: { type: "leave", username: "bob" } });
  assert.deepEqual(names(presence), ["alice"]);
});

test("the reader's own join and leave change the roster but are no news to them", () => {
  const presence = new PresenceRoster();
  presence.apply(roster());
  assert.deepEqual(presence.apply({ type: "join", username: "ada", source: "web" }, { me: "ada" }),
    { changed: true, event: null });
  assert.equal(presence.list({ me: "ada" })[0].own, true);
  assert.deepEqual(presence.apply({ type: "leave", username: "ada" }, { me: "ada" }), { changed: true, event: null });
});

test("a join of someone already here (another tab) or a leave of someone gone says nothing", () => {
  const presence = new PresenceRoster();
  presence.apply(roster(member("alice")));
  assert.deepEqual(presence.apply({ type: "join", username: "alice", source: "mqtt" }),
    { changed: true, event: null }, "the source may change");
  assert.equal(presence.list()[0].source, "mqtt");
  assert.deepEqual(presence.apply({ type: "leave", username: "nobody" }), { changed: false, event: null });
});

test("frames that are not presence frames change nothing", () => {
  const presence = new PresenceRoster();
  for (const frame of [null, {}, { type: "join" }, { type: "join", username: "" }, { type: "wave", username: "a" },
    { type: "roster" }, { type: "roster", members: "alice" }]) {
    assert.deepEqual(presence.apply(frame), { changed: false, event: null }, JSON.stringify(frame));
  }
  presence.apply(roster(member("alice"), { username: 42 }, null, { source: "web" }));
  assert.deepEqual(names(presence), ["alice"], "unusable members of a roster are skipped");
});

test("clear forgets everyone: a room opens", () => {
  const presence = new PresenceRoster();
  presence.apply(roster(member("alice")));
  presence.clear();
  assert.equal(presence.size, 0);
  assert.equal(presence.known, false);
});

test("the texts: \"alice joined\", \"alice left\", \"3 here\"", () => {
  assert.equal(presenceText({ type: "join", username: "alice" }), "alice joined");
  assert.equal(presenceText({ type: "leave", username: "Ada Lovelace" }), "Ada Lovelace left");
  assert.equal(rosterCount(3), "3 here");
  assert.equal(rosterCount(1), "1 here");
});

test("a member whose name looks like another member's is told, with whom; a mixed-script name is kept marked", () => {
  const presence = new PresenceRoster();
  presence.apply({ type: "roster", members: [{ username: "ada", source: "web" }, { username: "bob", source: "web" }] });
  presence.apply({ type: "join", username: "\u0430d\u0430", source: "mqtt", lookalike: true, nameSkeleton: "ada" });
  const byName = new Map(presence.list().map((member) => [member.username, member]));
  const [ada, fake, bob] = ["ada", "\u0430d\u0430", "bob"].map((name) => byName.get(name));
  assert.deepEqual([fake.like, fake.lookalike], ["ada", true]);
  assert.deepEqual([ada.like, ada.lookalike], ["\u0430d\u0430", false], "both names of the pair");
  assert.deepEqual([bob.like, bob.lookalike], [null, false]);
});

test("one name with two proven keys is two people, each joining and leaving alone, the reader's own marked", () => {
  const presence = new PresenceRoster();
  presence.apply(roster({ ...member("alice"), author: "k1" }));
  assert.deepEqual(presence.apply({ type: "join", username: "alice", source: "web", author: "k2",
    since: "2026-12-02T10:05:00Z" }, { me: "alice",
    myAuthor: "k1" }), { changed: true, event: { type: "join", username: "alice" } }, "another alice is news");
  assert.equal(presence.size, 2);
  const list = presence.list({ me: "alice", myAuthor: "k1" });
  assert.deepEqual(list.map((entry) => [entry.author, entry.own, entry.twins, entry.like]),
    [["k1", true, 1, null], ["k2", false, 1, null]], "the same name is a twin, not a look-alike");
  assert.deepEqual(presence.apply({ type: "leave", username: "alice", author: "k2" }, { me: "alice", myAuthor: "k1" }),
    { changed: true, event: { type: "leave", username: "alice" } });
  assert.deepEqual(presence.list().map((entry) => entry.author), ["k1"]);
  presence.apply({ type: "join", username: "alice", source: "web", since: "2026-12-02T10:09:00Z" });
  assert.deepEqual(presence.list().map((entry) => entry.author), ["k1", null], "without a key: another person");
});

test("a keyed member whose name came with another key first is marked, as is a keyless twin", () => {
  const storage = new MemoryStorage();
  const keys = new KeyCheck({ storage });
  keys.enter("room-1");
  keys.check({ username: "alice", author: "k1" });
  const presence = new PresenceRoster();
  presence.apply(roster({ ...member("alice"), author: "k2" }, { ...member("alice"), author: "k1" }, member("bob"),
    member("alice", "web", "2026-12-02T11:00:00Z")));
  assert.deepEqual(presence.list().map((entry) => [entry.username, entry.author, keyMark(entry, keys)]), [
    ["alice", "k1", null], ["alice", "k2", "other"], ["alice", null, "none"], ["bob", null, null],
  ]);
  assert.equal(keyMark({ username: "carol", author: "k9", twins: 0 }, keys), null, "first seen: remembered, unmarked");
  assert.equal(keyMark({ username: "carol", author: "k8", twins: 0 }, keys), "other");
});

test("the reader is never marked, and their own key is the one seen first: the other of their name is marked", () => {
  const keys = new KeyCheck({ storage: new MemoryStorage() });
  keys.enter("room-1");
  const presence = new PresenceRoster();
  presence.apply(roster({ ...member("alice"), author: "k1" },
    { ...member("alice", "web", "2026-12-02T11:00:00Z"), author: "k2" }));
  assert.deepEqual(keyMarks(presence.list({ me: "alice", myAuthor: "k2" }), keys), ["other", null]);
  assert.equal(keyMark({ username: "alice", author: "k3", twins: 1, own: true }, keys), null);
  assert.equal(keyMark({ username: "alice", author: null, twins: 1, own: true }, keys), null);
});

test("a join that overtakes the roster is kept: the reader's own seat is not lost", () => {
  const presence = new PresenceRoster();
  // The gateway sends the roster and the joins by different paths: the reader's own join may come first.
  assert.deepEqual(presence.apply({ type: "join", username: "ada", since: "2026-12-07T10:00:01Z" }, { me: "ada" }),
    { changed: false, event: null });
  assert.deepEqual(presence.apply(roster(member("bob"))), { changed: true, event: null });
  assert.deepEqual(names(presence), ["ada", "bob"]);
  // Once the roster is in, joins and leaves apply (and are news) as they come.
  assert.deepEqual(presence.apply({ type: "join", username: "carl" }), { changed: true, event: { type: "join", username: "carl" } });
  assert.deepEqual(names(presence), ["ada", "bob", "carl"]);
});

test("joins and leaves before the roster are replayed onto it in order, whichever way the roster was taken", () => {
  const presence = new PresenceRoster();
  // Taken before bob left and dan came and went: bob and dan are both gone in the end.
  presence.apply({ type: "leave", username: "bob" });
  presence.apply({ type: "join", username: "dan" });
  presence.apply({ type: "leave", username: "dan" });
  presence.apply(roster(member("bob"), member("eve")));
  assert.deepEqual(names(presence), ["eve"]);
  // Taken after eve came: her join before it changes nothing.
  const later = new PresenceRoster();
  later.apply({ type: "join", username: "eve" });
  later.apply(roster(member("eve")));
  assert.deepEqual(names(later), ["eve"]);
  assert.equal(later.size, 1);
});

test("after the connection drops, the members stay shown and the next roster gets the early joins too", () => {
  const presence = new PresenceRoster();
  presence.apply(roster(member("bob")));
  presence.awaitRoster();
  assert.deepEqual(names(presence), ["bob"], "shown until the next roster");
  presence.apply({ type: "join", username: "ada" });
  assert.deepEqual(names(presence), ["bob"], "held for the roster");
  presence.apply(roster());
  assert.deepEqual(names(presence), ["ada"]);
});
