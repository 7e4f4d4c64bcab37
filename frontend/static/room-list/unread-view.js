// Unread counts in the rooms lists ("Your rooms", Recent): a badge and a mention mark on each entry, whose accessible
// name then ends with "N unread"; the total in the tab title and on the installed app's badge (Badging API).

import { roomIdOfPath } from "../conversation/format.js";
import { badgeText, unreadLabel, UnreadCounts } from "./unread.js";

const LISTS = ["my-rooms", "recent-rooms"];

/**
 * {@code api.unread}, {@code connection.watch}, {@code me()} the reader's name, {@code currentRoomId()} the open
 * room's id, {@code title} the PageTitle. Returns what app.js calls as rooms open and messages are seen.
 */
export function wireUnread({ api, connection, me, currentRoomId, title, storage }) {
  const counts = new UnreadCounts(storage);
  const lists = LISTS.map((id) => document.getElementById(id)).filter(Boolean);
  let watched = "";
  let asked = new Set();

  const roomIds = () => [...new Set(lists.flatMap((list) => [...list.querySelectorAll("a.room-link")])
    .map(roomOf).filter(Boolean))];

  async function ask(ids) {
    if (ids.length === 0) {
      return;
    }
    const answer = await api.unread(ids.map((id) => ({ id, ...(counts.readUpTo(id) !== null
      ? { after: counts.readUpTo(id) } : {}) })), me());
    const recent = new Set([...document.querySelectorAll("#recent-rooms a.room-link")]
      .map(roomOf));
    for (const room of answer?.rooms ?? []) {
      if (counts.readUpTo(room.id) === null && recent.has(room.id)) {
        // A room this browser visited before it kept positions: where it is now is where counting starts.
        counts.seen(room.id, room.latestSeq);
      } else if (room.id !== currentRoomId()) {
        counts.counted(room);
      }
    }
    render();
  }

  function refresh() {
    const ids = roomIds().filter((id) => id !== currentRoomId());
    if (ids.join() !== watched) {
      watched = ids.join();
      connection.watch(ids);
      ask(ids.filter((id) => !asked.has(id)));
      ids.forEach((id) => asked.add(id));
    }
    render();
  }

  function render() {
    for (const link of lists.flatMap((list) => [...list.querySelectorAll("a.room-link")])) {
      const id = roomOf(link);
      show(link, id === currentRoomId() ? { unread: 0, mentions: 0 } : counts.of(id));
    }
    const total = counts.total(currentRoomId());
    title.others(total);
    // The installed app's icon shows the total too, where the browser offers it.
    if (total > 0) {
      navigator.setAppBadge?.(total).catch(() => {});
    } else {
      navigator.clearAppBadge?.().catch(() => {});
    }
  }

  // Redrawn lists come back without badges: they are put back, writing only what differs (no observer loop).
  let pending = false;
  const observer = new MutationObserver(() => {
    if (!pending) {
      pending = true;
      queueMicrotask(() => {
        pending = false;
        refresh();
      });
    }
  });
  lists.forEach((list) => observer.observe(list, { childList: true }));
  refresh();

  return {
    /** A room opened: nothing in it is unread; it is no longer watched from outside. */
    enter(roomId) {
      counts.clear(roomId);
      refresh();
    },
    left: () => refresh(),
    /** The reader saw the open room up to {@code seq}. */
    seen(roomId, seq) {
      if (counts.seen(roomId, seq)) {
        render();
      }
    },
    /** A message of a watched room (connection.onActivity). */
    activity(roomId, message) {
      if (roomId !== currentRoomId() && counts.message(roomId, message, { me: me() })) {
        render();
      }
    },
    /** Connected again: what came meanwhile is asked for. */
    connected() {
      asked = new Set();
      watched = "";
      refresh();
    },
  };
}

/** The room an entry of the lists links to. */
function roomOf(link) {
  return roomIdOfPath(new URL(link.href, location.href).pathname);
}

function show(link, count) {
  let badge = link.querySelector(".unread-badge");
  let label = link.querySelector(".unread-label");
  if (!count.unread) {
    badge?.remove();
    label?.remove();
    return;
  }
  if (!badge) {
    badge = Object.assign(document.createElement("span"), { className: "unread-badge" });
    badge.setAttribute("aria-hidden", "true");
    label = Object.assign(document.createElement("span"), { className: "unread-label visually-hidden" });
    link.append(badge, label);
  }
  const text = `${count.mentions ? "@ " : ""}${badgeText(count.unread)}`;
  if (badge.textContent !== text) {
    badge.textContent = text;
    badge.classList.toggle("mentioned", count.mentions > 0);
    label.textContent = unreadLabel(count);
  }
}
