// Who is in the open room: the server's roster, then its joins and leaves. Pure logic, no DOM.

/**
 * The members of one room by username and proven author key (one entry each however many connections they have; one
 * name with two keys is two people), from the frames of /topic/rooms/{id}/presence: a "roster" replaces everything,
 * a "join" or "leave" changes one member.
 *
 * The gateway sends the roster and the room's joins and leaves to a new subscriber by different paths, so a join
 * (often the reader's own) can overtake the roster. Joins and leaves that come before it are therefore kept and
 * replayed onto it: each says how one person is now, so applied in order after any roster taken since the
 * subscription they give the room as it is.
 */
export class PresenceRoster {
  #members = new Map();

  /** Joins and leaves waiting for the roster of a new subscription; null while the roster in hand is current. */
  #early = [];

  /** False until the first roster: a gateway without presence never sends one, and the page then shows none. */
  known = false;

  /**
   * Applies one frame. {@code event}: someone came or went, worth a quiet line in the conversation; null for the
   * roster itself (those people were here before the reader), for {@code me} (the reader's own connections) and
   * for a join or leave that changes nobody's presence (a second tab, a leave heard twice).
   */
  apply(frame, { me = "", myAuthor = "" } = {}) {
    if (frame?.type === "roster" && Array.isArray(frame.members)) {
      this.#members.clear();
      frame.members.filter(isMember).forEach((member) => this.#members.set(personOf(member), memberOf(member)));
      // Those who came or went just before are no news either: the reader is only arriving.
      (this.#early ?? []).forEach((early) => this.#change(early));
      this.#early = null;
      this.known = true;
      return { changed: true, event: null };
    }
    if (!isMember(frame) || (frame.type !== "join" && frame.type !== "leave")) {
      return { changed: false, event: null };
    }
    if (this.#early) {
      this.#early.push(frame);
      return { changed: false, event: null };
    }
    const present = this.#change(frame);
    if (frame.type === "leave" && !present) {
      return { changed: false, event: null };
    }
    const news = present !== (frame.type === "join") && !isOwn(memberOf(frame), me, myAuthor);
    return { changed: true, event: news ? { type: frame.type, username: frame.username } : null };
  }

  /** Applies a join or leave; returns whether that person was there before. */
  #change(frame) {
    const person = personOf(frame);
    const present = this.#members.has(person);
    if (frame.type === "join") {
      this.#members.set(person, memberOf(frame));
    } else {
      this.#members.delete(person);
    }
    return present;
  }

  /** A room opens: nobody known yet. */
  clear() {
    this.#members.clear();
    this.#early = [];
    this.known = false;
  }

  /** The connection dropped: the members stay shown, and the next subscription's roster replaces them. */
  awaitRoster() {
    this.#early = [];
  }

  get size() {
    return this.#members.size;
  }

  /**
   * The members sorted by username (one name's people by when they came), {@code own} marking the reader's (their
   * name and the key their session proved, {@code myAuthor}), {@code like} the other member whose name looks the same
   * (the same confusable skeleton, as the server gives it), or null, {@code twins} how many others share the name.
   */
  list({ me = "", myAuthor = "" } = {}) {
    const members = [...this.#members.values()];
    return members
      .sort((a, b) => a.username.localeCompare(b.username) || (a.since ?? "").localeCompare(b.since ?? "")
        || (a.author ?? "").localeCompare(b.author ?? ""))
      .map((member) => ({
        ...member,
        own: isOwn(member, me, myAuthor),
        like: members.find((other) => other.username !== member.username && other.skeleton === member.skeleton)
          ?.username ?? null,
        twins: members.filter((other) => other !== member && other.username === member.username).length,
      }));
  }
}

/**
 * Which key mark a member gets: "other" when their name came to this browser with another key first (as messages
 * are marked, see name-marks.js), "none" when someone else here has the name and this one proved no key, else null.
 */
export function keyMark(member, keys) {
  if (member.author) {
    const check = keys?.check({ username: member.username, author: member.author });
    // The reader is never marked: "(you)" says who that is (their key counts as seen, see keyMarks).
    return check === "other" && !member.own ? "other" : null;
  }
  return member.twins > 0 && !member.own ? "none" : null;
}

/** The key mark of each of {@code members}, the reader's own key seen first: to them, the other one is "other". */
export function keyMarks(members, keys) {
  const marks = new Map();
  [...members.filter((member) => member.own), ...members.filter((member) => !member.own)]
    .forEach((member) => marks.set(member, keyMark(member, keys)));
  return members.map((member) => marks.get(member));
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

/** One person: the name and the proven key (none is "" here), as the server groups them. */
function personOf({ username, author }) {
  return `${username}\n${typeof author === "string" ? author : ""}`;
}

function isOwn(member, me, myAuthor) {
  return member.username === me && (member.author ?? "") === (myAuthor ?? "");
}

function memberOf({ username, author, source, since, lookalike, nameSkeleton }) {
  return {
    username,
    author: typeof author === "string" && author !== "" ? author : null,
    source: source === "mqtt" ? "mqtt" : "web",
    since: typeof since === "string" ? since : null,
    lookalike: lookalike === true,
    skeleton: typeof nameSkeleton === "string" ? nameSkeleton : username,
  };
}
