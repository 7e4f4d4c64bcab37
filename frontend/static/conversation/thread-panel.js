// Threads on the page: "N replies" under each root opens the side panel (#thread-panel) with the root, its replies
// and a composer of its own; the "Show thread replies in the conversation" setting hides replies from the main list
// (remembered in localStorage). Which message is in which thread: ThreadIndex.

import { button, messageItem } from "./render.js";
import { quoteOf } from "./replies.js";
import { repliesLabel, SHOW_REPLIES_KEY, showsReplies, threadReply, ThreadIndex } from "./thread-index.js";

const $ = (id) => document.getElementById(id);

function senderOf(message) {
  return message.username ?? "MQTT client";
}

/**
 * {@code list}: the MessageList. {@code clientId}: this page's. {@code send(text, { replyTo, threadId })}: true when
 * the reply is on its way (the Composer's outbox). {@code loadThread(rootId)}: the thread from the server, opened
 * (decrypted) like the main list's entries, or [] if it cannot be loaded. {@code storage}: localStorage.
 */
export class ThreadView {
  #rootId = null;
  #answering = null;
  #items = new Map();

  constructor({ list, clientId, send, loadThread, storage }) {
    Object.assign(this, { list, clientId, send, loadThread, storage });
    this.index = new ThreadIndex();
    this.panel = $("thread-panel");
    this.messages = $("thread-messages");
    this.input = $("thread-message");
    this.status = $("thread-status");
    this.setting = $("show-thread-replies");
    this.setting.checked = showsReplies(storage);
    this.#applySetting();
    this.setting.addEventListener("change", () => {
      storage?.setItem(SHOW_REPLIES_KEY, String(this.setting.checked));
      this.#applySetting();
    });
    $("thread-close").addEventListener("click", () => this.close());
    $("thread-reply-cancel").addEventListener("click", () => this.#answer(null));
    this.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.close();
      }
    });
    $("thread-composer").addEventListener("submit", (event) => {
      event.preventDefault();
      this.#send();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#send();
      }
    });
  }

  /** The root whose thread is open, or null. */
  get openRoot() {
    return this.#rootId;
  }

  /** Another room: no threads known, the panel closed. */
  reset() {
    this.close({ focus: false });
    this.index.reset();
  }

  /** Each message's item in the main list as it is made: a reply is marked (and hidden if so set), a root counted. */
  decorate(item, message) {
    const thread = this.index.add(message);
    if (message.threadId) {
      item.classList.add("thread-reply");
      item.dataset.threadId = message.threadId;
      this.#showCount(message.threadId);
    } else if (thread) {
      this.#showCount(thread, item);
    }
    if (thread && thread === this.#rootId) {
      this.#render();
    }
  }

  /** Opens the thread of {@code rootId} in the panel, from what the page has, then from the server. */
  async open(rootId) {
    this.#rootId = rootId;
    this.#items.clear();
    this.messages.replaceChildren();
    this.#answer(null);
    this.panel.hidden = false;
    this.#render();
    $("thread-title").focus();
    this.status.textContent = "Loading the thread…";
    await this.#reload(rootId);
    this.status.textContent = "";
  }

  /** Edits, deletes or reactions arrived: the open thread shows its messages as they now stand, from the server. */
  acted(actions) {
    const rootId = this.#rootId;
    if (rootId && actions.some((action) => action.target === rootId
      || this.index.message(action.target)?.threadId === rootId)) {
      this.#reload(rootId);
    }
  }

  async #reload(rootId) {
    const entries = await this.loadThread(rootId);
    if (this.#rootId === rootId) {
      entries.forEach((entry) => this.index.add(entry));
      this.#render();
    }
  }

  /** Closes the panel; the focus goes back to the root's "N replies" (unless {@code focus} is false). */
  close({ focus = true } = {}) {
    const rootId = this.#rootId;
    this.#rootId = null;
    this.panel.hidden = true;
    this.messages.replaceChildren();
    this.#items.clear();
    if (focus && rootId) {
      this.#rootItem(rootId)?.querySelector(".thread-replies")?.focus();
    }
  }

  #applySetting() {
    this.list.list.classList.toggle("collapse-threads", !this.setting.checked);
  }

  /** Puts "N replies" under the root (its item, or found in the list), or updates it. */
  #showCount(rootId, item = this.#rootItem(rootId)) {
    const count = this.index.count(rootId);
    if (!item || count === 0) {
      return;
    }
    let open = item.querySelector(":scope > .thread-replies");
    if (!open) {
      open = button("thread-replies link-button", "", () => this.open(rootId));
      open.setAttribute("aria-controls", "thread-panel");
      item.append(open);
    }
    open.textContent = repliesLabel(count);
  }

  #rootItem(rootId) {
    return this.list.list.querySelector(`li.message:not(.pending)[data-id="${CSS.escape(rootId)}"]`);
  }

  /** The open thread's root and replies, in order: new ones added, changed ones replaced. */
  #render() {
    const rootId = this.#rootId;
    if (!rootId) {
      return;
    }
    const root = this.index.message(rootId);
    const entries = [...(root ? [root] : []), ...this.index.replies(rootId)];
    $("thread-title").textContent = root ? `Thread: ${quoteOf(root.text, 40) || "a message"}` : "Thread";
    let previous = null;
    for (const message of entries) {
      const known = this.#items.get(message.id);
      let item = known?.item;
      if (!known || known.message !== message) {
        item = this.#item(message, message.id === rootId);
        if (known) {
          known.item.replaceWith(item);
        } else if (previous) {
          previous.after(item);
        } else {
          this.messages.prepend(item);
        }
        this.#items.set(message.id, { message, item });
      }
      previous = item;
    }
  }

  #item(message, isRoot) {
    const item = messageItem(message, { own: message.clientId === this.clientId, continued: false });
    item.classList.toggle("thread-root", isRoot);
    if (message.deleted) {
      // As the list shows it: the text is gone.
      item.classList.add("deleted");
      item.querySelector(".text")?.replaceWith(Object.assign(document.createElement("p"), {
        className: "text tombstone", textContent: message.moderated ? "removed by a moderator" : "message deleted",
      }));
      item.querySelectorAll(".reply-action, .reply-quote, .pictures").forEach((node) => node.remove());
      return item;
    }
    // The message's own Reply answers it in this thread; its quote shows what it answers, when the thread has it.
    const answer = item.querySelector(".reply-action");
    answer?.setAttribute("aria-label", `Reply in thread to ${senderOf(message)}: ${quoteOf(message.text, 40)}`);
    answer?.addEventListener("click", () => this.#answer(message));
    const quote = item.querySelector(".reply-quote");
    const original = message.replyTo ? this.index.message(message.replyTo) : null;
    if (quote && original) {
      quote.querySelector(".quote-sender").textContent = `${senderOf(original)}: `;
      quote.querySelector(".quote-text").textContent = quoteOf(original.text);
      quote.disabled = true;
    }
    return item;
  }

  /** The panel's next reply answers {@code message} (null: the root). */
  #answer(message) {
    this.#answering = message && message.id !== this.#rootId ? message.id : null;
    $("thread-reply-bar").hidden = this.#answering === null;
    $("thread-reply-label").textContent = message ? `Replying to ${senderOf(message)}: `
      + quoteOf(message.text) : "";
    if (message) {
      this.input.focus();
    }
  }

  #send() {
    if (this.#rootId && this.send(this.input.value, threadReply(this.#rootId, this.#answering))) {
      this.input.value = "";
      this.#answer(null);
    }
  }
}
