// The page's one STOMP connection: status, reconnect with backoff, and resubscribing after each reconnect.

import { Backoff } from "./backoff.js";

const ERROR_QUEUE = "/user/queue/errors";

/** Where the server answers each SEND it accepted: queued in its outbox, or stored (see outbox.js). */
export const RECEIPT_QUEUE = "/user/queue/receipts";

/**
 * Wraps a StompJs client. stompjs's own reconnect loop runs every 1 ms; beforeConnect holds each
 * attempt back for the backoff delay, so the delays are ours (and testable) while stompjs keeps
 * handling sockets and heart-beats.
 */
export class Connection {
  #client;
  #backoff;
  #room = null;
  #roomSubscription = null;
  #attempts = 0;
  #wake = null;
  #status = "idle";

  constructor({
    brokerURL, onStatus, onMessage, onReceipt, onServerError, onConnected, onDisconnected, backoff = new Backoff(),
  }) {
    this.onStatus = onStatus;
    this.onMessage = onMessage;
    this.onReceipt = onReceipt;
    this.onServerError = onServerError;
    this.onConnected = onConnected;
    this.onDisconnected = onDisconnected;
    this.#backoff = backoff;
    this.#client = new globalThis.StompJs.Client({
      brokerURL,
      reconnectDelay: 1,
      connectionTimeout: 10000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      debug: () => {},
      beforeConnect: () => this.#beforeConnect(),
      onConnect: () => this.#connected(),
      onWebSocketClose: () => this.#closed(),
      onStompError: (frame) => this.onServerError?.({
        code: "stomp-error",
        message: frame.headers.message ?? "The server refused the connection.",
      }),
    });
    addEventListener("online", () => this.reconnectNow());
    addEventListener("offline", () => {
      if (!this.connected) {
        this.#setStatus("offline");
      }
    });
    // A tab coming back to the front should not sit out a long backoff.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") {
        this.reconnectNow();
      }
    });
  }

  get status() {
    return this.#status;
  }

  get connected() {
    return this.#client.connected;
  }

  start() {
    if (!this.#client.active) {
      this.#client.activate();
    }
  }

  /** Starts a new STOMP session: the server fixes one username per session, so a new name needs a new one. */
  renew() {
    if (this.connected) {
      this.#client.forceDisconnect();
    }
  }

  /** Follows {@code room} (or none): unsubscribes from the previous room, subscribes to this one. */
  setRoom(room) {
    this.#roomSubscription?.unsubscribe();
    this.#roomSubscription = null;
    this.#room = room;
    if (room && this.connected) {
      this.#subscribeRoom();
    }
  }

  /** Sends when connected; false means nothing left the page. */
  publish(destination, body) {
    if (!this.connected) {
      return false;
    }
    try {
      this.#client.publish({ destination, body: JSON.stringify(body) });
      return true;
    } catch {
      // The socket closed between the check and the send.
      return false;
    }
  }

  /** Skips the rest of the current backoff wait. */
  reconnectNow() {
    this.#wake?.();
  }

  async #beforeConnect() {
    if (this.#attempts++ === 0) {
      this.#setStatus("connecting");
      return;
    }
    const delay = this.#backoff.next();
    this.#setStatus(navigator.onLine === false ? "offline" : "reconnecting", delay);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = null;
  }

  #connected() {
    this.#backoff.reset();
    // Both before onConnected re-sends anything: every answer to those SENDs finds its subscription.
    this.#client.subscribe(ERROR_QUEUE, (frame) => this.onServerError?.(parse(frame.body)));
    this.#client.subscribe(RECEIPT_QUEUE, (frame) => {
      const receipt = parse(frame.body);
      if (receipt) {
        this.onReceipt?.(receipt);
      }
    });
    if (this.#room) {
      this.#subscribeRoom();
    }
    this.#setStatus("connected");
    this.onConnected?.();
  }

  #subscribeRoom() {
    const room = this.#room;
    this.#roomSubscription = this.#client.subscribe(room.destination, (frame) => {
      const message = parse(frame.body);
      // A frame of the previous room can still be in flight right after a switch.
      if (message && this.#room?.id === room.id) {
        this.onMessage?.(message);
      }
    });
  }

  #closed() {
    this.#roomSubscription = null;
    const wasConnected = this.#status === "connected";
    this.#setStatus(navigator.onLine === false ? "offline" : "reconnecting");
    if (wasConnected) {
      this.onDisconnected?.();
    }
  }

  #setStatus(status, retryInMs = null) {
    this.#status = status;
    this.onStatus?.(status, retryInMs);
  }
}

function parse(body) {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}
