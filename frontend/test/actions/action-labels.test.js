import assert from "node:assert/strict";
import { test } from "node:test";

import { actionLabels, LABEL_LENGTH, reactionLabel, shortened } from "../../static/actions/action-labels.js";

test("a short text is kept whole, on one line", () => {
  assert.equal(shortened("lunch at noon?"), "lunch at noon?");
  assert.equal(shortened("  first line\n\nsecond\tline "), "first line second line");
  assert.equal(shortened(undefined), "");
});

test("a long text is cut at the last word that fits, with an ellipsis", () => {
  const text = "shall we move the design review to Thursday afternoon, after the release?";
  const cut = shortened(text);
  assert.equal(cut, "shall we move the design review to…");
  assert.ok([...cut].length <= LABEL_LENGTH);
});

test("one long word is cut inside it; emoji are never split", () => {
  assert.equal(shortened("x".repeat(100), 10), `${"x".repeat(9)}…`);
  assert.equal(shortened("😀".repeat(12), 10), `${"😀".repeat(9)}…`);
});

test("each action names the sender and the message", () => {
  assert.deepEqual(actionLabels({ sender: "alice", own: false, text: "lunch at noon?" }), {
    reply: "Reply to alice: lunch at noon?",
    react: "React to alice: lunch at noon?",
    edit: "Edit your message: lunch at noon?",
    delete: "Delete your message: lunch at noon?",
    remove: "Remove message by alice: lunch at noon?",
  });
  assert.equal(actionLabels({ sender: "ada", own: true, text: "done" }).reply, "Reply to your message: done");
});

test("a message of pictures only says so", () => {
  assert.equal(actionLabels({ sender: "bob", own: false, text: "", pictures: 1 }).react, "React to bob (a picture)");
  assert.equal(actionLabels({ sender: "bob", own: false, text: "", pictures: 3 }).reply, "Reply to bob (3 pictures)");
  assert.equal(actionLabels({ sender: "bob", own: false, text: "" }).reply, "Reply to bob");
});

test("a reaction count says who reacted", () => {
  assert.equal(reactionLabel("👍", 2, "alice, bob"), "👍 2: alice, bob");
  assert.equal(reactionLabel("👍", 1, ""), "👍 1");
});
