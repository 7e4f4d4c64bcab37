// The search box in the room header and its results: the server's hits (or, in an end-to-end encrypted room, the
// messages loaded on this device), each snippet shown as text nodes and <mark> elements, a click opening the
// message in its conversation.

import { formatDateTime, senderLabel } from "./format.js";
import { centerIn } from "./list-scroll.js";
import { queryProblem, searchLoaded, snippetParts } from "./search-text.js";

const $ = (id) => document.getElementById(id);

/**
 * {@code search(roomId, q, next)}: the server's page {@code { hits, next }}, rejecting with an Error saying why.
 * {@code room()}: the open room. {@code list}: the MessageList. {@code openAt(seq)}: loads the history around seq
 * into the list (a promise).
 */
export class SearchView {
  #next = null;
  #query = "";

  constructor({ search, room, list, openAt }) {
    Object.assign(this, { searchPage: search, room, list, openAt });
    this.form = $("search-form");
    this.input = $("search-input");
    this.panel = $("search-results");
    this.note = $("search-note");
    this.status = $("search-status");
    this.hits = $("search-hits");
    this.more = $("search-more");
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.search(this.input.value);
    });
    this.more.addEventListener("click", () => this.#page());
    $("search-close").addEventListener("click", () => {
      this.reset();
      this.input.focus();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !this.panel.hidden) {
        this.reset();
      }
    });
  }

  /** Another room, or none: no results, an empty box. */
  reset() {
    this.input.value = "";
    this.panel.hidden = true;
    this.hits.replaceChildren();
    this.status.textContent = "";
  }

  /** Searches the open room for {@code query}. */
  async search(query) {
    const room = this.room();
    if (!room) {
      return;
    }
    this.panel.hidden = false;
    this.hits.replaceChildren();
    this.more.hidden = true;
    this.note.hidden = !room.encrypted;
    const problem = queryProblem(query);
    if (problem) {
      this.status.textContent = problem;
      return;
    }
    this.#query = query.trim();
    this.#next = null;
    if (room.encrypted) {
      // The server holds only ciphertext: what this device has opened is all there is to search.
      this.#show(searchLoaded(this.#loaded(), this.#query), null);
      return;
    }
    await this.#page();
  }

  async #page() {
    const room = this.room();
    this.status.textContent = "Searching…";
    try {
      const page = await this.searchPage(room.id, this.#query, this.#next);
      if (this.room() === room) {
        this.#show(page.hits ?? [], page.next ?? null);
      }
    } catch (error) {
      this.status.textContent = `Search failed: ${error.message}`;
    }
  }

  #show(hits, next) {
    this.#next = next;
    this.more.hidden = next === null;
    this.hits.append(...hits.map((hit) => this.#item(hit)));
    const count = this.hits.childElementCount;
    this.status.textContent = count === 0 ? `No messages match “${this.#query}”.`
      : `${count}${next === null ? "" : "+"} message${count === 1 ? "" : "s"} match “${this.#query}”.`;
  }

  #item(hit) {
    const item = document.createElement("li");
    const open = document.createElement("button");
    open.type = "button";
    open.className = "search-hit";
    const meta = document.createElement("span");
    meta.className = "search-meta";
    const name = document.createElement("span");
    name.className = "sender";
    name.textContent = senderLabel(hit);
    const time = document.createElement("time");
    time.dateTime = hit.sentAt;
    time.textContent = formatDateTime(hit.sentAt);
    meta.append(name, " ", time);
    const snippet = document.createElement("span");
    snippet.className = "snippet";
    for (const part of snippetParts(hit.snippet)) {
      if (part.mark) {
        const mark = document.createElement("mark");
        mark.textContent = part.text;
        snippet.append(mark);
      } else {
        snippet.append(part.text);
      }
    }
    open.append(meta, snippet);
    open.addEventListener("click", () => this.show(hit));
    item.append(open);
    return item;
  }

  /** Shows the hit's message in its conversation: from the list if there, else the history around it. */
  async show(hit) {
    if (!this.list.shows(hit.id)) {
      await this.openAt(hit.seq);
    }
    const item = await this.#itemOf(`li.message:not(.pending)[data-id="${CSS.escape(hit.id)}"]`);
    if (!item) {
      this.status.textContent = "That message is no longer in this room's history.";
      return;
    }
    this.#highlight(item);
  }

  /**
   * Shows message {@code seq} of the open room (a notification's click, offline/push-wiring.js) as a hit is shown:
   * from the list once its newest page is in (a notification's message mostly is), else the history around it.
   */
  async showAt(seq) {
    const selector = `li.message:not(.pending)[data-seq="${Number(seq)}"]`;
    let item = await this.#itemOf(selector);
    if (!item) {
      await this.openAt(seq);
      item = await this.#itemOf(selector);
    }
    if (item) {
      this.#highlight(item);
    }
  }

  #highlight(item) {
    centerIn(this.list.scroll.scroller, item);
    item.classList.add("highlight");
    // The message becomes the list's current one (message-keys.js), so the keys go on from there.
    item.focus({ preventScroll: true });
    setTimeout(() => item.classList.remove("highlight"), 3000);
  }

  /** The item {@code selector} finds, waiting a moment for it (an encrypted room opens entries before showing). */
  async #itemOf(selector) {
    for (let tries = 0; tries < 20; tries++) {
      const item = this.list.list.querySelector(selector);
      if (item) {
        return item;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  }

  /** The messages shown in the list, with the text the reader sees (opened, and as last edited). */
  #loaded() {
    return [...this.list.list.querySelectorAll("li.message:not(.pending)")].map((item) => ({
      id: item.dataset.id,
      seq: Number(item.dataset.seq),
      username: item.querySelector(".sender")?.textContent.replace(/ \(you\)$/, "") ?? "",
      sentAt: item.querySelector("time")?.dateTime ?? "",
      text: item.querySelector(".text")?.textContent ?? "",
    }));
  }
}
