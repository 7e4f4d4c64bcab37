// Each room's "Notify: all / mentions / off", kept on this device and obeyed by every notification the page raises:
// the in-tab ones (mention-alerts.js) and, through the rooms it registers, the push service's (offline/push-*.js).

export const NOTIFY_KEY = "chat.notify";

/** The choices, in the order the select offers them; "mentions" is what the page did before the choice existed. */
export const NOTIFY_CHOICES = Object.freeze(["all", "mentions", "off"]);

export const DEFAULT_NOTIFY = "mentions";

/** At most this many rooms keep a choice (the oldest set go first), as other per-room lists on the device. */
export const MAX_NOTIFY_ROOMS = 200;

/**
 * Whether a message by someone else raises a notification under {@code notify}: "all" every one, "mentions" only
 * one naming the reader ({@code mentioned}), "off" none.
 */
export function notifies(notify, { mentioned }) {
  return notify === "all" || (notify === "mentions" && mentioned === true);
}

/** The per-room choices in {@code storage} (localStorage), as {@code { roomId: choice }}. */
export class NotifySettings {
  #listeners = [];

  constructor({ storage }) {
    this.storage = storage;
  }

  /** Room {@code roomId}'s choice: as set, else "mentions". */
  get(roomId) {
    const choice = this.#kept()[roomId];
    return NOTIFY_CHOICES.includes(choice) ? choice : DEFAULT_NOTIFY;
  }

  /** Keeps {@code choice} for room {@code roomId} and tells the listeners (the push registration follows it). */
  set(roomId, choice) {
    if (!NOTIFY_CHOICES.includes(choice)) {
      throw new Error(`not a Notify choice: ${choice}`);
    }
    const kept = this.#kept();
    delete kept[roomId];
    kept[roomId] = choice;
    const entries = Object.entries(kept);
    try {
      this.storage.setItem(NOTIFY_KEY, JSON.stringify(Object.fromEntries(entries.slice(-MAX_NOTIFY_ROOMS))));
    } catch {
      // Without storage the choice lasts until the page is left.
    }
    this.#listeners.forEach((listener) => listener(roomId, choice));
  }

  /** {@code listener(roomId, choice)} after each set. */
  onChange(listener) {
    this.#listeners.push(listener);
  }

  /** Of {@code roomIds} (each once, in order), those that notify, as the push registration lists them. */
  rooms(roomIds) {
    return [...new Set(roomIds)].map((id) => ({ id, notify: this.get(id) })).filter((room) => room.notify !== "off");
  }

  /** The rooms given a choice on this device, oldest first. */
  chosen() {
    return Object.keys(this.#kept());
  }

  #kept() {
    try {
      const kept = JSON.parse(this.storage.getItem(NOTIFY_KEY) ?? "{}");
      return kept && typeof kept === "object" && !Array.isArray(kept) ? kept : {};
    } catch {
      return {};
    }
  }
}
