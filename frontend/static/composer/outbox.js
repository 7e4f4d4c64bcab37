// Messages the reader sent that the room does not show yet: none is dropped without the reader seeing it.

import { newClientMsgId } from "./client-msg-id.js";

/**
 * How long an entry handed to the server may go without any answer before the page sends it again (with the same
 * clientMsgId, so the server stores it at most once). A receipt or a refusal normally comes within a second, and
 * a dropped connection already leads to a re-send; this only catches a SEND or its answer lost on a connection
 * that stayed up, and a "waiting" entry whose stored receipt went out while the page was disconnected.
 */
export const RESEND_AFTER_MS = 60000;

/** What a failed entry offers unless the reason rules it out: sending it again, or taking it back into the box. */
export const RETRY_OR_EDIT = Object.freeze(["retry", "edit"]);

/**
 * The JSON of one SEND of {@code entry} to its room's sendDestination. Every try carries the entry's clientMsgId.
 * {@code username}: the current one, not the entry's first: the server fixes a session's name by its first SEND, so
 * an older name would lock a renewed session to it. A rename while a message is in flight can therefore store it
 * twice, once per name; the answer takes milliseconds and a rename a deliberate edit, so that is left.
 */
export function sendBody(entry, { username, clientId }) {
  const sealed = (entry.attachments ?? []).filter((picture) => picture.sealed && picture.sealed.kind !== "file");
  const files = (entry.attachments ?? []).filter((file) => file.sealed?.kind === "file");
  const body = { username, text: entry.text, clientId, clientMsgId: entry.clientMsgId,
    ...(entry.attachments?.length ? { attachments: entry.attachments.map((picture) => picture.id) } : {}),
    // An encrypted room's pictures and files: what they are (a file's name too) goes into the sealed text
    // (SealedView), never to the gateway.
    ...(sealed.length ? { pictures: sealed.map((picture) => ({ id: picture.id, ...picture.sealed })) } : {}),
    ...(files.length ? { files: files.map(({ id, sealed: { kind, ...file } }) => ({ id, ...file })) } : {}) };
  // threadId is derived by the gateway from replyTo; sent along so MQTT readers of the page's SEND see it at once.
  return entry.replyTo ? { ...body, replyTo: entry.replyTo, ...(entry.threadId ? { threadId: entry.threadId } : {}) }
    : body;
}

/**
 * Tracks each outgoing message through the server's receipts (/user/queue/receipts):
 * - "queued": typed while disconnected (or in flight when the connection dropped); sent on the next connection;
 * - "sending": handed to the socket, no answer yet;
 * - "waiting": the server keeps it in its own outbox (a "queued" receipt: the MQTT broker is unreachable) and
 *   publishes it when the broker is back; nothing for the page to do;
 * - "sent": stored (a "stored" receipt, with the message's id), until the room shows the message itself;
 * - "failed": the server refused it, with the reason and what can help (Retry, Edit).
 * An entry leaves once the room shows its message (confirm), or when the reader takes it back (Edit).
 *
 * Every entry keeps one clientMsgId for all its tries: the server stores a repeated SEND once and answers it with
 * the first one's receipt, so the page re-sends whatever may not have arrived without risking a duplicate.
 */
export class Outbox {
  #entries = [];
  #nextId = 1;
  #newClientMsgId;

  constructor({ newClientMsgId: makeId = newClientMsgId } = {}) {
    this.#newClientMsgId = makeId;
  }

  /** A new queued entry, with the clientMsgId it keeps for every try. */
  add({ roomId, destination, text, replyTo = null, threadId = null, attachments = [] }) {
    const entry = {
      localId: `local-${this.#nextId++}`,
      clientMsgId: this.#newClientMsgId(),
      roomId,
      destination,
      text,
      // The id of the message this one answers, or null; the uploaded pictures it carries.
      replyTo,
      // The root of the thread it replies in (the thread panel's composer), or null.
      threadId,
      attachments,
      state: "queued",
      reason: null,
      offer: RETRY_OR_EDIT,
      // Times handed to the socket: only such an entry can have reached the room.
      attempts: 0,
      // The stored message's id and seq, from its "stored" receipt.
      messageId: null,
      seq: null,
      // When to send it again if nothing answers meanwhile (RESEND_AFTER_MS), or null.
      resendAt: null,
    };
    this.#entries.push(entry);
    return entry;
  }

