// Who is here: the bar under the room header (#roster-count, #roster), and "alice joined" lines in the conversation.

import { formatTime } from "../conversation/format.js";
import { keyMarks, PresenceRoster, presenceText, rosterCount } from "./presence-roster.js";
import { presenceItem } from "../conversation/render.js";

// Join and leave lines kept in the conversation: a room where people come and go all day must not fill up with them.
const MAX_LINES = 50;
const $ = (id) => document.getElementById(id);

/**
 * {@code list}: the MessageList. {@code me()}: the reader's username, "" for none. {@code myAuthor()}: the key the
 * reader's session proved, "" for none. {@code keys}: the KeyCheck (the first key this browser saw with each name).
 * {@code decorate(item, member)}: adds to each person's item (a moderator's Mute choices).
 */
export class PresenceView {
  roster = new PresenceRoster();

  constructor({ list, me, myAuthor = () => "", keys = null, decorate = () => {} }) {
    Object.assign(this, { list, me, myAuthor, keys, decorate });
    this.bar = $("presence");
    this.count = $("roster-count");
    this.members = $("roster");
  }

  /** A room opens (or none): who is there is unknown until its roster arrives. */
  reset() {
    this.roster.clear();
    this.#render();
  }

  /** The connection dropped: the roster shown may be out of date until the next one replaces it. */
  disconnected() {
    this.bar.dataset.stale = "true";
    this.roster.awaitRoster();
  }

  /** A frame of /topic/rooms/{id}/presence. */
  frame(frame) {
    const { changed, event } = this.roster.apply(frame, { me: this.me(), myAuthor: this.myAuthor() });
    if (changed) {
      this.#render();
    }
    // While the history loads there is no end of the conversation to put it at; the roster has them meanwhile.
    if (event && !this.list.loading) {
      this.list.addLine(presenceItem(presenceText(event)));
      const lines = this.list.list.querySelectorAll(".presence-event");
      for (let i = 0; i < lines.length - MAX_LINES; i++) {
        lines[i].remove();
      }
    }
  }

  /** What each person's item offers changed (the reader's role, say): drawn again. */
  refresh() {
    const stale = this.bar.dataset.stale;
    this.#render();
    if (stale) {
      this.bar.dataset.stale = stale;
    }
  }

  #render() {
    // A gateway without presence sends no roster: then the bar stays away rather than claim "0 here".
    this.bar.hidden = !this.roster.known;
    delete this.bar.dataset.stale;
    this.count.textContent = rosterCount(this.roster.size);
    const members = this.roster.list({ me: this.me(), myAuthor: this.myAuthor() });
    const marks = keyMarks(members, this.keys);
    this.members.replaceChildren(...members.map((member, i) => {
      const item = memberItem(member, marks[i]);
      this.decorate(item, member);
      return item;
    }));
  }
}

function memberItem(member, mark) {
  const item = document.createElement("li");
  item.dataset.username = member.username;
  item.dataset.source = member.source;
  if (member.author) {
    item.dataset.author = member.author;
  }
  item.append(span("roster-name", member.username));
  if (member.own) {
    item.append(" ", span("roster-you", "(you)"));
  }
  if (member.source === "mqtt") {
    const badge = span("badge", "MQTT");
    badge.title = "On a plain MQTT client";
    item.append(" ", badge);
  }
  if (member.lookalike || member.like) {
    // As name-marks.js marks such a name on its messages.
    const badge = span("badge name-mark name-lookalike", "look-alike name");
    badge.title = `"${member.username}" looks like ${member.like ? `"${member.like}", also here` : "other names"}: `
      + "it may not be the same person.";
    item.append(" ", badge);
  }
  if (mark) {
    const badge = span(`badge name-mark ${mark === "other" ? "key-other" : "key-none"}`,
      mark === "other" ? "other key" : "no key");
    badge.title = mark === "other"
      ? `Here as "${member.username}" with another key than this browser first saw with that name: it may not be the `
        + "same person."
      : `Here as "${member.username}" without a proven key, while someone else here has that name: it may not be the `
        + "same person.";
    item.append(" ", badge);
  }
  if (member.since) {
    item.title = `Here since ${formatTime(member.since)}`;
  }
  return item;
}

function span(className, text) {
  const node = document.createElement("span");
  node.className = className;
  node.textContent = text;
  return node;
}
