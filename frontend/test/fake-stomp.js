// A stand-in for the stompjs Client (globalThis.StompJs) for the unit tests; it holds no tests.

/** Records what the page does with its STOMP client; the test plays the server and the socket. */
export class FakeStompClient {
  static instances = [];

  connected = false;
  active = false;
  connectHeaders = {};
  /** The connectHeaders of each CONNECT sent, in order. */
  connects = [];
  subscriptions = [];
  published = [];
  forced = 0;

  constructor(config) {
    Object.assign(this, config);
    FakeStompClient.instances.push(this);
  }

  activate() {
    this.active = true;
    return this.attempt();
  }

  /** One connection attempt, as stompjs makes it: beforeConnect first, then CONNECT with connectHeaders. */
  async attempt() {
    await this.beforeConnect(this);
    this.connects.push({ ...this.connectHeaders });
  }

  /** The server answers CONNECTED. */
  accept() {
    this.connected = true;
    this.onConnect({ headers: {} });
  }

  /**
   * The socket closes ({@code event}: its CloseEvent); stompjs then tries again unless deactivated meanwhile
   * (resolves when that attempt's CONNECT went).
   */
  drop(event = {}) {
    this.connected = false;
    this.subscriptions.forEach((subscription) => {
      subscription.active = false;
    });
    this.onWebSocketClose(event);
    return this.active ? this.attempt() : Promise.resolve();
  }

  /** Stops stompjs's reconnect loop. */
  deactivate() {
    this.active = false;
    this.deactivated = (this.deactivated ?? 0) + 1;
    return Promise.resolve();
  }

  /** The server answers a CONNECT with an ERROR frame, then closes the socket. */
  refuse(message) {
    this.onStompError({ headers: { message }, body: "" });
    return this.drop({ code: 1002 });
  }

  forceDisconnect() {
    this.forced += 1;
    this.reconnecting = this.drop();
  }

  subscribe(destination, callback) {
    if (!this.connected) {
      throw new TypeError("There is no underlying STOMP connection");
    }
    const subscription = { destination, callback, active: true };
    subscription.unsubscribe = () => {
      if (!this.connected) {
        throw new TypeError("There is no underlying STOMP connection");
      }
      subscription.active = false;
    };
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** The destinations subscribed now. */
  get activeDestinations() {
    return this.subscriptions.filter((subscription) => subscription.active).map((s) => s.destination);
  }

  /** A MESSAGE frame with {@code body} (JSON-encoded unless a string) on every subscription to {@code destination}. */
  deliver(destination, body) {
    for (const subscription of this.subscriptions.filter((s) => s.active && s.destination === destination)) {
      subscription.callback({ body: typeof body === "string" ? body : JSON.stringify(body), headers: {} });
    }
  }

  publish(frame) {
    this.published.push(frame);
  }
}

/** The window's event listeners the page added, by event type (see fireWindowEvent). */
const windowListeners = new Map();

/** Installs the fake and the few browser globals connection.js touches. */
export function installFakeBrowser() {
  globalThis.StompJs = { Client: FakeStompClient };
  globalThis.addEventListener ??= (type, listener) =>
    windowListeners.set(type, [...(windowListeners.get(type) ?? []), listener]);
  globalThis.document ??= { addEventListener: () => {}, visibilityState: "visible" };
  if (globalThis.navigator?.onLine === undefined) {
    Object.defineProperty(globalThis, "navigator", { value: { onLine: true }, configurable: true, writable: true });
  }
}

/** The browser's network goes ({@code online} false) or comes back: navigator.onLine, then the window's event. */
export function setOnline(online) {
  globalThis.navigator.onLine = online;
  (windowListeners.get(online ? "online" : "offline") ?? []).forEach((listener) => listener(new Event("x")));
}
