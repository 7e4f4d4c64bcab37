// Rooms with members and their moderation, as pure rules (no DOM): who may do what to whom in the members panel,
// the mute choices, the lines that mute entries put into the conversation, and the refusals that concern them.

/** The mute lengths offered in the people list; 0 minutes lifts a mute. */
export const MUTE_CHOICES = Object.freeze([
  { minutes: 15, label: "Mute for 15 min" },
  { minutes: 60, label: "Mute for 1 h" },
  { minutes: 1440, label: "Mute for 1 day" },
]);

/** Owners and moderators remove anyone's message and mute people. */
export function moderates(role) {
  return role === "owner" || role === "moderator";
}

/** The reader's role among {@code members} ({@code [{ username, role }]}), or null for none. */
export function roleOf(members, me) {
  const role = Array.isArray(members) ? members.find((member) => member?.username === me)?.role : null;
  return ["owner", "moderator", "member"].includes(role) ? role : null;
}

/**
 * What the members panel offers the reader ({@code me}, with {@code role}) on one {@code member}'s row, in order:
 * "moderator" (make them one) or "member" (take it back), both for the owner only; "remove", for the owner on
 * anyone but themselves, for a moderator on plain members; "leave" on the reader's own row, unless they own it.
 */
export function memberActions({ me, role, member }) {
  if (member.username === me) {
    return member.role === "owner" ? [] : ["leave"];
  }
  if (member.role === "owner") {
    return [];
  }
  if (role === "owner") {
    return [member.role === "moderator" ? "member" : "moderator", "remove"];
  }
  return role === "moderator" && member.role === "member" ? ["remove"] : [];
}

/** The members sorted for the panel: the owner, then moderators, then members, each by name. */
export function sortedMembers(members) {
  const rank = { owner: 0, moderator: 1, member: 2 };
  return (Array.isArray(members) ? members : [])
    .filter((member) => typeof member?.username === "string" && member.username !== "")
    .map(({ username, role }) => ({ username, role: role in rank ? role : "member" }))
    .sort((a, b) => rank[a.role] - rank[b.role] || a.username.localeCompare(b.username));
}

/** A stream entry saying that someone was muted, or their mute lifted. */
export function isMute(entry) {
  return entry?.type === "mute" && typeof entry.username === "string" && typeof entry.target === "string";
}

/** When a mute entry's mute ends, or null when it lifts one (or names no valid time). */
export function muteEnd(entry) {
  const until = typeof entry?.until === "string" ? new Date(entry.until) : null;
  return until && !Number.isNaN(until.getTime()) ? until : null;
}

/** The conversation's line for a mute entry; {@code when(date)} words its end ("14:05", "Tue 09:00"). */
export function muteLine(entry, when) {
  const until = muteEnd(entry);
  return until ? `${entry.username} muted ${entry.target} until ${when(until)}`
    : `${entry.username} lifted ${entry.target}'s mute`;
}

/**
 * Until when the reader {@code me} is muted after {@code entry}: a Date in the future, null when it lifts their
 * mute (or has ended), undefined when it is about someone else.
 */
export function myMute(entry, me, now = Date.now()) {
  if (!isMute(entry) || entry.target !== me || !me) {
    return undefined;
  }
  const until = muteEnd(entry);
  return until && until.getTime() > now ? until : null;
}

/** The SEND that mutes {@code target} for {@code minutes} (0 lifts the mute). */
export function muteBody(target, minutes) {
  return { type: "mute", target, minutes };
}

/**
 * A refusal on /user/queue/errors that concerns membership or moderation, or null for the others:
 * "removed" (the reader was taken out of room {@code roomId}), "muted" ({@code text}: the server's words),
 * "not-moderator" ({@code text}).
 */
export function moderationRefusal(error) {
  const roomId = typeof error?.roomId === "string" ? error.roomId : undefined;
  const text = typeof error?.message === "string" && error.message.trim() ? error.message.trim() : null;
  switch (error?.code) {
    case "removed-from-room":
      return { kind: "removed", roomId };
    case "muted":
      return { kind: "muted", roomId, text: text ?? "You are muted in this room for now." };
    case "not-a-moderator":
      return { kind: "not-moderator", roomId, text: text ?? "Only the room's owner and moderators can do that." };
    default:
      return null;
  }
}

/** The reader's composer line while muted. */
export function mutedNotice(until, when) {
  return `You are muted in this room until ${when(until)}: your messages are not sent until then.`;
}

/** When a mute ends, as the page words it: the time today, else the weekday and time. */
export function muteTime(until, { now = new Date(), locale, timeZone } = {}) {
  const day = (date) => date.toLocaleDateString("en-CA", { timeZone });
  const options = day(until) === day(now) ? { hour: "2-digit", minute: "2-digit" }
    : { weekday: "short", hour: "2-digit", minute: "2-digit" };
  return until.toLocaleString(locale, { ...options, timeZone });
}
