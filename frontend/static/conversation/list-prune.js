// Keeps the conversation's list (#messages) bounded: its oldest messages leave the page beyond a limit.

/** Older messages leave the page beyond this, so a tab left open on a busy topic does not grow without end. */
export const MAX_RENDERED = 500;

/** Drops the oldest received messages of {@code list} beyond {@code max}; true when some went. */
export function pruneList(list, max = MAX_RENDERED) {
  const items = list.querySelectorAll(".message:not(.pending)");
  for (let i = 0; i < items.length - max; i++) {
    items[i].remove();
  }
  if (items.length <= max) {
    return false;
  }
  // Whatever now leads the list must still read well: no stray note, no nameless continuation.
  let first = list.firstElementChild;
  while (first && !first.classList.contains("message")
      && !(first.classList.contains("day") && first.nextElementSibling?.classList.contains("message"))) {
    first.remove();
    first = list.firstElementChild;
  }
  const lead = list.querySelector(".message");
  if (lead?.classList.contains("continued")) {
    lead.classList.remove("continued");
    lead.querySelector(".meta")?.classList.remove("visually-hidden");
  }
  return true;
}
