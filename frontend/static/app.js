// Wires the chat page: rooms, username, the conversation and its connection.

import { Connection } from "./connection.js";
import {
  formatDay, parseRoomLink, problemText, remainingText, roomIdOfPath, shortId, titleWithUnread, usernameProblem,
} from "./format.js";
import { placement } from "./grouping.js";
import { fetchAfter, historyUrl, PAGE_LIMIT, RoomTimeline } from "./history.js";
import { Outbox } from "./outbox.js";
import { dropOwnerToken, keepOwnerToken, ownerToken } from "./owned.js";
import { forgetRoom, loadRecent, rememberRoom, saveRecent } from "./recent.js";
import { dayItem, messageItem, pendingItem, roomItem, systemItem } from "./render.js";

// The server tells the page its limit; 4000 is the default.
const MAX_TEXT = Number(document.body.dataset.maxText) || 4000;
// Older messages leave the page beyond this, so a tab left open on a busy topic does not grow without end.
const MAX_RENDERED = 500;
const APP_TITLE = "MQTT chat";
const $ = (id) => document.getElementById(id);

const ui = {
  username: $("username"),
  usernameError: $("username-error"),
  startError: $("start-error"),
  startNote: $("start-note"),
  roomName: $("room-name"),
  roomLink: $("room-link"),
  recent: $("recent-rooms"),
  recentEmpty: $("recent-empty"),
  publicSection: $("public-section"),
  publicRooms: $("public-rooms"),
  welcome: $("welcome"),
  chat: $("chat"),
  roomTitle: $("room-title"),
  roomId: $("room-id"),
  status: $("status"),
  deleteRoom: $("delete-room"),
  share: $("share"),
  shareLink: $("share-link"),
  shareNote: $("share-note"),
  scroller: $("scroller"),
  messages: $("messages"),
  older: $("older"),
  loadOlder: $("load-older"),
  historyStatus: $("history-status"),
  empty: $("empty"),
  emptyLink: $("empty-link"),
  roomTopic: $("room-topic"),
  mqttExample: $("mqtt-example"),
  newMessages: $("new-messages"),
  chatError: $("chat-error"),
  message: $("message"),
  remaining: $("remaining"),
};

const state = {
  room: null,
  clientId: clientId(),
  // The open room's merge of history and live messages (history.js).
  timeline: null,
  // True until the open room's first history answer: the list shows "Loading messages…" rather than "No messages yet".
  loading: false,
  // True once "Load older messages" reached the room's first message.
  olderExhausted: false,
  last: null,
  unread: 0,
  recent: loadRecent(localStorage),
};

/** The message each rendered item shows, for grouping older messages above it. */
const rendered = new WeakMap();

const outbox = new Outbox();

const connection = new Connection({
  brokerURL: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`,
  onStatus: showStatus,
  onMessage: receive,
  onServerError: serverError,
  onConnected: () => {
    // Subscribed again by now: load whatever the room got while this page was not connected (possibly to
    // another server instance), holding live messages back until it is shown.
    if (state.room) {
      syncRoom();
    }
    flushOutbox();
  },
  onDisconnected: () => {
    state.timeline?.pause();
    outbox.connectionLost().forEach(showPending);
  },
});

/** A per-tab id that tells the reader's own messages from others', even under the same username. */
function clientId() {
  const known = sessionStorage.getItem("chat.clientId");
  if (known) {
    return known;
  }
  // getRandomValues works outside secure contexts too, unlike crypto.randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const id = `web-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  sessionStorage.setItem("chat.clientId", id);
  return id;
}

// Username

ui.username.value = localStorage.getItem("chat.username") ?? "";
ui.username.addEventListener("input", () => {
  ui.usernameError.textContent = "";
  ui.username.removeAttribute("aria-invalid");
});
ui.username.addEventListener("change", () => {
  const problem = usernameProblem(ui.username.value);
  if (problem) {
    // No focus here: pulling the reader back into the field would trap keyboard users in it.
    showUsernameProblem(problem, { focus: false });
    return;
  }
  const previous = localStorage.getItem("chat.username");
  localStorage.setItem("chat.username", ui.username.value.trim());
  if (previous && previous !== ui.username.value.trim()) {
    connection.renew();
  }
});

function showUsernameProblem(problem, { focus = true } = {}) {
  ui.usernameError.textContent = problem;
  ui.username.setAttribute("aria-invalid", "true");
  if (focus) {
    ui.username.focus();
  }
}

// Panes: on phones the rooms list and the conversation take turns.

function showPane(pane) {
  document.body.dataset.pane = pane;
}

$("back").addEventListener("click", () => {
  showPane("rooms");
  ui.recent.querySelector("[aria-current]")?.focus();
});

// Rooms

async function fetchJson(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, error: "The server cannot be reached. Check your connection and try again." };
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: the problem text falls back to the status.
  }
  return response.ok ? { ok: true, body, status: response.status }
    : { ok: false, status: response.status, error: problemText(body, response.status) };
}

