// Asking the server for a room's history: page sizes, the history URL, and catch-up page by page after a seq.
// No network of its own: the page hands in fetchPage, so the unit tests answer with a fake server.

import { hasSeq } from "./seq-order.js";

/** Messages of the newest page shown when a room opens, and of each "Load older messages" page. */
export const PAGE_LIMIT = 50;

/** Messages per catch-up request after a reconnect (the server's maximum). */
export const CATCH_UP_LIMIT = 200;

/** Catch-up stops after this many full pages (10,000 messages): a tab left closed on a busy room shows the gap. */
export const MAX_CATCH_UP_PAGES = 50;

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
