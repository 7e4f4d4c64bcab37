// "Notify me of mentions" (#notify-mentions, its state in #notify-state) and the notification a mention raises.

import { mentionNotification } from "./mentions.js";
import { Notifier } from "./notifier.js";

/** What the line next to the button says in each Notifier state. */
export const NOTIFY_STATE_TEXT = Object.freeze({
  unsupported: "Not available in this browser",
  denied: "Blocked in this browser's settings",
  default: "",
  off: "Off",
  on: "On",
});

const $ = (id) => document.getElementById(id);

/**
 * {@code me()}: the reader's username. {@code room()}: the open room, or null. {@code clientId}: this tab's.
 * {@code notify}: the rooms' Notify choices (NotifySettings). {@code pushOn()}: whether this device gets Web Push,
 * which then notifies instead (the server pushes to a device whose page is hidden), so nothing shows twice.
 * The browser is asked for permission only when the reader presses the button, never on page load.
 */
export class MentionAlerts {
  constructor({ storage, Notification, me, room, clientId, notify = null, pushOn = () => false }) {
    Object.assign(this, { me, room, clientId, notify, pushOn });
    this.notifier = new Notifier({ Notification, storage });
    this.button = $("notify-mentions");
    this.state = $("notify-state");
    this.button.addEventListener("click", async () => {
      this.button.disabled = true;
      await this.notifier.toggle();
      this.#update();
    });
    // The permission may have been changed in the browser's settings meanwhile.
    document.addEventListener("visibilitychange", () => this.#update());
    this.#update();
  }

  /** A message that arrived live: a notification when it mentions the reader while the tab is in the background. */
  live(message) {
    if (this.pushOn()) {
      return;
    }
    const room = this.room();
    const notification = mentionNotification(message, {
      me: this.me(), clientId: this.clientId, room, hidden: document.visibilityState === "hidden",
      notify: room && this.notify ? this.notify.get(room.id) : "mentions",
    });
    if (notification && !this.notifier.show(notification)) {
      this.#update();
    }
  }

  #update() {
    const state = this.notifier.state;
    this.button.dataset.state = state;
    this.button.setAttribute("aria-pressed", String(state === "on"));
    this.button.disabled = state === "unsupported" || state === "denied";
    this.state.textContent = NOTIFY_STATE_TEXT[state];
  }
}
