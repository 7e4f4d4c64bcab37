// The conversation's list (#messages): received messages grouped by sender and day, the reader's messages not
// shown by the room yet at its end, lines that are no messages (notes, joins), the empty-room invitation, and the
// "Load older messages" strip above.

import { formatDay } from "./format.js";
import { placement } from "./grouping.js";
import { pruneList } from "./list-prune.js";
import { OlderMessages } from "./older.js";
import { dayItem, messageItem, pendingItem, systemItem } from "./render.js";
import { ScrollFollow } from "./scroll-follow.js";

const $ = (id) => document.getElementById(id);
/**
 * {@code confirm(message)}: the outbox entry whose message this is (its pending item goes), or null.
 * {@code onUnread(count)}: messages of others arrived while the tab is hidden. {@code loadOlder(before)}: see
 * OlderMessages. {@code onJumpToEnd()}: the reader asked for the newest message. {@code onChanged()}: messages
 * were added (or pruned), so whatever hangs under them ("Seen by") may move. {@code decorate(item, message)}: each
 * message's item as it is made (its actions).
 */
export class MessageList {
  #rendered = new WeakMap();
  #last = null;
  #loading = false;

  constructor({ clientId, confirm, onUnread, loadOlder, onJumpToEnd, onChanged = () => {}, decorate = () => {} }) {
    Object.assign(this, { clientId, confirm, onUnread, onChanged, decorate });
    this.list = $("messages");
    this.empty = $("empty");
    this.scroll = new ScrollFollow({ scroller: $("scroller"), hint: $("new-messages"), onJumpToEnd });
    this.older = new OlderMessages({ list: this, loadOlder });
  }

  /** True until the open room's first history answer: "Loading messages…" rather than "No messages yet". */
  get loading() {
    return this.#loading;
  }

  /** The seq of the newest message shown (the last appended), or null. */
  get newestSeq() {
    return Number.isSafeInteger(this.#last?.seq) ? this.#last.seq : null;
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
    const pruned = pruneList(this.list);
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
    this.onChanged();
  }

  /** A line from the page itself, in order with the messages. */
  note(text) {
    this.#insertBeforePending(systemItem(text));
  }

  /**
   * A line that is no message (someone joined), after the newest message: it counts as nothing unread, starts no
   * "New messages" hint, and a view at the end stays there.
   */
  addLine(item) {
    const stick = this.scroll.isAtEnd();
    this.#insertBeforePending(item);
    if (stick) {
      this.scroll.toEnd();
    }
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
        if (place.continued && !first.item.querySelector(".name-mark")) { // a marked name always shows
          first.item.classList.add("continued");
          first.item.querySelector(".meta")?.classList.add("visually-hidden");
        }
      }
      this.list.prepend(...items);
      this.updateEmpty();
      this.older.changed({ pruned: false });
      // Within the change: a "Seen by" line added above the message read stays out of the reader's way.
      this.onChanged();
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
    this.#rendered.set(item, message); // for grouping older messages above it
    this.decorate(item, message);
    return item;
  }

  /** Received messages go above the reader's unconfirmed ones, which stay at the end like a draft tray. */
  #insertBeforePending(item) {
    this.list.insertBefore(item, this.list.querySelector(".pending"));
  }
}
