import { formatTime, isValidUsername, parseRoomLink, senderLabel } from "./format.js";

const MAX_TEXT = 4000;
const $ = (id) => document.getElementById(id);

const state = {
  roomId: document.body.dataset.roomId || null,
  room: null,
  client: null,
  clientId: sessionStorage.getItem("chat.clientId") ?? `web-${crypto.randomUUID().slice(0, 8)}`,
  seen: new Set(),
};
sessionStorage.setItem("chat.clientId", state.clientId);

const username = $("username");
username.value = localStorage.getItem("chat.username") ?? "";
username.addEventListener("change", () => localStorage.setItem("chat.username", username.value.trim()));

function requireUsername(errorTarget) {
  if (isValidUsername(username.value)) {
    localStorage.setItem("chat.username", username.value.trim());
    return true;
  }
  errorTarget.textContent = "Pick a username first: 1-32 characters.";
  username.focus();
  return false;
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

$("create-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = $("start-error");
  error.textContent = "";
  if (!requireUsername(error)) {
    return;
  }
  const name = $("room-name").value.trim();
  const response = await fetch("/api/rooms", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(name ? { name } : {}),
  });
  if (!response.ok) {
    error.textContent = await problemText(response);
    return;
  }
  const room = await response.json();
  location.assign(`/rooms/${room.id}`);
});

$("join-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const id = parseRoomLink($("room-link").value);
  if (!id) {
    $("start-error").textContent = "That is not a room link or id.";
    return;
  }
  location.assign(`/rooms/${id}`);
});

function setStatus(text) {
  const status = $("status");
  status.dataset.state = text;
  status.textContent = text;
}

function render(message) {
  if (state.seen.has(message.id)) {
    return;
  }
  state.seen.add(message.id);
  const item = document.createElement("li");
  item.className = "message";
  item.dataset.source = message.source;
  if (message.clientId === state.clientId) {
    item.classList.add("own");
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  const who = document.createElement("span");
  who.className = "sender";
  who.textContent = senderLabel(message);
  const when = document.createElement("time");
  when.dateTime = message.sentAt;
  when.textContent = formatTime(message.sentAt);
  meta.append(who, " ", when);
  if (message.source === "mqtt") {
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = "MQTT";
    meta.append(" ", badge);
  }
  const body = document.createElement("p");
  body.className = "text";
  body.textContent = message.text;
  item.append(meta, body);
  const list = $("messages");
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

function connect(room) {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const client = new StompJs.Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    reconnectDelay: 1000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
  });
  client.onConnect = () => {
    setStatus("connected");
    client.subscribe(room.destination, (frame) => render(JSON.parse(frame.body)));
    client.subscribe("/user/queue/errors", (frame) => {
      $("chat-error").textContent = JSON.parse(frame.body).message;
    });
  };
  client.onWebSocketClose = () => setStatus(client.active ? "reconnecting" : "offline");
  client.onStompError = (frame) => {
    $("chat-error").textContent = frame.headers.message ?? "The server refused the connection.";
  };
  client.activate();
  state.client = client;
}

async function openRoom(id) {
  const response = await fetch(`/api/rooms/${encodeURIComponent(id)}`);
  if (!response.ok) {
    $("start-error").textContent = await problemText(response);
    return;
  }
  state.room = await response.json();
  $("start").hidden = true;
  $("chat").hidden = false;
  $("room-title").textContent = state.room.name ?? "Unnamed room";
  $("room-id").textContent = state.room.id.slice(0, 8);
  $("room-topic").textContent = state.room.topic;
  document.title = `${state.room.name ?? "Room"} · MQTT chat`;
  connect(state.room);
}

const message = $("message");
const remaining = $("remaining");
const updateRemaining = () => {
  remaining.textContent = `${MAX_TEXT - message.value.length}`;
};
message.maxLength = MAX_TEXT;
message.addEventListener("input", updateRemaining);
updateRemaining();

function send() {
  const error = $("chat-error");
  error.textContent = "";
  const text = message.value;
  if (!text.trim() || !requireUsername(error)) {
    return;
  }
  if (!state.client?.connected) {
    error.textContent = "Not connected: your message is kept here; send again when connected.";
    return;
  }
  state.client.publish({
    destination: state.room.sendDestination,
    body: JSON.stringify({ username: username.value.trim(), text, clientId: state.clientId }),
  });
  message.value = "";
  updateRemaining();
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  send();
});
message.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    send();
  }
});

$("copy-link").addEventListener("click", async () => {
  const link = `${location.origin}/rooms/${state.room.id}`;
  try {
    await navigator.clipboard.writeText(link);
    $("copy-link").textContent = "Copied";
  } catch {
    $("room-link").value = link;
    $("chat-error").textContent = `Copy this link: ${link}`;
  }
  setTimeout(() => ($("copy-link").textContent = "Copy link"), 2000);
});

if (state.roomId) {
  openRoom(state.roomId);
}