$("create-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  ui.startError.textContent = "";
  const name = ui.roomName.value.trim();
  const result = await fetchJson("/api/rooms", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(name ? { name } : {}),
  });
  if (!result.ok) {
    ui.startError.textContent = result.error;
    return;
  }
  ui.roomName.value = "";
  // The owner token is a secret: it stays in this browser's storage, never in the URL or the recent list.
  const { ownerToken: token, ...room } = result.body ?? {};
  keepOwnerToken(localStorage, room.id, token);
  enterRoom(room, { push: true });
});

$("join-form").addEventListener("submit", (event) => {
  event.preventDefault();
  ui.startError.textContent = "";
  const id = parseRoomLink(ui.roomLink.value);
  if (!id) {
    ui.startError.textContent = "That is not a room link or id. A link looks like "
      + `${location.origin}/rooms/ followed by the room id.`;
    ui.roomLink.focus();
    return;
  }
  openRoom(id, { push: true }).then((opened) => {
    if (opened) {
      ui.roomLink.value = "";
    }
  });
});

/** Loads a room by id and enters it; shows the server's problem and forgets the room if it is gone. */
async function openRoom(id, { push }) {
  if (state.room?.id === id) {
    showPane("chat");
    return true;
  }
  const result = await fetchJson(`/api/rooms/${encodeURIComponent(id)}`);
  if (!result.ok) {
    ui.startError.textContent = result.error;
    if (result.status === 404) {
      state.recent = forgetRoom(state.recent, id);
      saveRecent(localStorage, state.recent);
      renderRecent();
    }
    showPane("rooms");
    return false;
  }
  enterRoom(result.body, { push });
  return true;
}

function enterRoom(room, { push }) {
  const path = `/rooms/${encodeURIComponent(room.id)}`;
  if (push && location.pathname !== path) {
    history.pushState({ roomId: room.id }, "", path);
  }
  state.room = room;
  state.timeline = new RoomTimeline(room.id);
  state.loading = true;
  state.olderExhausted = false;
  state.last = null;
  state.unread = 0;
  ui.messages.replaceChildren();
  ui.messages.setAttribute("aria-busy", "true");
  ui.historyStatus.textContent = "Loading messages…";
  ui.older.hidden = true;
  ui.chatError.textContent = "";
  ui.startError.textContent = "";
  ui.startNote.textContent = "";
  ui.share.hidden = true;
  ui.deleteRoom.hidden = !ownerToken(localStorage, room.id);

  const name = room.name ?? "Unnamed room";
  ui.roomTitle.textContent = name;
  ui.roomId.textContent = shortId(room.id);
  ui.roomId.title = room.id;
  ui.emptyLink.textContent = roomUrl(room);
  ui.roomTopic.textContent = room.topic;
  ui.mqttExample.textContent = `mosquitto_sub -t '${room.topic}' -v`;
  updateTitle();

  outbox.forRoom(room.id).forEach(showPending);
  updateEmpty();

  ui.welcome.hidden = true;
  ui.chat.hidden = false;
  showPane("chat");

  state.recent = rememberRoom(state.recent, room);
  saveRecent(localStorage, state.recent);
  renderRecent();

  // Subscribe first (when connected), then ask for the history: whatever the history misses arrives live.
  connection.setRoom(room);
  connection.start();
  syncRoom();
  focusAfterEntering();
}

/** The username if it is missing; else the message box, except on phones where the keyboard would cover the room. */
function focusAfterEntering() {
  if (usernameProblem(ui.username.value)) {
    ui.username.focus();
  } else if (matchMedia("(min-width: 768px)").matches) {
    ui.message.focus();
  } else {
    ui.roomTitle.focus();
  }
}

