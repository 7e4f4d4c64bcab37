// Where the reaction picker opens: below its message's actions when it fits in the conversation's view, else above
// the message, never past the view's edges.

import { revealIn } from "../conversation/list-scroll.js";

/**
 * Whether the picker opens above, from rectangles: {@code view} the conversation's visible area, {@code host} the
 * message's bubble (the picker opens above it), {@code picker} the picker as laid out below the actions: when it does
 * not fit below but does above.
 */
export function opensAbove({ view, host, picker }) {
  return picker.bottom > view.bottom && host.top - picker.height >= view.top;
}

/**
 * Places {@code picker}, just put after the actions inside {@code host}, where it fits in {@code scroller}; if it
 * fits nowhere whole, the list (never the page) scrolls as little as needed to show it.
 */
export function placePicker(picker, host, scroller) {
  if (!scroller) {
    return;
  }
  const view = scroller.getBoundingClientRect();
  if (opensAbove({ view, host: host.getBoundingClientRect(), picker: picker.getBoundingClientRect() })) {
    picker.classList.add("above");
    // Over the bubble it takes its own width: lined up with the bubble's right edge if it would stick out.
    picker.classList.toggle("align-end", picker.getBoundingClientRect().right > view.right);
  }
  revealIn(scroller, picker);
}
