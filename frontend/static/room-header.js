// The open room's header and invitation texts: name, id, connection status, "Copy link" and "Delete room".

import { shortId } from "./format.js";
import { dropOwnerToken, ownerToken } from "./owned.js";

const $ = (id) => document.getElementById(id);

const STATUS_TEXT = {
  idle: "Not connected",
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

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

  constructor({ api, storage, onBack, onDeleted }) {
    Object.assign(this, { api, storage, onDeleted });
    this.title = $("room-title");
    this.status = $("status");
    this.deleteButton = $("delete-room");
    this.share = $("share");
    this.chatError = $("chat-error");
    $("back").addEventListener("click", () => onBack());
    $("copy-link").addEventListener("click", () => this.#copyLink());
    this.deleteButton.addEventListener("click", () => this.#delete());
  }

  /** Shows the conversation of {@code room} in place of the welcome text. */
  show(room) {
    this.#room = room;
    this.chatError.textContent = "";
    this.share.hidden = true;
    this.deleteButton.hidden = !ownerToken(this.storage, room.id);
    this.title.textContent = room.name ?? "Unnamed room";
    $("room-id").textContent = shortId(room.id);
    $("room-id").title = room.id;
    $("empty-link").textContent = roomUrl(room);
    $("room-topic").textContent = room.topic;
    $("mqtt-example").textContent = `mosquitto_sub -t '${room.topic}' -v`;
    $("welcome").hidden = true;
    $("chat").hidden = false;
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
    this.status.dataset.state = status;
    this.status.textContent = STATUS_TEXT[status];
    // A tooltip rather than a countdown in the text: a live region that ticks every second would be noise.
    this.status.title = retryInMs ? `Next attempt in ${Math.max(1, Math.round(retryInMs / 1000))} s` : "";
  }

  async #copyLink() {
    const link = roomUrl(this.#room);
    const field = $("share-link");
    this.share.hidden = false;
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
    if (!result.ok) {
      if (this.#room?.id === room.id) {
        this.chatError.textContent = `The room was not deleted: ${result.error}`;
      }
      return;
    }
    dropOwnerToken(this.storage, room.id);
    this.onDeleted(room);
  }
}
