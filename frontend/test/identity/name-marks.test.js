import assert from "node:assert/strict";
import { test } from "node:test";

import { KeyCheck } from "../../static/identity/key-check.js";
import { LookalikeCheck } from "../../static/identity/lookalike-check.js";
import { markName } from "../../static/identity/name-marks.js";
import { MemoryStorage } from "../memory-storage.js";

/** Just enough of an element for markName: classes, the name and what follows it. */
function element(className = "") {
  return {
    classList: new Set(className.split(" ").filter(Boolean)),
    after(...nodes) {
      this.following = nodes;
    },
  };
}

function item({ continued }) {
  const meta = element(continued ? "meta visually-hidden" : "meta");
  const sender = element("sender");
  const li = element(continued ? "message continued" : "message");
  li.classList.remove = li.classList.delete;
  meta.classList.remove = meta.classList.delete;
  li.querySelector = (selector) => ({ ".meta": meta, ".sender": sender })[selector] ?? null;
  return { li, meta, sender };
}

globalThis.document = { createElement: () => ({ className: "", textContent: "", title: "" }) };

function checks() {
  const storage = new MemoryStorage();
  const keys = new KeyCheck({ storage });
  const lookalikes = new LookalikeCheck({ storage });
  keys.enter("room-1");
  lookalikes.enter("room-1");
  return { keys, lookalikes };
}

test("a message under a known name with another key shows its name and an 'other key' mark, even in a group", () => {
  const { keys, lookalikes } = checks();
  markName(item({ continued: false }).li, { username: "ada", author: "k1" }, { keys, lookalikes });
  const { li, meta, sender } = item({ continued: true });
  markName(li, { username: "ada", author: "k2" }, { keys, lookalikes });
  assert.equal(li.classList.has("continued"), false);
  assert.equal(meta.classList.has("visually-hidden"), false);
  assert.equal(sender.following[1].textContent, "other key");
  assert.match(sender.following[1].className, /name-mark key-other/);
});

test("a name that looks like another of the room is marked, and says which", () => {
  const { keys, lookalikes } = checks();
  const real = item({ continued: false });
  markName(real.li, { username: "ada" }, { keys, lookalikes });
  assert.equal(real.sender.following, undefined, "nothing to mark yet");
  const fake = item({ continued: true });
  markName(fake.li, { username: "\u0430d\u0430", nameSkeleton: "ada", lookalike: true }, { keys, lookalikes });
  const [, mark] = fake.sender.following;
  assert.equal(mark.textContent, "look-alike name");
  assert.match(mark.title, /like "ada", another name in this room/);
  assert.match(mark.title, /mixes alphabets/);
  assert.equal(fake.li.classList.has("continued"), false);
});

test("names are compared by their skeletons, per room, across reloads; both names of a pair are told", () => {
  const storage = new MemoryStorage();
  const check = new LookalikeCheck({ storage });
  check.enter("room-1");
  assert.equal(check.check({ username: "ada" }), null);
  assert.equal(check.check({ username: "ada" }), null, "the same name again");
  assert.deepEqual(check.check({ username: "\u0430d\u0430", nameSkeleton: "ada" }), { mixed: false, like: "ada" });
  assert.deepEqual(check.check({ username: "ada" }), { mixed: false, like: "\u0430d\u0430" });
  assert.deepEqual(check.check({ username: "\u0430d\u0430", nameSkeleton: "ada", lookalike: true }),
    { mixed: true, like: "ada" });
  assert.equal(check.check({ username: null }), null);
  const reloaded = new LookalikeCheck({ storage });
  reloaded.enter("room-1");
  assert.deepEqual(reloaded.check({ username: "ada" }), { mixed: false, like: "\u0430d\u0430" });
  reloaded.enter("room-2");
  assert.equal(reloaded.check({ username: "ada" }), null, "per room");
});
