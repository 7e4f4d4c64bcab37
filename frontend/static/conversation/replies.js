// Replies: the Reply button on each message, the "Replying to …" bar above the message box, the quoted start of
// the original in each reply, and the jump to the original (loading older history until it is there).

import { centerIn } from "./list-scroll.js";

const $ = (id) => document.getElementById(id);

/** How much of the original a quote shows. */
export const QUOTE_LENGTH = 80;

/** The first line of {@code text}, at most {@code max} characters, "…" where it was cut. */
export function quoteOf(text, max = QUOTE_LENGTH) {
  const line = String(text ?? "").trim().split("\n", 1)[0];
  return [...line].length > max ? `${[...line].slice(0, max - 1).join("")}…` : line;
}

/** {@code list}: the MessageList. {@code focusComposer()}: back to the message box. */
export class ReplyView {
  #current = null;

  constructor({ list, focusComposer }) {
    Object.assign(this, { list, focusComposer });
    this.bar = $("reply-bar");
    this.label = $("reply-label");
    $("reply-cancel").addEventListener("click", () => {
      this.clear();
      this.focusComposer();
    });
    list.list.addEventListener("click", (event) => {
      const action = event.target.closest?.(".reply-action");
      const quote = event.target.closest?.(".reply-quote");
      if (action) {
        this.start(action.closest("li.message"));
      } else if (quote) {
        this.jump(quote.dataset.target);
      }
    });
  }

  /** The id of the message the next one answers, or null. */
  current() {
    return this.#current;
  }

  /** The next message answers none (sent, cancelled, or another room). */
  clear() {
    this.#current = null;
    this.bar.hidden = true;
  }

  /** The reader chose Reply on {@code item}. */
  start(item) {
    this.#current = item.dataset.id;
    this.label.textContent = `Replying to ${senderOf(item)}: ${quoteOf(textOf(item))}`;
    this.bar.hidden = false;
    this.focusComposer();
  }

  /** Messages arrived: quotes of originals now on the page get their sender and text. */
  refresh() {
    for (const quote of this.list.list.querySelectorAll(".reply-quote:not([data-resolved])")) {
      const original = this.#itemOf(quote.dataset.target);
      if (original) {
        quote.querySelector(".quote-sender").textContent = `${senderOf(original)}: `;
        quote.querySelector(".quote-text").textContent = quoteOf(textOf(original));
        quote.dataset.resolved = "true";
      }
    }
  }

  /** Shows the original of a reply, loading older pages of the room until it is there or none is left. */
  async jump(target) {
    let original = this.#itemOf(target);
    while (!original && await this.list.older.load()) {
      original = this.#itemOf(target);
    }
    if (!original) {
      this.list.older.status.textContent = "The original message is no longer in this room's history.";
      return;
    }
    // The list scrolls, not the page: scrollIntoView would slide the top bar away too.
    centerIn(this.list.scroll.scroller, original);
    original.classList.add("highlight");
    setTimeout(() => original.classList.remove("highlight"), 2000);
  }

  #itemOf(id) {
    return this.list.list.querySelector(`li.message:not(.pending)[data-id="${CSS.escape(id)}"]`);
  }
}

function senderOf(item) {
  return item.querySelector(".sender")?.textContent.replace(/ \(you\)$/, "") ?? "";
}

function textOf(item) {
  return item.querySelector(".text")?.textContent ?? "";
}
