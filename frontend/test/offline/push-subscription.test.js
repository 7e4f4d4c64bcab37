import assert from "node:assert/strict";
import { test } from "node:test";

import { FakeClock } from "../fake-clock.js";
import { MemoryStorage } from "../memory-storage.js";
import { createPushApi } from "../../static/offline/push-api.js";
import { SHOWING_EVERY_MS, ShowingReporter } from "../../static/offline/push-showing.js";
import { PUSH_KEY, PushSubscriber, subscriptionBody } from "../../static/offline/push-subscription.js";
import { messageOfAddress } from "../../static/offline/push-wiring.js";

const KEY = `B${"A".repeat(86)}`;
const ROOMS = [{ id: "roomA", notify: "all" }];

/** The gateway's push API as a fake server: what was asked, and answers by method. */
function fakeServer({ key = { status: 200, body: { publicKey: KEY } }, post = { status: 201, body: { id: "sub-1" } },
  put = { status: 200, body: {} }, del = { status: 204, body: null } } = {}) {
  const calls = [];
  const answers = { GET: key, POST: post, PUT: put, DELETE: del };
  const fetch = async (url, init = {}) => {
    const method = init.method ?? "GET";
    calls.push({ method, url, body: init.body ? JSON.parse(init.body) : undefined, headers: init.headers ?? {} });
    const { status, body } = answers[method];
    return { ok: status < 300, status, json: async () => body };
  };
  return { calls, api: createPushApi(fetch, { cookies: () => "XSRF-TOKEN=t0k" }) };
}

function fakeBrowser({ permission = "default", answer = "granted", refuse = false } = {}) {
  const state = { subscription: null, asked: 0, options: null };
  class FakeNotification {
    static permission = permission;
    static async requestPermission() {
      state.asked += 1;
      FakeNotification.permission = answer;
      return answer;
    }
  }
  const subscription = {
    toJSON: () => ({ endpoint: "https://push.example/abc", keys: { p256dh: "P", auth: "A" }, expirationTime: null }),
    unsubscribe: async () => {
      state.subscription = null;
      return true;
    },
  };
  const manager = {
    subscribe: async (options) => {
      if (refuse) {
        throw new Error("push service not available");
      }
      state.options = options;
      state.subscription = subscription;
      return subscription;
    },
    getSubscription: async () => state.subscription,
  };
  return { state, Notification: FakeNotification, pushManager: async () => manager };
}

function subscriber(server, browser, { storage = new MemoryStorage(), rooms = () => ROOMS, username = () => "ada" } = {}) {
  return new PushSubscriber({ api: server.api, storage, Notification: browser.Notification,
    pushManager: browser.pushManager, username, rooms });
}

test("no PushManager here, or push off at the gateway (404, 503): nothing to offer", async () => {
  const browser = fakeBrowser();
  const none = new PushSubscriber({ api: fakeServer().api, storage: new MemoryStorage(), Notification: undefined,
    pushManager: null, username: () => "ada", rooms: () => [] });
  assert.equal(await none.start(), "unsupported");
  for (const status of [404, 503]) {
    const off = subscriber(fakeServer({ key: { status, body: { title: "Push is off" } } }), browser);
    assert.equal(await off.start(), "unavailable");
  }
});

test("turning on asks the permission, subscribes with the gateway's key and registers name and rooms", async () => {
  const server = fakeServer();
  const browser = fakeBrowser();
  const storage = new MemoryStorage();
  const push = subscriber(server, browser, { storage });
  assert.equal(await push.start(), "off");
  assert.equal(browser.state.asked, 0, "never asked before the press");
  assert.equal(await push.turnOn(), "on");
  assert.equal(browser.state.asked, 1);
  assert.equal(browser.state.options.userVisibleOnly, true);
  assert.equal(browser.state.options.applicationServerKey.length, 65, "an uncompressed P-256 point");
  const post = server.calls.find((call) => call.method === "POST");
  assert.equal(post.url, "/api/push/subscriptions");
  assert.equal(post.headers["X-XSRF-TOKEN"], "t0k");
  assert.deepEqual(post.body, { subscription: { endpoint: "https://push.example/abc", keys: { p256dh: "P", auth: "A" } },
    username: "ada", rooms: ROOMS });
  assert.equal(JSON.parse(storage.getItem(PUSH_KEY)).id, "sub-1");
});

