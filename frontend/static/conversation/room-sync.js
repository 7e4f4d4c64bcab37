// One open room's messages from history and live delivery: loading, catch-up, retries and waiting for gaps.
// No DOM and no network of its own: loadPage and the timers are handed in, so the unit tests drive it.

import { fetchAfter, PAGE_LIMIT } from "./history.js";
import { RoomTimeline } from "./room-timeline.js";

/** How long a live message waits for a missing one before it, which another gateway instance may still deliver. */
export const MISSING_GRACE_MS = 300;

/** Attempts of one history request while it fails transiently (the network, a restarting server). */
export const MAX_ATTEMPTS = 3;

/**
 * Loads the room's newest page when it opens, then (after a reconnect, or when a live message skips a seq)
 * everything after the last seq shown, page by page. Live messages wait meanwhile and are merged in by seq, so
 * the view gets every message once and in order.
 *
 * {@code loadPage({ limit, before, after })} resolves to the server's array or rejects with an error whose
 * {@code transient} says whether another try may help. {@code view} (the MessageList): {@code append(messages,
 * { initial })}, {@code loaded(whole)} after the first answer (whole: the room has no older messages) and
 * {@code note(text)} for a line of the page's own. {@code onError(text)}: messages could not be loaded.
 * {@code onGone()}: a 404 said the room was deleted, history and all; the sync closed rather than retry or report.
 */
export class RoomSync {
  #timeline;
  #loadPage;
  #setTimeout;
  #clearTimeout;
  #graceMs;
  #closed = false;
  // At most one history load at a time; a request during one makes it run once more.
  #run = null;
  #missingTimer = null;

  constructor({
    roomId, loadPage, view, onError, onGone = () => {},
    setTimeout = (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout = (timer) => globalThis.clearTimeout(timer),
    graceMs = MISSING_GRACE_MS,
  }) {
    this.roomId = roomId;
    this.#timeline = new RoomTimeline(roomId);
    this.#loadPage = (params) => loadPage(params).catch((error) => {
      if (error?.status === 404 && !this.#closed) {
        this.close();
        onGone();
      }
      throw error;
    });
    this.#setTimeout = setTimeout;
    this.#clearTimeout = clearTimeout;
    this.#graceMs = graceMs;
    this.view = view;
    this.onError = onError;
  }

  /** A message that arrived live. */
  receive(message) {
    if (this.#closed) {
      return;
    }
    this.#show(this.#timeline.live(message).show, false);
    if (this.#timeline.waiting) {
      this.#awaitMissing();
    }
  }

  /** The connection dropped: live messages wait from now on until the next sync(). */
  pause() {
    this.#timeline.pause();
  }

  /** The room is no longer shown: nothing more reaches the callbacks. */
  close() {
    this.#closed = true;
    if (this.#missingTimer !== null) {
      this.#clearTimeout(this.#missingTimer);
      this.#missingTimer = null;
    }
  }

  /**
   * The page of messages older than {@code before} ("Load older messages"): {@code { messages, exhausted }}, with
   * only messages not shown yet; null when the room closed meanwhile. Rejects with loadPage's error.
   */
  async older(before) {
    let page;
    try {
      page = await this.#loadPage({ before, limit: PAGE_LIMIT });
    } catch (error) {
      if (this.#closed) {
        return null;
      }
      throw error;
    }
    if (this.#closed) {
      return null;
    }
    return { messages: this.#timeline.older(page, before), exhausted: page.length < PAGE_LIMIT };
  }

  /** Loads what the room has that is not shown: the newest page at first, everything after the last seq later. */
  async sync() {
    const timeline = this.#timeline;
    if (this.#closed) {
      return;
    }
    timeline.pause();
    if (this.#run) {
      this.#run.again = true;
      return;
    }
    const run = { again: false };
    this.#run = run;
    let failures = 0;
    let holes = 0;
    try {
      for (;;) {
        run.again = false;
        timeline.pause();
        const query = timeline.query();
        const initial = query.after === undefined;
        let answer = null;
        let problem = null;
        try {
          answer = initial ? { messages: await this.#loadPage(query), complete: true }
            : await fetchAfter((page) => this.#loadPage(page), query.after);
        } catch (error) {
          problem = error;
        }
        if (this.#closed) {
          return;
        }
        if (problem) {
          failures += 1;
          if (problem.transient && failures < MAX_ATTEMPTS) {
            if (!await this.#pause(1000 * failures)) {
              return;
            }
            continue;
          }
          this.onError(`${initial ? "Earlier" : "Missed"} messages could not be loaded: ${problem.message}`);
        }
        failures = 0;
        // A failed load still releases the held live messages: the room goes on, with the hole reported above.
        const result = timeline.resolve(answer?.messages ?? [], {
          complete: answer?.complete ?? true,
          acceptGap: problem !== null || holes >= 2,
        });
        if (answer && !answer.complete) {
          this.view.note("More messages were sent while you were away than this page loads; some are not shown.");
        }
        this.#show(result.show, initial);
        if (initial) {
          // A short first page is the whole room; after a failure, "Load older messages" may still find some.
          const page = answer?.messages ?? null;
          this.view.loaded(page !== null && page.length < PAGE_LIMIT);
        }
        if (result.sync) {
          // A live message is ahead of what the server answered (it may still be storing it): ask again shortly.
          holes += 1;
          if (!await this.#pause(250 * holes)) {
            return;
          }
          continue;
        }
        if (!run.again) {
          return;
        }
      }
    } finally {
      this.#run = null;
    }
  }

  #show(messages, initial) {
    if (messages.length > 0) {
      this.view.append(messages, { initial });
    }
  }

  /** A seq is missing before a live message: if it has not arrived shortly, fetch the hole, then show it in order. */
  #awaitMissing() {
    if (this.#missingTimer !== null) {
      return;
    }
    this.#missingTimer = this.#setTimeout(() => {
      this.#missingTimer = null;
      if (!this.#closed && this.#timeline.waiting) {
        this.sync();
      }
    }, this.#graceMs);
  }

  /** Waits {@code ms}; false when the room closed meanwhile. */
  #pause(ms) {
    return new Promise((resolve) => this.#setTimeout(() => resolve(!this.#closed), ms));
  }
}
