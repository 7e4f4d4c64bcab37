import assert from "node:assert/strict";
import test from "node:test";

import { base64url } from "../../static/encryption/author-key.js";
import { openSealed } from "../../static/encryption/room-crypto.js";
import { RoomKeys } from "../../static/encryption/room-keys.js";
import { SealedView } from "../../static/encryption/sealed-view.js";
import { MemoryStorage } from "../memory-storage.js";

const secret = base64url(Uint8Array.from({ length: 32 }, (_, i) => i));

function view({ open = null } = {}) {
  const keys = new RoomKeys({ storage: new MemoryStorage() });
  keys.keep("secret-room", secret);
  return { keys, sealed: new SealedView({ keys, room: () => open, author: () => "author-key" }) };
}

/** {@code sealed} enters {@code room} on a page stand-in: the header's elements and an empty fragment. */
function entered(sealed, room) {
  const elements = new Map();
  globalThis.document = { getElementById: (id) => elements.get(id) ?? elements.set(id, {}).get(id) };
  globalThis.location = { hash: "" };
  try {
    sealed.enter(room);
  } finally {
    delete globalThis.document;
    delete globalThis.location;
  }
}

test("a message for an encrypted room is sealed whichever room is open, with what its pictures are", async () => {
  const { keys, sealed } = view({ open: { id: "plain-room", encrypted: false } });
  const pictures = [{ id: "p1", type: "image/png", width: 3, height: 2, iv: "sLGys7S1tre4ubq7" }];
  const body = await sealed.seal("secret-room", { username: "ada", clientMsgId: "c-1", text: "", attachments: ["p1"],
    pictures });
  assert.equal(body.text, undefined);
  assert.equal(body.pictures, undefined, "what the pictures are never goes to the gateway in the clear");
  assert.deepEqual(body.attachments, ["p1"]);
  const opened = await openSealed(await keys.keys("secret-room"), "secret-room",
    { ...body, author: "author-key" });
  assert.deepEqual(opened, { text: "", pictures });
});

test("a plain room's message goes as it is, even where a pasted link brought a key for it", async () => {
  const { keys, sealed } = view();
  const body = { username: "ada", clientMsgId: "c-1", text: "hi" };
  assert.deepEqual(await sealed.seal("plain-room", body), body);
  keys.keep("plain-room", secret);
  entered(sealed, { id: "plain-room", encrypted: false });
  assert.deepEqual(await sealed.seal("plain-room", body), body);
});

test("nothing goes to an encrypted room this page has no key for", async () => {
  const { sealed } = view();
  entered(sealed, { id: "keyless-room", encrypted: true });
  await assert.rejects(sealed.seal("keyless-room", { username: "ada", clientMsgId: "c-1", text: "hi" }));
});

test("an opened reaction entry names its emoji and keeps its tag, for the change it carries", async () => {
  const room = { id: "secret-room", encrypted: true };
  const body = await view({ open: room }).sealed.seal("secret-room",
    { type: "reaction", target: "m1", emoji: "🦄", username: "ada", clientMsgId: "c-1" });
  assert.match(body.emoji, /^e:/, "the gateway gets the tag");
  const [opened] = await view({ open: room }).sealed.open([{ ...body, author: "author-key", seq: 8, added: true }]);
  assert.equal(opened.emoji, "🦄", "learnt from the entry's own sealed text");
  assert.equal(opened.tag, body.emoji);
  assert.equal(opened.added, true);
});
