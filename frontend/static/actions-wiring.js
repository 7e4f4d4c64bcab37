// Wires message actions for app.js: the author key, the signing of every SEND, the actions view and what RoomSync
// shows (messages to the list, actions onto the messages they act on).

import { ActionsView } from "./actions-view.js";
import { loadAuthorKey } from "./author-key.js";
import { newClientMsgId } from "./client-msg-id.js";
import { KeyCheck } from "./key-check.js";
import { isAction, isMessage } from "./message-actions.js";
import { SignedSend } from "./signed-send.js";

/**
 * {@code list}: the MessageList. {@code connection()}: the Connection. {@code me()}: the reader's name.
 * {@code room()}: the followed room, or null.
 */
export function wireActions({ list, connection, me, clientId, room, storage = localStorage }) {
  // Null until loaded, and for good where WebCrypto has no Ed25519.
  let authorKey = null;
  const signed = new SignedSend({
    key: loadAuthorKey().then((key) => (authorKey = key)),
    publish: (destination, body) => connection().publish(destination, body),
    connected: () => connection().connected,
  });
  const keys = new KeyCheck({ storage });
  const actions = new ActionsView({
    me,
    author: () => authorKey?.author ?? null,
    keys,
    send: (body) => {
      const followed = room();
      if (followed === null || !connection().connected) {
        return null;
      }
      const clientMsgId = newClientMsgId();
      signed.publish(followed.sendDestination, { username: me(), clientId, clientMsgId, ...body });
      return clientMsgId;
    },
  });
  const view = {
    append: (entries, options) => {
      const messages = entries.filter(isMessage);
      if (messages.length > 0) {
        list.append(messages, options);
      }
      actions.apply(entries.filter(isAction));
    },
    loaded: (whole) => list.loaded(whole),
    note: (text) => list.note(text),
  };
  return { actions, keys, signed, view };
}
