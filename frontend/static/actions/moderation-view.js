// Moderation in the open room: the lines mute entries put into the conversation ("ada muted bob until 14:05"),
// the reader's own mute above the message box, the Mute choices in the people list for owners and moderators,
// and the refusals that concern them. The rules are moderation.js's.

import {
  moderationRefusal, MUTE_CHOICES, muteBody, muteLine, muteTime, mutedNotice, myMute,
} from "./moderation.js";
import { button, systemItem } from "../conversation/render.js";

const $ = (id) => document.getElementById(id);

/**
 * {@code list}: the MessageList. {@code me()}: the reader's name. {@code moderates()}: the reader moderates the open
 * room. {@code send(body, { unsigned })}: an action's SEND to the open room (its clientMsgId, or null when not
 * connected). {@code onRemoved(roomId)}: the server took the reader out of that room (undefined: the open one).
 */
export class ModerationView {
  #timer = null;

  constructor({
    list, me, moderates, send, onRemoved,
    setTimer = (run, ms) => setTimeout(run, ms), clearTimer = (timer) => clearTimeout(timer),
  }) {
    Object.assign(this, { list, me, moderates, send, onRemoved, setTimer, clearTimer });
    this.notice = $("mute-notice");
    this.chatError = $("chat-error");
  }

  /** A room opens (or none): no mute of the reader's known there yet. */
  reset() {
    this.#setNotice(null);
  }

  /** A mute entry of the open room's stream (live or from its history), in its place in the conversation. */
  mute(entry) {
    const line = systemItem(muteLine(entry, (until) => muteTime(until)));
    line.classList.add("mute-event");
    this.list.addLine(line);
    const until = myMute(entry, this.me());
    if (until !== undefined) {
      this.#setNotice(until && mutedNotice(until, (date) => muteTime(date)), until);
    }
  }

  /** A refusal from the server: true when it was about membership or moderation and is fully handled here. */
  serverError(error) {
    const refusal = moderationRefusal(error);
    switch (refusal?.kind) {
      case "removed":
        this.onRemoved(refusal.roomId);
        return true;
      case "muted":
        // Also the composer's: the message it refused shows "Not sent" with the same words.
        this.#setNotice(refusal.text);
        return false;
      case "not-moderator":
        this.chatError.textContent = refusal.text;
        return true;
      default:
        return false;
    }
  }

  /** Adds the Mute choices to a person in the people list (PresenceView's decorate), for owners and moderators. */
  decorateMember(item, member) {
    if (!this.moderates() || member.own) {
      return;
    }
    const name = member.username;
    const menu = document.createElement("span");
    menu.className = "mute-menu";
    menu.hidden = true;
    menu.setAttribute("role", "group");
    menu.setAttribute("aria-label", `Mute ${name}`);
    const toggle = button("link-button mute-toggle", "Mute", () => {
      menu.hidden = !menu.hidden;
      toggle.setAttribute("aria-expanded", String(!menu.hidden));
    });
    toggle.setAttribute("aria-label", `Mute or unmute ${name}`);
    toggle.setAttribute("aria-expanded", "false");
    for (const { minutes, label } of [...MUTE_CHOICES, { minutes: 0, label: "Unmute" }]) {
      const choice = button("link-button mute-choice", label, () => {
        menu.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        this.chatError.textContent = this.send(muteBody(name, minutes), { unsigned: true }) === null
          ? "Not connected: try again when the chat is back." : "";
      });
      choice.dataset.minutes = String(minutes);
      choice.setAttribute("aria-label", minutes === 0 ? `Unmute ${name}` : `${label}: ${name}`);
      menu.append(choice);
    }
    item.append(" ", toggle, menu);
  }

  /** Shows {@code text} above the message box (null hides it); {@code until}: it goes by itself then. */
  #setNotice(text, until = null) {
    this.clearTimer(this.#timer);
    this.notice.textContent = text ?? "";
    this.notice.hidden = !text;
    if (text && until) {
      // Timers fire early for delays beyond 24.8 days; a mute is at most a day or so.
      this.#timer = this.setTimer(() => this.#setNotice(null), Math.max(0, until.getTime() - Date.now()));
    }
  }
}
