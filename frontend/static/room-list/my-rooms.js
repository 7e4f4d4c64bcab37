// "Your rooms" in the rooms pane (#mine-section, oidc mode when signed in): the rooms the signed-in person belongs
// to, from GET /api/rooms/mine, each with their role there.

import { roomItem } from "../conversation/render.js";

const $ = (id) => document.getElementById(id);

/** {@code currentRoomId()}: the open room's id, or undefined. {@code onOpen(id)}: open that room. */
export class MyRooms {
  #rooms = null;

  constructor({ api, currentRoomId, onOpen }) {
    Object.assign(this, { api, currentRoomId, onOpen });
    this.section = $("mine-section");
    this.list = $("my-rooms");
  }

  /** Asks the server again; the section shows only when it answers (an empty list says so). */
  async load() {
    const rooms = await this.api.myRooms();
    this.#rooms = rooms;
    this.render();
  }

  /** A room opened: marked as the current one, and asked for again if it is new here (just created, say). */
  entered(room) {
    if (this.#rooms && !this.#rooms.some((mine) => mine.id === room.id)) {
      this.load();
    } else {
      this.render();
    }
  }

  render() {
    this.section.hidden = this.#rooms === null;
    if (this.#rooms === null) {
      return;
    }
    const items = this.#rooms.map((room) => {
      const item = roomItem({ id: room.id, name: typeof room.name === "string" ? room.name : null }, {
        current: room.id === this.currentRoomId(), onOpen: (id) => this.onOpen(id),
      });
      const role = Object.assign(document.createElement("span"), { className: "room-role",
        textContent: ["owner", "moderator"].includes(room.role) ? room.role : "member" });
      item.querySelector(".room-link").append(role);
      item.dataset.role = role.textContent;
      item.dataset.access = room.access === "members" ? "members" : "link";
      return item;
    });
    if (items.length === 0) {
      const empty = Object.assign(document.createElement("li"), { className: "hint",
        textContent: "None yet: rooms you create or are added to are listed here." });
      items.push(empty);
    }
    this.list.replaceChildren(...items);
  }
}
