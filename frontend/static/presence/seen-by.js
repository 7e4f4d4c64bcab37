// The "Seen by alice, bob" lines (.seen-by) under the messages of #messages that other readers have read up to.

import { seenByText } from "./read-markers.js";

/**
 * Puts a "Seen by" line under each message of {@code list} (the #messages element) that {@code placed} (see
 * ReadMarkers.placement) names readers for, and takes it away from the others. Lines that stay the same are left
 * alone, so a screen reader is not told again.
 */
export function renderSeenBy(list, placed) {
  for (const item of list.querySelectorAll(".message:not(.pending)[data-seq]")) {
    const names = placed.get(Number(item.dataset.seq));
    let line = item.querySelector(":scope > .seen-by");
    if (!names) {
      line?.remove();
      continue;
    }
    if (!line) {
      line = document.createElement("p");
      line.className = "seen-by";
      // Inside the conversation's live region, yet no news worth interrupting for each time someone reads on.
      line.setAttribute("aria-live", "off");
      item.append(line);
    }
    const text = seenByText(names);
    if (line.textContent !== text) {
      line.textContent = text;
      line.title = names.join(", ");
    }
  }
}

/** The seqs of the messages in {@code list}, for ReadMarkers.placement. */
export function shownSeqs(list) {
  return [...list.querySelectorAll(".message:not(.pending)[data-seq]")].map((item) => Number(item.dataset.seq));
}
