// The username field (#username): kept in localStorage, checked before sending; a new name needs a new connection.

import { usernameProblem } from "./format.js";

const KEY = "chat.username";

export class UsernameField {
  /** {@code onRenamed()}: the stored name changed, so the server's session (one name each) must be renewed. */
  constructor({ storage, onRenamed }) {
    this.storage = storage;
    this.onRenamed = onRenamed;
    this.input = document.getElementById("username");
    this.error = document.getElementById("username-error");
    this.input.value = storage.getItem(KEY) ?? "";
    this.input.addEventListener("input", () => {
      this.error.textContent = "";
      this.input.removeAttribute("aria-invalid");
    });
    this.input.addEventListener("change", () => {
      const problem = this.problem;
      if (problem) {
        // No focus here: pulling the reader back into the field would trap keyboard users in it.
        this.showProblem(problem, { focus: false });
        return;
      }
      this.commit();
    });
  }

  /** The name as sent. */
  get value() {
    return this.input.value.trim();
  }

  /** Why the name cannot be used, or null. */
  get problem() {
    return usernameProblem(this.input.value);
  }

  showProblem(problem, { focus = true } = {}) {
    this.error.textContent = problem;
    this.input.setAttribute("aria-invalid", "true");
    if (focus) {
      this.input.focus();
    }
  }

  focus() {
    this.input.focus();
  }

  /** Stores the name; a change from an earlier name calls onRenamed. */
  commit() {
    const previous = this.storage.getItem(KEY);
    this.storage.setItem(KEY, this.value);
    if (previous && previous !== this.value) {
      this.onRenamed();
    }
  }
}
