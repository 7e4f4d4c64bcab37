// Wires the chat page: creates one module per concern and connects their callbacks; the logic lives in those.

import { olderMessages, wireActions } from "./actions/actions-wiring.js";
import { createApi } from "./connection/api.js";
import { Identity, isGuest } from "./identity/auth.js";
import { clientId } from "./connection/client-id.js";
import { Composer } from "./composer/composer.js";
import { Connection } from "./connection/connection.js";
import { Drafts } from "./composer/drafts.js";
import { roomIdOfPath } from "./conversation/format.js";
import { MentionAlerts } from "./conversation/mention-alerts.js";
import { isMessage } from "./actions/message-actions.js";
import { MessageList } from "./conversation/message-list.js";
import { wirePageKeys } from "./page-keys.js";
import { PageTitle } from "./room-list/page-title.js";
import { wirePictures } from "./composer/picture-upload.js";
import { PictureViewer } from "./conversation/picture-viewer.js";
import { PresenceView } from "./presence/presence-view.js";
import { ReadView } from "./presence/read-view.js";
import { ReplyView } from "./conversation/replies.js";
import { RoomHeader } from "./room-list/room-header.js";
import { wireMqttConnect } from "./room-list/mqtt-connect.js";
import { wireWebhooks } from "./room-list/webhooks-panel.js";
import { roomSignals } from "./connection/room-topics.js";
import { RoomsPane } from "./room-list/rooms-pane.js";
import { SearchView } from "./conversation/search-view.js";
import { ThreadView } from "./conversation/thread-panel.js";
import { wireSignIn } from "./identity/sign-in-wiring.js";
import { TypingView } from "./presence/typing-view.js";
import { UsernameField } from "./identity/username.js";
import { wireUnread } from "./room-list/unread-view.js";
import { wireOffline } from "./offline/install.js";
import { wireOfflineFirst } from "./offline/offline-first.js";
import { NotifySettings } from "./conversation/notify-settings.js";
import { wirePush } from "./offline/push-wiring.js";

const me = clientId(sessionStorage);
// fetch looked up at each call, not captured: a wrapper installed later (instrumentation) still sees every request.
// Wrapped: a room this device kept opens offline, and what the reader writes survives a reload (offline-first.js).
const { api, roomSync: keptSync, outbox } = wireOfflineFirst({
  api: createApi((url, init) => fetch(url, init)), clientId: me,
});
/** The open room's RoomSync, or null. */
let sync = null;
/** The room whose topics the connection follows (the open one, unless it was deleted), or null. */
let followed = null;

