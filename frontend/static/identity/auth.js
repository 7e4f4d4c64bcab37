// Who the reader is to the server: the gateway's sign-in mode from GET /api/me, and the name the server stamps on
// the reader's messages (the signed-in name, a guest's typed name marked " (guest)", or in open mode the typed
// name). Pure, no DOM: Identity wraps the UsernameField, which it leaves to itself in open mode.

import { MAX_USERNAME, normalizeUsername, usernameProblem } from "./username.js";

/** How the server marks a guest's name (oidc mode with guests allowed). */
export const GUEST_SUFFIX = " (guest)";

/** Where signing in starts unless the server names another path. */
export const DEFAULT_SIGN_IN = "/oauth2/authorization/oidc";

/** The WebSocket close code with which the server ends a signed-out browser's sockets. */
export const SIGNED_OUT_CLOSE = 4401;

/** Open mode: anyone chats under the name they type, as before sign-in existed. */
export const OPEN = Object.freeze({ mode: "open", signedIn: false, username: null, guests: false, signIn: null });

/** A path on this gateway ("/oauth2/..."), never another origin ("//evil", "https://..."); else the default. */
export function sameOriginPath(path) {
  return typeof path === "string" && /^\/(?![/\\])/.test(path) ? path : DEFAULT_SIGN_IN;
}

/**
 * The sign-in state from api.me()'s {@code { status, body }} (null: unreachable). Anything but a signed-in answer
 * or a 401 naming oidc (an older gateway, a network failure) is open mode: the page then works as it always did.
 */
export function authOf(answer) {
  const body = answer?.body;
  if (answer?.status === 200 && typeof body?.username === "string" && body.username !== "") {
    return { mode: "oidc", signedIn: true, username: body.username, guests: false, signIn: null };
  }
  if (answer?.status === 401 && body?.authMode === "oidc") {
    return { mode: "oidc", signedIn: false, username: null, guests: body.guests === true,
      signIn: sameOriginPath(body.signIn) };
  }
  return OPEN;
}

/** Not signed in where the gateway lets only signed-in people chat: the page offers Sign in and nothing else. */
export function signInNeeded(auth) {
  return auth.mode === "oidc" && !auth.signedIn && !auth.guests;
}

/** A guest: not signed in, chatting under a typed name the server marks " (guest)". */
export function isGuest(auth) {
  return auth.mode === "oidc" && !auth.signedIn && auth.guests;
}

/** The name as the server shows a guest's {@code typed} name, "" for none. */
export function guestName(typed) {
  const name = normalizeUsername(typed);
  return name ? normalizeUsername(name + GUEST_SUFFIX) : "";
}

/** Why a guest cannot use {@code typed}, or null: the username rule, and room left for the mark. */
export function guestNameProblem(typed) {
  const max = MAX_USERNAME - GUEST_SUFFIX.length;
  const problem = usernameProblem(typed);
  const length = normalizeUsername(typed).length;
  return problem ?? (length > max
    ? `A guest name has at most ${max} characters (it is shown with "${GUEST_SUFFIX.trim()}"); this one has ${length}.`
    : null);
}

/** A STOMP ERROR that no retry can cure: this gateway takes only signed-in people and the reader is not. */
export function isSignInRefusal(message) {
  return typeof message === "string" && /^\s*sign in first\b/i.test(message);
}

/** Why nothing can be sent while signing in is needed. */
export const SIGN_IN_FIRST = "Sign in first: this chat lets only signed-in people take part.";

/** What the page says once its connection ended for good ({@code why}: "signed-out" or "sign-in", see Connection). */
export function endedText(why) {
  return why === "signed-out" ? "You are signed out. Sign in to chat again." : SIGN_IN_FIRST;
}

/**
 * The reader's identity in the shape the composer and the page keys use ({@code problem}, {@code value},
 * {@code committed}, {@code commit()}, {@code showProblem()}, {@code focus()}): in open mode exactly the
 * UsernameField's; signed in, the provider's name, which cannot be typed; a guest, the typed name with its mark.
 */
export class Identity {
  auth = OPEN;

  constructor(field) {
    this.field = field;
  }

  /** The name the server stamps on this reader's messages (and shows in rosters and read markers), "" for none. */
  get name() {
    if (this.auth.signedIn) {
      return this.auth.username;
    }
    return isGuest(this.auth) ? guestName(this.field.committed) : this.field.committed;
  }

  /** The name a STOMP CONNECT carries: the server marks a guest's itself, and ignores it for the signed-in. */
  get connectName() {
    return this.auth.signedIn ? this.auth.username : this.field.committed;
  }

  get problem() {
    if (this.auth.signedIn) {
      return null;
    }
    if (signInNeeded(this.auth)) {
      return SIGN_IN_FIRST;
    }
    return isGuest(this.auth) ? guestNameProblem(this.field.input.value) : this.field.problem;
  }

  /** The name a SEND carries: the one the server fixed for the session, or it refuses the SEND. */
  get value() {
    if (this.auth.signedIn) {
      return this.auth.username;
    }
    return isGuest(this.auth) ? guestName(this.field.value) : this.field.value;
  }

  get committed() {
    return this.name;
  }

  commit() {
    if (!this.auth.signedIn) {
      this.field.commit();
    }
  }

  showProblem(problem, options) {
    this.field.showProblem(problem, { ...options, focus: options?.focus !== false && !signInNeeded(this.auth) });
  }

  focus() {
    if (!this.auth.signedIn && !signInNeeded(this.auth)) {
      this.field.focus();
    }
  }
}
