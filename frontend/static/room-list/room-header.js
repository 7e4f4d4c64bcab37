// The open room's header and invitation texts: name, id, connection status, "Copy link" and "Delete room".

import { shortId } from "../conversation/format.js";
import { dropOwnerToken, ownerToken } from "./owned.js";

const $ = (id) => document.getElementById(id);

const STATUS_TEXT = {
  idle: "Not connected",
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  // The connection ended for good (Connection's ended): signed out, or never signed in where that is needed.
  "signed-out": "Signed out",
  "sign-in": "Sign in needed",
};

// In place of the connection's status once the open room is deleted: "Connected" would promise a chat that is over.
const GONE_STATUS = "Room deleted";

/** The link that opens {@code room}, to share. */
export function roomUrl(room, origin = location.origin) {
  return new URL(`/rooms/${encodeURIComponent(room.id)}`, origin).href;
}

/**
 * {@code onBack()}: the reader asked for the rooms pane. {@code onDeleted(room)}: the server deleted the open
 * room at this browser's request (its owner token is already forgotten).
 */
export class RoomHeader {
  #room = null;
  // True while the open room is one the server deleted.
  #gone = false;
  // The connection's latest status and retry delay, shown again when the next room opens.
  #status = ["idle", null];

  constructor({ api, storage, onBack, onDeleted, fragment = () => "" }) {
    this.fragment = fragment;
    Object.assign(this, { api, storage, onDeleted });
    this.title = $("room-title");
    this.status = $("status");
    this.deleteButton = $("delete-room");
    this.share = $("share");
    this.chatError = $("chat-error");
    $("back").addEventListener("click", () => onBack());
    this.copyButton = $("copy-link");
    this.notice = $("room-gone");
    this.copyButton.addEventListener("click", () => this.#toggleShare());
    $("share-link").addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        this.#toggleShare();
      }
    });
    this.deleteButton.addEventListener("click", () => this.#delete());
  }

  /** Shows the conversation of {@code room} in place of the welcome text. */
  show(room) {
    this.#room = room;
    this.#gone = false;
    this.chatError.textContent = "";
    this.notice.hidden = true;
    this.#setShareShown(false);
    this.copyButton.hidden = false;
    this.deleteButton.hidden = !ownerToken(this.storage, room.id);
    this.title.textContent = room.name ?? "Unnamed room";
    $("room-id").textContent = shortId(room.id);
    $("room-id").title = room.id;
    $("empty-link").textContent = roomUrl(room);
    $("room-topic").textContent = room.topic;
    $("mqtt-example").textContent = `mosquitto_sub -t '${room.topic}' -v`;
    $("welcome").hidden = true;
    $("chat").hidden = false;
    this.showStatus(...this.#status);
  }

  /**
   * The open room {@code roomId} was deleted elsewhere: a notice in the room says so, and nothing offers to share
   * or delete it any more. Its messages stay in sight until the reader moves on.
   */
  gone(roomId) {
    if (this.#room?.id !== roomId) {
      return;
    }
    this.#gone = true;
    this.chatError.textContent = "";
    this.notice.hidden = false;
    // "No messages yet, invite people" would invite them to a room that is gone.
    $("empty").hidden = true;
    this.#setShareShown(false);
    this.copyButton.hidden = true;
    this.deleteButton.hidden = true;
    this.status.dataset.state = "gone";
    this.status.textContent = GONE_STATUS;
    this.status.title = "";
    // The closed message box dropped the keyboard focus: it goes to the room, not to the start of the page.
    if (document.activeElement === document.body || document.activeElement?.disabled) {
      this.focusTitle();
    }
  }

  hide() {
    this.#room = null;
    $("chat").hidden = true;
    $("welcome").hidden = false;
  }

  focusTitle() {
    this.title.focus();
  }

  /** A problem of the open room, under its conversation. */
  showError(text) {
    this.chatError.textContent = text;
  }

  showStatus(status, retryInMs) {
    this.#status = [status, retryInMs];
    if (this.#gone) {
      return;
    }
    this.status.dataset.state = status;
    this.status.textContent = STATUS_TEXT[status];
    // A tooltip rather than a countdown in the text: a live region that ticks every second would be noise.
    this.status.title = retryInMs ? `Next attempt in ${Math.max(1, Math.round(retryInMs / 1000))} s` : "";
  }

  /** "Copy link" opens the strip with the link (and copies it); pressed again, it closes the strip. */
  #toggleShare() {
    if (this.share.hidden) {
      this.#copyLink();
    } else {
      this.#setShareShown(false);
      this.copyButton.focus();
    }
  }

  #setShareShown(shown) {
    this.share.hidden = !shown;
    this.copyButton.setAttribute("aria-expanded", String(shown));
  }

  async #copyLink() {
    const link = roomUrl(this.#room) + this.fragment(this.#room);
    const field = $("share-link");
    this.#setShareShown(true);
    field.value = link;
    try {
      await navigator.clipboard.writeText(link);
      $("share-note").textContent = "Copied to the clipboard.";
    } catch {
      // Clipboard access needs a secure context and permission; the visible link still lets people copy it.
      $("share-note").textContent = "Copy the link above to invite people.";
      field.focus();
      field.select();
    }
  }

  /** Offered only where this browser created the room and so holds its owner token. */
  async #delete() {
    const room = this.#room;
    const token = room ? ownerToken(this.storage, room.id) : null;
    if (!token) {
      return;
    }
    const name = room.name ?? "Unnamed room";
    if (!confirm(`Delete the room "${name}" and all its messages, for everyone? This cannot be undone.`)) {
      return;
    }
    this.chatError.textContent = "";
    this.deleteButton.disabled = true;
    const result = await this.api.deleteRoom(room.id, token);
    this.deleteButton.disabled = false;
    // 404: deleted meanwhile (from another device of the owner's, say); gone is what the reader asked for.
    if (!result.ok && result.status !== 404) {
      if (this.#room?.id === room.id) {
        this.chatError.textContent = `The room was not deleted: ${result.error}`;
      }
      return;
    }
    dropOwnerToken(this.storage, room.id);
    this.onDeleted(room);
  }
}
