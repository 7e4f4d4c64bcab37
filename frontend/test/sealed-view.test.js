import assert from "node:assert/strict";
import test from "node:test";

import { base64url } from "../static/author-key.js";
import { openSealed } from "../static/room-crypto.js";
import { RoomKeys } from "../static/room-keys.js";
import { SealedView } from "../static/sealed-view.js";
import { MemoryStorage } from "./memory-storage.js";

const secret = base64url(Uint8Array.from({ length: 32 }, (_, i) => i));

function view({ open = null } = {}) {
  const keys = new RoomKeys({ storage: new MemoryStorage() });
  keys.keep("secret-room", secret);
  return { keys, sealed: new SealedView({ keys, room: () => open, author: () => "author-key" }) };
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

test("a plain room's message goes as it is", async () => {
  const { sealed } = view();
  const body = { username: "ada", clientMsgId: "c-1", text: "hi" };
  assert.deepEqual(await sealed.seal("plain-room", body), body);
});
