// Messages the reader sent that the room has not echoed back yet: none is dropped without the reader seeing it.

export const CONFIRM_TIMEOUT_MS = 10000;

/** What a failed entry offers unless the reason rules it out: sending it again, or taking it back into the box. */
export const RETRY_OR_EDIT = Object.freeze(["retry", "edit"]);

/**
 * Tracks each outgoing message from "queued" (waiting for a connection) to "sending" (handed to the
 * socket) until the room echoes it back; it becomes "failed" (shown with a retry) if the server
 * rejects it, the connection drops first, or no echo comes in time.
 */
export class Outbox {
  #entries = [];
  #nextId = 1;

  /** A new queued entry. */
  add({ roomId, destination, text }) {
    const localId = `local-${this.#nextId++}`;
    const entry = { localId, roomId, destination, text, state: "queued", reason: null, offer: RETRY_OR_EDIT };
    this.#entries.push(entry);
    return entry;
  }

  get(localId) {
    return this.#entries.find((entry) => entry.localId === localId) ?? null;
  }

  /** Entries of one room, oldest first. */
  forRoom(roomId) {
    return this.#entries.filter((entry) => entry.roomId === roomId);
  }

  /** Entries waiting for a connection, oldest first, in every room. */
  queued() {
    return this.#entries.filter((entry) => entry.state === "queued");
  }

  markSending(localId, now = Date.now()) {
    return this.#update(localId, { state: "sending", sendingSince: now, reason: null });
  }

  /** Back to the queue, for a retry. */
  retry(localId) {
    return this.#update(localId, { state: "queued", reason: null, offer: RETRY_OR_EDIT });
  }

  remove(localId) {
    const entry = this.get(localId);
    this.#entries = this.#entries.filter((other) => other.localId !== localId);
    return entry;
  }

  /**
   * The entry a message from the room echoes, now removed, or null when it is someone else's.
   * Failed entries match too: an echo after a timeout means it did arrive after all.
   */
  confirm(message, clientId) {
    if (!clientId || message.clientId !== clientId) {
      return null;
    }
    const entry = this.#entries.find((candidate) => candidate.roomId === message.roomId
      && candidate.text === message.text && candidate.state !== "queued");
    return entry ? this.remove(entry.localId) : null;
  }

  /**
   * Marks the newest sending entry as failed with the server's reason: the server answers a rejected
   * SEND at once, while accepted ones come back later through MQTT. {@code offer}: the buttons that can help.
   */
  reject(reason, roomId, offer = RETRY_OR_EDIT) {
    const sending = this.#entries.filter((entry) => entry.state === "sending" && (!roomId || entry.roomId === roomId));
    const entry = sending.at(-1);
    return entry ? this.#update(entry.localId, { state: "failed", reason, offer }) : null;
  }

  /**
   * Room {@code roomId} was deleted: none of its entries can ever be sent. They leave the outbox and come back
   * failed, with {@code reason} and nothing to offer, for the page to show them one last time.
   */
  roomGone(roomId, reason) {
    return this.forRoom(roomId).map((entry) => ({ ...this.remove(entry.localId), state: "failed", reason, offer: [] }));
  }

  /** Entries still unconfirmed after {@code timeoutMs}, now failed. */
  expire(now = Date.now(), timeoutMs = CONFIRM_TIMEOUT_MS) {
    return this.#entries
      .filter((entry) => entry.state === "sending" && now - entry.sendingSince >= timeoutMs)
      .map((entry) => this.#update(entry.localId, {
        state: "failed",
        reason: "No confirmation from the server.",
        offer: RETRY_OR_EDIT,
      }));
  }

  /**
   * Entries in flight when the connection dropped, now failed: they may or may not have arrived,
   * so the reader decides about a retry rather than risking a duplicate.
   */
  connectionLost() {
    return this.#entries
      .filter((entry) => entry.state === "sending")
      .map((entry) => this.#update(entry.localId, {
        state: "failed",
        reason: "The connection dropped before the server confirmed it.",
        offer: RETRY_OR_EDIT,
      }));
  }

  #update(localId, changes) {
    const entry = this.get(localId);
    if (entry) {
      Object.assign(entry, changes);
    }
    return entry;
  }
}
