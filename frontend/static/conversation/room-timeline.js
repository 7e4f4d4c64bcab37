// A room's history and its live messages merged: every message once, in the room's order (its per-room seq).
// Pure logic, no DOM and no network: the page hands in what the server answered.

import { PAGE_LIMIT } from "./history.js";
import { contiguousRun, hasSeq, mergeMessages } from "./seq-order.js";

/** Ids remembered for de-duplication; seq numbers cover the rest. */
const MAX_SEEN = 5000;

/**
 * One open room's timeline. Live messages are held back while the page loads history (when the room
 * opens, after a reconnect, and when a live message skips a seq for longer than a moment); resolve() then merges
 * the server's answer with them and says what to show, each message once and in seq order.
 *
 * The page subscribes before it asks for history, so whatever the history misses arrives live, and
 * whatever arrives live twice (also in the history) is dropped by id and seq.
 */
export class RoomTimeline {
  #seen = new Set();
  #held = [];

  /** The highest seq shown; null until the first history answer. */
  lastSeq = null;

  /** True while live messages are held back for a history answer. */
  syncing = true;

  constructor(roomId) {
    this.roomId = roomId;
  }

  /** Live messages held back so far (for tests and diagnostics). */
  get held() {
    return [...this.#held];
  }

  /**
   * A message that arrived live. {@code show}: the messages to show now, in order. When a seq is missing before
   * it, it waits (see waiting) until the missing message arrives live or the page asks the server for the hole.
   */
  live(message) {
    if (!this.#accepts(message) || !this.#isNew(message)) {
      return { show: [] };
    }
    if (this.syncing) {
      this.#hold(message);
      return { show: [] };
    }
    if (!hasSeq(message)) {
      return { show: this.#shown([message]) };
    }
    if (message.seq === this.lastSeq + 1 && this.#held.length === 0) {
      return { show: this.#shown([message]) };
    }
    // A hole before it: hold it. With several gateway instances the missing message is usually just a moment
    // behind (stored by another instance); it then fills the hole here, and the page only asks the server
    // (see waiting) when the hole stays.
    this.#hold(message);
    const { run, rest } = contiguousRun(mergeMessages(this.#held), this.lastSeq);
    this.#held = rest;
    return { show: this.#shown(run) };
  }

  /** True while live messages wait for a missing seq before them, and no history request runs yet. */
  get waiting() {
    return !this.syncing && this.#held.length > 0;
  }

  /** The connection dropped or a catch-up is starting: hold live messages until resolve(). */
  pause() {
    this.syncing = true;
  }

  /** What to ask the server for: the newest page first, then everything after the last seq shown. */
  query() {
    return this.lastSeq === null ? { limit: PAGE_LIMIT } : { after: this.lastSeq };
  }

  /**
   * Merges the server's answer to query() with the held live messages.
   * {@code complete}: the answer holds everything the server had after the asked seq (false when
   * catch-up stopped early). A held live message after a seq that neither the answer nor the other held
   * messages hold stays held and {@code sync} is true, unless {@code acceptGap} (the page gave up asking).
   * Returns {@code show} (in order) and {@code sync}.
   */
  resolve(fetched, { complete = true, acceptGap = false } = {}) {
    const answer = (fetched ?? []).filter((message) => this.#accepts(message));
    const candidates = mergeMessages(answer, this.#held).filter((message) => this.#isNew(message));
    const numbered = candidates.filter(hasSeq);
    const unnumbered = candidates.filter((message) => !hasSeq(message));
    const answerSeqs = answer.filter(hasSeq).map((message) => message.seq);

    // Up to here the server's answer is authoritative: a seq it skipped does not exist (any more).
    let covered;
    if (this.lastSeq === null) {
      covered = answerSeqs.length ? Math.max(...answerSeqs) : (numbered.length ? numbered[0].seq - 1 : 0);
    } else {
      covered = Math.max(this.lastSeq, ...answerSeqs);
    }
    const answered = numbered.filter((message) => message.seq <= covered);
    const beyond = numbered.filter((message) => message.seq > covered);
    const { run, rest } = complete && !acceptGap ? contiguousRun(beyond, covered) : { run: beyond, rest: [] };

    this.#held = rest;
    this.syncing = rest.length > 0;
    if (this.lastSeq === null) {
      this.lastSeq = 0;
    }
    return { show: this.#shown([...answered, ...run, ...unnumbered]), sync: rest.length > 0 };
  }

  /**
   * An answer to "Load older messages" ({@code before}): the messages older than {@code before} not shown
   * yet, in order, to go above the list.
   */
  older(fetched, before) {
    const older = mergeMessages((fetched ?? []).filter((message) => this.#accepts(message)))
      .filter((message) => hasSeq(message) && message.seq < before && !this.#seen.has(message.id));
    older.forEach((message) => this.#remember(message.id));
    return older;
  }

  #accepts(message) {
    return message && typeof message.id === "string" && message.roomId === this.roomId;
  }

  #isNew(message) {
    if (this.#seen.has(message.id)) {
      return false;
    }
    return !(hasSeq(message) && this.lastSeq !== null && message.seq <= this.lastSeq);
  }

  #hold(message) {
    if (!this.#held.some((other) => other.id === message.id)) {
      this.#held.push(message);
    }
  }

  /** Marks messages as shown and moves lastSeq on; returns those not shown before. */
  #shown(messages) {
    const fresh = messages.filter((message) => this.#isNew(message));
    for (const message of fresh) {
      this.#remember(message.id);
      if (hasSeq(message)) {
        this.lastSeq = Math.max(this.lastSeq ?? 0, message.seq);
      }
    }
    return fresh;
  }

  #remember(id) {
    this.#seen.add(id);
    if (this.#seen.size > MAX_SEEN) {
      // Sets iterate in insertion order: the oldest id goes first.
      this.#seen.delete(this.#seen.values().next().value);
    }
  }
}