const title = new PageTitle();
const username = new UsernameField({
  storage: localStorage,
  onRenamed: () => connection.renew(),
  // A session without a name is in no roster: a new one carries the name (the room catches up on what it missed).
  // A guest's CONNECT without a name was refused: the next attempt, with it, goes at once.
  onNamed: () => (isGuest(identity.auth) ? connection.reconnectNow() : connection.sessionUsername === ""
    && connection.renew()),
});
// Who the reader is in rooms: the name their connection goes by (signed in: the provider's, see auth.js).
const identity = new Identity(username);
const myName = () => identity.name;
const list = new MessageList({
  clientId: me,
  confirm: (message) => composer.confirm(message),
  onUnread: (count) => title.addUnread(count),
  loadOlder: olderMessages((before) => sync?.older(before), (entries) => sealed.open(entries)),
  onJumpToEnd: () => composer.focus(),
  onChanged: () => {
    reads.listChanged();
    replies.refresh();
  },
  decorate: (item, message) => {
    actions.decorate(item, message);
    threads.decorate(item, message);
  },
});
const { actions, keys, lookalikes, signed, view, secrets, sealed, send } = wireActions({
  lock: (reason) => composer.lock(reason),
  list, connection: () => connection, me: myName, clientId: me, room: () => followed,
  moderates: () => signIn.moderation.moderates(), onMute: (entry) => signIn.moderation.mute(entry),
  onActions: (applied) => threads.acted(applied),
});
const signIn = wireSignIn({
  api, identity, list, me: myName, send, openRoom: (id) => pane.open(id, { push: true }),
  currentRoomId: () => sync?.roomId, pane: () => pane, ended: () => connection.ended,
  lock: (reason) => composer.lock(reason),
  onRole: () => {
    actions.rerender();
    presence.refresh();
  },
  leaveRoom,
});
const replies = new ReplyView({ list, focusComposer: () => composer.focus() });
const search = new SearchView({
  search: (roomId, q, next) => api.search(roomId, q, next), room: () => followed, list, openAt: (seq) => reopenAt(seq),
});
const threads = new ThreadView({
  list, clientId: me, storage: localStorage,
  send: (text, target) => composer.sendInThread(text, target),
  // Opened like the main list's entries: in an encrypted room the replies' text is sealed.
  loadThread: async (rootId) => (followed ? sealed.open(await api.thread(followed.id, rootId)) : []),
});
const presence = new PresenceView({
  list, me: myName, myAuthor: () => connection.sessionAuthor, keys,
  decorate: (item, member) => signIn.moderation.decorateMember(item, member),
});
const typing = new TypingView({ me: myName, send: () => signal("typing", {}) });
const reads = new ReadView({
  api, list, me: myName, send: (seq) => signal("read", { seq }), storage: localStorage,
  onSeen: (roomId, seq) => unread.seen(roomId, seq),
});
const notify = new NotifySettings({ storage: localStorage });
const alerts = new MentionAlerts({
  storage: localStorage, Notification: globalThis.Notification, me: myName, room: () => followed, clientId: me,
  notify, pushOn: () => push.on,
});
const composer = new Composer({
  // The server tells the page its limit; 4000 is the default.
  maxText: Number(document.body.dataset.maxText) || 4000,
  list, username: identity, clientId: me, publish: (destination, body) => signed.publish(destination, body),
  reply: replies,
  onRoomGone: (roomId) => roomGone(roomId),
  drafts: new Drafts({ storage: localStorage }), outbox,
});
wirePageKeys({ username: identity, composer, replies, list });
wirePictures({
  api, composer, room: () => followed, list, viewer: (element) => new PictureViewer({ list: element }), sealed, secrets,
});
const header = new RoomHeader({
  fragment: (room) => (room.encrypted ? secrets.fragment(room.id) : ""),
  api,
  storage: localStorage,
  onBack: () => pane.showRooms(),
  onDeleted: (gone) => {
    composer.forget(gone.id);
    pane.deleted(gone);
  },
});
wireMqttConnect({ fetch: (url, init) => fetch(url, init), room: () => followed });
wireWebhooks({ fetch: (url, init) => fetch(url, init), room: () => followed, storage: localStorage });
const pane = new RoomsPane({
  secrets,
  api, storage: localStorage, currentRoomId: () => sync?.roomId, onEnter: enter, onLeave: leave,
});
const connection = new Connection({
  brokerURL: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`,
  username: () => identity.connectName,
  // Each session proves the key that signs its messages, so the people list tells two people of one name apart.
  authorKey: () => signed.key,
  onStatus: (status, retryInMs) => {
    header.showStatus(status, retryInMs);
    composer.showStatus(status);
  },
  onMessage: (message) => {
    sync?.receive(message);
    typing.message(message);
    if (isMessage(message)) {
      // Opened first: in an encrypted room the mention is inside the sealed text.
      sealed.open([message]).then(([opened]) => alerts.live(opened), () => {});
    }
  },
  // The server says at once when the room is deleted (docs/api.md): no need to wait for a refused message.
  onPresence: (frame) => (frame.type === "deleted" && followed ? roomGone(followed.id) : presence.frame(frame)),
  onTyping: (frame) => typing.frame(frame),
  onRead: (frame) => reads.frame(frame),
  onReceipt: (receipt) => {
    composer.receipt(receipt);
    connection.named(myName());
  },
  onActivity: (roomId, message) => unread.activity(roomId, message),
  onServerError: (error) => signIn.moderation.serverError(error) || actions.serverError(error)
    || composer.serverError(error),
  // Signed out (here, in another tab, or the session expired), or never signed in: the page stops and says so.
  onEnded: (why) => signIn.ended(why),
  onConnected: () => {
    // Subscribed again: catch up on what the room got meanwhile (perhaps through another server instance).
    sync?.sync();
    // The reader's role may have changed meanwhile (oidc mode; nothing is asked in open mode).
    signIn.members.refresh();
    composer.connected();
    reads.connected();
    unread.connected();
  },
  onDisconnected: () => {
    sync?.pause();
    composer.connectionLost();
    presence.disconnected();
    typing.disconnected();
    reads.disconnected();
  },
});
const push = wirePush({
  notify, room: () => followed, me: myName, secrets, pane: () => pane, search, fetch: (url, init) => fetch(url, init),
});
const unread = wireUnread({
  api, connection, me: myName, currentRoomId: () => sync?.roomId ?? null, title, storage: localStorage,
});

/** Follows {@code room}'s topics (or none's); its presence, typing and read markers start afresh. */
function follow(room) {
  followed = room;
  connection.setRoom(room);
  push.follow(room);
  presence.reset();
  typing.reset();
  replies.clear();
  reads.enter(room);
}

/** A typing or read signal to the followed room: only a named session may send them (the server refuses others). */
function signal(kind, body) {
  return followed !== null && connection.sessionUsername !== ""
    && connection.publish(roomSignals(followed)[kind], body);
}

/** The synchronisation of {@code room}'s messages: its newest page first, or the page around seq {@code around}. */
function roomSync(room, around = null) {
  return keptSync(room, { around, view, onError: (text) => header.showError(text), onGone: () => roomGone(room.id) });
}

/** The open room's messages around seq {@code seq} (a search hit) replace those shown. */
async function reopenAt(seq) {
  if (!sync || !followed) {
    return;
  }
  sync.close();
  actions.reset();
  list.reset();
  sync = roomSync(followed, seq);
  await sync.sync();
}

function enter(next, { push }) {
  sync?.close();
  sync = roomSync(next);
  search.reset();
  pane.entered(next, { push });
  keys.enter(next.id);
  lookalikes.enter(next.id);
  actions.reset();
  threads.reset();
  list.reset();
  header.show(next);
  title.enter(next.name ?? "Unnamed room");
  composer.enter(next);
  sealed.enter(next);
  signIn.enter(next);
  // Subscribe first (when connected), then ask for the history: whatever the history misses arrives live.
  follow(next);
  connection.start();
  sync.sync();
  unread.enter(next.id);
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
    follow(null);
    list.loaded(true);
    header.gone(roomId);
  }
  pane.gone(roomId);
}

/** The reader is no longer in room {@code roomId} (removed, or left a members room): the page leaves it if open. */
function leaveRoom(roomId) {
  if (roomId && sync?.roomId === roomId) {
    history.pushState({}, "", "/");
    leave();
  }
}

function leave() {
  sync?.close();
  sync = null;
  search.reset();
  composer.leave();
  signIn.leave();
  follow(null);
  header.hide();
  title.leave();
  pane.left();
  unread.left();
}

wireOffline();

// Who is signed in decides what the page offers (in open mode: what it always did), then the room its address names.
signIn.start(() => document.body.dataset.roomId || roomIdOfPath(location.pathname));
