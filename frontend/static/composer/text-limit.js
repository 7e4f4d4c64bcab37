// The message length limit: how many UTF-16 code units are left or over (what the server counts: an emoji beyond
// U+FFFF takes 2), in words for the counter and for Send; the words say "characters", as readers do.
// Pure, no DOM: the composer hands in the text and the limit the server announced (data-max-text).

/**
 * How many UTF-16 code units {@code text} has beyond {@code max}; 0 when it fits. The server counts UTF-16 code units
 * (Java String.length), so .length is the same measure, emoji and all.
 */
export function charactersOver(text, max) {
  return Math.max(0, (text ?? "").length - max);
}

/** The words of the remaining-length counter. */
export function remainingText(length, max) {
  const left = max - length;
  if (left < 0) {
    return left === -1 ? "1 character over the limit" : `${-left} characters over the limit`;
  }
  return left === 1 ? "1 character left" : `${left} characters left`;
}

/** Why Send refuses a text {@code over} UTF-16 code units too long. */
export function tooLongText(over, max) {
  return `Too long: ${over === 1 ? "1 character" : `${over} characters`} over the ${max} limit`;
}
