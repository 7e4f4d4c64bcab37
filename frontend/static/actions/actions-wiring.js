// Wires message actions for app.js: the author key, the signing of every SEND, the actions view and what RoomSync
// shows (messages to the list, actions onto the messages they act on).

import { ActionsView } from "./actions-view.js";
import { loadAuthorKey } from "../encryption/author-key.js";
import { newClientMsgId } from "../composer/client-msg-id.js";
import { KeyCheck } from "../identity/key-check.js";
import { LookalikeCheck } from "../identity/lookalike-check.js";
import { isAction, isMessage } from "./message-actions.js";
import { isMute } from "./moderation.js";
import { RoomKeys } from "../encryption/room-keys.js";
import { SealedView } from "../encryption/sealed-view.js";
import { SignedSend } from "../encryption/signed-send.js";

/**
 * {@code list}: the MessageList. {@code connection()}: the Connection. {@code me()}: the reader's name.
 * {@code room()}: the followed room, or null. {@code moderates()}: the reader moderates the open room.
 * {@code onMute(entry, options)}: a mute entry of the room's stream, in its place among the messages.
 * {@code onActions(actions)}: the edits, deletes and reactions just applied (opened), for views beyond the list.
 */
export function wireActions({
  list, connection, me, clientId, room, lock, storage = localStorage, moderates = () => false, onMute = () => {},
  onActions = () => {},
}) {
  // Null until loaded, and for good where WebCrypto has no Ed25519.
  let authorKey = null;
  const secrets = new RoomKeys({ storage });
  const sealed = new SealedView({ keys: secrets, room, author: () => authorKey?.author ?? null, lock });
  const signed = new SignedSend({
    prepare: (roomId, body) => sealed.seal(roomId, body),
    // A key store that never answers (a stuck IndexedDB) must not hold the messages back: unsigned after 3 s.
    key: Promise.race([loadAuthorKey(), new Promise((resolve) => setTimeout(resolve, 3000, null))])
      .then((key) => (authorKey = key)),
    publish: (destination, body) => connection().publish(destination, body),
    connected: () => connection().connected,
  });
  const keys = new KeyCheck({ storage });
  const lookalikes = new LookalikeCheck({ storage });
  /** A SEND of an action to the followed room; {@code unsigned}: a moderator's, which no author key signs. */
  const send = (body, { unsigned = false } = {}) => {
    const followed = room();
    if (followed === null || !connection().connected) {
      return null;
    }
    const clientMsgId = newClientMsgId();
    const full = { username: me(), clientId, clientMsgId, ...body };
    (unsigned ? connection() : signed).publish(followed.sendDestination, full);
    return clientMsgId;
  };
  const actions = new ActionsView({
    me,
    author: () => authorKey?.author ?? null,
    keys,
    lookalikes,
    send,
    moderates,
  });
  // Through the sealed view, in order: an encrypted room's entries are opened before they are shown.
  const view = {
    append: (entries, options) => sealed.opened(entries, (opened) => {
      // Runs of messages, and between them the line of each mute entry, in the room's order.
      for (const run of shownInOrder(opened)) {
        Array.isArray(run) ? list.append(run, options) : onMute(run, options);
      }
      actions.apply(opened.filter(isAction));
      onActions(opened.filter(isAction));
    }),
    loaded: (whole) => sealed.opened([], () => list.loaded(whole)),
    note: (text) => sealed.opened([], () => list.note(text)),
  };
  return { actions, keys, lookalikes, signed, view, secrets, sealed, send };
}

/**
 * What of {@code entries} the conversation shows, in order: runs of messages (arrays) and, between them, each mute
 * entry (moderation.js) for its line. Actions and entries of unknown types are left out.
 */
export function shownInOrder(entries) {
  const shown = [];
  for (const entry of entries) {
    if (isMessage(entry)) {
      Array.isArray(shown.at(-1)) ? shown.at(-1).push(entry) : shown.push([entry]);
    } else if (isMute(entry)) {
      shown.push(entry);
    }
  }
  return shown;
}

/**
 * Wraps RoomSync.older for "Load older messages": only the messages of a page (its actions are in their messages'
 * state already), going further back while a page held nothing but actions.
 */
export function olderMessages(older, open = async (entries) => entries) {
  return async (before) => {
    for (let next = before; ;) {
      const answer = await older(next);
      if (answer) {
        answer.messages = await open(answer.messages);
      }
      const messages = answer?.messages.filter(isMessage) ?? [];
      if (!answer || messages.length > 0 || answer.exhausted || answer.messages.length === 0) {
        return answer && { ...answer, messages };
      }
      next = answer.messages[0].seq;
    }
  };
}
