// The message length limit: how many characters are left or over, in words for the counter and for Send.
// Pure, no DOM: the composer hands in the text and the limit the server announced (data-max-text).

/**
 * How many characters {@code text} has beyond {@code max}; 0 when it fits. The server counts UTF-16 code units
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

/** Why Send refuses a text {@code over} characters too long. */
export function tooLongText(over, max) {
  return `Too long: ${over === 1 ? "1 character" : `${over} characters`} over the ${max} limit`;
}
