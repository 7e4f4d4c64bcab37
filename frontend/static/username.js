// The username field (#username): kept in localStorage, checked before sending; a new name needs a new connection.

import { usernameProblem } from "./format.js";

const KEY = "chat.username";

/**
 * The STOMP CONNECT headers for {@code username}: the server fixes the session's name from them, and only then
 * counts the session in its rooms' presence. None without a usable name (an invalid one would end the connection).
 */
export function connectHeaders(username) {
  const name = (username ?? "").trim();
  return name && !usernameProblem(name) ? { username: name } : {};
}

export class UsernameField {
  /**
   * {@code onRenamed()}: the stored name changed, so the server's session (one name each) must be renewed;
   * {@code onNamed()}: the first name was stored.
   */
  constructor({ storage, onRenamed, onNamed = () => {} }) {
    this.storage = storage;
    this.onRenamed = onRenamed;
    this.onNamed = onNamed;
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

  /** The name last stored: the one the connection goes by (see commit), "" before the first. */
  get committed() {
    return (this.storage.getItem(KEY) ?? "").trim();
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

  /**
   * Stores the name; a change from an earlier name calls onRenamed, the first name onNamed: a connection without a
   * name is in no roster, so the page renews it (a connection still connecting is renewed by Connection itself, see
   * connectHeaders).
   */
  commit() {
    const previous = this.storage.getItem(KEY);
    this.storage.setItem(KEY, this.value);
    if (previous && previous !== this.value) {
      this.onRenamed();
    } else if (!previous) {
      this.onNamed();
    }
  }
}
