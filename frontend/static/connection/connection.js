// The page's one STOMP connection: status, reconnect with backoff, and resubscribing after each reconnect.

import { isSignInRefusal, SIGNED_OUT_CLOSE } from "../identity/auth.js";
import { Backoff, Wakeable } from "./backoff.js";
import { proveKey } from "../encryption/key-proof.js";
import { isOffline, OFFLINE_RECHECK_MS, watchNetwork } from "./network-watch.js";
import { parseBody as parse, ROOM_CALLBACKS, subscribeRoom } from "./room-topics.js";
import { connectHeaders } from "../identity/username.js";

const ERROR_QUEUE = "/user/queue/errors";

/** STOMP heart-beats both ways (chat.web.heartbeat): stompjs ends a socket silent for 20 s, checking every 10 s. */
export const HEARTBEAT_MS = 10000;

/** Where the server answers each SEND it accepted: queued in its outbox, or stored (see outbox.js). */
export const RECEIPT_QUEUE = "/user/queue/receipts";

/**
 * Wraps a StompJs client. stompjs's own reconnect loop runs every 1 ms; beforeConnect holds each
 * attempt back for the backoff delay, so the delays are ours (and testable) while stompjs keeps
 * handling sockets and heart-beats.
 *
 * {@code username()}: the name the next session goes by. {@code authorKey()}: a promise of the AuthorKey each
 * session proves before it follows a room (or of null: no proof). The open room's frames: see ROOM_CALLBACKS.
 */
export class Connection {
  #client;
  #backoff;
  #room = null;
  #roomSubscription = null;
  // The name the current (or connecting) session's CONNECT carried, "" for none.
  #sentName = "";
  // renew() asked for the next session: it goes at once, since nothing failed.
  #renewing = false;
  #attempts = 0;
  #nap = new Wakeable();
  #status = "idle";
  // The author key this session proved, "" for none; and whether the session is past its proof (rooms follow then).
  #author = "";
  #ready = false;
  #sessions = 0;
  // Why the connection ended for good ("signed-out": the server closed it with 4401; "sign-in": a CONNECT refused
  // for want of a sign-in), or null: then it reconnects by itself.
  #ended = null;

