// Offline-first rooms: keeps each recent room's newest entries and details on this device (RoomStore), and opens a
// kept room from them when the server cannot be reached; back online, the room catches up by seq as after any
// reconnect. No DOM of its own: the page's api and view are wrapped.

import { RoomSync } from "../conversation/room-sync.js";
import { isNewestPage, snapshot } from "./kept-messages.js";
import { RoomStore } from "./room-store.js";

/** How long arriving entries gather before they are written (a burst is one write). */
export const SAVE_AFTER_MS = 250;

/** Under a room opened from what this device kept, until the server answers. */
export const OFFLINE_NOTE = "Offline: these are the messages kept on this device. Newer ones load, and what you "
  + "write is sent, when the connection is back.";

/** A failure of the network, not an answer of the server (which may say the room is gone, or not yours). */
const unreachable = (result) => result.status === undefined;

/**
 * {@code api}: the page's REST api (connection/api.js). Returns the api to use instead, whose getRoom answers a
 * kept room's details when the network fails, and {@code roomSync(room, options)}, the RoomSync of a room that
 * keeps what it shows and opens from what was kept when its history cannot be loaded.
 */
export function wireKeptRooms(api, { store = new RoomStore(), setTimeout = globalThis.setTimeout } = {}) {
  const pending = new Map();
  const flush = (id) => {
    const messages = pending.get(id) ?? [];
    pending.delete(id);
    store.save({ id, messages });
  };
  /** Entries shown in room {@code id}, as the server sent them (sealed in an encrypted room), to keep. */
  const keep = (id, entries) => {
    if (!pending.has(id)) {
      pending.set(id, []);
      setTimeout(() => flush(id), SAVE_AFTER_MS);
    }
    pending.get(id).push(...snapshot(entries.filter((entry) => entry?.roomId === id)));
  };
  const kept = {
    ...api,

    /** The room, or when the network fails and this device kept it, its kept details ({@code kept: true}). */
    async getRoom(id) {
      const result = await api.getRoom(id);
      if (result.ok || !unreachable(result)) {
        // Gone, or no longer open to this reader (a members room): its messages leave the device too.
        if (result.status === 404 || result.status === 403) {
          store.remove(id);
        }
        return result;
      }
      const record = await store.get(id);
      return record?.room ? { ok: true, status: 200, body: record.room, kept: true } : result;
    },
  };
  return {
    api: kept,

    /**
     * The RoomSync of {@code room} (see room-sync.js) over {@code view}: every entry it shows is kept; its first
     * page comes from what was kept when the server cannot be reached, with OFFLINE_NOTE under it.
     */
    roomSync(room, { view, around = null, onError, onGone }) {
      store.save({ id: room.id, room });
      let offline = false;
      return new RoomSync({
        roomId: room.id,
        around,
        loadPage: async (params) => {
          try {
            const page = await api.history(room.id, params);
            if (around === null && isNewestPage(params)) {
              store.save({ id: room.id, messages: snapshot(page), newest: true });
            }
            return page;
          } catch (error) {
            const record = isNewestPage(params) && unreachable(error) ? await store.get(room.id) : null;
            if (!record) {
              throw error;
            }
            offline = true;
            return record.messages;
          }
        },
        view: {
          append: (entries, options) => {
            // Opened at a search hit: that older stretch is not the room's newest, which is what is kept.
            if (around === null) {
              keep(room.id, entries);
            }
            view.append(entries, options);
          },
          loaded: (whole) => {
            view.loaded(whole);
            if (offline) {
              view.note(OFFLINE_NOTE);
            }
          },
          note: (text) => view.note(text),
        },
        onError,
        onGone: () => {
          store.remove(room.id);
          onGone();
        },
      });
    },
  };
}
