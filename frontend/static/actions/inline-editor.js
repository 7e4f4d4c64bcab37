// Editing one's own message in place: its text becomes a field with Save and Cancel; Enter saves, Escape cancels.

import { button } from "../conversation/render.js";

/**
 * Replaces {@code textNode} with an editor holding {@code text}; {@code onSave(newText)} when changed and not
 * empty, {@code onCancel()} when cancelled or saved unchanged (the caller shows the message again).
 */
export function openEditor(textNode, text, { onSave, onCancel }) {
  const form = document.createElement("form");
  form.className = "edit-form";
  const field = Object.assign(document.createElement("textarea"), { value: text, rows: 2 });
  field.setAttribute("aria-label", "Edit message");
  form.append(field, button("link-button", "Save", () => form.requestSubmit()),
    button("link-button", "Cancel", onCancel));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (field.value.trim() === "") {
      field.setCustomValidity("A message cannot be empty: use Delete to remove it.");
      field.reportValidity();
    } else if (field.value === text) {
      onCancel();
    } else {
      onSave(field.value);
    }
  });
  field.addEventListener("input", () => field.setCustomValidity(""));
  field.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === "Escape") {
      onCancel();
    }
  });
  textNode.replaceWith(form);
  field.focus();
}
