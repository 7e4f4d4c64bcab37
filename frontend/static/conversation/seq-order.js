// A room's messages in their room order (per-room seq): each id once, and where the numbering has a hole.
// Pure logic, no DOM and no network; history.js and room-timeline.js build on it.

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
