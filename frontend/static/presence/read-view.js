// The open room's read markers: "Seen by" under what others have read, and telling the room what the reader has
// seen (the newest message, in a visible tab, scrolled to the end), unless they keep their reading private.

import { ReadMarkers } from "./read-markers.js";
import { ReadPrivacy } from "./read-privacy.js";
import { ReadReporter } from "./read-reporter.js";
import { renderSeenBy, shownSeqs } from "./seen-by.js";

/**
 * {@code api.readMarkers(roomId)}: the markers so far. {@code list}: the MessageList. {@code me()}: the reader's
 * username. {@code send(seq)}: one read marker to the open room, false when nothing left the page (see ReadReporter).
 */
export class ReadView {
  markers = new ReadMarkers();
  #room = null;
  // The markers must be asked for again: some may have moved while the page was disconnected.
  #stale = false;

  constructor({ api, list, me, send, storage }) {
    Object.assign(this, { api, list, me });
    this.reporter = new ReadReporter({ send });
    this.privacy = new ReadPrivacy({
      storage,
      onChange: (keep) => {
        this.reporter.private = keep;
        this.#observe();
      },
    });
    this.reporter.private = this.privacy.private;
    list.scroll.scroller.addEventListener("scroll", () => this.#observe(), { passive: true });
    document.addEventListener("visibilitychange", () => this.#observe());
  }

  /** Room {@code room} opens (null: none is open). */
  enter(room) {
    this.#room = room;
    this.#stale = false;
    this.markers.reset();
    this.reporter.enter();
    if (room) {
      this.#load();
    }
  }

  disconnected() {
    this.#stale = true;
  }

  /** Connected (again): the markers that moved meanwhile, and the reader's own marker if it waited. */
  connected() {
    if (this.#stale && this.#room) {
      this.#stale = false;
      this.#load();
    }
    this.reporter.connected();
  }

  /** A frame of /topic/rooms/{id}/read: {@code { username, seq, source }}. */
  frame(marker) {
    this.#apply([marker]);
  }

  /** Messages came or went: the lines move with them, and the newest may now be seen. */
  listChanged() {
    this.#render();
    this.#observe();
  }

  async #load() {
    const room = this.#room;
    const markers = await this.api.readMarkers(room.id);
    if (markers && this.#room === room) {
      this.#apply(markers);
    }
  }

  #apply(markers) {
    let moved = false;
    for (const marker of markers) {
      if (this.markers.apply(marker)) {
        moved = true;
        if (marker.username === this.me()) {
          // Another tab of the reader's got further: no need to tell the server again.
          this.reporter.known(marker.seq);
        }
      }
    }
    if (moved) {
      this.#render();
    }
  }

  #render() {
    const stick = this.list.scroll.isAtEnd();
    renderSeenBy(this.list.list, this.markers.placement(shownSeqs(this.list.list), { me: this.me() }));
    if (stick) {
      this.list.scroll.toEnd();
    }
  }

  #observe() {
    if (!this.#room) {
      return;
    }
    const scroller = this.list.scroll.scroller;
    this.reporter.observe({
      seq: this.list.newestSeq,
      visible: document.visibilityState === "visible",
      // A pane out of sight (the rooms list on a phone) has no height: nothing in it is seen.
      atEnd: scroller.clientHeight > 0 && this.list.scroll.isAtEnd(),
    });
  }
}
