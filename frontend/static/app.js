// Wires the chat page: creates one module per concern and connects their callbacks; the logic lives in those.

import { createApi } from "./api.js";
import { clientId } from "./client-id.js";
import { Composer } from "./composer.js";
import { Connection } from "./connection.js";
import { roomIdOfPath } from "./format.js";
import { MessageList } from "./message-list.js";
import { PageTitle } from "./page-title.js";
import { RoomHeader } from "./room-header.js";
import { RoomSync } from "./room-sync.js";
import { RoomsPane } from "./rooms-pane.js";
import { UsernameField } from "./username.js";

// fetch looked up at each call, not captured: a wrapper installed later (instrumentation) still sees every request.
const api = createApi((url, init) => fetch(url, init));
const me = clientId(sessionStorage);
/** The open room's RoomSync, or null. */
let sync = null;

const title = new PageTitle();
const username = new UsernameField({ storage: localStorage, onRenamed: () => connection.renew() });
const list = new MessageList({
  clientId: me,
  confirm: (message) => composer.confirm(message),
  onUnread: (count) => title.addUnread(count),
  loadOlder: (before) => sync?.older(before),
  onJumpToEnd: () => composer.focus(),
});
const composer = new Composer({
  // The server tells the page its limit; 4000 is the default.
  maxText: Number(document.body.dataset.maxText) || 4000,
  list, username, clientId: me, publish: (destination, body) => connection.publish(destination, body),
  onRoomGone: (roomId) => roomGone(roomId),
});
const header = new RoomHeader({
  api,
  storage: localStorage,
  onBack: () => pane.showRooms(),
  onDeleted: (gone) => {
    composer.forget(gone.id);
    pane.deleted(gone);
  },
});
const pane = new RoomsPane({
  api, storage: localStorage, currentRoomId: () => sync?.roomId, onEnter: enter, onLeave: leave,
});
const connection = new Connection({
  brokerURL: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`,
  onStatus: (status, retryInMs) => {
    header.showStatus(status, retryInMs);
    composer.showStatus(status);
  },
  onMessage: (message) => sync?.receive(message),
  onReceipt: (receipt) => composer.receipt(receipt),
  onServerError: (error) => composer.serverError(error),
  onConnected: () => {
    // Subscribed again: catch up on what the room got meanwhile (perhaps through another server instance).
    sync?.sync();
    composer.connected();
  },
  onDisconnected: () => {
    sync?.pause();
    composer.connectionLost();
  },
});

function enter(next, { push }) {
  sync?.close();
  sync = new RoomSync({
    roomId: next.id,
    loadPage: (params) => api.history(next.id, params),
    view: list,
    onError: (text) => header.showError(text),
    onGone: () => roomGone(next.id),
  });
  pane.entered(next, { push });
  list.reset();
  header.show(next);
  title.enter(next.name ?? "Unnamed room");
  composer.enter(next);
  // Subscribe first (when connected), then ask for the history: whatever the history misses arrives live.
  connection.setRoom(next);
  connection.start();
  sync.sync();
  composer.focusAfterEntering(() => header.focusTitle());
}

/**
 * The server no longer has room {@code roomId} (deleted elsewhere: a SEND refused as unknown-room, or a 404 for
 * its history). If it is open, it stays on screen with its notice, but nothing more is sent, loaded or followed.
 */
function roomGone(roomId) {
  composer.roomGone(roomId);
  if (sync?.roomId === roomId) {
    sync.close();
    connection.setRoom(null);
    list.loaded(true);
    header.gone(roomId);
  }
  pane.gone(roomId);
}

function leave() {
  sync?.close();
  sync = null;
  composer.leave();
  connection.setRoom(null);
  header.hide();
  title.leave();
  pane.left();
}

pane.start(document.body.dataset.roomId || roomIdOfPath(location.pathname));
