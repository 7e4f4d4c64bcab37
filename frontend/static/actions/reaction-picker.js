// The reaction picker: a few emoji at one click (each button named by its emoji) and a field for any other.

import { isValidEmoji } from "./message-actions.js";
import { placePicker } from "./picker-place.js";
import { button } from "../conversation/render.js";

/** The reactions the picker offers at one click; any other emoji can be typed. */
export const QUICK_REACTIONS = Object.freeze(["👍", "❤️", "😂", "🎉", "😮", "😢"]);

/**
 * Opens the picker after {@code anchor} (or closes it if open there); {@code onPick(emoji)} once one is chosen, and
 * the focus goes back to {@code opener}.
 */
export function togglePicker(anchor, opener, onPick) {
  const open = anchor.parentElement.querySelector(".reaction-picker");
  if (open) {
    open.remove();
    return;
  }
  const picker = document.createElement("div");
  picker.className = "reaction-picker";
  picker.setAttribute("role", "group");
  picker.setAttribute("aria-label", "Pick a reaction");
  const close = () => {
    picker.remove();
    opener.focus();
  };
  const pick = (emoji) => {
    close();
    onPick(emoji);
  };
  picker.append(...QUICK_REACTIONS.map((emoji) => button("pick", emoji, () => pick(emoji))));
  const other = Object.assign(document.createElement("input"), { className: "other-emoji", maxLength: 32 });
  other.setAttribute("aria-label", "Other emoji");
  other.placeholder = "Other emoji";
  const add = button("pick-add", "Add", () => {
    const emoji = other.value.trim();
    if (isValidEmoji(emoji)) {
      pick(emoji);
    } else {
      other.setCustomValidity("Type one emoji, without spaces.");
      other.reportValidity();
    }
  });
  other.addEventListener("input", () => other.setCustomValidity(""));
  other.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add.click();
    }
  });
  picker.addEventListener("keydown", (event) => event.key === "Escape" && close());
  picker.append(other, add);
  anchor.after(picker);
  placePicker(picker, anchor.closest(".bubble") ?? anchor.parentElement, anchor.closest(".scroller"));
  // Placed already: focusing must not scroll the page to it.
  picker.querySelector(".pick").focus({ preventScroll: true });
}
