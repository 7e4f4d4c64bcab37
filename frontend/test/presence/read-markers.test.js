import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_NAMED, ReadMarkers, seenByText } from "../../static/presence/read-markers.js";

const entries = (placed) => Object.fromEntries([...placed].map(([seq, names]) => [seq, names]));

test("each reader's marker only moves forward", () => {
  const markers = new ReadMarkers();
  assert.equal(markers.apply({ username: "alice", seq: 5 }), true);
  assert.equal(markers.apply({ username: "alice", seq: 3 }), false, "an older marker arriving late");
  assert.equal(markers.apply({ username: "alice", seq: 5 }), false);
  assert.equal(markers.seqOf("alice"), 5);
  assert.equal(markers.apply({ username: "alice", seq: 9, source: "web" }), true);
  assert.equal(markers.seqOf("alice"), 9);
  assert.equal(markers.seqOf("bob"), 0);
});

test("unusable markers are ignored", () => {
  const markers = new ReadMarkers();
  for (const marker of [null, {}, { username: "a" }, { username: "", seq: 1 }, { username: "a", seq: 0 },
    { username: "a", seq: 1.5 }, { username: "a", seq: "3" }, { username: 7, seq: 3 }]) {
    assert.equal(markers.apply(marker), false, JSON.stringify(marker));
  }
});

test("a reader shows once, under the newest message shown at or below their marker", () => {
  const markers = new ReadMarkers();
  markers.apply({ username: "alice", seq: 12 });
  markers.apply({ username: "bob", seq: 10 });
  markers.apply({ username: "carol", seq: 11 });
  markers.apply({ username: "dave", seq: 99 });
  // 11 is not in the list (pruned, or of a source the page skips): carol goes under 10.
  assert.deepEqual(entries(markers.placement([8, 9, 10, 12])), { 10: ["bob", "carol"], 12: ["alice", "dave"] });
});

test("nobody shows below the first message shown, the reader never, and the list order does not matter", () => {
  const markers = new ReadMarkers();
  markers.apply({ username: "alice", seq: 3 });
  markers.apply({ username: "me", seq: 20 });
  markers.apply({ username: "bob", seq: 20 });
  assert.deepEqual(entries(markers.placement([20, 10, 15], { me: "me" })), { 20: ["bob"] });
  assert.deepEqual(entries(markers.placement([])), {});
});

test("names under a message are sorted", () => {
  const markers = new ReadMarkers();
  for (const username of ["zoe", "Bob", "alice", "Émile"]) {
    markers.apply({ username, seq: 4 });
  }
  assert.deepEqual(markers.placement([4]).get(4), ["alice", "Bob", "Émile", "zoe"]);
});

test("reset forgets every marker: a room opens", () => {
  const markers = new ReadMarkers();
  markers.apply({ username: "alice", seq: 4 });
  markers.reset();
  assert.equal(markers.seqOf("alice"), 0);
  assert.equal(markers.placement([4]).size, 0);
});

test("\"Seen by\" lists up to three names, and counts the rest", () => {
  assert.equal(seenByText(["alice"]), "Seen by alice");
  assert.equal(seenByText(["alice", "bob"]), "Seen by alice, bob");
  assert.equal(seenByText(["alice", "bob", "carol"]), "Seen by alice, bob, carol");
  assert.equal(seenByText(["alice", "bob", "carol", "dave", "eve"]), "Seen by alice, bob and 3 others");
  assert.equal(seenByText(["a", "b", "c", "d"]), "Seen by a, b and 2 others");
  assert.equal(MAX_NAMED, 3);
  assert.equal(seenByText(["a", "b"], { maxNamed: 1 }), "Seen by a and 1 other");
});
