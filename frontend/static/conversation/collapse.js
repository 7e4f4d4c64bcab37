// Long messages shown collapsed, with "Show more" / "Show less" (a button with aria-expanded) under them; the whole
// text stays in the page, for screen readers and find-in-page.

/** A message is long past this many characters... */
export const LONG_CHARACTERS = 600;

/** ...or this many lines; collapsed it shows about this many. */
export const LONG_LINES = 12;

let ids = 0;

/** Whether {@code text} is long enough to be shown collapsed. */
export function isLong(text) {
  if (typeof text !== "string") {
    return false;
  }
  return [...text].length > LONG_CHARACTERS || text.split("\n").length > LONG_LINES;
}

/** Collapses {@code paragraph} (a message's text) when {@code text} is long, and puts its toggle after it. */
export function collapse(paragraph, text) {
  if (!isLong(text)) {
    return;
  }
  paragraph.id ||= `message-text-${++ids}`;
  paragraph.classList.add("collapsible", "collapsed");
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "show-more link-button";
  toggle.setAttribute("aria-controls", paragraph.id);
  const show = (expanded) => {
    paragraph.classList.toggle("collapsed", !expanded);
    toggle.setAttribute("aria-expanded", String(expanded));
    toggle.textContent = expanded ? "Show less" : "Show more";
  };
  toggle.addEventListener("click", () => show(paragraph.classList.contains("collapsed")));
  show(false);
  paragraph.after(toggle);
}
