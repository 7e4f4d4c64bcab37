import assert from "node:assert/strict";
import { test } from "node:test";

import { MemoryStorage } from "../memory-storage.js";
import { connectHeaders, UsernameField } from "../../static/identity/username.js";

test("the CONNECT headers name the session when the name is usable, and nothing otherwise", () => {
  assert.deepEqual(connectHeaders("ada"), { username: "ada" });
  assert.deepEqual(connectHeaders("  Ada Lovelace  "), { username: "Ada Lovelace" });
  assert.deepEqual(connectHeaders(""), {});
  assert.deepEqual(connectHeaders("   "), {});
  assert.deepEqual(connectHeaders(undefined), {});
  assert.deepEqual(connectHeaders("x".repeat(33)), {});
  assert.deepEqual(connectHeaders("a\u0007b"), {});
  assert.deepEqual(connectHeaders("ad\u200ba"), {}, "zero-width space");
  assert.deepEqual(connectHeaders("\u202enimda"), {}, "right-to-left override");
  assert.deepEqual(connectHeaders("\uff41\uff44\uff41"), { username: "ada" }, "fullwidth, in NFKC form");
});

/** A UsernameField on stand-ins for its two elements. */
function field(storage) {
  const element = () => ({ value: "", textContent: "", listeners: {}, addEventListener(type, listener) {
    this.listeners[type] = listener;
  }, setAttribute() {}, removeAttribute() {}, focus() {} });
  const elements = { "username": element(), "username-error": element() };
  globalThis.document = { getElementById: (id) => elements[id] };
  let renamed = 0;
  let named = 0;
  const username = new UsernameField({ storage, onRenamed: () => renamed++, onNamed: () => named++ });
  return { username, input: elements.username, renamed: () => renamed, named: () => named };
}

test("a new name renews the connection (one name per session); the first name is told apart, the same name is not", () => {
  const storage = new MemoryStorage();
  const { username, input, renamed, named } = field(storage);
  assert.equal(username.committed, "");
  input.value = " ada ";
  username.commit();
  assert.equal(renamed(), 0, "no earlier name to rename");
  assert.equal(named(), 1, "the first name: the page renews its nameless connection");
  assert.equal(username.committed, "ada");
  username.commit();
  assert.equal(renamed(), 0);
  assert.equal(named(), 1, "the same name again is nothing new");
  input.value = "bob";
  assert.equal(username.committed, "ada", "the name goes by until it is stored");
  input.listeners.change();
  assert.equal(renamed(), 1);
  assert.equal(username.committed, "bob");
});

test("an unusable name is not stored and renews nothing", () => {
  const storage = new MemoryStorage();
  storage.setItem("chat.username", "ada");
  const { input, renamed, username } = field(storage);
  assert.equal(input.value, "ada", "the stored name fills the field");
  input.value = "";
  input.listeners.change();
  assert.equal(renamed(), 0);
  assert.equal(username.committed, "ada");
});
