// Moving the conversation's own scroller to show an element, never the page: scrollIntoView would also scroll every
// scrollable ancestor, the page itself included, and slide the top bar away.

/** How far {@code scroller} must scroll for {@code element} to sit in its middle (positive: down). */
export function centerOffset(scrollerRect, elementRect) {
  return (elementRect.top + elementRect.height / 2) - (scrollerRect.top + scrollerRect.height / 2);
}

/**
 * How far {@code scroller} must scroll for all of {@code element} to show (the top first if it is taller than the
 * view); 0 when it already does.
 */
export function revealOffset(scrollerRect, elementRect) {
  if (elementRect.top < scrollerRect.top || elementRect.height > scrollerRect.height) {
    return elementRect.top - scrollerRect.top;
  }
  return Math.max(0, elementRect.bottom - scrollerRect.bottom);
}

/** Scrolls only {@code scroller} so that {@code element} (inside it) sits in its middle. */
export function centerIn(scroller, element) {
  scroller.scrollTop += centerOffset(scroller.getBoundingClientRect(), element.getBoundingClientRect());
}

/** Scrolls only {@code scroller}, as little as needed, so that all of {@code element} shows. */
export function revealIn(scroller, element) {
  scroller.scrollTop += revealOffset(scroller.getBoundingClientRect(), element.getBoundingClientRect());
}
