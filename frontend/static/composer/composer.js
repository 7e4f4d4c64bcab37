// The message box (#composer): characters left, sending through the outbox, and the reader's messages not shown yet.

import { LengthCheck } from "./length-check.js";
import { Outbox, sendBody } from "./outbox.js";
import { describeRefusal } from "./server-errors.js";

const $ = (id) => document.getElementById(id);

/**
 * {@code publish(destination, body)}: true when it left the page. {@code list}: the MessageList that shows the
 * pending items. {@code username}: the UsernameField. {@code onRoomGone(roomId)}: the server says the room was
 * deleted; the page then calls roomGone. Delivery states come from the server's receipts (receipt()), see outbox.js;
 * {@code outbox}: an Outbox, by default one that lives as long as the page (saved-outbox.js keeps one across reloads).
 */
export class Composer {
  /** The open room, or null: only its pending messages are shown and only into it can one send. */
  room = null;

  // The connection's last status, for the placeholder.
  #status = null;

  constructor({
    maxText, list, username, clientId, publish, onRoomGone, reply = null, drafts = null, outbox = new Outbox(),
  }) {
    Object.assign(this, { list, username, clientId, publish, onRoomGone, reply, drafts, outbox });
    this.input = $("message");
    this.sendButton = $("send");
    this.chatError = $("chat-error");
    this.startError = $("start-error");
    this.length = new LengthCheck({
      input: this.input, counter: $("remaining"), errorLine: this.chatError, max: maxText,
    });
    this.actions = { onRetry: (localId) => this.#retry(localId), onEdit: (localId) => this.#edit(localId) };
    $("composer").addEventListener("submit", (event) => {
      event.preventDefault();
      this.send();
    });
    this.input.addEventListener("keydown", (event) => {
      // isComposing: Enter that confirms an input-method candidate must not send.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.send();
      }
    });
    // Each room keeps its half-typed message (drafts.js).
    this.input.addEventListener("input", () => this.room && this.drafts?.set(this.room.id, this.input.value));
    setInterval(() => this.#resendDue(), 1000);
  }

  /** A room opens: its messages still in the outbox show again, but for those stored, which its history shows. */
  enter(room) {
    this.room = room;
    this.#setClosed(false);
    this.outbox.dropSent(room.id);
    this.outbox.forRoom(room.id).forEach((entry) => this.showPending(entry));
    if (this.drafts) {
      this.input.value = this.drafts.get(room.id);
      this.length.update();
    }
  }

  /** The outbox entry whose message the room now shows, removed, or null. */
  confirm(message) {
    return this.outbox.confirm(message, this.clientId);
  }

  leave() {
    this.room = null;
  }

  /** The room is gone: what was not sent to it never will be. */
  forget(roomId) {
    this.drafts?.clear(roomId);
    this.outbox.forRoom(roomId).forEach((entry) => this.outbox.remove(entry.localId));
  }

  /** Room {@code roomId} was deleted: its unsent messages show as not sent, with no Retry; its box closes. */
  roomGone(roomId) {
    this.outbox.roomGone(roomId, "this room was deleted.").forEach((entry) => this.showPending(entry));
    if (this.room?.id === roomId) {
      this.#setClosed(true, undefined, { keepText: true });
    }
  }

  showStatus(status) {
    this.#status = status;
    this.#updatePlaceholder();
  }

  focus() {
    this.input.focus();
  }

  /** The username if it is missing; else the message box, except on phones where the keyboard would cover the room. */
  focusAfterEntering(focusRoom) {
    if (this.username.problem) {
      this.username.focus();
    } else if (matchMedia("(min-width: 768px)").matches) {
      this.input.focus();
    } else {
      focusRoom();
    }
  }

  send() {
    this.chatError.textContent = "";
    const text = this.input.value;
    if (!text.trim() || !this.room || this.closed) {
      return;
    }
    // Nothing leaves the page until it fits: the text stays, with the reason, for the reader to shorten.
    if (this.length.refuses()) {
      this.input.focus();
      return;
    }
    const problem = this.username.problem;
    if (problem) {
      this.username.showProblem(problem);
      return;
    }
    // The server keeps one name per connection: a new name goes out on a new one, and the outbox waits for it.
    this.username.commit();
    const entry = this.outbox.add({
      roomId: this.room.id, destination: this.room.sendDestination, text, replyTo: this.reply?.current() ?? null,
    });
    this.reply?.clear();
    this.input.value = "";
    this.drafts?.clear(this.room.id);
    this.length.update();
    this.showPending(entry);
    this.flush();
    this.list.scroll.toEnd();
  }

  /**
   * Sends {@code text} as a reply in a thread ({@code replyTo}, {@code threadId}: see thread-index.js), kept and
   * retried like any other message; false if it cannot go now (no room, or the name has a problem).
   */
  sendInThread(text, { replyTo, threadId }) {
    const problem = this.username.problem;
    if (!text.trim() || !this.room || this.closed || problem) {
      problem && this.username.showProblem(problem);
      return false;
    }
    this.username.commit();
    const entry = this.outbox.add({
      roomId: this.room.id, destination: this.room.sendDestination, text, replyTo, threadId,
    });
    this.showPending(entry);
    this.flush();
    return true;
  }

  /** Sends uploaded pictures (see PictureUpload) as a message of their own, kept and retried like any other. */
  sendPictures(attachments) {
    const problem = this.username.problem;
    if (!this.room || problem) {
      problem && this.username.showProblem(problem);
      return;
    }
    this.username.commit();
    const entry = this.outbox.add({
      roomId: this.room.id, destination: this.room.sendDestination, text: "", attachments,
    });
    this.showPending(entry);
    this.flush();
    this.list.scroll.toEnd();
  }

  /** Sends every queued message while connected; the rest stay queued, visibly. */
  flush() {
    for (const entry of this.outbox.queued()) {
      if (!this.#publish(entry)) {
        break;
      }
      this.showPending(this.outbox.markSending(entry.localId));
    }
  }

  /**
   * Connected (again): what was in flight when the connection dropped goes again with its clientMsgId, which the
   * server stores once however often it comes, and so does what was typed meanwhile.
   */
  connected() {
    this.outbox.reconnected();
    this.flush();
  }

  /** Messages in flight may or may not have arrived: they wait for the connection, to go again (see connected()). */
  connectionLost() {
    this.outbox.connectionLost().forEach((entry) => this.showPending(entry));
  }

  /** An answer on /user/queue/receipts: the message waits in the server's outbox, or is stored. */
  receipt(receipt) {
    const result = this.outbox.receipt(receipt, {
      // A room not open shows the message with its history when it opens.
      shown: (messageId, roomId) => roomId !== this.room?.id || this.list.shows(messageId),
    });
    if (result?.removed) {
      this.list.removePending(result.entry.localId);
    } else if (result) {
      this.showPending(result.entry);
    }
  }

  /** The server refused something: the message it names (else the newest in flight), perhaps the room itself. */
  serverError(error) {
    const refusal = describeRefusal(error, { destination: this.room?.destination, namedOnly: true });
    if (refusal.kind === "none") {
      return;
    }
    if (refusal.kind === "room-gone") {
      const roomId = refusal.roomId ?? this.room?.id;
      if (roomId) {
        this.onRoomGone(roomId);
      }
      return;
    }
    const rejected = refusal.kind === "message"
      ? this.outbox.reject(refusal.reason, refusal.roomId, refusal.offer, refusal.clientMsgId) : null;
    if (rejected) {
      // Said once, on the message it is about: the error line as well would repeat it.
      this.showPending(rejected);
    } else if (refusal.kind !== "message" || refusal.clientMsgId === undefined) {
      // (A refusal naming a message no longer here, shown in the room or taken back for editing, is moot.)
      (this.room ? this.chatError : this.startError).textContent = refusal.text;
    }
  }

  showPending(entry) {
    if (entry.roomId === this.room?.id) {
      this.list.showPending(entry, this.actions);
    }
  }

  /** One SEND of {@code entry} (see sendBody); false when nothing left the page. */
  #publish(entry) {
    return this.publish(entry.destination, sendBody(entry, { username: this.username.value, clientId: this.clientId }));
  }

