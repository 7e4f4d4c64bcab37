// The message box's length limit on the page, in UTF-16 code units as the server counts: the counter (#remaining),
// and Send's refusal of a text over it.
// The words come from text-limit.js; this keeps them in step with what the reader types.

import { charactersOver, remainingText, tooLongText } from "./text-limit.js";

/**
 * {@code input}: the message box. {@code counter}: the remaining-length counter. {@code errorLine}: where Send's
 * reason goes (#chat-error). {@code max}: the server's limit.
 */
export class LengthCheck {
  // The "Too long" reason last put in the error line, or null: it follows the text until the text fits.
  #reason = null;

  constructor({ input, counter, errorLine, max }) {
    Object.assign(this, { input, counter, errorLine, max });
    // No maxlength on the box: it would silently cut what the reader pasted. The counter says what is over instead.
    input.addEventListener("input", () => this.update());
    this.update();
  }

  /** The text changed (typed, pasted, or set by the page): the counter, and the reason if it is showing. */
  update() {
    const length = this.input.value.length;
    const over = charactersOver(this.input.value, this.max);
    this.counter.textContent = remainingText(length, this.max);
    this.counter.classList.toggle("low", this.max - length < 200);
    this.counter.classList.toggle("over", over > 0);
    if (over > 0) {
      this.input.setAttribute("aria-invalid", "true");
    } else {
      this.input.removeAttribute("aria-invalid");
    }
    if (this.#reason !== null) {
      this.#show(over);
    }
  }

  /** Send: true when the text is too long to go, after saying so in the error line; the text stays as it is. */
  refuses() {
    const over = charactersOver(this.input.value, this.max);
    this.#show(over);
    return over > 0;
  }

  /** The reason, or none once the text fits; whatever else took the error line meanwhile is left alone. */
  #show(over) {
    const mine = this.#reason !== null && this.errorLine.textContent === this.#reason;
    this.#reason = over > 0 ? tooLongText(over, this.max) : null;
    if (this.#reason !== null) {
      this.errorLine.textContent = this.#reason;
    } else if (mine) {
      this.errorLine.textContent = "";
    }
  }
}
