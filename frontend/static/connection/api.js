// Every REST call the page makes. fetch is handed in, so the unit tests answer with a fake server.

import { xsrfFetch } from "./csrf.js";
import { problemText } from "../conversation/format.js";
import { historyUrl } from "../conversation/history.js";

export const UNREACHABLE = "The server cannot be reached. Check your connection and try again.";

/**
 * One request: {@code { ok: true, status, body }}, or {@code { ok: false, status, error }} with the server's
 * problem detail as the error text (status is undefined when the network failed). Never rejects.
 */
export async function fetchJson(fetch, url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, error: UNREACHABLE };
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

/** A history page that could not be loaded. */
export class HistoryError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }

  /** Worth another try: the network, an overloaded or restarting server. */
  get transient() {
    return this.status === undefined || this.status === 429 || this.status >= 500;
  }
}

/**
 * The server's REST API over {@code fetch(url, init)}; every write carries the XSRF-TOKEN cookie's value (csrf.js)
 * when {@code cookies()} has one.
 */
export function createApi(plainFetch, { cookies } = {}) {
  const fetch = xsrfFetch(plainFetch, cookies);
  const call = (url, init) => fetchJson(fetch, url, init);
  const json = (method, body) => ({
    method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const roomPath = (id) => `/api/rooms/${encodeURIComponent(id)}`;
  return {
    /**
     * A new room, listed under Public when {@code visibility} is "public" (else private, the server's default), open
     * to its listed members only when {@code access} is "members" (else to anyone with the link, the default); the
     * answer's body holds the room and, once only, its owner token.
     */
    createRoom: (name, { visibility, encrypted = false, access } = {}) => call("/api/rooms", json("POST", {
      ...(name ? { name } : {}), ...(visibility === "public" ? { visibility } : {}),
      ...(encrypted ? { encrypted } : {}), ...(access === "members" ? { access } : {}),
    })),

    getRoom: (id) => call(roomPath(id)),

    /** Uploads a picture for a message of the room; the body is {@code { id, url, contentType, size, ... }}. */
    uploadPicture: (roomId, file) => {
      const form = new FormData();
      form.append("file", file);
      return call(`${roomPath(roomId)}/attachments`, { method: "POST", body: form });
    },

    deleteRoom: (id, ownerToken) => call(roomPath(id), {
      method: "DELETE",
      headers: { Authorization: `Bearer ${ownerToken}` },
    }),

    /** The public rooms as {@code { id, name }}, or null when the server lists none (or cannot be asked). */
    async publicRooms() {
      const result = await call("/api/rooms", { headers: { Accept: "application/json" } });
      if (!result.ok || result.status !== 200 || !Array.isArray(result.body)) {
        return null;
      }
      return result.body.filter((room) => room && typeof room.id === "string")
        .map((room) => ({ id: room.id, name: typeof room.name === "string" ? room.name : null }));
    },

    /**
     * How far each reader of room {@code roomId} has read, as {@code [{ username, seq }]}; null when the server
     * cannot say (an unknown room, a gateway without read markers, the network).
     */
    async readMarkers(roomId) {
      const result = await call(`${roomPath(roomId)}/read`, {
        headers: { Accept: "application/json" },
        cache: "no-store",
      });
      if (!result.ok || !Array.isArray(result.body)) {
        return null;
      }
      return result.body.filter((marker) => typeof marker?.username === "string" && Number.isSafeInteger(marker.seq))
        .map(({ username, seq }) => ({ username, seq }));
    },

    /**
     * Unread counts of rooms {@code positions} ({@code [{ id, after }]}, after omitted where unknown), for reader
     * {@code username}: {@code { rooms: [{ id, latestSeq, unread, mentions }], missing: [id] }}, or null.
     */
    async unread(positions, username) {
      const result = await call("/api/rooms/unread", json("POST", { ...(username ? { username } : {}),
        rooms: positions }));
      return result.ok && Array.isArray(result.body?.rooms) ? result.body : null;
    },

    /** One history page: {@code limit} with {@code before} or {@code after}; rejects with a HistoryError. */
    async history(roomId, params) {
      // no-store: a catch-up must see what the server stored a moment ago, never a cached page.
      const result = await call(historyUrl(roomId, params), {
        headers: { Accept: "application/json" },
        cache: "no-store",
      });
      if (!result.ok) {
        throw new HistoryError(result.error, result.status);
      }
      if (!Array.isArray(result.body)) {
        throw new HistoryError("The server's answer is not a list of messages.", result.status);
      }
      return result.body;
    },

    /**
     * One page of a room's search ({@code next}: from the previous page, or null for the first): {@code { hits,
     * next }}; rejects with an Error carrying the server's problem detail.
     */
    async search(roomId, q, next = null) {
      const params = new URLSearchParams({ q });
      if (next !== null && next !== undefined) {
        params.set("next", String(next));
      }
      const result = await call(`${roomPath(roomId)}/search?${params}`, { headers: { Accept: "application/json" } });
      if (!result.ok || !Array.isArray(result.body?.hits)) {
        throw new Error(result.ok ? "The server's answer is not a list of hits." : result.error);
      }
      return result.body;
    },

    /**
     * Who is signed in (GET /api/me): {@code { status, body }} whatever the status (a 401 problem says how to sign
     * in), or null when the server cannot be reached.
     */
    async me() {
      try {
        const response = await fetch("/api/me", { headers: { Accept: "application/json" }, cache: "no-store" });
        return { status: response.status, body: await response.json().catch(() => null) };
      } catch {
        return null;
      }
    },

    /** Ends the signed-in session (204); the server closes this browser's WebSockets with it. */
    signOut: () => call("/logout", { method: "POST" }),

    /** The rooms the signed-in person belongs to, each with their {@code role}; null when the server cannot say. */
    async myRooms() {
      const result = await call("/api/rooms/mine", { headers: { Accept: "application/json" }, cache: "no-store" });
      return result.ok && Array.isArray(result.body)
        ? result.body.filter((room) => typeof room?.id === "string") : null;
    },

    /** The members of a room as {@code [{ username, role }]} in the body, or the problem's text. */
    members: (roomId) => call(`${roomPath(roomId)}/members`, { headers: { Accept: "application/json" },
      cache: "no-store" }),

    /** Adds {@code username} to the room, or changes their role ("member" or "moderator"). */
    setMember: (roomId, username, role) => call(`${roomPath(roomId)}/members/${encodeURIComponent(username)}`,
      json("PUT", { role })),

    /** A thread's root and replies (the first 200), as the history's entries; [] if it cannot be loaded. */
    async thread(roomId, rootId) {
      const result = await call(`${roomPath(roomId)}/threads/${encodeURIComponent(rootId)}?limit=200`,
        { headers: { Accept: "application/json" }, cache: "no-store" });
      return result.ok && Array.isArray(result.body) ? result.body : [];
    },

    /** Takes {@code username} out of the room (the reader themselves: leaves it). */
    removeMember: (roomId, username) => call(`${roomPath(roomId)}/members/${encodeURIComponent(username)}`,
      { method: "DELETE" }),
  };
}
