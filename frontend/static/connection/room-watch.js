// The rooms the page watches without being in them: one subscription to each room's /activity destination (its
// messages, without a seat in its presence), made again on every new session. The stompjs client is passed in.

import { parseBody } from "./room-topics.js";

/** A room's activity destination (docs/api.md): the room's messages for pages that count its unread ones. */
export function activityTopic(roomId) {
  return `/topic/rooms/${roomId}/activity`;
}

export class RoomWatch {
  #ids = new Set();
  #client = null;
  #subscriptions = new Map();

  /** {@code onActivity(roomId, message)} gets each message of a watched room. */
  constructor(onActivity) {
    this.onActivity = onActivity;
  }

  /** Watches exactly {@code ids} from now on. */
  set(ids) {
    this.#ids = new Set(ids);
    for (const [id, subscription] of this.#subscriptions) {
      if (!this.#ids.has(id)) {
        unsubscribe(subscription);
        this.#subscriptions.delete(id);
      }
    }
    this.#subscribeAll();
  }

  get ids() {
    return [...this.#ids];
  }

  /** A session is ready: every watched room is subscribed on it. */
  attach(client) {
    this.#client = client;
    this.#subscriptions.clear();
    this.#subscribeAll();
  }

  /** The session ended: its subscriptions went with it. */
  detach() {
    this.#client = null;
    this.#subscriptions.clear();
  }

  #subscribeAll() {
    if (!this.#client) {
      return;
    }
    for (const id of this.#ids) {
      if (!this.#subscriptions.has(id)) {
        this.#subscriptions.set(id, this.#client.subscribe(activityTopic(id), (frame) => {
          const message = parseBody(frame.body);
          if (message && this.#ids.has(id)) {
            this.onActivity(id, message);
          }
        }));
      }
    }
  }
}

function unsubscribe(subscription) {
  try {
    subscription.unsubscribe();
  } catch {
    // The socket closed under it: the server forgets a closed session's subscriptions anyway.
  }
}