function leaveRoom() {
  state.room = null;
  state.timeline = null;
  connection.setRoom(null);
  ui.chat.hidden = true;
  ui.welcome.hidden = false;
  showPane("rooms");
  updateTitle();
  renderRecent();
}

addEventListener("popstate", () => {
  const id = roomIdOfPath(location.pathname);
  if (id) {
    openRoom(id, { push: false });
  } else {
    leaveRoom();
  }
});

function roomUrl(room) {
  return new URL(`/rooms/${encodeURIComponent(room.id)}`, location.origin).href;
}

function renderRecent() {
  const items = state.recent.map((room) => roomItem(room, {
    current: room.id === state.room?.id,
    onOpen: (id) => openRoom(id, { push: true }),
  }));
  ui.recent.replaceChildren(...items);
  ui.recentEmpty.hidden = items.length > 0;
}

/** Shows the Public section only when the server lists public rooms; until it does, the section stays hidden. */
async function loadPublicRooms() {
  const result = await fetchJson("/api/rooms", { headers: { Accept: "application/json" } });
  if (!result.ok || result.status !== 200 || !Array.isArray(result.body)) {
    return;
  }
  const rooms = result.body.filter((room) => room && typeof room.id === "string");
  ui.publicRooms.replaceChildren(...rooms.map((room) => roomItem(
    { id: room.id, name: typeof room.name === "string" ? room.name : null },
    { current: room.id === state.room?.id, onOpen: (id) => openRoom(id, { push: true }) },
  )));
  ui.publicSection.hidden = rooms.length === 0;
}

// Copy link

$("copy-link").addEventListener("click", async () => {
  const link = roomUrl(state.room);
  ui.share.hidden = false;
  ui.shareLink.value = link;
  try {
    await navigator.clipboard.writeText(link);
    ui.shareNote.textContent = "Copied to the clipboard.";
  } catch {
    // Clipboard access needs a secure context and permission; the visible link still lets people copy it.
    ui.shareNote.textContent = "Copy the link above to invite people.";
    ui.shareLink.focus();
    ui.shareLink.select();
  }
});

// Delete room: offered only where this browser created the room and so holds its owner token.

ui.deleteRoom.addEventListener("click", async () => {
  const room = state.room;
  const token = room ? ownerToken(localStorage, room.id) : null;
  if (!token) {
    return;
  }
  const name = room.name ?? "Unnamed room";
  if (!confirm(`Delete the room "${name}" and all its messages, for everyone? This cannot be undone.`)) {
    return;
  }
  ui.chatError.textContent = "";
  ui.deleteRoom.disabled = true;
  const result = await fetchJson(`/api/rooms/${encodeURIComponent(room.id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${token}` },
  });
  ui.deleteRoom.disabled = false;
  if (!result.ok) {
    if (state.room?.id === room.id) {
      ui.chatError.textContent = `The room was not deleted: ${result.error}`;
    }
    return;
  }
  dropOwnerToken(localStorage, room.id);
  outbox.forRoom(room.id).forEach((entry) => outbox.remove(entry.localId));
  state.recent = forgetRoom(state.recent, room.id);
  saveRecent(localStorage, state.recent);
  if (state.room?.id === room.id) {
    history.pushState({}, "", "/");
    leaveRoom();
  }
  renderRecent();
  loadPublicRooms();
  ui.startNote.textContent = `The room "${name}" was deleted.`;
});

// Connection status

const STATUS_TEXT = {
  idle: "Not connected",
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

function showStatus(status, retryInMs) {
  ui.status.dataset.state = status;
  ui.status.textContent = STATUS_TEXT[status];
  // A tooltip rather than a countdown in the text: a live region that ticks every second would be noise.
  ui.status.title = retryInMs ? `Next attempt in ${Math.max(1, Math.round(retryInMs / 1000))} s` : "";
  ui.message.placeholder = status === "connected" ? "Message"
    : "Message (sent when the connection is back)";
}

// Receiving: history and live messages, each once and in the room's order

function receive(message) {
  const timeline = state.timeline;
  if (!timeline) {
    return;
  }
  showMessages(timeline.live(message).show);
  if (timeline.waiting) {
    awaitMissing(timeline);
  }
}

/** How long a live message waits for a missing one before it, which another gateway instance may still deliver. */
const MISSING_GRACE_MS = 300;

let missingTimer = null;

/** A seq is missing before a live message: if it has not arrived shortly, fetch the hole, then show it in order. */
function awaitMissing(timeline) {
  if (missingTimer !== null) {
    return;
  }
  missingTimer = setTimeout(() => {
    missingTimer = null;
    if (state.timeline === timeline && timeline.waiting) {
      syncRoom();
    }
  }, MISSING_GRACE_MS);
}

class HistoryError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }

  /** Worth another try: the network, an overloaded or restarting server. */
  get transient() {
    return this.status === undefined || this.status === 429 || this.status >= 500;
  }
}

