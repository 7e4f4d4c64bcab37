// Mention notifications: the browser's permission, the reader's on/off choice, and raising one. Pure logic,
// with the browser's Notification and the storage handed in.

const KEY = "chat.notifyMentions";

/**
 * {@code state} is one of
 * - "unsupported": the browser has no notifications (or refuses to create them this way);
 * - "denied": the reader (or the browser) blocked them for this site; only the browser's settings can change it;
 * - "default": never asked; turning them on asks the browser's permission;
 * - "on" / "off": permitted, and the reader's choice (remembered in storage).
 */
export class Notifier {
  #broken = false;

  constructor({ Notification, storage }) {
    this.Notification = typeof Notification === "function" ? Notification : null;
    this.storage = storage;
  }

  get state() {
    if (!this.Notification || this.#broken) {
      return "unsupported";
    }
    // Read each time: the reader may change the permission in the browser's settings while the page is open.
    const permission = this.Notification.permission;
    if (permission === "denied") {
      return "denied";
    }
    if (permission !== "granted") {
      return "default";
    }
    return this.storage.getItem(KEY) === "on" ? "on" : "off";
  }

  /** The reader pressed the button: asks the browser's permission if need be; resolves to the new state. */
  async toggle() {
    const state = this.state;
    if (state === "on" || state === "off") {
      this.storage.setItem(KEY, state === "on" ? "off" : "on");
    } else if (state === "default") {
      const permission = await this.#requestPermission();
      if (permission === "granted") {
        this.storage.setItem(KEY, "on");
      }
    }
    return this.state;
  }

  /** Raises {@code { title, options }} when on; true when shown. Clicking it brings the page to the front. */
  show({ title, options }) {
    if (this.state !== "on") {
      return false;
    }
    try {
      const notification = new this.Notification(title, options);
      notification.onclick = () => {
        globalThis.focus?.();
        notification.close?.();
      };
      return true;
    } catch {
      // Chrome on Android allows notifications only from a service worker, and says so by throwing here.
      this.#broken = true;
      return false;
    }
  }

  /** Older Safari takes a callback and returns nothing; the others return a promise. */
  #requestPermission() {
    return new Promise((resolve) => {
      try {
        this.Notification.requestPermission(resolve)?.then?.(resolve, () => resolve("default"));
      } catch {
        resolve("default");
      }
    });
  }
}
