import assert from "node:assert/strict";
import { test } from "node:test";

import { createApi } from "../../static/connection/api.js";

const ROOM = "r".repeat(22);

function fakeFetch(answer) {
  const requests = [];
  return { requests, fetch: async (url, init) => {
    requests.push({ url, init });
    return answer(url, init);
  } };
}

const json = (body, status = 200) => new Response(JSON.stringify(body), { status });
const signedIn = { cookies: () => "JSESSIONID=x; XSRF-TOKEN=tok" };

test("every write of the api carries the XSRF token when the cookie exists", async () => {
  const { fetch, requests } = fakeFetch(() => json({ id: ROOM }, 201));
  const api = createApi(fetch, signedIn);
  await api.createRoom("team", { access: "members" });
  await api.uploadPicture(ROOM, new Blob(["x"], { type: "image/png" }));
  await api.deleteRoom(ROOM, "owner");
  await api.setMember(ROOM, "bob", "member");
  await api.removeMember(ROOM, "bob");
  await api.signOut();
  await api.getRoom(ROOM);
  const tokens = requests.map(({ init }) => init?.headers?.["X-XSRF-TOKEN"]);
  assert.deepEqual(tokens, ["tok", "tok", "tok", "tok", "tok", "tok", undefined]);
  assert.equal(requests[0].init.body, '{"name":"team","access":"members"}');
  assert.equal(requests[2].init.headers.Authorization, "Bearer owner");
  assert.equal(requests[5].url, "/logout");
  assert.equal(requests[5].init.method, "POST");
});

test("link access is the default and left out of the request", async () => {
  const { fetch, requests } = fakeFetch(() => json({ id: ROOM }, 201));
  await createApi(fetch).createRoom("x", { access: "link" });
  assert.equal(requests[0].init.body, '{"name":"x"}');
});

test("members: listed, added or changed with a role, removed; names are escaped in the path", async () => {
  const { fetch, requests } = fakeFetch((url, init) => (init?.method === "DELETE" ? new Response(null, { status: 204 })
    : json([{ username: "ada", role: "owner" }])));
  const api = createApi(fetch);
  assert.deepEqual((await api.members(ROOM)).body, [{ username: "ada", role: "owner" }]);
  assert.equal(requests[0].url, `/api/rooms/${ROOM}/members`);
  await api.setMember(ROOM, "bob smith", "moderator");
  assert.equal(requests[1].url, `/api/rooms/${ROOM}/members/bob%20smith`);
  assert.equal(requests[1].init.method, "PUT");
  assert.equal(requests[1].init.body, '{"role":"moderator"}');
  assert.equal(requests[1].init.headers["Content-Type"], "application/json");
  assert.deepEqual(await api.removeMember(ROOM, "a/b"), { ok: true, status: 204, body: null });
  assert.equal(requests[2].url, `/api/rooms/${ROOM}/members/a%2Fb`);
  const refused = await createApi(async () => json({ detail: "Only the owner names moderators." }, 403))
    .setMember(ROOM, "bob", "moderator");
  assert.deepEqual(refused, { ok: false, status: 403, error: "Only the owner names moderators." });
});

test("me answers the status and body, also a 401 problem; null when unreachable", async () => {
  const problem = { status: 401, authMode: "oidc", guests: false, signIn: "/oauth2/authorization/oidc" };
  assert.deepEqual(await createApi(async () => json(problem, 401)).me(), { status: 401, body: problem });
  assert.deepEqual(await createApi(async () => json({ username: "ada", authMode: "oidc" })).me(),
    { status: 200, body: { username: "ada", authMode: "oidc" } });
  assert.deepEqual(await createApi(async () => new Response("<html>", { status: 404 })).me(), { status: 404, body: null });
  assert.equal(await createApi(async () => {
    throw new TypeError("Failed to fetch");
  }).me(), null);
});

test("my rooms: the server's list of well-formed rooms, null when it cannot say", async () => {
  const rooms = [{ id: ROOM, name: "team", access: "members", role: "owner" }, { name: "no id" }, null];
  assert.deepEqual(await createApi(async () => json(rooms)).myRooms(), [rooms[0]]);
  assert.equal(await createApi(async () => json({ detail: "Sign in first" }, 401)).myRooms(), null);
});