  get(localId) {
    return this.#entries.find((entry) => entry.localId === localId) ?? null;
  }

  /** Every entry, oldest first. */
  all() {
    return [...this.#entries];
  }

  /** Entries of one room, oldest first. */
  forRoom(roomId) {
    return this.#entries.filter((entry) => entry.roomId === roomId);
  }

  /** Entries waiting for a connection, oldest first, in every room. */
  queued() {
    return this.#entries.filter((entry) => entry.state === "queued");
  }

  /** Handed to the socket. */
  markSending(localId, now = Date.now()) {
    const entry = this.get(localId);
    return entry ? this.#update(localId, {
      state: "sending", reason: null, attempts: entry.attempts + 1, resendAt: now + RESEND_AFTER_MS,
    }) : null;
  }

  /** Entries to send again now (see RESEND_AFTER_MS), oldest first; call markResent for each that left. */
  due(now = Date.now()) {
    return this.#entries.filter((entry) => entry.resendAt !== null && entry.resendAt <= now
      && (entry.state === "sending" || entry.state === "waiting"));
  }

  /**
   * Sent again by due(): a sending entry gets another RESEND_AFTER_MS; a waiting one is checked once per
   * connection, since the server's outbox keeps it for as long as the broker is away.
   */
  markResent(localId, now = Date.now()) {
    const entry = this.get(localId);
    return entry ? this.#update(localId, {
      attempts: entry.attempts + 1, resendAt: entry.state === "sending" ? now + RESEND_AFTER_MS : null,
    }) : null;
  }

  /**
   * The connection dropped: what was in flight may or may not have arrived, so it is queued to go again, with the
   * same clientMsgId, on the next connection. Waiting entries stay: the server has them. Returns the entries
   * whose state changed.
   */
  connectionLost() {
    const inFlight = this.#entries.filter((entry) => entry.state === "sending");
    this.#entries.forEach((entry) => {
      entry.resendAt = null;
    });
    return inFlight.map((entry) => this.#update(entry.localId, { state: "queued" }));
  }

  /**
   * Connected again: a waiting entry whose stored receipt may have gone out while the page was away is sent again
   * if none comes within RESEND_AFTER_MS (the server then answers with that receipt). Queued entries go out at
   * once, by the caller's flush.
   */
  reconnected(now = Date.now()) {
    this.#entries.filter((entry) => entry.state === "waiting").forEach((entry) => {
      entry.resendAt = now + RESEND_AFTER_MS;
    });
  }

  /** Back to the queue, for a retry: same clientMsgId, so a try that did arrive after all is not stored twice. */
  retry(localId) {
    return this.#update(localId, { state: "queued", reason: null, offer: RETRY_OR_EDIT, resendAt: null });
  }

  remove(localId) {
    const entry = this.get(localId);
    this.#entries = this.#entries.filter((other) => other.localId !== localId);
    return entry;
  }

  /**
   * A receipt from /user/queue/receipts: {@code { clientMsgId, status: "queued"|"stored", id, seq, roomId }}.
   * {@code shown(messageId, roomId)}: whether the page already shows that message, or will without this entry
   * (the room is not open: its history shows it when it opens).
   *
   * Returns null when it is about no entry (unreadable, or the message already showed), else {@code { entry,
   * removed }}: the entry now "waiting" or "sent"; removed when it is sent and its message shown, so the reader
   * sees it once.
   */
  receipt(receipt, { shown = () => false } = {}) {
    if (typeof receipt?.clientMsgId !== "string" || !["queued", "stored"].includes(receipt.status)) {
      return null;
    }
    const entry = this.#byClientMsgId(receipt.clientMsgId);
    if (!entry || (typeof receipt.roomId === "string" && receipt.roomId !== entry.roomId)) {
      return null;
    }
    if (receipt.status === "queued") {
      // Once stored, a late or repeated "queued" changes nothing.
      if (entry.state === "sent") {
        return { entry, removed: false };
      }
      return { entry: this.#update(entry.localId, {
        state: "waiting", reason: null, offer: RETRY_OR_EDIT, resendAt: null,
      }), removed: false };
    }
    const messageId = typeof receipt.id === "string" ? receipt.id : null;
    this.#update(entry.localId, {
      state: "sent", reason: null, messageId, seq: Number.isSafeInteger(receipt.seq) ? receipt.seq : null,
      resendAt: null,
    });
    // Without an id nothing can match the room's copy but the fallback below: leave it to that.
    if (messageId !== null && shown(messageId, entry.roomId)) {
      return { entry: this.remove(entry.localId), removed: true };
    }
    return { entry, removed: false };
  }

  /**
   * The entry a message shown in the room is the copy of, now removed, or null when it is someone else's (or a
   * message of the reader's no entry waits for). Matched by the message's clientMsgId when the server echoes it;
   * else by the id from the stored receipt; else the oldest entry of this tab with the same text that went to the
   * server and has no other stored id. Failed entries match too: a message shown means it did arrive after all.
   */
  confirm(message, clientId) {
    if (!clientId || message?.clientId !== clientId) {
      return null;
    }
    const inRoom = this.#entries.filter((candidate) => candidate.roomId === message.roomId);
    if (typeof message.clientMsgId === "string") {
      // Exact: an id no entry has belongs to one already gone (its receipt came first), not to a look-alike.
      const entry = inRoom.find((candidate) => candidate.clientMsgId === message.clientMsgId);
      return entry ? this.remove(entry.localId) : null;
    }
    const entry = inRoom.find((candidate) => typeof message.id === "string" && candidate.messageId === message.id)
      ?? inRoom.find((candidate) => candidate.messageId === null && candidate.attempts > 0
        && candidate.text === message.text);
    return entry ? this.remove(entry.localId) : null;
  }

  /**
   * Marks the entry the server refused as failed, with the reason and {@code offer} (the buttons that can help).
   * {@code clientMsgId}: the refused SEND's, when the server names it; null when it names an entry no longer here
   * (delivered, or taken back). Without it (a SEND the server could not read, an older server), the newest sending
   * entry of the room: refusals come at once, while accepted SENDs are answered by receipts.
   */
  reject(reason, roomId, offer = RETRY_OR_EDIT, clientMsgId = undefined) {
    let entry;
    if (typeof clientMsgId === "string") {
      entry = this.#byClientMsgId(clientMsgId);
      // Stored already: a refused repeat (e.g. rate-limited) changes nothing.
      if (entry?.state === "sent") {
        return entry;
      }
    } else {
      entry = this.#entries.filter((candidate) => candidate.state === "sending"
        && (!roomId || candidate.roomId === roomId)).at(-1);
    }
    return entry ? this.#update(entry.localId, { state: "failed", reason, offer, resendAt: null }) : null;
  }

  /**
   * Room {@code roomId} was deleted: none of its entries can ever be sent. They leave the outbox and come back
   * failed, with {@code reason} and nothing to offer, for the page to show them one last time.
   */
  roomGone(roomId, reason) {
    return this.forRoom(roomId).map((entry) => ({ ...this.remove(entry.localId), state: "failed", reason, offer: [] }));
  }

  /** Sent entries of a room that opens leave: the room's history shows their messages. */
  dropSent(roomId) {
    return this.forRoom(roomId).filter((entry) => entry.state === "sent").map((entry) => this.remove(entry.localId));
  }

  #byClientMsgId(clientMsgId) {
    return this.#entries.find((entry) => entry.clientMsgId === clientMsgId) ?? null;
  }

  #update(localId, changes) {
    const entry = this.get(localId);
    if (entry) {
      Object.assign(entry, changes);
    }
    return entry;
  }
}
