// The open room's members (#members-panel, oidc mode when signed in): who belongs to it with which role; the owner
// and moderators add people, the owner makes and unmakes moderators, both remove people, a member leaves. The
// reader's own role decides what the page offers (see moderation.js); the server decides what is done.

import { memberActions, moderates, roleOf, sortedMembers } from "../actions/moderation.js";
import { button } from "../conversation/render.js";
import { normalizeUsername } from "../identity/username.js";

const $ = (id) => document.getElementById(id);

const ROLE_SENTENCE = {
  owner: "You own this room.",
  moderator: "You are a moderator of this room.",
  member: "You are a member of this room.",
};

/**
 * {@code api}: members, setMember, removeMember. {@code me()}: the signed-in name. {@code onRole(role)}: the reader's
 * role in the open room changed ("owner", "moderator", "member" or null). {@code onLeft(room)}: the reader left it.
 */
export class MembersPanel {
  #room = null;
  #role = null;
  #enabled = false;

  constructor({ api, me, onRole, onLeft, confirm = (text) => globalThis.confirm(text) }) {
    Object.assign(this, { api, me, onRole, onLeft, confirm });
    this.panel = $("members-panel");
    this.toggleButton = $("members-toggle");
    this.list = $("members-list");
    this.error = $("members-error");
    this.addForm = $("member-add-form");
    this.toggleButton.addEventListener("click", () => this.#setOpen(this.panel.hidden));
    this.addForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#add();
    });
  }

  /** The reader's role in the open room, or null. */
  get role() {
    return this.#role;
  }

  /** Members exist only where people sign in: the panel is offered then ({@code enabled}). */
  enable(enabled) {
    this.#enabled = enabled;
  }

  /** A room opens: its members are asked for (the reader's role decides what the room offers them). */
  enter(room) {
    this.#room = room;
    this.#setRole(null);
    this.#setOpen(false);
    this.list.replaceChildren();
    this.toggleButton.hidden = !this.#enabled;
    if (this.#enabled) {
      this.refresh();
    }
  }

  leave() {
    this.#room = null;
    this.#setRole(null);
    this.#setOpen(false);
  }

  async refresh() {
    const room = this.#room;
    if (!room || !this.#enabled) {
      return;
    }
    const result = await this.api.members(room.id);
    if (this.#room !== room) {
      return;
    }
    const members = result.ok ? sortedMembers(result.body) : [];
    this.error.textContent = result.ok ? "" : result.error;
    this.#setRole(roleOf(members, this.me()));
    this.#render(members);
  }

  #setRole(role) {
    const changed = role !== this.#role;
    this.#role = role;
    $("members-role").textContent = ROLE_SENTENCE[role] ?? "";
    this.addForm.hidden = !moderates(role);
    if (changed) {
      this.onRole(role);
    }
  }

  #setOpen(open) {
    this.panel.hidden = !open;
    this.toggleButton.setAttribute("aria-expanded", String(open));
    if (open) {
      this.refresh();
    }
  }

  #render(members) {
    const me = this.me();
    this.list.replaceChildren(...members.map((member) => {
      const item = document.createElement("li");
      item.dataset.username = member.username;
      item.dataset.role = member.role;
      const name = Object.assign(document.createElement("span"), { className: "member-name",
        textContent: member.username === me ? `${member.username} (you)` : member.username });
      const role = Object.assign(document.createElement("span"), { className: "badge member-role",
        textContent: member.role });
      item.append(name, " ", role);
      for (const action of memberActions({ me, role: this.#role, member })) {
        item.append(" ", this.#button(action, member.username));
      }
      return item;
    }));
  }

  /** One row's button; each is named after its person, its visible words first. */
  #button(action, username) {
    const [text, label, run] = {
      moderator: ["Make moderator", `Make moderator: ${username}`, () => this.#change(username, "moderator")],
      member: ["Make member", `Make member: ${username} (no longer a moderator)`,
        () => this.#change(username, "member")],
      remove: ["Remove", `Remove ${username} from this room`, () => this.#remove(username)],
      leave: ["Leave", "Leave this room", () => this.#leave()],
    }[action];
    const node = button(`link-button member-${action}`, text, run);
    node.setAttribute("aria-label", label);
    return node;
  }

  async #add() {
    const field = $("member-name");
    const username = normalizeUsername(field.value);
    if (!username) {
      this.error.textContent = "Type the username of the person to add.";
      field.focus();
      return;
    }
    if (await this.#change(username, "member")) {
      field.value = "";
    }
  }

  async #change(username, role) {
    return this.#done(await this.api.setMember(this.#room.id, username, role));
  }

  async #remove(username) {
    if (this.confirm(`Remove ${username} from this room? They can no longer open it.`)) {
      this.#done(await this.api.removeMember(this.#room.id, username));
    }
  }

  async #leave() {
    const room = this.#room;
    if (!this.confirm("Leave this room? You can come back only if someone adds you again.")) {
      return;
    }
    const result = await this.api.removeMember(room.id, this.me());
    if (result.ok || result.status === 404) {
      this.onLeft(room);
    } else {
      this.error.textContent = result.error;
    }
  }

  /** A change's answer: the list again on success, the server's words otherwise (403, 404, 409, 400). */
  #done(result) {
    this.error.textContent = result.ok ? "" : result.error;
    if (result.ok) {
      this.refresh();
    }
    return result.ok;
  }
}