  constructor({ brokerURL, username = () => "", authorKey = null, backoff = new Backoff(), ...callbacks }) {
    // onStatus, onReceipt, onServerError, onConnected, onDisconnected, onEnded, and those of ROOM_CALLBACKS.
    Object.assign(this, callbacks, { username, authorKey });
    this.#backoff = backoff;
    this.#client = new globalThis.StompJs.Client({
      brokerURL,
      reconnectDelay: 1,
      connectionTimeout: 10000,
      heartbeatIncoming: HEARTBEAT_MS,
      heartbeatOutgoing: HEARTBEAT_MS,
      // A missed heart-beat ends the socket at once: a close handshake over a dead network would wait for minutes.
      discardWebsocketOnCommFailure: true,
      debug: () => {},
      beforeConnect: () => this.#beforeConnect(),
      onConnect: () => this.#connected(),
      onWebSocketClose: (event) => this.#closed(event),
      onStompError: (frame) => {
        const message = frame.headers.message ?? "The server refused the connection.";
        // Only signing in can cure this one: another try would be refused the same way, for ever.
        if (isSignInRefusal(message)) {
          this.#ended = "sign-in";
        }
        this.onServerError?.({ code: "stomp-error", message });
      },
    });
    watchNetwork({ onOffline: () => this.#offline(), onBack: () => this.reconnectNow() });
  }

  get status() {
    return this.#status;
  }

  get connected() {
    return this.#client.connected;
  }

  /** The name the server knows this connection by, "" for none (then it takes no typing or read signals). */
  get sessionUsername() {
    return this.connected ? this.#sentName : "";
  }

  /** The author key the server knows this connection by (it proved it), "" for none. */
  get sessionAuthor() {
    return this.connected ? this.#author : "";
  }

  /** The server took a SEND by {@code username}: that named a session whose CONNECT had no name. */
  named(username) {
    this.#sentName ||= this.connected ? username : "";
  }

  /** Why the connection ended for good ("signed-out" or "sign-in"), or null while it keeps reconnecting. */
  get ended() {
    return this.#ended;
  }

  start() {
    if (!this.#client.active && !this.#ended) {
      this.#client.activate();
    }
  }

  /** Starts a new STOMP session: the server fixes one username per session, so a new name needs a new one. */
  renew() {
    if (this.connected) {
      this.#renewing = true;
      this.#client.forceDisconnect();
    }
  }

  /** Follows {@code room} (or none): unsubscribes from the previous room's topics, subscribes to this one's. */
  setRoom(room) {
    this.#roomSubscription?.unsubscribe();
    this.#roomSubscription = null;
    this.#room = room;
    if (room && this.connected && this.#ready) {
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
    this.#nap.wake();
  }

  async #beforeConnect() {
    await this.#wait();
    // stompjs reads connectHeaders after this, when it sends CONNECT: the name as it is now, after the wait.
    this.#client.connectHeaders = connectHeaders(this.username());
    this.#sentName = this.#client.connectHeaders.username ?? "";
  }

  async #wait() {
    if (this.#attempts++ === 0 || this.#renewing) {
      this.#renewing = false;
      this.#setStatus("connecting");
      return;
    }
    const delay = this.#backoff.next();
    this.#setStatus(isOffline() ? "offline" : "reconnecting", delay);
    await this.#nap.sleep(delay);
    // No attempt while the browser has no network: its online event wakes the page.
    while (isOffline()) {
      this.#setStatus("offline");
      await this.#nap.sleep(OFFLINE_RECHECK_MS);
    }
  }

  /** The browser lost its network: a socket on it may look open for minutes, so it goes now (messages wait). */
  #offline() {
    if (this.#client.active) {
      this.#client.forceDisconnect();
    }
    if (this.#status !== "connected" && !this.#ended) {
      this.#setStatus("offline");
    }
  }

  #connected() {
    this.#backoff.reset();
    // Renamed while this session was connecting: it speaks for a name no longer used.
    if ((connectHeaders(this.username()).username ?? "") !== this.#sentName) {
      this.renew();
      return;
    }
    // Both before onConnected re-sends anything: every answer to those SENDs finds its subscription.
    this.#client.subscribe(ERROR_QUEUE, (frame) => this.onServerError?.(parse(frame.body)));
    this.#client.subscribe(RECEIPT_QUEUE, (frame) => {
      const receipt = parse(frame.body);
      if (receipt) {
        this.onReceipt?.(receipt);
      }
    });
    if (!this.authorKey) {
      this.#proven("");
      return;
    }
    // The room is followed only once the key is proven (or not): the roster then shows this session with its key.
    const session = ++this.#sessions;
    Promise.resolve(this.authorKey())
      .then((key) => proveKey(this.#client, key), () => "")
      .then((author) => session === this.#sessions && this.connected && this.#proven(author));
  }

  #proven(author) {
    this.#author = author;
    this.#ready = true;
    if (this.#room) {
      this.#subscribeRoom();
    }
    this.#setStatus("connected");
    this.onConnected?.();
  }

  #subscribeRoom() {
    const room = this.#room;
    this.#roomSubscription = subscribeRoom(this.#client, room, (kind, body) => {
      // A frame of the previous room can still be in flight right after a switch.
      if (this.#room?.id === room.id) {
        this[ROOM_CALLBACKS[kind]]?.(body);
      }
    });
  }

  #closed(event) {
    this.#roomSubscription = null;
    this.#ready = false;
    this.#author = "";
    this.#sessions++;
    const wasConnected = this.#status === "connected";
    if (event?.code === SIGNED_OUT_CLOSE) {
      this.#ended = "signed-out";
    }
    if (this.#ended) {
      // Called from stompjs's close handler, before it schedules the next attempt: there is none then.
      this.#client.deactivate();
    }
    this.#setStatus(this.#ended ?? (isOffline() ? "offline" : "reconnecting"));
    if (wasConnected) {
      this.onDisconnected?.();
    }
    if (this.#ended) {
      this.onEnded?.(this.#ended);
    }
  }

  #setStatus(status, retryInMs = null) {
    this.#status = status;
    this.onStatus?.(status, retryInMs);
  }
}
