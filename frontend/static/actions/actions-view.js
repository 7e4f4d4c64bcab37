// Reactions, edits and deletes on the page: the React, Edit and Delete buttons of each message (Edit and Delete
// on the reader's own, signed with this browser's key; Remove on others' for a room's owner and moderators), the
// reaction picker, the inline editor, and each message shown as its actions leave it: "(edited)", "message
// deleted" (or "removed by a moderator"), the reaction counts.

import { actionLabels, reactionLabel } from "./action-labels.js";
import { collapse } from "../conversation/collapse.js";
import { senderLabel } from "../conversation/format.js";
import { openEditor } from "./inline-editor.js";
import { markMentions } from "../conversation/mention-marks.js";
import { applied, reactionSummary } from "./message-actions.js";
import { markName } from "../identity/name-marks.js";
import { togglePicker } from "./reaction-picker.js";
import { button, messageText } from "../conversation/render.js";

/**
 * {@code me()}: the reader's name. {@code author()}: this browser's author key, or null. {@code send(body, { unsigned
 * })}: the action's SEND; its clientMsgId, or null when it could not leave the page. {@code moderates()}: the reader
 * may remove anyone's message in the open room. {@code keys}: the KeyCheck;
 * {@code lookalikes}: the LookalikeCheck.
 * {@code onChanged()}: a message's text changed (quotes of it may follow).
 */
export class ActionsView {
  #states = new Map();
  #sent = new Map();

  constructor({
    me, author, send, keys, lookalikes = null, reactions = () => true, onChanged = () => {},
    confirm = (text) => globalThis.confirm(text), moderates = () => false,
  }) {
    Object.assign(this, { me, author, send, keys, lookalikes, reactions, onChanged, confirm, moderates });
  }

  /** The reader's rights changed (they became a moderator, say): every message shown offers what it now may. */
  rerender() {
    for (const item of document.querySelectorAll("li.message:not(.pending)[data-id]")) {
      const state = this.#states.get(item.dataset.id);
      state && this.#render(item, state);
    }
  }

  /** A room opens: nothing known of its messages yet. */
  reset() {
    this.#states.clear();
    this.#sent.clear();
  }

  /** Called for each message item as it is made: its buttons and its state. */
  decorate(item, message) {
    this.#states.set(message.id, message);
    markName(item, message, { keys: this.keys, lookalikes: this.lookalikes });
    this.#render(item, message);
  }

  /** Actions that arrived (live, or catching up), in seq order. */
  apply(actions) {
    let changed = false;
    for (const action of actions) {
      const state = this.#states.get(action.target);
      const next = state ? applied(state, action) : null;
      if (next) {
        this.#states.set(next.id, next);
        const item = document.querySelector(`li.message:not(.pending)[data-id="${CSS.escape(next.id)}"]`);
        if (item) {
          this.#render(item, next);
          changed = true;
        }
      }
    }
    if (changed) {
      this.onChanged();
    }
  }

  /** A refusal from the server: shown on its message if it is about one of these actions; true then. */
  serverError(error) {
    const target = this.#sent.get(error?.clientMsgId);
    if (target === undefined) {
      return false;
    }
    this.#sent.delete(error.clientMsgId);
    const item = document.querySelector(`li.message:not(.pending)[data-id="${CSS.escape(target)}"]`);
    item && this.#error(item, error.message ?? "Not done.");
    return true;
  }