  /** Sends again what went unanswered (see RESEND_AFTER_MS in outbox.js); its state and item stay as they are. */
  #resendDue() {
    const now = Date.now();
    for (const entry of this.outbox.due(now)) {
      if (!this.#publish(entry)) {
        break;
      }
      this.outbox.markResent(entry.localId, now);
    }
  }

  #retry(localId) {
    const entry = this.outbox.retry(localId);
    if (entry) {
      this.showPending(entry);
      this.flush();
    }
  }

  #edit(localId) {
    const entry = this.outbox.remove(localId);
    this.list.removePending(localId);
    if (entry) {
      this.input.value = entry.text;
      this.drafts?.set(entry.roomId, entry.text);
      this.length.update();
      this.input.focus();
    }
  }

  /** The open room takes nothing from this page ({@code reason} says why, e.g. its link lacks its key). */
  lock(reason) {
    this.#setClosed(true, reason);
  }

  /**
   * A deleted room's message box takes no more text; another room opens it again. {@code keepText}: what was typed
   * stays there to select and copy (read-only: a disabled box's text cannot even be selected).
   */
  #setClosed(closed, reason = "This room was deleted", { keepText = false } = {}) {
    this.closed = closed;
    this.closedReason = reason;
    this.input.disabled = closed && !keepText;
    this.input.readOnly = closed && keepText;
    this.sendButton.disabled = closed;
    this.#updatePlaceholder();
  }

  #updatePlaceholder() {
    const waiting = this.#status !== null && this.#status !== "connected";
    this.input.placeholder = waiting ? "Message (sent when the connection is back)" : "Message";
    if (this.closed) {
      this.input.placeholder = this.closedReason;
    }
  }
}
