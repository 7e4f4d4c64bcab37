// The username field (#username): kept in localStorage, checked before sending; a new name needs a new connection.
// The rule mirrors the server's (chat/Usernames): NFKC form, nothing invisible or turning the text's direction.

const KEY = "chat.username";

export const MAX_USERNAME = 32;

// Characters that show nothing or reorder what follows, refused as the server refuses them (chat/Usernames): control
// and format characters (zero-width space and joiners, U+2060, U+FEFF, bidi marks, overrides and isolates, U+061C,
// U+180E), line and paragraph separators, and the default-ignorable letters that render blank.
const DECEPTIVE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFFA0]/u;

/** The name as the server keeps it: its Unicode NFKC form, trimmed ("ａｄａ" is "ada"). */
export function normalizeUsername(name) {
  return (name ?? "").normalize("NFKC").trim();
}

/** A username the server accepts: 1-32 characters once in NFKC form, not only spaces, nothing invisible. */
export function isValidUsername(name) {
  return usernameProblem(name) === null;
}

/** The first invisible or text-direction character of {@code name} as "U+XXXX", or null. */
function deceptive(name) {
  const match = DECEPTIVE.exec(name);
  return match ? `U+${match[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}` : null;
}

/** Why a username is refused, in words for the page, or null when it is fine. */
export function usernameProblem(name) {
  const raw = name ?? "";
  // Only ASCII spaces are trimmed before looking: the server also refuses U+FEFF at either end, which trim() drops.
  const character = deceptive(raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "")) ?? deceptive(normalizeUsername(raw));
  if (/\p{Cc}/u.test(raw.trim())) {
    return "A username cannot contain control characters.";
  }
  if (character) {
    return `A username cannot contain invisible or text-direction characters (it has ${character}): `
      + "they let one name pass for another.";
  }
  const trimmed = normalizeUsername(raw);
  if (!trimmed) {
    return "Pick a username first (1-32 characters).";
  }
  // The server counts UTF-16 code units (Java String.length), so .length is the right measure here.
  if (trimmed.length > MAX_USERNAME) {
    return `That username has ${trimmed.length} characters; the limit is ${MAX_USERNAME}.`;
  }
  return null;
}

/**
 * The STOMP CONNECT headers for {@code username}: the server fixes the session's name from them, and only then
 * counts the session in its rooms' presence. None without a usable name (an invalid one would end the connection).
 */
export function connectHeaders(username) {
  const name = normalizeUsername(username);
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

  /** The name as sent: in the NFKC form the server keeps ("ａｄａ" is "ada"). */
  get value() {
    return normalizeUsername(this.input.value);
  }

  /** The name last stored: the one the connection goes by (see commit), "" before the first. */
  get committed() {
    return normalizeUsername(this.storage.getItem(KEY));
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
    // The reader sees the name as others will.
    this.input.value = this.value;
    this.storage.setItem(KEY, this.value);
    if (previous && previous !== this.value) {
      this.onRenamed();
    } else if (!previous) {
      this.onNamed();
    }
  }
}