/** One page of a room's history: {@code limit} with {@code before} or {@code after}; rejects with a HistoryError. */
async function getHistory(roomId, params) {
  const result = await fetchJson(historyUrl(roomId, params), { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!result.ok) {
    throw new HistoryError(result.error, result.status);
  }
  if (!Array.isArray(result.body)) {
    throw new HistoryError("The server's answer is not a list of messages.", result.status);
  }
  return result.body;
}

const pause = (ms) => new Promise((resolve) => {
  setTimeout(resolve, ms);
});

// At most one history load per room at a time; a request during one makes it run once more.
let syncRun = null;

/**
 * Loads the open room's history: the newest page when it opens, then (after a reconnect, or when a live
 * message skips a seq) everything after the last seq shown, page by page. Live messages wait meanwhile
 * and are merged in by seq, so nothing shows twice or out of order.
 */
async function syncRoom() {
  const timeline = state.timeline;
  const room = state.room;
  if (!timeline || !room) {
    return;
  }
  timeline.pause();
  if (syncRun?.timeline === timeline) {
    syncRun.again = true;
    return;
  }
  const run = { timeline, again: false };
  syncRun = run;
  const current = () => state.timeline === timeline;
  let failures = 0;
  let holes = 0;
  try {
    for (;;) {
      run.again = false;
      timeline.pause();
      const query = timeline.query();
      const initial = query.after === undefined;
      let answer = null;
      let problem = null;
      try {
        answer = initial ? { messages: await getHistory(room.id, query), complete: true }
          : await fetchAfter((page) => getHistory(room.id, page), query.after);
      } catch (error) {
        problem = error;
      }
      if (!current()) {
        return;
      }
      if (problem) {
        failures += 1;
        if (problem.transient && failures < 3) {
          await pause(1000 * failures);
          if (!current()) {
            return;
          }
          continue;
        }
        ui.chatError.textContent = `${initial ? "Earlier" : "Missed"} messages could not be loaded: ${problem.message}`;
      }
      failures = 0;
      // A failed load still releases the held live messages: the room goes on, with the hole reported above.
      const result = timeline.resolve(answer?.messages ?? [], {
        complete: answer?.complete ?? true,
        acceptGap: problem !== null || holes >= 2,
      });
      if (answer && !answer.complete) {
        insertBeforePending(systemItem("More messages were sent while you were away than this page loads; "
          + "some are not shown."));
      }
      showMessages(result.show, { initial });
      if (initial) {
        historyLoaded(answer?.messages ?? null);
      }
      if (result.sync) {
        // A live message is ahead of what the server answered (it may still be storing it): ask again shortly.
        holes += 1;
        await pause(250 * holes);
        if (!current()) {
          return;
        }
        continue;
      }
      if (!run.again) {
        return;
      }
    }
  } finally {
    if (syncRun === run) {
      syncRun = null;
    }
  }
}

/** The first history answer is in ({@code page}, or null when it failed). */
function historyLoaded(page) {
  state.loading = false;
  // A short first page is the whole room; after a failure, "Load older messages" may still find some.
  state.olderExhausted = page !== null && page.length < PAGE_LIMIT;
  ui.messages.removeAttribute("aria-busy");
  ui.historyStatus.textContent = "";
  updateEmpty();
  updateOlder();
}

/** Appends messages (already in order and new) to the list. */
function showMessages(messages, { initial = false } = {}) {
  if (messages.length === 0) {
    return;
  }
  let stick = initial || isAtEnd();
  let unread = 0;
  for (const message of messages) {
    const confirmed = outbox.confirm(message, state.clientId);
    if (confirmed) {
      pendingElement(confirmed.localId)?.remove();
    }
    const own = message.clientId === state.clientId;
    stick ||= own;
    const place = placement(state.last, message);
    if (place.newDay) {
      insertBeforePending(dayItem(formatDay(message.sentAt)));
    }
    const item = messageItem(message, { own, continued: place.continued });
    rendered.set(item, message);
    insertBeforePending(item);
    state.last = message;
    if (!initial && !own && document.visibilityState === "hidden") {
      unread += 1;
    }
  }
  prune();
  updateEmpty();
  updateOlder();
  if (unread > 0) {
    state.unread += unread;
    updateTitle();
  }
  if (stick) {
    scrollToEnd();
  } else {
    ui.newMessages.hidden = false;
  }
}

/** Received messages go above the reader's unconfirmed ones, which stay at the end like a draft tray. */
function insertBeforePending(item) {
  ui.messages.insertBefore(item, ui.messages.querySelector(".pending"));
}

function prune() {
  const items = ui.messages.querySelectorAll(".message:not(.pending)");
  for (let i = 0; i < items.length - MAX_RENDERED; i++) {
    items[i].remove();
  }
  if (items.length <= MAX_RENDERED) {
    return;
  }
  // What left the page can be loaded again.
  state.olderExhausted = false;
  // Whatever now leads the list must still read well: no stray note, no nameless continuation.
  let first = ui.messages.firstElementChild;
  while (first && !first.classList.contains("message")
      && !(first.classList.contains("day") && first.nextElementSibling?.classList.contains("message"))) {
    first.remove();
    first = ui.messages.firstElementChild;
  }
  const lead = ui.messages.querySelector(".message");
  if (lead?.classList.contains("continued")) {
    lead.classList.remove("continued");
    lead.querySelector(".meta")?.classList.remove("visually-hidden");
  }
}

/** The first message shown, with its item, or null. */
function firstShown() {
  const item = ui.messages.querySelector(".message:not(.pending)");
  const message = item ? rendered.get(item) : null;
  return message ? { item, message } : null;
}

/** "Load older messages" is offered while the first message shown is not the room's first. */
function updateOlder() {
  const first = firstShown();
  ui.older.hidden = state.loading || state.olderExhausted || !(first?.message.seq > 1);
}

async function loadOlder() {
  ui.historyStatus.textContent = "";
  const timeline = state.timeline;
  const room = state.room;
  const first = firstShown();
  if (!timeline || !first?.message.seq) {
    return;
  }
  const before = first.message.seq;
  ui.loadOlder.disabled = true;
  ui.historyStatus.textContent = "Loading older messages…";
  let page;
  try {
    page = await getHistory(room.id, { before, limit: PAGE_LIMIT });
  } catch (error) {
    if (state.timeline === timeline) {
      ui.historyStatus.textContent = `Older messages could not be loaded: ${error.message}`;
      ui.loadOlder.disabled = false;
    }
    return;
  }
  if (state.timeline !== timeline) {
    return;
  }
  ui.loadOlder.disabled = false;
  ui.historyStatus.textContent = "";
  if (page.length < PAGE_LIMIT) {
    state.olderExhausted = true;
  }
  prependMessages(timeline.older(page, before));
  updateOlder();
  if (ui.older.hidden) {
    // The button is gone: keep keyboard focus in the conversation rather than on the page's body.
    ui.scroller.focus();
  }
}

ui.loadOlder.addEventListener("click", loadOlder);

/** Puts older messages (in order) above the list, grouped as if they had always been there, without moving the view. */
function prependMessages(messages) {
  if (messages.length === 0) {
    return;
  }
  const items = [];
  let previous = null;
  for (const message of messages) {
    const place = placement(previous, message);
    if (place.newDay) {
      items.push(dayItem(formatDay(message.sentAt)));
    }
    const item = messageItem(message, { own: message.clientId === state.clientId, continued: place.continued });
    rendered.set(item, message);
    items.push(item);
    previous = message;
  }
  const first = firstShown();
  // The reader keeps looking at the same message: the list grows above it.
  const anchor = first?.item.getBoundingClientRect().top;
  if (first) {
    const place = placement(previous, first.message);
    const separator = first.item.previousElementSibling;
    if (!place.newDay && separator?.classList.contains("day")) {
      separator.remove();
    }
    if (place.continued) {
      first.item.classList.add("continued");
      first.item.querySelector(".meta")?.classList.add("visually-hidden");
    }
  }
  ui.messages.prepend(...items);
  updateEmpty();
  updateOlder();
  if (first) {
    ui.scroller.scrollTop += first.item.getBoundingClientRect().top - anchor;
  }
}

function updateEmpty() {
  ui.empty.hidden = state.loading || ui.messages.querySelector(".message") !== null;
}

function serverError(error) {
  const text = error?.message ?? "The server reported an error.";
  const stick = isAtEnd();
  const target = state.room ? ui.chatError : ui.startError;
  target.textContent = text;
  const rejected = outbox.reject(text, error?.roomId ?? undefined);
  if (rejected) {
    showPending(rejected);
  }
  // The error line takes height from the list; keep the rejected message in sight.
  if (stick) {
    scrollToEnd();
  }
}

// Scrolling: keep the newest message in view unless the reader scrolled up to read.

function isAtEnd() {
  const { scrollTop, scrollHeight, clientHeight } = ui.scroller;
  return scrollHeight - scrollTop - clientHeight < 48;
}

function scrollToEnd() {
  ui.scroller.scrollTop = ui.scroller.scrollHeight;
  ui.newMessages.hidden = true;
}

ui.scroller.addEventListener("scroll", () => {
  if (isAtEnd()) {
    ui.newMessages.hidden = true;
  }
});
ui.newMessages.addEventListener("click", () => {
  scrollToEnd();
  ui.message.focus();
});

// Unread count in the title while the tab is hidden

function updateTitle() {
  const base = state.room ? `${state.room.name ?? "Unnamed room"} · ${APP_TITLE}` : APP_TITLE;
  document.title = titleWithUnread(base, state.unread);
}

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && state.unread > 0) {
    state.unread = 0;
    updateTitle();
  }
});

