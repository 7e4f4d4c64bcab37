import assert from "node:assert/strict";
import { test } from "node:test";

import { MemoryStorage } from "../memory-storage.js";
import { Notifier } from "../../static/conversation/notifier.js";

/** A Notification stand-in: {@code permission} as given, requestPermission answering {@code answer}. */
function fakeNotification(permission, answer = permission) {
  const shown = [];
  class FakeNotification {
    static permission = permission;
    static asked = 0;
    static async requestPermission() {
      FakeNotification.asked += 1;
      FakeNotification.permission = answer;
      return answer;
    }
    constructor(title, options) {
      this.closed = false;
      shown.push({ title, options, notification: this });
    }
    close() {
      this.closed = true;
    }
  }
  return { FakeNotification, shown };
}

test("without Notification the browser cannot notify: nothing to press", async () => {
  const notifier = new Notifier({ Notification: undefined, storage: new MemoryStorage() });
  assert.equal(notifier.state, "unsupported");
  assert.equal(await notifier.toggle(), "unsupported");
  assert.equal(notifier.show({ title: "t", options: {} }), false);
});

test("never asked: the state says so, and nothing asks the browser until the reader presses", async () => {
  const { FakeNotification } = fakeNotification("default", "granted");
  const storage = new MemoryStorage();
  const notifier = new Notifier({ Notification: FakeNotification, storage });
  assert.equal(notifier.state, "default");
  assert.equal(FakeNotification.asked, 0);
  assert.equal(await notifier.toggle(), "on");
  assert.equal(FakeNotification.asked, 1);
  assert.equal(storage.getItem("chat.notifyMentions"), "on");
});

test("permission refused or dismissed", async () => {
  const refused = fakeNotification("default", "denied").FakeNotification;
  assert.equal(await new Notifier({ Notification: refused, storage: new MemoryStorage() }).toggle(), "denied");
  const dismissed = fakeNotification("default", "default").FakeNotification;
  const notifier = new Notifier({ Notification: dismissed, storage: new MemoryStorage() });
  assert.equal(await notifier.toggle(), "default", "asked again next time");
  const blocked = fakeNotification("denied").FakeNotification;
  const denied = new Notifier({ Notification: blocked, storage: new MemoryStorage() });
  assert.equal(denied.state, "denied");
  assert.equal(await denied.toggle(), "denied");
  assert.equal(blocked.asked, 0, "only the browser's settings can change it");
});

test("permitted: the button turns them on and off, remembered; a permission given elsewhere starts off", async () => {
  const { FakeNotification } = fakeNotification("granted");
  const storage = new MemoryStorage();
  const notifier = new Notifier({ Notification: FakeNotification, storage });
  assert.equal(notifier.state, "off");
  assert.equal(await notifier.toggle(), "on");
  assert.equal(new Notifier({ Notification: FakeNotification, storage }).state, "on", "after a reload");
  assert.equal(await notifier.toggle(), "off");
  assert.equal(new Notifier({ Notification: FakeNotification, storage }).state, "off");
  assert.equal(FakeNotification.asked, 0);
});

test("the permission is read each time: blocked later in the browser's settings", () => {
  const { FakeNotification } = fakeNotification("granted");
  const storage = new MemoryStorage();
  storage.setItem("chat.notifyMentions", "on");
  const notifier = new Notifier({ Notification: FakeNotification, storage });
  assert.equal(notifier.state, "on");
  FakeNotification.permission = "denied";
  assert.equal(notifier.state, "denied");
});

test("shown only when on; a click brings the page to the front and closes it", () => {
  const { FakeNotification, shown } = fakeNotification("granted");
  const storage = new MemoryStorage();
  const notifier = new Notifier({ Notification: FakeNotification, storage });
  assert.equal(notifier.show({ title: "Room", options: { body: "alice: @ada", tag: "r1" } }), false);
  storage.setItem("chat.notifyMentions", "on");
  assert.equal(notifier.show({ title: "Room", options: { body: "alice: @ada", tag: "r1" } }), true);
  assert.deepEqual(shown.map(({ title, options }) => ({ title, options })),
    [{ title: "Room", options: { body: "alice: @ada", tag: "r1" } }]);
  let focused = 0;
  globalThis.focus = () => {
    focused += 1;
  };
  shown[0].notification.onclick();
  assert.equal(focused, 1);
  assert.equal(shown[0].notification.closed, true);
});

test("a browser that refuses to construct notifications (Chrome on Android) turns out unsupported", () => {
  class Throwing {
    static permission = "granted";
    static requestPermission() {
      return Promise.resolve("granted");
    }
    constructor() {
      throw new TypeError("Illegal constructor. Use ServiceWorkerRegistration.showNotification() instead.");
    }
  }
  const storage = new MemoryStorage();
  storage.setItem("chat.notifyMentions", "on");
  const notifier = new Notifier({ Notification: Throwing, storage });
  assert.equal(notifier.show({ title: "t", options: {} }), false);
  assert.equal(notifier.state, "unsupported");
});

test("an old Safari answers requestPermission through a callback", async () => {
  class Callback {
    static permission = "default";
    static requestPermission(callback) {
      Callback.permission = "granted";
      callback("granted");
    }
  }
  const notifier = new Notifier({ Notification: Callback, storage: new MemoryStorage() });
  assert.equal(await notifier.toggle(), "on");
});
