import assert from "node:assert/strict";
import test from "node:test";

import { sendBody } from "../../static/composer/outbox.js";
import {
  repliesLabel, showsReplies, SHOW_REPLIES_KEY, threadReply, ThreadIndex,
} from "../../static/conversation/thread-index.js";
import { MemoryStorage } from "../memory-storage.js";

const message = (id, seq, extra = {}) => ({ id, seq, type: "message", text: id, ...extra });

test("replies are indexed under their root, in seq order, whatever order they arrive in", () => {
  const index = new ThreadIndex();
  assert.equal(index.add(message("root", 1)), null, "a message without replies is in no thread");
  assert.equal(index.add(message("r3", 7, { replyTo: "r1", threadId: "root" })), "root");
  assert.equal(index.add(message("r1", 3, { replyTo: "root", threadId: "root" })), "root");
  assert.equal(index.add(message("other", 4)), null);
  assert.deepEqual(index.replies("root").map((reply) => reply.id), ["r1", "r3"]);
  assert.equal(index.count("root"), 2);
  assert.equal(index.count("other"), 0);
  assert.equal(index.message("root").text, "root");
  assert.equal(ThreadIndex.threadOf(index.replies("root")[1]), "root");
});

test("a root's count is the server's until more replies arrive, and a repeat counts once", () => {
  const index = new ThreadIndex();
  assert.equal(index.add(message("root", 10, { replies: 4 })), "root");
  assert.equal(index.count("root"), 4, "replies older than what the page loaded still count");
  index.add(message("r", 11, { threadId: "root" }));
  index.add(message("r", 11, { threadId: "root", editedAt: "later" }));
  assert.equal(index.count("root"), 4);
  for (const id of ["a", "b", "c", "d"]) {
    index.add(message(id, 20, { threadId: "root" }));
  }
  assert.equal(index.count("root"), 5);
  index.reset();
  assert.equal(index.count("root"), 0);
});

test("actions are in no thread", () => {
  const index = new ThreadIndex();
  assert.equal(index.add({ id: "e", type: "reaction", target: "root", threadId: "root" }), null);
  assert.equal(index.count("root"), 0);
});

test("labels, the remembered setting and what a thread reply sends", () => {
  assert.equal(repliesLabel(1), "1 reply");
  assert.equal(repliesLabel(3), "3 replies");
  const storage = new MemoryStorage();
  assert.equal(showsReplies(storage), true, "shown until turned off");
  storage.setItem(SHOW_REPLIES_KEY, "false");
  assert.equal(showsReplies(storage), false);
  assert.deepEqual(threadReply("root"), { replyTo: "root", threadId: "root" });
  assert.deepEqual(threadReply("root", "r1"), { replyTo: "r1", threadId: "root" });
  assert.deepEqual(sendBody({ text: "hi", clientMsgId: "m", ...threadReply("root", "r1") },
    { username: "ada", clientId: "c" }),
  { username: "ada", text: "hi", clientId: "c", clientMsgId: "m", replyTo: "r1", threadId: "root" });
});
