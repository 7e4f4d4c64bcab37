// A room's history and its live messages merged: every message once, in the room's order (its per-room seq).
// Pure logic, no DOM and no network: the page hands in what the server answered.

/** Messages of the newest page shown when a room opens, and of each "Load older messages" page. */
export const PAGE_LIMIT = 50;

/** Messages per catch-up request after a reconnect (the server's maximum). */
export const CATCH_UP_LIMIT = 200;

/** Catch-up stops after this many full pages (10,000 messages): a tab left closed on a busy room shows the gap. */
export const MAX_CATCH_UP_PAGES = 50;

/** Ids remembered for de-duplication; seq numbers cover the rest. */
const MAX_SEEN = 5000;

/** Whether the message carries a usable per-room sequence number. */
export function hasSeq(message) {
  return Number.isSafeInteger(message?.seq) && message.seq > 0;
}

/**
 * The messages of all lists, each id once (the first one wins), in seq order; messages without a seq
 * (from an older server) keep their arrival order after the numbered ones.
 */
export function mergeMessages(...lists) {
  const byId = new Map();
  for (const list of lists) {
    for (const message of list ?? []) {
      if (message && typeof message.id === "string" && !byId.has(message.id)) {
        byId.set(message.id, message);
      }
    }
  }
  const all = [...byId.values()];
  const numbered = all.filter(hasSeq).sort((a, b) => a.seq - b.seq);
  // Two ids with one seq cannot both be right; keep the first so no position is shown twice.
  const unique = numbered.filter((message, i) => i === 0 || message.seq !== numbered[i - 1].seq);
  return [...unique, ...all.filter((message) => !hasSeq(message))];
}

/**
 * Splits seq-sorted messages into the run that continues {@code lastSeq} without a hole and the rest,
 * which starts after a missing seq.
 */
export function contiguousRun(sorted, lastSeq) {
  let expected = lastSeq + 1;
  let i = 0;
  while (i < sorted.length && sorted[i].seq === expected) {
    expected += 1;
    i += 1;
  }
  return { run: sorted.slice(0, i), rest: sorted.slice(i) };
}

/** The history URL of a room: {@code limit} with either {@code before} or {@code after} (seq numbers). */
export function historyUrl(roomId, { limit, before, after } = {}) {
  const params = new URLSearchParams();
  if (limit !== undefined) {
    params.set("limit", String(limit));
  }
  if (before !== undefined && before !== null) {
    params.set("before", String(before));
  }
  if (after !== undefined && after !== null) {
    params.set("after", String(after));
  }
  const query = params.toString();
  return `/api/rooms/${encodeURIComponent(roomId)}/messages${query ? `?${query}` : ""}`;
}

/**
 * Every message after {@code afterSeq}, oldest first, page by page: the server answers the oldest
 * {@code limit} messages after a seq, so a full page means there may be more. {@code fetchPage({ after, limit })}
 * resolves to the server's array and rejects on errors (which propagate). {@code complete} is false when
 * {@code maxPages} full pages were read and more may be waiting.
 */
export async function fetchAfter(fetchPage, afterSeq, { limit = CATCH_UP_LIMIT, maxPages = MAX_CATCH_UP_PAGES } = {}) {
  const messages = [];
  let after = afterSeq;
  for (let page = 0; page < maxPages; page++) {
    const batch = await fetchPage({ after, limit });
    if (!Array.isArray(batch)) {
      throw new TypeError("The server's history is not a list of messages.");
    }
    messages.push(...batch);
    const last = Math.max(after, ...batch.filter(hasSeq).map((message) => message.seq));
    // A short page is the end; a page that does not move forward would loop for ever.
    if (batch.length < limit || last <= after) {
      return { messages, complete: true };
    }
    after = last;
  }
  return { messages, complete: false };
}

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