  #render(item, message) {
    // Focus inside the message (an editor, a button) that the new content drops goes back to the message itself.
    const focused = item.contains(document.activeElement) && document.activeElement !== item;
    this.#fill(item, message);
    if (focused && !item.contains(document.activeElement)) {
      item.focus({ preventScroll: true });
    }
  }

  #fill(item, message) {
    const bubble = item.querySelector(".bubble");
    item.classList.toggle("deleted", message.deleted === true);
    item.classList.toggle("undecryptable", message.undecryptable === true);
    const meta = bubble.querySelector(".meta");
    meta.querySelector(".edited")?.remove();
    if (message.editedAt && !message.deleted) {
      const edited = document.createElement("span");
      edited.className = "edited";
      edited.textContent = "(edited)";
      edited.title = `Edited ${new Date(message.editedAt).toLocaleString()}`;
      meta.append(" ", edited);
    }
    const text = message.deleted ? Object.assign(document.createElement("p"), {
      className: "text tombstone", textContent: message.moderated ? "removed by a moderator" : "message deleted",
    }) : messageText(message.text ?? "");
    bubble.querySelector(".text, .edit-form")?.replaceWith(text);
    const reply = bubble.querySelector(".reply-action");
    bubble.querySelectorAll(".reactions, .message-actions, .reaction-picker, .action-error, .show-more")
      .forEach((node) => node.remove());
    if (message.deleted) {
      reply?.remove();
      bubble.querySelectorAll(".reply-quote, .pictures").forEach((node) => node.remove());
      return;
    }
    collapse(text, message.text);
    item.classList.toggle("mentions-me", !item.classList.contains("own") && markMentions(text, this.me()));
    const labels = actionLabels({
      sender: senderLabel(message), own: item.classList.contains("own"), text: message.text,
      pictures: message.attachments?.length ?? 0,
    });
    const reactions = document.createElement("div");
    reactions.className = "reactions";
    for (const { emoji, count, names, mine } of reactionSummary(message.reactions, this.me())) {
      // A sealed reaction whose emoji this page never learnt shows as a lock; it still counts and switches.
      const shown = emoji.startsWith("e:") ? "\u{1F512}" : emoji;
      const chip = button("reaction", `${shown} ${count}`, () => this.#send(item, { type: "reaction", target:
        message.id, emoji }));
      chip.title = names;
      chip.setAttribute("aria-label", reactionLabel(shown, count, names));
      chip.setAttribute("aria-pressed", String(mine));
      reactions.append(chip);
    }
    // Reply, React, Edit, Delete: one row, shown on hover, focus or a long press (chat.css), each named after its
    // message.
    const actions = document.createElement("span");
    actions.className = "message-actions";
    const named = (node, label) => {
      node.setAttribute("aria-label", label);
      return node;
    };
    if (reply) {
      reply.removeAttribute("title");
      actions.append(named(reply, labels.reply));
    }
    if (this.reactions()) {
      actions.append(named(button("message-action", "React", (event) => this.#pick(item, message, event.currentTarget)),
        labels.react));
    }
    const author = this.author();
    if (author && message.author === author) {
      actions.append(named(button("message-action", "Edit", () => this.#edit(item, message)), labels.edit),
        named(button("message-action", "Delete", () => this.#delete(item, message)), labels.delete));
    } else if (this.moderates()) {
      actions.append(named(button("message-action moderator-remove", "Remove", () => this.#remove(item, message)),
        labels.remove));
    }
    bubble.append(actions, reactions);
  }

  #pick(item, message, opener) {
    togglePicker(item.querySelector(".message-actions"), opener,
      (emoji) => this.#send(item, { type: "reaction", target: message.id, emoji }));
  }

  #edit(item, message) {
    item.querySelector(".show-more")?.remove();
    openEditor(item.querySelector(".text"), message.text ?? "", {
      onSave: (text) => this.#send(item, { type: "edit", target: message.id, text }),
      onCancel: () => this.#render(item, this.#states.get(message.id) ?? message),
    });
  }

  #delete(item, message) {
    if (this.confirm("Delete this message? Everyone will see \u201cmessage deleted\u201d instead.")) {
      this.#send(item, { type: "delete", target: message.id });
    }
  }

  /** A moderator's delete: unsigned, since it is not the author's; the server checks the role instead. */
  #remove(item, message) {
    const question = `Remove this message by ${senderLabel(message)} for everyone? Everyone will see `;
    if (this.confirm(`${question}\u201cremoved by a moderator\u201d instead.`)) {
      this.#send(item, { type: "delete", target: message.id }, { unsigned: true });
    }
  }

  #send(item, body, options) {
    item.querySelector(".action-error")?.remove();
    const clientMsgId = this.send(body, options);
    if (clientMsgId === null) {
      this.#error(item, "Not connected: try again when the chat is back.");
    } else {
      this.#sent.set(clientMsgId, body.target);
    }
  }

  #error(item, text) {
    const line = Object.assign(document.createElement("p"), { className: "action-error", textContent: text });
    line.setAttribute("role", "alert");
    item.querySelector(".bubble").append(line);
  }
}
