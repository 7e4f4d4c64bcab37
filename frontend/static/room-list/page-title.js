// The document title: the open room's name, and the number of messages not seen yet: the open room's while the tab
// is hidden, and the other watched rooms' (unread-view.js).

import { titleWithUnread } from "../conversation/format.js";

const APP_TITLE = "MQTT chat";

export class PageTitle {
  #room = null;
  #unread = 0;
  #others = 0;

  constructor() {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && this.#unread > 0) {
        this.#unread = 0;
        this.#update();
      }
    });
  }

  /** A room opens, with nothing unread yet. */
  enter(name) {
    this.#room = name;
    this.#unread = 0;
    this.#update();
  }

  leave() {
    this.#room = null;
    this.#update();
  }

  addUnread(count) {
    this.#unread += count;
    this.#update();
  }

  /** Unread messages of the other rooms the page watches (unread-view.js), counted in the title too. */
  others(count) {
    if (count !== this.#others) {
      this.#others = count;
      this.#update();
    }
  }

  #update() {
    const base = this.#room === null ? APP_TITLE : `${this.#room} · ${APP_TITLE}`;
    document.title = titleWithUnread(base, this.#unread + this.#others);
  }
}
