// Wires the chat page: rooms, username, the conversation and its connection.

import { Connection } from "./connection.js";
import {
  formatDay, parseRoomLink, problemText, remainingText, roomIdOfPath, shortId, titleWithUnread, usernameProblem,
} from "./format.js";
import { placement } from "./grouping.js";
import { Outbox } from "./outbox.js";
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
  share: $("share"),
  shareLink: $("share-link"),
  shareNote: $("share-note"),
  scroller: $("scroller"),
  messages: $("messages"),
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
  seen: new Set(),
  last: null,
  unread: 0,
  recent: loadRecent(localStorage),
  lostConnection: false,
};

const outbox = new Outbox();

const connection = new Connection({
  brokerURL: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`,
  onStatus: showStatus,
  onMessage: receive,
  onServerError: serverError,
  onConnected: () => {
    if (state.lostConnection && state.room) {
      insertBeforePending(systemItem("Reconnected. Messages sent while you were disconnected are not shown."));
      scrollToEnd();
    }
    state.lostConnection = false;
    flushOutbox();
  },
  onDisconnected: () => {
    state.lostConnection = true;
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
  enterRoom(result.body, { push: true });
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
  state.seen.clear();
  state.last = null;
  state.unread = 0;
  ui.messages.replaceChildren();
  ui.chatError.textContent = "";
  ui.startError.textContent = "";
  ui.share.hidden = true;

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

  connection.setRoom(room);
  connection.start();
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

// Receiving

function receive(message) {
  if (!message.id || state.seen.has(message.id) || message.roomId !== state.room?.id) {
    return;
  }
  state.seen.add(message.id);
  const confirmed = outbox.confirm(message, state.clientId);
  if (confirmed) {
    pendingElement(confirmed.localId)?.remove();
  }
  const own = message.clientId === state.clientId;
  const stick = own || isAtEnd();
  const place = placement(state.last, message);
  if (place.newDay) {
    insertBeforePending(dayItem(formatDay(message.sentAt)));
  }
  insertBeforePending(messageItem(message, { own, continued: place.continued }));
  state.last = message;
  prune();
  updateEmpty();
  if (!own && document.visibilityState === "hidden") {
    state.unread += 1;
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
    state.seen.delete(items[i].dataset.id);
    items[i].remove();
  }
  if (items.length <= MAX_RENDERED) {
    return;
  }
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

function updateEmpty() {
  ui.empty.hidden = ui.messages.querySelector(".message") !== null;
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
