// This device's Web Push subscription: the browser's (PushManager) and its registration with the gateway, whose id
// is kept in localStorage. Pure logic: the gateway's API, the browser's Notification and PushManager handed in.

import { fromBase64url } from "../encryption/room-crypto.js";

export const PUSH_KEY = "chat.pushSubscription";

/** At most this many rooms are registered (the open one and the latest first). */
export const MAX_PUSH_ROOMS = 50;

/** Why push could not be turned on or kept up to date, as a sentence for the page. */
export class PushError extends Error {}

/** What the gateway's POST and PUT take: the browser's subscription (its toJSON()), the reader's name, the rooms. */
export function subscriptionBody(subscription, username, rooms) {
  const { endpoint, keys } = subscription.toJSON();
  return { subscription: { endpoint, keys: { p256dh: keys?.p256dh, auth: keys?.auth } }, username,
    rooms: rooms.slice(0, MAX_PUSH_ROOMS) };
}

/**
 * {@code state}: "unsupported" (no Notification or PushManager here), "unavailable" (the gateway has push off, or
 * its key was not asked yet), "denied" (notifications blocked for the site), "on" or "off".
 * {@code pushManager()}: a promise of the service worker registration's PushManager. {@code username()}: the
 * reader's name. {@code rooms()}: the rooms to register, {@code [{ id, notify }]} (NotifySettings.rooms()).
 */
export class PushSubscriber {
  #publicKey = null;

  constructor({ api, storage, Notification, pushManager, username, rooms }) {
    Object.assign(this, { api, storage, pushManager, username, rooms });
    this.Notification = typeof Notification === "function" ? Notification : null;
  }

  get state() {
    if (!this.Notification || !this.pushManager) {
      return "unsupported";
    }
    if (this.#publicKey === null) {
      return "unavailable";
    }
    if (this.Notification.permission === "denied") {
      return "denied";
    }
    return this.#kept() ? "on" : "off";
  }

  /** Asks the gateway for its key (a 404 or 503: push is off there); resolves to the state. */
  async start() {
    if (this.state === "unsupported") {
      return this.state;
    }
    const answer = await this.api.key();
    const key = answer.ok ? answer.body?.publicKey : null;
    this.#publicKey = typeof key === "string" && /^[A-Za-z0-9_-]{80,}$/.test(key) ? key : null;
    return this.state;
  }

  /** On a press of the button: asks the permission, subscribes and registers; throws PushError saying why not. */
  async turnOn() {
    const username = this.username();
    if (!username) {
      throw new PushError("Pick a username first: mentions are found by it.");
    }
    const permission = this.Notification.permission === "granted" ? "granted"
      : await this.Notification.requestPermission();
    if (permission !== "granted") {
      throw new PushError(permission === "denied" ? "Notifications are blocked for this site in the browser's settings."
        : "Notifications need your permission.");
    }
    const subscription = await this.#subscribe(await this.pushManager());
    const answer = await this.api.subscribe(subscriptionBody(subscription, username, this.rooms()));
    if (!answer.ok || typeof answer.body?.id !== "string") {
      await subscription.unsubscribe().catch(() => {});
      throw new PushError(`The server refused: ${answer.error ?? "no subscription id"}`);
    }
    this.#keep({ id: answer.body.id, sent: this.#signature(username) });
    return this.state;
  }

  /** Ends the subscription here and at the gateway (a 404 there: it had ended already). */
  async turnOff() {
    const kept = this.#kept();
    this.#keep(null);
    const subscription = await (await this.pushManager())?.getSubscription();
    await subscription?.unsubscribe().catch(() => {});
    const answer = kept ? await this.api.unsubscribe(kept.id) : { ok: true };
    if (!answer.ok && answer.status !== 404) {
      // The push service no longer delivers to this device's endpoint, which tells the gateway in time.
      throw new PushError(`Off on this device; the server was not told: ${answer.error}`);
    }
    return this.state;
  }

  /** The rooms or the name changed: a PUT with them (none when nothing changed since the last one). */
  async update() {
    const kept = this.#kept();
    const username = this.username();
    if (!kept || !username || kept.sent === this.#signature(username)) {
      return;
    }
    const subscription = await (await this.pushManager())?.getSubscription();
    if (!subscription) {
      // The browser dropped it (site data cleared, permission taken back): off, and the gateway hears of it.
      await this.turnOff();
      return;
    }
    const body = subscriptionBody(subscription, username, this.rooms());
    let answer = await this.api.update(kept.id, body);
    if (answer.status === 404) {
      // The gateway removed it (the push service said it was gone, or it expired): register it afresh.
      answer = await this.api.subscribe(body);
      kept.id = answer.body?.id ?? kept.id;
    }
    if (!answer.ok) {
      throw new PushError(`The server refused the rooms: ${answer.error}`);
    }
    this.#keep({ id: kept.id, sent: this.#signature(username) });
  }

  /** Tells the gateway the room this page shows (null: none). */
  showing(roomId) {
    const kept = this.#kept();
    return kept ? this.api.showing(kept.id, roomId) : Promise.resolve({ ok: true });
  }

  async #subscribe(manager) {
    const options = { userVisibleOnly: true, applicationServerKey: fromBase64url(this.#publicKey) };
    try {
      return await manager.subscribe(options);
    } catch (first) {
      // A subscription made with another key (the gateway's was replaced) must go before a new one is made.
      const old = await manager.getSubscription().catch(() => null);
      if (!old) {
        throw new PushError(`This browser could not subscribe: ${first.message}`);
      }
      await old.unsubscribe();
      try {
        return await manager.subscribe(options);
      } catch (second) {
        throw new PushError(`This browser could not subscribe: ${second.message}`);
      }
    }
  }

  /** What was registered, in an order that does not change as the reader moves between the same rooms. */
  #signature(username) {
    const rooms = this.rooms().slice(0, MAX_PUSH_ROOMS).map(({ id, notify }) => `${id}:${notify}`).sort();
    return JSON.stringify([username, rooms]);
  }

  #kept() {
    try {
      const kept = JSON.parse(this.storage.getItem(PUSH_KEY) ?? "null");
      return typeof kept?.id === "string" ? kept : null;
    } catch {
      return null;
    }
  }

  #keep(value) {
    try {
      if (value) {
        this.storage.setItem(PUSH_KEY, JSON.stringify(value));
      } else {
        this.storage.removeItem(PUSH_KEY);
      }
    } catch {
      // Without storage the subscription lasts as long as the page.
    }
  }
}
