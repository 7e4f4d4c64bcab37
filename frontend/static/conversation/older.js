// Above the message list: "Loading messages…" while a room opens, then "Load older messages" and its status.

const $ = (id) => document.getElementById(id);

/**
 * Part of the MessageList ({@code list}). {@code loadOlder(before)}: the open room's RoomSync.older, or undefined
 * when no room is open; it resolves to {@code { messages, exhausted }}, or null when the room closed meanwhile.
 */
export class OlderMessages {
  // True once "Load older messages" reached the room's first message.
  #exhausted = false;

  constructor({ list, loadOlder }) {
    this.list = list;
    this.loadOlder = loadOlder;
    this.older = $("older");
    this.button = $("load-older");
    this.status = $("history-status");
    this.button.addEventListener("click", () => this.load());
  }

  /** A room opens. */
  reset() {
    this.#exhausted = false;
    this.status.textContent = "Loading messages…";
    this.older.hidden = true;
    // A load of the previous room's older messages may have been cut short by the switch.
    this.button.disabled = false;
  }

  /** The first history answer is in; {@code whole}: it holds the room's first message. */
  loaded(whole) {
    this.#exhausted = whole;
    this.status.textContent = "";
    this.update();
  }

  /** The list changed; {@code pruned}: messages left the page, so there is something older to load again. */
  changed({ pruned }) {
    if (pruned) {
      this.#exhausted = false;
    }
    this.update();
  }

  /** "Load older messages" is offered while the first message shown is not the room's first. */
  update() {
    this.older.hidden = this.list.loading || this.#exhausted || !(this.list.firstShown()?.message.seq > 1);
  }

  /** Loads the page before the first message shown; false when nothing older can come (or it failed). */
  async load() {
    this.status.textContent = "";
    const before = this.list.firstShown()?.message.seq;
    if (!before || this.#exhausted) {
      return false;
    }
    const request = this.loadOlder(before);
    if (!request) {
      return false;
    }
    this.button.disabled = true;
    this.status.textContent = "Loading older messages…";
    let answer;
    try {
      answer = await request;
    } catch (error) {
      this.status.textContent = `Older messages could not be loaded: ${error.message}`;
      this.button.disabled = false;
      return false;
    }
    if (!answer) {
      return false;
    }
    this.button.disabled = false;
    this.status.textContent = "";
    if (answer.exhausted) {
      this.#exhausted = true;
    }
    this.list.prepend(answer.messages);
    this.update();
    if (this.older.hidden) {
      // The button is gone: keep keyboard focus in the conversation rather than on the page's body.
      this.list.scroll.focus();
    }
    return answer.messages.length > 0 || !answer.exhausted;
  }
}
