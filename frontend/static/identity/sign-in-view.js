// The top bar's identity in oidc mode: "Signed in as NAME" with Sign out, or Sign in (and, where guests may chat,
// a guest name); what the start pane offers accordingly. In open mode it changes nothing on the page.

import { endedText, isGuest, signInNeeded } from "./auth.js";

const $ = (id) => document.getElementById(id);

// Where the page was when the reader chose Sign in: the provider sends them back to the start, the page then
// reopens it (this tab only).
const RETURN_KEY = "chat.afterSignIn";

/**
 * {@code api}: for signOut. {@code storage}: sessionStorage, for the way back after signing in.
 * {@code reload(path)}: leaves the page for {@code path} (location.assign).
 */
export class SignInView {
  constructor({ api, storage, reload = (path) => location.assign(path) }) {
    Object.assign(this, { api, storage, reload });
    this.error = $("username-error");
    this.signOutButton = $("sign-out");
    this.signInLink = $("sign-in");
    this.signOutButton.addEventListener("click", () => this.#signOut());
    this.signInLink.addEventListener("click", () => {
      try {
        this.storage.setItem(RETURN_KEY, location.pathname + location.hash);
      } catch {
        // No session storage: the reader starts at the start page.
      }
    });
  }

  /** Shows the state {@code auth} (auth.js's authOf); nothing changes in open mode. */
  show(auth) {
    document.body.dataset.auth = auth.mode === "open" ? "open"
      : auth.signedIn ? "signed-in" : isGuest(auth) ? "guest" : "signed-out";
    if (auth.mode === "open") {
      return;
    }
    const typed = !auth.signedIn && auth.guests;
    $("username").hidden = !typed;
    $("username-label").hidden = !typed;
    if (typed) {
      $("username-label").textContent = "Guest name";
    }
    $("signed-in").hidden = !auth.signedIn;
    $("signed-in-name").textContent = auth.username ?? "";
    this.signOutButton.hidden = !auth.signedIn;
    this.signInLink.hidden = auth.signedIn;
    if (auth.signIn) {
      this.signInLink.href = auth.signIn;
    }
    // Creating rooms and members-only rooms need a signed-in person; guests only open link rooms.
    $("create-form").hidden = !auth.signedIn;
    $("room-members-row").hidden = !auth.signedIn;
    const closed = signInNeeded(auth);
    // Said in the rooms pane too: on a phone it is all the reader sees at first.
    $("sign-in-to-create").hidden = auth.signedIn;
    $("sign-in-to-create").textContent = closed
      ? "Sign in to chat: only signed-in people can open or create rooms here."
      : "Sign in to create rooms; as a guest you can open a room link.";
    $("join-form").hidden = closed;
    $("recent-section").hidden = closed;
    $("start-title").hidden = closed;
    $("sign-in-needed").hidden = !closed;
  }

  /**
   * Where to go after signing in: the room page the reader left for the provider, once (null: stay). Only a
   * path on this gateway.
   */
  returnPath() {
    let path = null;
    try {
      path = this.storage.getItem(RETURN_KEY);
      this.storage.removeItem(RETURN_KEY);
    } catch {
      return null;
    }
    return typeof path === "string" && /^\/rooms\/[^/]/.test(path) ? path : null;
  }

  /** The server ended the session (signed out here or in another tab, or it expired): the page says so. */
  ended(kind) {
    document.body.dataset.auth = "signed-out";
    $("signed-in").hidden = true;
    this.signOutButton.hidden = true;
    this.signInLink.hidden = false;
    this.error.textContent = endedText(kind);
  }

  async #signOut() {
    this.error.textContent = "";
    this.signOutButton.disabled = true;
    const result = await this.api.signOut();
    this.signOutButton.disabled = false;
    if (result.ok) {
      this.reload("/");
    } else {
      this.error.textContent = `Not signed out: ${result.error}`;
    }
  }
}