// Sending

function updateRemaining() {
  ui.remaining.textContent = remainingText(ui.message.value.length, MAX_TEXT);
  ui.remaining.classList.toggle("low", MAX_TEXT - ui.message.value.length < 200);
}

ui.message.maxLength = MAX_TEXT;
ui.message.addEventListener("input", updateRemaining);
updateRemaining();

function send() {
  ui.chatError.textContent = "";
  const text = ui.message.value;
  if (!text.trim() || !state.room) {
    return;
  }
  const problem = usernameProblem(ui.username.value);
  if (problem) {
    showUsernameProblem(problem);
    return;
  }
  const previous = localStorage.getItem("chat.username");
  localStorage.setItem("chat.username", ui.username.value.trim());
  if (previous && previous !== ui.username.value.trim()) {
    // The server keeps one name per connection: a new name goes out on a new one, and the outbox waits for it.
    connection.renew();
  }
  const entry = outbox.add({ roomId: state.room.id, destination: state.room.sendDestination, text });
  ui.message.value = "";
  updateRemaining();
  showPending(entry);
  flushOutbox();
  scrollToEnd();
}

/** Sends every queued message while connected; the rest stay queued, visibly. */
function flushOutbox() {
  for (const entry of outbox.queued()) {
    const sent = connection.publish(entry.destination, {
      username: ui.username.value.trim(),
      text: entry.text,
      clientId: state.clientId,
    });
    if (!sent) {
      break;
    }
    showPending(outbox.markSending(entry.localId));
  }
}

