// Who is in the open room: the server's roster, then its joins and leaves. Pure logic, no DOM.

/**
 * The members of one room by username (one entry each however many connections they have), from the frames of
 * /topic/rooms/{id}/presence: a "roster" replaces everything, a "join" or "leave" changes one member.
 */
export class PresenceRoster {
  #members = new Map();

  /** False until the first roster: a gateway without presence never sends one, and the page then shows none. */
  known = false;

  /**
   * Applies one frame. {@code event}: someone came or went, worth a quiet line in the conversation; null for the
   * roster itself (those people were here before the reader), for {@code me} (the reader's own connections) and
   * for a join or leave that changes nobody's presence (a second tab, a leave heard twice).
   */
  apply(frame, { me = "" } = {}) {
    if (frame?.type === "roster" && Array.isArray(frame.members)) {
      this.#members.clear();
      frame.members.filter(isMember).forEach((member) => this.#members.set(member.username, memberOf(member)));
      this.known = true;
      return { changed: true, event: null };
    }
    if (!isMember(frame) || (frame.type !== "join" && frame.type !== "leave")) {
      return { changed: false, event: null };
    }
    const present = this.#members.has(frame.username);
    if (frame.type === "join") {
      this.#members.set(frame.username, memberOf(frame));
    } else if (present) {
      this.#members.delete(frame.username);
    } else {
      return { changed: false, event: null };
    }
    const news = present !== (frame.type === "join") && frame.username !== me;
    return { changed: true, event: news ? { type: frame.type, username: frame.username } : null };
  }

  /** A room opens: nobody known yet. */
  clear() {
    this.#members.clear();
    this.known = false;
  }

  get size() {
    return this.#members.size;
  }

  /**
   * The members sorted by username, {@code own} marking the reader's, {@code like} the other member whose name looks
   * the same (the same confusable skeleton, as the server gives it), or null.
   */
  list({ me = "" } = {}) {
    const members = [...this.#members.values()];
    return members
      .sort((a, b) => a.username.localeCompare(b.username))
      .map((member) => ({
        ...member,
        own: member.username === me,
        like: members.find((other) => other !== member && other.skeleton === member.skeleton)?.username ?? null,
      }));
  }
}

/** The line a join or leave puts into the conversation. */
export function presenceText(event) {
  return `${event.username} ${event.type === "join" ? "joined" : "left"}`;
}

/** The roster's summary, e.g. "3 here". */
export function rosterCount(size) {
  return `${size} here`;
}

function isMember(value) {
  return typeof value?.username === "string" && value.username !== "";
}

function memberOf({ username, source, since, lookalike, nameSkeleton }) {
  return {
    username,
    source: source === "mqtt" ? "mqtt" : "web",
    since: typeof since === "string" ? since : null,
    lookalike: lookalike === true,
    skeleton: typeof nameSkeleton === "string" ? nameSkeleton : username,
  };
}
