import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_NAME, chipText, displayName, isFile, sizeText } from "../../static/conversation/file-chip.js";

test("a size reads in bytes, KB, MB or GB with one decimal", () => {
  assert.equal(sizeText(0), "0 bytes");
  assert.equal(sizeText(1), "1 byte");
  assert.equal(sizeText(1023), "1023 bytes");
  assert.equal(sizeText(1536), "1.5 KB");
  assert.equal(sizeText(1.2 * 1048576), "1.2 MB");
  assert.equal(sizeText(3 * 1073741824), "3.0 GB");
  assert.equal(sizeText(-1), "");
  assert.equal(sizeText(undefined), "");
});

test("a chip reads the name and the size", () => {
  assert.equal(chipText("report.pdf", 1.2 * 1048576), "report.pdf · 1.2 MB");
  assert.equal(chipText("notes.txt", undefined), "notes.txt");
});

test("a name loses what could disguise it: controls, bidi overrides, zero widths, folders", () => {
  assert.equal(displayName("invoice\u202Efdp.exe"), "invoicefdp.exe");
  assert.equal(displayName("a\r\nb\u200B\u2066c.txt"), "abc.txt");
  assert.equal(displayName("../../etc/passwd"), ".._.._etc_passwd");
  assert.equal(displayName(""), "file");
  assert.equal(displayName(null), "file");
  assert.equal(displayName("Résumé (final).docx"), "Résumé (final).docx");
});

test("an endless name is cut in the middle and keeps its extension", () => {
  const shown = displayName(`${"x".repeat(500)}.tar.gz`);
  assert.equal([...shown].length, MAX_NAME);
  assert.ok(shown.endsWith("x.tar.gz"));
  assert.ok(shown.includes("…"));
});

test("a file is what the gateway or the sealed text says is one; anything else is a picture", () => {
  assert.equal(isFile({ kind: "file" }), true);
  assert.equal(isFile({ kind: "picture" }), false);
  assert.equal(isFile({ contentType: "application/octet-stream", sealed: { kind: "file" } }), true);
  assert.equal(isFile({ contentType: "application/octet-stream", sealed: { type: "image/png" } }), false);
  assert.equal(isFile({ contentType: "image/png" }), false);
});
