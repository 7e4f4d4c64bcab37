import assert from "node:assert/strict";
import { test } from "node:test";

import { attachmentProblem, kindOf } from "../../static/composer/file-attach.js";

const limits = { maxBytes: 5 * 1048576, maxText: "5 MB", maxFileBytes: 10 * 1048576, maxFileText: "10 MB" };

test("a picture type goes as a picture, anything else as a file where the server takes files", () => {
  assert.equal(kindOf({ type: "image/png" }, limits), "picture");
  assert.equal(kindOf({ type: "application/pdf" }, limits), "file");
  assert.equal(kindOf({ type: "" }, limits), "file");
  assert.equal(kindOf({ type: "image/svg+xml" }, limits), "file");
  assert.equal(kindOf({ type: "application/pdf" }, { maxFileBytes: 0 }), "picture");
});

test("each kind has its own limit, said with the file's name", () => {
  assert.equal(attachmentProblem({ name: "a.png", type: "image/png", size: 1024 }, limits), null);
  assert.match(attachmentProblem({ name: "a.png", type: "image/png", size: 6 * 1048576 }, limits),
    /a\.png is too large: 6\.0 MB, the limit is 5 MB/);
  assert.equal(attachmentProblem({ name: "a.pdf", type: "application/pdf", size: 8 * 1048576 }, limits), null);
  assert.match(attachmentProblem({ name: "a.pdf", type: "application/pdf", size: 11 * 1048576 }, limits),
    /limit for a file is 10 MB/);
});

test("without files, what is no picture is refused before it is uploaded", () => {
  assert.match(attachmentProblem({ name: "a.pdf", type: "application/pdf", size: 10 }, { ...limits, maxFileBytes: 0 }),
    /not a PNG, JPEG, GIF or WebP picture/);
});
