// What screen readers hear for a message's buttons: each action named after its message ("Reply to alice: lunch at
// noon?"), and each reaction count with who reacted ("👍 2: alice, bob"). Pure logic, no DOM.

/** A message's text in a label is cut to about this many characters. */
export const LABEL_LENGTH = 40;

/**
 * {@code text} on one line (runs of spaces and line breaks as one space), at most {@code max} characters: cut at the
 * last word that fits (or mid-word when a word alone is longer than half of it), with "…" where it was cut.
 */
export function shortened(text, max = LABEL_LENGTH) {
  const flat = String(text ?? "").replace(/\s+/gu, " ").trim();
  const characters = [...flat];
  if (characters.length <= max) {
    return flat;
  }
  let cut = characters.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  if (space >= cut.length / 2) {
    cut = cut.slice(0, space);
  }
  return `${cut.trimEnd()}…`;
}

/**
 * The accessible names of a message's actions. {@code sender}: its sender as shown; {@code own}: the reader's own
 * message; {@code text}: its text; {@code pictures}: how many pictures it carries.
 */
export function actionLabels({ sender, own, text, pictures = 0 }) {
  const short = shortened(text);
  const what = short ? `: ${short}` : pictures > 0 ? ` (${pictures === 1 ? "a picture" : `${pictures} pictures`})` : "";
  const whose = own ? "your message" : sender;
  return {
    reply: `Reply to ${whose}${what}`,
    react: `React to ${whose}${what}`,
    edit: `Edit your message${what}`,
    delete: `Delete your message${what}`,
    remove: `Remove ${own ? "your message" : `message by ${sender}`}${what}`,
  };
}

/** A reaction count's accessible name: what it shows ("👍 2") and who reacted ("alice, bob"). */
export function reactionLabel(shown, count, names) {
  return names ? `${shown} ${count}: ${names}` : `${shown} ${count}`;
}