test("permission refused, a browser that cannot subscribe, a gateway that refuses: each says why, and stays off", async () => {
  const denied = subscriber(fakeServer(), fakeBrowser({ answer: "denied" }));
  await denied.start();
  await assert.rejects(denied.turnOn(), /blocked for this site/);
  assert.equal(denied.state, "denied");
  const refusing = subscriber(fakeServer(), fakeBrowser({ refuse: true }));
  await refusing.start();
  await assert.rejects(refusing.turnOn(), /could not subscribe: push service not available/);
  const browser = fakeBrowser({ permission: "granted" });
  const gateway = subscriber(fakeServer({ post: { status: 400, body: { detail: "Push endpoint not allowed" } } }), browser);
  await gateway.start();
  await assert.rejects(gateway.turnOn(), /The server refused: Push endpoint not allowed/);
  assert.equal(gateway.state, "off");
  assert.equal(browser.state.subscription, null, "the browser's subscription went too");
  const nameless = subscriber(fakeServer(), fakeBrowser(), { username: () => "" });
  await nameless.start();
  await assert.rejects(nameless.turnOn(), /username first/);
});

test("a changed choice is a PUT with the rooms that notify, once; a subscription the gateway dropped is made again", async () => {
  const server = fakeServer();
  let rooms = ROOMS;
  const push = subscriber(server, fakeBrowser(), { rooms: () => rooms });
  await push.start();
  await push.turnOn();
  await push.update();
  assert.equal(server.calls.filter((call) => call.method === "PUT").length, 0, "nothing changed");
  rooms = [{ id: "roomA", notify: "mentions" }, { id: "roomB", notify: "all" }];
  await push.update();
  await push.update();
  rooms = [rooms[1], rooms[0]];
  await push.update();
  const puts = server.calls.filter((call) => call.method === "PUT");
  assert.equal(puts.length, 1, "the same rooms in another order are no change");
  assert.equal(puts[0].url, "/api/push/subscriptions/sub-1");
  assert.deepEqual(puts[0].body.rooms, [rooms[1], rooms[0]]);

  const gone = fakeServer({ put: { status: 404, body: {} }, post: { status: 201, body: { id: "sub-2" } } });
  const again = subscriber(gone, fakeBrowser(), { rooms: () => rooms, storage: new MemoryStorage() });
  await again.start();
  await again.turnOn();
  rooms = [];
  await again.update();
  assert.deepEqual(gone.calls.map((call) => call.method), ["GET", "POST", "PUT", "POST"]);
  await again.showing("roomA");
  assert.equal(gone.calls.at(-1).url, "/api/push/subscriptions/sub-2/showing");
});

test("turning off unsubscribes and DELETEs; a 404 there means it had ended already", async () => {
  for (const del of [{ status: 204, body: null }, { status: 404, body: {} }]) {
    const server = fakeServer({ del });
    const browser = fakeBrowser();
    const push = subscriber(server, browser);
    await push.start();
    await push.turnOn();
    assert.equal(await push.turnOff(), "off");
    assert.equal(browser.state.subscription, null);
    assert.deepEqual(server.calls.at(-1), { method: "DELETE", url: "/api/push/subscriptions/sub-1", body: undefined,
      headers: { "X-XSRF-TOKEN": "t0k" } });
  }
  const failing = subscriber(fakeServer({ del: { status: 500, body: {} } }), fakeBrowser());
  await failing.start();
  await failing.turnOn();
  await assert.rejects(failing.turnOff(), /Off on this device/);
  assert.equal(failing.state, "off");
});

test("the room shown is reported at once, every minute while shown, and cleared once when no longer", async () => {
  const clock = new FakeClock();
  const reports = [];
  const reporter = new ShowingReporter({ report: async (roomId) => reports.push(roomId), ...clock });
  reporter.show("roomA");
  reporter.show("roomA");
  assert.deepEqual(reports, ["roomA"]);
  await clock.advance(SHOWING_EVERY_MS * 2);
  assert.deepEqual(reports, ["roomA", "roomA", "roomA"]);
  reporter.show("roomB");
  reporter.show(null);
  reporter.show(null);
  await clock.advance(SHOWING_EVERY_MS * 3);
  assert.deepEqual(reports, ["roomA", "roomA", "roomA", "roomB", null]);
  assert.deepEqual(clock.pending, []);
});

test("the body names the endpoint and keys only; at most 50 rooms", () => {
  const subscription = { toJSON: () => ({ endpoint: "https://e", expirationTime: 5, keys: { p256dh: "p", auth: "a" } }) };
  const rooms = Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, notify: "all" }));
  const body = subscriptionBody(subscription, "ada", rooms);
  assert.deepEqual(body.subscription, { endpoint: "https://e", keys: { p256dh: "p", auth: "a" } });
  assert.equal(body.rooms.length, 50);
});

test("a notification's address names its room and message; anything else names none", () => {
  const at = (path) => messageOfAddress(new URL(path, "https://chat.example"));
  assert.deepEqual(at("/rooms/q7Wn3xR2tY8uK5mB1cVz0A?around=41#k=secret"), { roomId: "q7Wn3xR2tY8uK5mB1cVz0A", seq: 41 });
  for (const path of ["/rooms/abc", "/rooms/abc?around=0", "/rooms/abc?around=x", "/?around=4", "/rooms/a/b?around=4"]) {
    assert.equal(at(path), null, path);
  }
});
