import assert from "node:assert/strict";
import { test } from "node:test";

import { xsrfFetch } from "../../static/connection/csrf.js";
import { createWebhook, curlLine, listWebhooks, revokeWebhook } from "../../static/room-list/webhooks-panel.js";

function recording(status, body) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, init });
    return new Response(body === null ? null : JSON.stringify(body), { status });
  };
  return { requests, fetch };
}

test("creating posts the name with the owner token and the CSRF token, and returns the URL", async () => {
  const { requests, fetch } = recording(201, { id: "w1", url: "https://chat.example/hooks/abc" });
  const made = await createWebhook(xsrfFetch(fetch, () => "XSRF-TOKEN=x1"), "R1", "owner-1", "CI");
  assert.deepEqual(made, { ok: true, status: 201, body: { id: "w1", url: "https://chat.example/hooks/abc" } });
  assert.equal(requests[0].url, "/api/rooms/R1/webhooks");
  assert.equal(requests[0].init.method, "POST");
  assert.equal(requests[0].init.body, '{"name":"CI"}');
  const headers = new Headers(requests[0].init.headers);
  assert.equal(headers.get("Authorization"), "Bearer owner-1");
  assert.equal(headers.get("Content-Type"), "application/json");
  assert.equal(headers.get("X-XSRF-TOKEN"), "x1");
});

test("an unnamed webhook posts an empty object", async () => {
  const { requests, fetch } = recording(201, { id: "w1", url: "u" });
  await createWebhook(fetch, "R1", "owner-1", "");
  assert.equal(requests[0].init.body, "{}");
});

test("listing and revoking carry the owner token; a refusal gives the problem's text", async () => {
  const listed = recording(200, [{ id: "w1", name: "CI", createdAt: "2026-12-06T21:40:00Z" }]);
  assert.deepEqual((await listWebhooks(listed.fetch, "R1", "t")).body[0].name, "CI");
  assert.equal(new Headers(listed.requests[0].init.headers).get("Authorization"), "Bearer t");
  const revoked = recording(204, null);
  assert.equal((await revokeWebhook(revoked.fetch, "R1", "t", "w/1")).ok, true);
  assert.equal(revoked.requests[0].url, "/api/rooms/R1/webhooks/w%2F1");
  assert.equal(revoked.requests[0].init.method, "DELETE");
  const refused = recording(403, { title: "Not the owner", detail: "This token does not own the room." });
  const result = await listWebhooks(refused.fetch, "R1", "wrong");
  assert.equal(result.ok, false);
  assert.match(result.error, /does not own the room/);
});

test("the curl line posts the README's example to the URL, each a single shell word", () => {
  assert.equal(curlLine("https://chat.example/hooks/a'b"),
    `curl -X POST -H 'Content-Type: application/json' -d '{"text":"Build #42 **passed**","username":"CI"}' `
    + `'https://chat.example/hooks/a'\\''b'`);
});
