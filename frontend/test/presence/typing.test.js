import assert from "node:assert/strict";
import { test } from "node:test";

import { FakeClock } from "../fake-clock.js";
import { TYPING_EXPIRY_MS, TypingIndicator, typingText } from "../../static/presence/typing-indicator.js";
import { TYPING_INTERVAL_MS, TypingSender } from "../../static/presence/typing-sender.js";

function indicator() {
  const clock = new FakeClock();
  const changes = [];
  const typing = new TypingIndicator({
    onChange: (text) => changes.push(text), setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout,
  });
  return { clock, changes, typing };
}

test("the line names one or two people, and counts more", () => {
  assert.equal(typingText([]), "");
  assert.equal(typingText(["alice"]), "alice is typing…");
  assert.equal(typingText(["alice", "bob"]), "alice and bob are typing…");
  assert.equal(typingText(["alice", "bob", "carol"]), "3 people are typing…");
  assert.match(typingText(["alice"]), /\u2026$/, "a real ellipsis");
});

test("a signal shows for 5 s after the latest one, then the name goes", async () => {
  const { clock, changes, typing } = indicator();
  typing.typing("alice");
  assert.equal(typing.text, "alice is typing…");
  await clock.advance(4000);
  typing.typing("alice");
  await clock.advance(4000);
  assert.equal(typing.text, "alice is typing…", "the second signal renewed it");
  await clock.advance(1000);
  assert.equal(typing.text, "");
  assert.deepEqual(changes, ["alice is typing…", ""], "a renewal changes no text");
  assert.equal(TYPING_EXPIRY_MS, 5000);
});

test("names are sorted and each expires on its own", async () => {
  const { clock, typing } = indicator();
  typing.typing("bob");
  await clock.advance(2000);
  typing.typing("alice");
  assert.equal(typing.text, "alice and bob are typing…");
  typing.typing("carol");
  assert.equal(typing.text, "3 people are typing…");
  await clock.advance(3000);
  assert.equal(typing.text, "alice and carol are typing…");
  await clock.advance(2000);
  assert.equal(typing.text, "");
  assert.deepEqual(clock.pending, [], "no timer left");
});

test("a message from someone typing clears their name at once", () => {
  const { clock, typing } = indicator();
  typing.typing("alice");
  typing.typing("bob");
  typing.stopped("alice");
  assert.equal(typing.text, "bob is typing…");
  assert.equal(clock.pending.length, 1, "alice's timer is gone");
  typing.stopped("nobody");
  assert.equal(typing.text, "bob is typing…");
});

test("clear empties the line (another room, a lost connection); empty names are ignored", () => {
  const { clock, changes, typing } = indicator();
  typing.clear();
  assert.deepEqual(changes, [], "nothing to clear, nothing said");
  typing.typing("");
  typing.typing(undefined);
  assert.equal(typing.text, "");
  typing.typing("alice");
  typing.clear();
  assert.equal(typing.text, "");
  assert.deepEqual(clock.pending, []);
  assert.deepEqual(changes, ["alice is typing…", ""]);
});

test("typing sends a signal at most once every 3 s, and none for an empty box", () => {
  let now = 0;
  let sent = 0;
  const sender = new TypingSender({ send: () => ++sent > 0, now: () => now });
  assert.equal(sender.input("h"), true);
  now = 1000;
  assert.equal(sender.input("he"), false);
  now = 2999;
  assert.equal(sender.input("hel"), false);
  now = 3000;
  assert.equal(sender.input("hell"), true);
  now = 7000;
  assert.equal(sender.input("   "), false, "only whitespace is not typing a message");
  assert.equal(sender.input(""), false);
  assert.equal(sent, 2);
  assert.equal(TYPING_INTERVAL_MS, 3000);
});

test("under the server's limit whatever the pace: at most 1 per second, and never a burst", () => {
  let now = 0;
  const times = [];
  const sender = new TypingSender({ send: () => times.push(now) > 0, now: () => now });
  for (now = 0; now < 60000; now += 37) {
    sender.input("typing away");
  }
  for (let i = 1; i < times.length; i++) {
    assert.ok(times[i] - times[i - 1] >= 1000, `${times[i - 1]} then ${times[i]}`);
  }
  assert.ok(times.length >= 19 && times.length <= 20, `${times.length} signals in a minute`);
});

test("a signal that could not leave the page (disconnected, no name) goes with the next keystroke", () => {
  let now = 0;
  let connected = false;
  const sent = [];
  const sender = new TypingSender({ send: () => connected && sent.push(now) > 0, now: () => now });
  assert.equal(sender.input("a"), false);
  connected = true;
  now = 100;
  assert.equal(sender.input("ab"), true);
  assert.deepEqual(sent, [100]);
});

test("another room: the reader's typing there is news at once", () => {
  let now = 0;
  let sent = 0;
  const sender = new TypingSender({ send: () => ++sent > 0, now: () => now });
  sender.input("a");
  now = 500;
  sender.reset();
  assert.equal(sender.input("b"), true);
  assert.equal(sent, 2);
});
