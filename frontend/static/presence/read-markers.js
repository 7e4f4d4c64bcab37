// How far each reader of the open room has read, and under which message each of them shows. Pure logic, no DOM.

/** Names up to this many are all listed; beyond it "alice, bob and 3 others". */
export const MAX_NAMED = 3;

/** "Seen by alice, bob" or, for many, "Seen by alice, bob and 3 others"; {@code names} already sorted. */
export function seenByText(names, { maxNamed = MAX_NAMED } = {}) {
  if (names.length <= maxNamed) {
    return `Seen by ${names.join(", ")}`;
  }
  const named = Math.max(1, maxNamed - 1);
  const others = names.length - named;
  return `Seen by ${names.slice(0, named).join(", ")} and ${others} ${others === 1 ? "other" : "others"}`;
}

/** The greatest seq per username, from GET /api/rooms/{id}/read and the frames of /topic/rooms/{id}/read. */
export class ReadMarkers {
  #seqs = new Map();

  /** A room opens: nobody has read anything yet, as far as the page knows. */
  reset() {
    this.#seqs.clear();
  }

  /** One marker, {@code { username, seq }}; true when it moved that reader on (markers never go back). */
  apply(marker) {
    if (typeof marker?.username !== "string" || marker.username === "" || !Number.isSafeInteger(marker.seq)
        || marker.seq < 1 || marker.seq <= (this.#seqs.get(marker.username) ?? 0)) {
      return false;
    }
    this.#seqs.set(marker.username, marker.seq);
    return true;
  }

  /** The seq {@code username} has read up to, or 0. */
  seqOf(username) {
    return this.#seqs.get(username) ?? 0;
  }

  /**
   * Which readers show under which message of {@code seqs} (the seqs of the messages in the list): each reader
   * once, under the greatest seq at or below their marker; none below the first message shown, and not {@code me}.
   * Returns a Map from seq to sorted names.
   */
  placement(seqs, { me = "" } = {}) {
    const sorted = [...seqs].sort((a, b) => a - b);
    const placed = new Map();
    for (const [username, marker] of this.#seqs) {
      const seq = sorted.length > 0 && username !== me ? atOrBelow(sorted, marker) : null;
      if (seq !== null) {
        placed.set(seq, [...(placed.get(seq) ?? []), username]);
      }
    }
    placed.forEach((names) => names.sort((a, b) => a.localeCompare(b)));
    return placed;
  }
}

/** The greatest value of ascending {@code sorted} that is at most {@code limit}, or null. */
function atOrBelow(sorted, limit) {
  let low = 0;
  let high = sorted.length - 1;
  let found = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= limit) {
      found = sorted[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
