// Web Push on the page: "Notify me when the page is closed" (#push-toggle, under Settings, shown only where the
// browser and the gateway both can), each room's "Notify" select (#room-notify, in the room's header), which room the
// page shows (push-showing.js), and opening the message a notification's click names.

import { loadRecent } from "../room-list/recent.js";
import { mirrorSecrets } from "./push-secrets.js";
import { createPushApi } from "./push-api.js";
import { ShowingReporter } from "./push-showing.js";
import { PushSubscriber } from "./push-subscription.js";

/** What the line next to the button says in each PushSubscriber state. */
export const PUSH_STATE_TEXT = Object.freeze({
  unsupported: "", unavailable: "", denied: "Blocked in this browser's settings", off: "Off", on: "On",
});

/** The message a notification's address names, {@code /rooms/{id}?around={seq}}: {@code { roomId, seq }}, or null. */
export function messageOfAddress(url) {
  const match = /^\/rooms\/([A-Za-z0-9]{1,64})$/.exec(url.pathname);
  const seq = Number(url.searchParams.get("around"));
  return match && Number.isSafeInteger(seq) && seq > 0 ? { roomId: match[1], seq } : null;
}

const $ = (id) => document.getElementById(id);

/**
 * {@code notify}: the NotifySettings. {@code room()}: the open room or null. {@code me()}: the reader's name.
 * {@code secrets}: the RoomKeys. {@code pane()}: the RoomsPane. {@code search}: the SearchView (shows a message).
 * {@code fetch}: the browser's fetch (push-api.js adds the XSRF token).
 * Returns {@code { on, follow(room) }}: whether push is on, and the call app.js makes as the open room changes.
 */
export function wirePush({ notify, room, me, secrets, pane, search, fetch, storage = localStorage }) {
  const worker = "serviceWorker" in navigator && "PushManager" in globalThis ? navigator.serviceWorker : null;
  const subscriber = new PushSubscriber({
    api: createPushApi(fetch), storage, Notification: globalThis.Notification,
    pushManager: worker && (() => worker.ready.then((registration) => registration.pushManager)),
    username: me,
    rooms: () => notify.rooms([room()?.id, ...loadRecent(storage).map((entry) => entry.id), ...notify.chosen().reverse()]
      .filter(Boolean)),
  });
  const reporter = new ShowingReporter({ report: (roomId) => subscriber.showing(roomId) });
  const [row, button, state, select] = [$("push-row"), $("push-toggle"), $("push-state"), $("room-notify")];
  // A notification's click that opened this page: its message is shown once its room is open.
  let pending = messageOfAddress(new URL(location.href));
  if (pending) {
    history.replaceState(history.state, "", location.pathname + location.hash);
  }

  const render = (error = "") => {
    const current = subscriber.state;
    row.hidden = current === "unsupported" || current === "unavailable";
    button.setAttribute("aria-pressed", String(current === "on"));
    button.disabled = current === "denied";
    state.textContent = error || PUSH_STATE_TEXT[current];
  };
  const showing = () => reporter.show(subscriber.state === "on" && document.visibilityState === "visible"
    ? room()?.id ?? null : null);
  const sync = async () => {
    const on = subscriber.state === "on";
    if (!on && (subscriber.state === "unsupported" || subscriber.state === "unavailable")) {
      return;
    }
    // The worker opens an encrypted room's message only with the room's key: mirrored for the registered rooms.
    const kept = on ? subscriber.rooms().map(({ id }) => [id, secrets.secret(id)]).filter(([, secret]) => secret) : [];
    mirrorSecrets(Object.fromEntries(kept));
    try {
      await (on ? subscriber.update() : null);
    } catch (error) {
      render(error.message);
    }
  };
  const openMessage = async (roomId, seq) => {
    if (room()?.id === roomId) {
      await search.showAt(seq);
    } else {
      pending = { roomId, seq };
      await pane().open(roomId, { push: true });
    }
  };

  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await (subscriber.state === "on" ? subscriber.turnOff() : subscriber.turnOn());
      render();
    } catch (error) {
      render(error.message);
    }
    showing();
    sync();
  });
  select.addEventListener("change", () => room() && notify.set(room().id, select.value));
  notify.onChange(() => sync());
  document.addEventListener("visibilitychange", () => {
    showing();
    render();
  });
  addEventListener("pagehide", () => reporter.show(null));
  worker?.addEventListener("message", (event) => {
    if (event.data?.type === "open-message" && typeof event.data.roomId === "string") {
      openMessage(event.data.roomId, Number(event.data.seq));
    }
  });
  worker?.startMessages();
  subscriber.start().then(() => {
    render();
    showing();
    sync();
  }, () => render());

  return {
    get on() {
      return subscriber.state === "on";
    },
    follow(next) {
      if (next) {
        select.value = notify.get(next.id);
      }
      showing();
      sync();
      if (next && pending?.roomId === next.id) {
        const { seq } = pending;
        pending = null;
        search.showAt(seq);
      }
    },
  };
}
