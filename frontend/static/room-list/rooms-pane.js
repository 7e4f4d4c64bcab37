// The rooms pane (#sidebar): create or join a room, the recent rooms of this browser and the public rooms;
// and which room the address bar names.

import { rememberDeleted, wasDeleted } from "./deleted-rooms.js";
import { parseRoomLink, roomIdOfPath } from "../conversation/format.js";
import { newSecret, secretOfFragment } from "../encryption/room-keys.js";
import { dropOwnerToken, keepOwnerToken } from "./owned.js";
import { forgetRoom, loadRecent, rememberRoom, saveRecent } from "./recent.js";
import { roomItem } from "../conversation/render.js";
import { accessChoice, resetAccessChoice } from "./room-access.js";
import { openRoomProblem } from "../composer/server-errors.js";

const $ = (id) => document.getElementById(id);

/** On phones the rooms list and the conversation take turns: "rooms" or "chat". */
export function showPane(pane) {
  document.body.dataset.pane = pane;
}

/**
 * {@code onEnter(room, { push })}: show the room (then call entered). {@code onLeave()}: show no room.
 * {@code currentRoomId()}: the open room's id, or undefined.
 */
export class RoomsPane {
  constructor({ api, storage, currentRoomId, onEnter, onLeave, secrets = null }) {
    Object.assign(this, { api, storage, currentRoomId, onEnter, onLeave, secrets });
    this.recent = loadRecent(storage);
    this.startError = $("start-error");
    this.startNote = $("start-note");
    this.recentList = $("recent-rooms");
    $("create-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.#create();
    });
    $("join-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.#join();
    });
    addEventListener("popstate", () => {
      const id = roomIdOfPath(location.pathname);
      if (id) {
        this.open(id, { push: false });
      } else {
        onLeave();
      }
    });
  }

  /** The page loaded: the lists, and the room its address names, if any. */
  start(roomId) {
    this.render();
    this.loadPublic();
    if (roomId) {
      this.open(roomId, { push: false });
    } else {
      showPane("rooms");
    }
  }

  /** Loads a room by id and enters it; says why not, and forgets the room if it is gone. */
  async open(id, { push }) {
    if (this.currentRoomId() === id) {
      showPane("chat");
      return true;
    }
    const result = await this.api.getRoom(id);
    if (!result.ok) {
      const known = this.recent.some((room) => room.id === id) || wasDeleted(this.storage, id);
      this.startError.textContent = openRoomProblem(result, { known });
      if (result.status === 404 && known) {
        this.#forgetGone(id);
        this.render();
      }
      showPane("rooms");
      return false;
    }
    this.onEnter(result.body, { push });
    return true;
  }

  /** A room was entered ({@code push}: as a new history entry): it leads the recent list, and takes the screen. */
  entered(room, { push }) {
    const path = `/rooms/${encodeURIComponent(room.id)}`;
    if (push && location.pathname !== path) {
      // An encrypted room's link keeps its key in the fragment, which no request carries.
      history.pushState({ roomId: room.id }, "", path + (room.encrypted ? this.secrets?.fragment(room.id) ?? "" : ""));
    }
    this.startError.textContent = "";
    this.startNote.textContent = "";
    showPane("chat");
    this.recent = rememberRoom(this.recent, room);
    saveRecent(this.storage, this.recent);
    this.render();
  }

  /** No room is open any more. */
  left() {
    showPane("rooms");
    this.render();
  }

  /** Back from a conversation, to the rooms, with focus on the room just left. */
  showRooms() {
    showPane("rooms");
    this.recentList.querySelector("[aria-current]")?.focus();
  }

  /** A room this browser deleted: if it is open, the page goes back to the start. */
  deleted(room) {
    if (this.currentRoomId() === room.id) {
      history.pushState({}, "", "/");
      this.onLeave();
    }
    this.#forgetGone(room.id);
    this.render();
    this.loadPublic();
    this.startNote.textContent = `The room "${room.name ?? "Unnamed room"}" was deleted.`;
  }

  /** Room {@code id} was deleted elsewhere; an open room stays on screen with its notice, but leaves the lists. */
  gone(id) {
    this.#forgetGone(id);
    this.render();
    this.loadPublic();
  }

  render() {
    this.recentList.replaceChildren(...this.recent.map((room) => this.#item(room)));
    $("recent-empty").hidden = this.recent.length > 0;
  }

  /** Shows the Public section only when the server lists public rooms; until it does, the section stays hidden. */
  async loadPublic() {
    const rooms = await this.api.publicRooms();
    if (rooms) {
      $("public-rooms").replaceChildren(...rooms.map((room) => this.#item(room)));
      $("public-section").hidden = rooms.length === 0;
    }
  }

  #item(room) {
    return roomItem(room, { current: room.id === this.currentRoomId(), onOpen: (id) => this.open(id, { push: true }) });
  }

  /** The server no longer has room {@code id}: out of Recent, its owner token dropped, remembered as deleted. */
  #forgetGone(id) {
    this.recent = forgetRoom(this.recent, id);
    saveRecent(this.storage, this.recent);
    dropOwnerToken(this.storage, id);
    rememberDeleted(this.storage, id);
  }

  async #create() {
    this.startError.textContent = "";
    const field = $("room-name");
    const listed = $("room-public");
    const visibility = listed.checked ? "public" : "private";
    const encrypted = $("room-encrypted").checked;
    const access = accessChoice();
    const result = await this.api.createRoom(field.value.trim(), { visibility, encrypted, access });
    if (!result.ok) {
      this.startError.textContent = result.error;
      return;
    }
    field.value = "";
    // Off again: the next room is private unless the reader asks once more.
    listed.checked = false;
    resetAccessChoice();
    // The owner token is a secret: it stays in this browser's storage, never in the URL or the recent list.
    const { ownerToken, ...room } = result.body ?? {};
    keepOwnerToken(this.storage, room.id, ownerToken);
    if (room.encrypted) {
      // Made here and never sent: the server only ever sees what it seals.
      this.secrets?.keep(room.id, newSecret());
      $("room-encrypted").checked = false;
    }
    this.onEnter(room, { push: true });
    if (visibility === "public") {
      // The list is the server's: ask again rather than guess where the new room goes in it.
      this.loadPublic();
    }
  }

  async #join() {
    this.startError.textContent = "";
    const field = $("room-link");
    const id = parseRoomLink(field.value);
    const secret = secretOfFragment(field.value.slice(field.value.indexOf("#")));
    if (id && secret) {
      this.secrets?.keep(id, secret);
    }
    if (!id) {
      this.startError.textContent = "That is not a room link or id. A link looks like "
        + `${location.origin}/rooms/ followed by the room id.`;
      field.focus();
      return;
    }
    if (await this.open(id, { push: true })) {
      field.value = "";
    }
  }
}
