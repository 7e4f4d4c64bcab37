// What edits, deletes and reactions do to a message, as pure functions: the page applies an action to a message only
// if it is newer than the message's state (stateSeq), so history and live delivery may overlap without harm.

/** The types of entry this page knows; others (of a later version) are ignored. */
export const TYPES = Object.freeze(["message", "edit", "delete", "reaction"]);

/** Whether {@code entry} is a message to show (no type means a message, as in the first version of the JSON). */
export function isMessage(entry) {
  return entry?.type === undefined || entry.type === "message";
}

/** Whether {@code entry} is an action on another message. */
export function isAction(entry) {
  return TYPES.includes(entry?.type) && entry.type !== "message" && typeof entry.target === "string";
}

/** The seq a message's state is as of: its stateSeq, or its own seq from servers that send none. */
export function stateSeqOf(message) {
  return Number.isSafeInteger(message.stateSeq) ? message.stateSeq : (message.seq ?? 0);
}

/** {@code message} after {@code action}, or null where the action is not for it or not newer than its state. */
export function applied(message, action) {
  if (!isAction(action) || action.target !== message.id || !(action.seq > stateSeqOf(message))) {
    return null;
  }
  const next = { ...message, stateSeq: action.seq };
  switch (action.type) {
    case "edit":
      return { ...next, text: action.text, editedAt: action.sentAt };
    case "delete":
      // A moderator's removal says so (the server marks it); the author's own delete as before.
      return { ...next, text: "", deleted: true, editedAt: undefined, reactions: {},
        ...(action.moderated === true ? { moderated: true } : {}) };
    default:
      return { ...next, reactions: reacted(message.reactions, action) };
  }
}

/**
 * {@code reactions} after a reaction entry, which carries only its own change: its {@code username} added under its
 * {@code emoji} ({@code added: true}) or taken back ({@code added: false}). In an encrypted room the entry may name
 * its emoji where the message still has the tag ({@code tag}): that key is named first. Servers before this change
 * sent the target's whole {@code reactions} instead.
 */
export function reacted(reactions, action) {
  if (typeof action.added !== "boolean") {
    return action.reactions ?? reactions ?? {};
  }
  const next = {};
  for (const [emoji, names] of Object.entries(reactions ?? {})) {
    const key = emoji === action.tag ? action.emoji : emoji;
    next[key] = [...(next[key] ?? []), ...names];
  }
  const names = next[action.emoji] ?? [];
  if (action.added) {
    next[action.emoji] = [...names, action.username];
    return next;
  }
  const at = names.indexOf(action.username);
  const left = at < 0 ? names : names.filter((_, index) => index !== at);
  if (left.length > 0) {
    next[action.emoji] = left;
  } else {
    delete next[action.emoji];
  }
  return next;
}

/**
 * The reactions as the page shows them, in the order they came: each emoji with its count, who reacted ("ada, bob")
 * and whether {@code me} is among them.
 */
export function reactionSummary(reactions, me) {
  return Object.entries(reactions ?? {})
    .filter(([, names]) => Array.isArray(names) && names.length > 0)
    .map(([emoji, names]) => ({ emoji, count: names.length, names: names.join(", "), mine: names.includes(me) }));
}

/** Whether {@code text} typed into "Other emoji" can be sent as a reaction: 1-32 characters, no spaces. */
export function isValidEmoji(text) {
  return typeof text === "string" && /^[^\s\p{Cc}]{1,32}$/u.test(text) && text.length <= 32;
}