function pendingElement(localId) {
  return ui.messages.querySelector(`.pending[data-local-id="${CSS.escape(localId)}"]`);
}

function showPending(entry) {
  if (entry.roomId !== state.room?.id) {
    return;
  }
  const stick = isAtEnd();
  const existing = pendingElement(entry.localId);
  const item = pendingItem(entry, existing, { onRetry: retry, onEdit: edit });
  if (!existing) {
    ui.messages.append(item);
  }
  updateEmpty();
  if (stick) {
    scrollToEnd();
  }
}

function retry(localId) {
  const entry = outbox.retry(localId);
  if (entry) {
    showPending(entry);
    flushOutbox();
  }
}

function edit(localId) {
  const entry = outbox.remove(localId);
  pendingElement(localId)?.remove();
  updateEmpty();
  if (entry) {
    ui.message.value = entry.text;
    updateRemaining();
    ui.message.focus();
  }
}

setInterval(() => outbox.expire().forEach(showPending), 1000);

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  send();
});
ui.message.addEventListener("keydown", (event) => {
  // isComposing: Enter that confirms an input-method candidate must not send.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  }
});

// Start

renderRecent();
loadPublicRooms();
const initialRoom = document.body.dataset.roomId || roomIdOfPath(location.pathname);
if (initialRoom) {
  openRoom(initialRoom, { push: false });
} else {
  showPane("rooms");
}
