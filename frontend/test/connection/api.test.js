import assert from "node:assert/strict";
import { test } from "node:test";

import { createApi, HistoryError, UNREACHABLE } from "../../static/connection/api.js";

const ROOM = "r".repeat(22);

/** A fetch stand-in that records each request and answers with {@code answer(url, init)} (a Response, or throws). */
function fakeFetch(answer) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, init });
    return answer(url, init);
  };
  return { fetch, requests };
}

const json = (body, status = 200) => new Response(JSON.stringify(body), {
  status,
  headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
});

test("creating a room posts its name as JSON, or an empty object without one", async () => {
  const { fetch, requests } = fakeFetch(() => json({ id: ROOM, name: "standup", ownerToken: "secret" }, 201));
  const api = createApi(fetch);
  const result = await api.createRoom("standup");
  assert.deepEqual(result, { ok: true, status: 201, body: { id: ROOM, name: "standup", ownerToken: "secret" } });
  assert.equal(requests[0].url, "/api/rooms");
  assert.equal(requests[0].init.method, "POST");
  assert.equal(requests[0].init.headers["Content-Type"], "application/json");
  assert.equal(requests[0].init.body, '{"name":"standup"}');
  await api.createRoom("");
  assert.equal(requests[1].init.body, "{}");
});

test("a public room is asked for with visibility public; private is the server's default and left out", async () => {
  const { fetch, requests } = fakeFetch(() => json({ id: ROOM, visibility: "public" }, 201));
  const api = createApi(fetch);
  await api.createRoom("lobby", { visibility: "public" });
  assert.equal(requests[0].init.body, '{"name":"lobby","visibility":"public"}');
  await api.createRoom("", { visibility: "public" });
  assert.equal(requests[1].init.body, '{"visibility":"public"}');
  await api.createRoom("back room", { visibility: "private" });
  assert.equal(requests[2].init.body, '{"name":"back room"}');
});

test("a problem detail from the server becomes the error text, with the status", async () => {
  const problem = { title: "Not Found", status: 404, detail: "No room has this id." };
  const { fetch, requests } = fakeFetch(() => json(problem, 404));
  const result = await createApi(fetch).getRoom("a/b");
  assert.deepEqual(result, { ok: false, status: 404, error: "No room has this id." });
  assert.equal(requests[0].url, "/api/rooms/a%2Fb");

  const titled = await createApi(async () => json({ title: "Too Many Requests" }, 429)).getRoom(ROOM);
  assert.equal(titled.error, "Too Many Requests");
});

test("a body that is not JSON falls back to the status; a network failure says the server is unreachable", async () => {
  const html = await createApi(async () => new Response("<h1>Bad gateway</h1>", { status: 502 })).getRoom(ROOM);
  assert.deepEqual(html, { ok: false, status: 502, error: "The server answered HTTP 502." });
  const offline = await createApi(async () => {
    throw new TypeError("Failed to fetch");
  }).getRoom(ROOM);
  assert.deepEqual(offline, { ok: false, error: UNREACHABLE });
});

test("deleting a room sends its owner token as a bearer token", async () => {
  const { fetch, requests } = fakeFetch(() => new Response(null, { status: 204 }));
  const result = await createApi(fetch).deleteRoom(ROOM, "secret");
  assert.deepEqual(result, { ok: true, status: 204, body: null });
  assert.equal(requests[0].url, `/api/rooms/${ROOM}`);
  assert.deepEqual(requests[0].init, { method: "DELETE", headers: { Authorization: "Bearer secret" } });

  const refused = await createApi(async () => json({ detail: "The owner token does not match." }, 403))
    .deleteRoom(ROOM, "wrong");
  assert.equal(refused.error, "The owner token does not match.");
});

test("public rooms: only well-formed entries, and null when the server lists none", async () => {
  const other = "b".repeat(22);
  const { fetch, requests } = fakeFetch(() => json([{ id: ROOM, name: "lobby" }, { id: other, name: 7 }, null, {}]));
  assert.deepEqual(await createApi(fetch).publicRooms(), [{ id: ROOM, name: "lobby" }, { id: other, name: null }]);
  assert.equal(requests[0].init.headers.Accept, "application/json");
  assert.equal(await createApi(async () => json({ detail: "Not listed" }, 404)).publicRooms(), null);
  assert.equal(await createApi(async () => new Response(null, { status: 204 })).publicRooms(), null);
  assert.equal(await createApi(async () => json({ rooms: [] })).publicRooms(), null);
  assert.deepEqual(await createApi(async () => json([])).publicRooms(), []);
});

test("a history page is asked for uncached, and comes back as the server's list", async () => {
  const { fetch, requests } = fakeFetch(() => json([{ id: "m1", seq: 1 }]));
  assert.deepEqual(await createApi(fetch).history(ROOM, { after: 3, limit: 200 }), [{ id: "m1", seq: 1 }]);
  assert.equal(requests[0].url, `/api/rooms/${ROOM}/messages?limit=200&after=3`);
  assert.equal(requests[0].init.cache, "no-store");
  assert.equal(requests[0].init.headers.Accept, "application/json");
});

test("a history page that fails rejects with the server's words, and says whether to try again", async () => {
  const cases = [
    [async () => json({ detail: "Storage is restarting." }, 503), 503, true, "Storage is restarting."],
    [async () => json({ detail: "Slow down." }, 429), 429, true, "Slow down."],
    [async () => json({ detail: "No room has this id." }, 404), 404, false, "No room has this id."],
    [async () => {
      throw new TypeError("Failed to fetch");
    }, undefined, true, UNREACHABLE],
    [async () => json({ messages: [] }), 200, false, "The server's answer is not a list of messages."],
  ];
  for (const [fetch, status, transient, message] of cases) {
    const error = await createApi(fetch).history(ROOM, { limit: 50 }).catch((failure) => failure);
    assert.ok(error instanceof HistoryError, message);
    assert.equal(error.status, status);
    assert.equal(error.transient, transient, message);
    assert.equal(error.message, message);
  }
});

test("read markers: asked for uncached, only well-formed entries, null when the server cannot say", async () => {
  const { fetch, requests } = fakeFetch(() => json([{ username: "alice", seq: 42, source: "web" }, { username: "bob" },
    null, { username: 7, seq: 3 }, { username: "carol", seq: 1.5 }, { username: "dave", seq: 7 }]));
  assert.deepEqual(await createApi(fetch).readMarkers("a/b"),
    [{ username: "alice", seq: 42 }, { username: "dave", seq: 7 }]);
  assert.equal(requests[0].url, "/api/rooms/a%2Fb/read");
  assert.equal(requests[0].init.cache, "no-store");
  assert.equal(requests[0].init.headers.Accept, "application/json");
  assert.equal(await createApi(async () => json({ detail: "No room has this id." }, 404)).readMarkers(ROOM), null);
  assert.equal(await createApi(async () => json({ markers: [] })).readMarkers(ROOM), null);
  assert.equal(await createApi(async () => {
    throw new TypeError("Failed to fetch");
  }).readMarkers(ROOM), null);
  assert.deepEqual(await createApi(async () => json([])).readMarkers(ROOM), []);
});
