import assert from "node:assert/strict";
import { test } from "node:test";

import { queryProblem, queryWords, searchLoaded, snippetOf, snippetParts } from "../../static/conversation/search-text.js";

test("a snippet's marks become marked parts and its escapes plain characters", () => {
  assert.deepEqual(snippetParts("**Deploy** the \\*new\\* build\\_42 \\[now\\] \\\\ok"), [
    { text: "Deploy", mark: true },
    { text: " the *new* build_42 [now] \\ok", mark: false },
  ]);
  assert.deepEqual(snippetParts("…see \\`logs\\` **deployment** and **DEPLOYED**…"), [
    { text: "…see `logs` ", mark: false },
    { text: "deployment", mark: true },
    { text: " and ", mark: false },
    { text: "DEPLOYED", mark: true },
    { text: "…", mark: false },
  ]);
});

test("markup in a snippet stays text: nothing is HTML", () => {
  assert.deepEqual(snippetParts("<img src=x onerror=alert(1)> **<b>**"), [
    { text: "<img src=x onerror=alert(1)> ", mark: false },
    { text: "<b>", mark: true },
  ]);
  assert.deepEqual(snippetParts("a\\"), [{ text: "a\\", mark: false }], "a lone backslash at the end is kept");
});

test("the page makes the server's snippets for the same text", () => {
  // The same cases as search/SnippetsTests.java.
  assert.equal(snippetOf("Deploy done; deployment of DEPLOYED builds redeploys", ["deploy"]),
    "**Deploy** done; **deployment** of **DEPLOYED** builds redeploys");
  assert.equal(snippetOf("a *b* _c_ `d` ~e~ [f] \\g #h >i\n\nfind  me", ["find"]),
    "a \\*b\\* \\_c\\_ \\`d\\` \\~e\\~ \\[f\\] \\\\g \\#h \\>i **find** me");
  assert.equal(snippetOf("Über alles, über ÜBER", ["üb"]), "**Über** alles, **über** **ÜBER**");
  const long = `${"lorem ipsum ".repeat(20)}needle${" dolor sit amet".repeat(20)}`;
  const snippet = snippetOf(long, ["need"]);
  assert.ok(snippet.startsWith("…lorem ") && snippet.endsWith("…"), snippet);
  assert.ok(snippet.replaceAll("**", "").length <= 162, snippet);
});

test("queries are words; a query without any is refused as the server would", () => {
  assert.deepEqual(queryWords("  Deploy, the BUILD_42! deploy "), ["deploy", "the", "build", "42"]);
  assert.equal(queryProblem("  "), "Type a word to search for.");
  assert.equal(queryProblem("?!"), "Search for a word of letters or digits.");
  assert.match(queryProblem("x".repeat(201)), /200 characters/);
  assert.equal(queryProblem("deploy"), null);
});

test("the loaded messages are searched by word prefix, every word, newest first", () => {
  const messages = [
    { id: "a", seq: 1, username: "ada", sentAt: "2026-01-01T10:00:00Z", text: "Deploy the build" },
    { id: "b", seq: 2, username: "bob", sentAt: "2026-01-01T10:01:00Z", text: "we redeploy tomorrow" },
    { id: "c", seq: 3, username: "ada", sentAt: "2026-01-01T10:02:00Z", text: "deployment failed" },
  ];
  assert.deepEqual(searchLoaded(messages, "DEPLOY").map((hit) => hit.id), ["c", "a"]);
  assert.deepEqual(searchLoaded(messages, "deploy fail"), [
    { id: "c", seq: 3, username: "ada", sentAt: "2026-01-01T10:02:00Z", snippet: "**deployment** **failed**" },
  ]);
  assert.deepEqual(searchLoaded(messages, "!!"), []);
});
