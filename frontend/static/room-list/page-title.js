// The document title: the open room's name, and while the tab is hidden the number of messages not seen yet.

import { titleWithUnread } from "../conversation/format.js";

const APP_TITLE = "MQTT chat";

export class PageTitle {
  #room = null;
  #unread = 0;

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

  #update() {
    document.title = titleWithUnread(this.#room === null ? APP_TITLE : `${this.#room} · ${APP_TITLE}`, this.#unread);
  }
}
