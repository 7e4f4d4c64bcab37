// Static checks of the page's sources: ready for a strict Content-Security-Policy, labelled, text-only rendering.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { test } from "node:test";

const read = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const html = read("../templates/index.html");
// Every module, in every folder of static/, by its file name (names are unique across the folders).
const scripts = readdirSync(new URL("../static/", import.meta.url), { recursive: true })
  .filter((path) => path.endsWith(".js"))
  .map((path) => [basename(path), read(`../static/${path}`)]);

test("the modules sit in folders by concern, app.js and the page-wide keys at the top, and no two share a name", () => {
  const top = readdirSync(new URL("../static/", import.meta.url)).filter((name) => name.endsWith(".js"));
  assert.deepEqual(top.sort(), ["app.js", "page-keys.js"]);
  // The service worker is served at /sw.js by the server (offline/service-worker.js is its body), not from here.
  assert.equal(new Set(scripts.map(([name]) => name)).size, scripts.length);
  // A folder named like one of the server's paths would be shadowed by it (/rooms/{id} is the room link's page).
  const folders = readdirSync(new URL("../static/", import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const path of ["rooms", "api", "ws", "hooks", "webjars", "login", "logout", "oauth2", "actuator", "signin-failed"]) {
    assert.ok(!folders.includes(path), `no folder is called ${path}`);
  }
});

test("no inline script, inline event handler or style attribute", () => {
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    assert.match(attributes, /\bsrc=/, "every script is loaded from a file");
    assert.equal(body.trim(), "", "no inline script body");
  }
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "no inline event handler");
  assert.doesNotMatch(html, /\sstyle\s*=/i, "no style attribute");
  assert.doesNotMatch(html, /<style\b/i, "no style element");
});

test("nothing is loaded from another origin", () => {
  for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/gi)) {
    assert.doesNotMatch(url, /^(?:[a-z]+:)?\/\//i, url);
  }
  const stylesheet = read("../static/chat.css");
  assert.doesNotMatch(stylesheet, /@import|url\(/i, "no fonts or images from the stylesheet");
});

test("every form control has a label, and the message list is a live region", () => {
  const labelled = new Set([...html.matchAll(/<label\b[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]));
  for (const [, id] of html.matchAll(/<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"/g)) {
    assert.ok(labelled.has(id), `control #${id} has a <label for>`);
  }
  // A name may be split by a span that narrow screens hide visually (e.g. "Copy<span> link</span>").
  const names = [...html.matchAll(/<(button|label)\b[^>]*>([\s\S]*?)<\/\1>/g)]
    .map(([, , inner]) => inner.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim());
  for (const name of ["Username", "Message", "Send", "New room", "Copy link", "Delete room", "Load older messages"]) {
    assert.ok(names.includes(name), `a control is named "${name}"`);
  }
  assert.match(html, /<ol id="messages"[^>]*aria-live="polite"/);
});

test("message content never goes through HTML parsing", () => {
  for (const [name, source] of scripts) {
    assert.doesNotMatch(source, /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
      `${name} builds the DOM from text only`);
  }
});

test("links in messages open with rel=noopener noreferrer", () => {
  const render = scripts.find(([name]) => name === "markdown-view.js")[1];
  assert.match(render, /rel = "noopener noreferrer"/);
});

test("presence, typing, read markers and notifications have the elements the browser tests rely on", () => {
  assert.match(html, /<span id="roster-count"/);
  assert.match(html, /<ul id="roster"[^>]*aria-label="People in this room"/);
  assert.match(html, /<p id="typing"[^>]*aria-live="polite"/);
  assert.match(html, /<input type="checkbox" id="read-private"/);
  assert.match(html, /<label for="read-private">Keep my reading private<\/label>/);
  assert.match(html, /<button type="button" id="notify-mentions"[^>]*>Notify me of mentions<\/button>/);
  assert.match(html, /id="notify-state"[^>]*role="status"/);
  // The typing line sits between the conversation and the message box, outside the list's live region.
  assert.ok(html.indexOf('id="messages"') < html.indexOf('id="typing"'));
  assert.ok(html.indexOf('id="typing"') < html.indexOf('id="composer"'));
});

test("the page never asks for notification permission by itself", () => {
  // Only from the methods the buttons call: Notify me of mentions, Notify me when the page is closed.
  const asking = { "notifier.js": "async toggle()", "push-subscription.js": "async turnOn()" };
  for (const [name, source] of scripts) {
    for (const [index] of [...source.matchAll(/requestPermission\(/g)].map((match) => [match.index])) {
      assert.ok(name in asking, `${name} asks for permission`);
      assert.ok(index > source.indexOf(asking[name]), `only from ${asking[name]}, which its button calls`);
    }
  }
});

test("sign-in, members and moderation have the elements the browser tests rely on, hidden until oidc mode", () => {
  assert.match(html, /<p id="signed-in"[^>]*hidden>Signed in as <strong id="signed-in-name"><\/strong><\/p>/);
  assert.match(html, /<button type="button" id="sign-out"[^>]*hidden>Sign out<\/button>/);
  assert.match(html, /<a id="sign-in"[^>]*href="\/oauth2\/authorization\/oidc" hidden>Sign in<\/a>/);
  assert.match(html, /<div id="room-members-row"[^>]*hidden>/);
  assert.match(html, /<label for="room-members">Only members<\/label>/);
  assert.match(html, /<nav id="mine-section"[^>]*hidden>/);
  assert.match(html, /<button type="button" id="members-toggle"[^>]*aria-controls="members-panel"[^>]*hidden>Members</);
  assert.match(html, /<section id="members-panel"[^>]*hidden>/);
  assert.match(html, /<label for="member-name">Add a member<\/label>/);
  assert.match(html, /<p id="mute-notice"[^>]*role="status"[^>]*hidden>/);
  assert.match(html, /<p id="sign-in-needed"[^>]*hidden>/);
  // The mute notice sits with the composer, outside the list's live region.
  assert.ok(html.indexOf('id="messages"') < html.indexOf('id="mute-notice"'));
  assert.ok(html.indexOf('id="mute-notice"') < html.indexOf('id="composer"'));
});

test("every fetch of the page goes through api.js, whose writes carry the XSRF token (csrf.js)", () => {
  for (const [name, source] of scripts) {
    // The service worker fetches for the page it serves (push-worker.js GETs a pushed message); sealed-pictures.js and
    // sealed-files.js only GET attachments of the open room, which need no token.
    if (["api.js", "app.js", "csrf.js", "sealed-pictures.js", "sealed-files.js", "service-worker.js", "push-worker.js"]
      .includes(name)) {
      continue;
    }
    assert.doesNotMatch(source, /\bfetch\(/, `${name} calls fetch itself`);
  }
  const api = scripts.find(([name]) => name === "api.js")[1];
  assert.match(api, /xsrfFetch\(/);
});
