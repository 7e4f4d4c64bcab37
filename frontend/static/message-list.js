// The conversation's list (#messages): received messages grouped by sender and day, the reader's messages not
// shown by the room yet at its end, the empty-room invitation, and the "Load older messages" strip above.

import { formatDay } from "./format.js";
import { placement } from "./grouping.js";
import { OlderMessages } from "./older.js";
import { dayItem, messageItem, pendingItem, systemItem } from "./render.js";
import { ScrollFollow } from "./scroll-follow.js";

// Older messages leave the page beyond this, so a tab left open on a busy topic does not grow without end.
const MAX_RENDERED = 500;
const $ = (id) => document.getElementById(id);

/**
 * {@code confirm(message)}: the outbox entry whose message this is (its pending item goes), or null.
 * {@code onUnread(count)}: messages of others arrived while the tab is hidden. {@code loadOlder(before)}: see
 * OlderMessages. {@code onJumpToEnd()}: the reader asked for the newest message.
 */
export class MessageList {
  #rendered = new WeakMap();
  #last = null;
  #loading = false;

  constructor({ clientId, confirm, onUnread, loadOlder, onJumpToEnd }) {
    Object.assign(this, { clientId, confirm, onUnread });
    this.list = $("messages");
    this.empty = $("empty");
    this.scroll = new ScrollFollow({ scroller: $("scroller"), hint: $("new-messages"), onJumpToEnd });
    this.older = new OlderMessages({ list: this, loadOlder });
  }

  /** True until the open room's first history answer: "Loading messages…" rather than "No messages yet". */
  get loading() {
    return this.#loading;
  }

  /** A room opens: nothing shown yet, its history on the way. */
  reset() {
    this.#loading = true;
    this.#last = null;
    this.list.replaceChildren();
    this.list.setAttribute("aria-busy", "true");
    this.older.reset();
    this.updateEmpty();
  }

  /** The first history answer is in; {@code whole}: it holds the room's first message. */
  loaded(whole) {
    this.#loading = false;
    this.list.removeAttribute("aria-busy");
    this.updateEmpty();
    this.older.loaded(whole);
  }

  /** Appends messages (already in order and new) to the list. */
  append(messages, { initial = false } = {}) {
    let stick = initial || this.scroll.isAtEnd();
    let unread = 0;
    for (const message of messages) {
      const confirmed = this.confirm(message);
      if (confirmed) {
        this.#pendingElement(confirmed.localId)?.remove();
      }
      const own = message.clientId === this.clientId;
      stick ||= own;
      const place = placement(this.#last, message);
      if (place.newDay) {
        this.#insertBeforePending(dayItem(formatDay(message.sentAt)));
      }
      this.#insertBeforePending(this.#item(message, place.continued));
      this.#last = message;
      if (!initial && !own && document.visibilityState === "hidden") {
        unread += 1;
      }
    }
    const pruned = this.#prune();
    this.updateEmpty();
    this.older.changed({ pruned });
    if (unread > 0) {
      this.onUnread(unread);
    }
    if (stick) {
      this.scroll.toEnd();
    } else {
      this.scroll.showHint();
    }
  }

  /** A line from the page itself, in order with the messages. */
  note(text) {
    this.#insertBeforePending(systemItem(text));
  }

  /** Puts older messages (in order) above the list, grouped as if always there, without moving the view. */
  prepend(messages) {
    if (messages.length === 0) {
      return;
    }
    const items = [];
    let previous = null;
    for (const message of messages) {
      const place = placement(previous, message);
      if (place.newDay) {
        items.push(dayItem(formatDay(message.sentAt)));
      }
      items.push(this.#item(message, place.continued));
      previous = message;
    }
    const first = this.firstShown();
    // The reader keeps looking at the same message: the list grows above it.
    this.scroll.keepInPlace(first?.item, () => {
      if (first) {
        const place = placement(previous, first.message);
        const separator = first.item.previousElementSibling;
        if (!place.newDay && separator?.classList.contains("day")) {
          separator.remove();
        }
        if (place.continued) {
          first.item.classList.add("continued");
          first.item.querySelector(".meta")?.classList.add("visually-hidden");
        }
      }
      this.list.prepend(...items);
      this.updateEmpty();
      this.older.changed({ pruned: false });
    });
  }

  /** The first message shown, with its item, or null. */
  firstShown() {
    const item = this.list.querySelector(".message:not(.pending)");
    const message = item ? this.#rendered.get(item) : null;
    return message ? { item, message } : null;
  }

  /** Shows or updates an unconfirmed message of the reader's ({@code actions}: onRetry, onEdit), at the end. */
  showPending(entry, actions) {
    const stick = this.scroll.isAtEnd();
    const existing = this.#pendingElement(entry.localId);
    const item = pendingItem(entry, existing, actions);
    if (!existing) {
      this.list.append(item);
    }
    this.updateEmpty();
    if (stick) {
      this.scroll.toEnd();
    }
  }

  /** Whether the message with this id is in the list (as received, not as one of the reader's pending items). */
  shows(messageId) {
    return this.list.querySelector(`.message:not(.pending)[data-id="${CSS.escape(messageId)}"]`) !== null;
  }

  removePending(localId) {
    this.#pendingElement(localId)?.remove();
    this.updateEmpty();
  }

  updateEmpty() {
    this.empty.hidden = this.#loading || this.list.querySelector(".message") !== null;
  }

  #pendingElement(localId) {
    return this.list.querySelector(`.pending[data-local-id="${CSS.escape(localId)}"]`);
  }

  #item(message, continued) {
    const item = messageItem(message, { own: message.clientId === this.clientId, continued });
    // The message each item shows, for grouping older messages above it.
    this.#rendered.set(item, message);
    return item;
  }

  /** Received messages go above the reader's unconfirmed ones, which stay at the end like a draft tray. */
  #insertBeforePending(item) {
    this.list.insertBefore(item, this.list.querySelector(".pending"));
  }

  /** Drops the oldest items beyond MAX_RENDERED; true when some went. */
  #prune() {
    const items = this.list.querySelectorAll(".message:not(.pending)");
    for (let i = 0; i < items.length - MAX_RENDERED; i++) {
      items[i].remove();
    }
    if (items.length <= MAX_RENDERED) {
      return false;
    }
    // Whatever now leads the list must still read well: no stray note, no nameless continuation.
    let first = this.list.firstElementChild;
    while (first && !first.classList.contains("message")
        && !(first.classList.contains("day") && first.nextElementSibling?.classList.contains("message"))) {
      first.remove();
      first = this.list.firstElementChild;
    }
    const lead = this.list.querySelector(".message");
    if (lead?.classList.contains("continued")) {
      lead.classList.remove("continued");
      lead.querySelector(".meta")?.classList.remove("visually-hidden");
    }
    return true;
  }
}
