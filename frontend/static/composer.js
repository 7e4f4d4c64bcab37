// The message box (#composer): characters left, sending through the outbox, and the reader's unconfirmed messages.

import { remainingText } from "./format.js";
import { Outbox } from "./outbox.js";

const $ = (id) => document.getElementById(id);

/**
 * {@code publish(destination, body)}: true when it left the page. {@code list}: the MessageList that shows the
 * pending items. {@code username}: the UsernameField.
 */
export class Composer {
  /** The open room, or null: only its pending messages are shown and only into it can one send. */
  room = null;

  outbox = new Outbox();

  constructor({ maxText, list, username, clientId, publish }) {
    Object.assign(this, { maxText, list, username, clientId, publish });
    this.input = $("message");
    this.remaining = $("remaining");
    this.chatError = $("chat-error");
    this.startError = $("start-error");
    this.actions = { onRetry: (localId) => this.#retry(localId), onEdit: (localId) => this.#edit(localId) };
    this.input.maxLength = maxText;
    this.input.addEventListener("input", () => this.#updateRemaining());
    this.#updateRemaining();
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
    setInterval(() => this.outbox.expire().forEach((entry) => this.showPending(entry)), 1000);
  }

  /** A room opens: its messages still in the outbox show again. */
  enter(room) {
    this.room = room;
    this.outbox.forRoom(room.id).forEach((entry) => this.showPending(entry));
  }

  /** The outbox entry that a received message echoes, now confirmed, or null. */
  confirm(message) {
    return this.outbox.confirm(message, this.clientId);
  }

  leave() {
    this.room = null;
  }

  /** The room is gone: what was not sent to it never will be. */
  forget(roomId) {
    this.outbox.forRoom(roomId).forEach((entry) => this.outbox.remove(entry.localId));
  }

  showStatus(status) {
    this.input.placeholder = status === "connected" ? "Message" : "Message (sent when the connection is back)";
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
    if (!text.trim() || !this.room) {
      return;
    }
    const problem = this.username.problem;
    if (problem) {
      this.username.showProblem(problem);
      return;
    }
    // The server keeps one name per connection: a new name goes out on a new one, and the outbox waits for it.
    this.username.commit();
    const entry = this.outbox.add({ roomId: this.room.id, destination: this.room.sendDestination, text });
    this.input.value = "";
    this.#updateRemaining();
    this.showPending(entry);
    this.flush();
    this.list.scroll.toEnd();
  }

  /** Sends every queued message while connected; the rest stay queued, visibly. */
  flush() {
    for (const entry of this.outbox.queued()) {
      const body = { username: this.username.value, text: entry.text, clientId: this.clientId };
      const sent = this.publish(entry.destination, body);
      if (!sent) {
        break;
      }
      this.showPending(this.outbox.markSending(entry.localId));
    }
  }

  /** Messages in flight may or may not have arrived: they show as failed, for the reader to retry. */
  connectionLost() {
    this.outbox.connectionLost().forEach((entry) => this.showPending(entry));
  }

  /** The server refused something, most likely the newest message in flight. */
  serverError(error) {
    const text = error?.message ?? "The server reported an error.";
    const stick = this.list.scroll.isAtEnd();
    (this.room ? this.chatError : this.startError).textContent = text;
    const rejected = this.outbox.reject(text, error?.roomId ?? undefined);
    if (rejected) {
      this.showPending(rejected);
    }
    // The error line takes height from the list; keep the rejected message in sight.
    if (stick) {
      this.list.scroll.toEnd();
    }
  }

  showPending(entry) {
    if (entry.roomId === this.room?.id) {
      this.list.showPending(entry, this.actions);
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
      this.#updateRemaining();
      this.input.focus();
    }
  }

  #updateRemaining() {
    this.remaining.textContent = remainingText(this.input.value.length, this.maxText);
    this.remaining.classList.toggle("low", this.maxText - this.input.value.length < 200);
  }
}
