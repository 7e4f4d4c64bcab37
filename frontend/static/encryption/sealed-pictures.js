// Encrypted rooms' pictures on the page: each thumbnail the list shows sealed is downloaded, opened with the room's
// attachment key and shown from a blob: URL of this page; one that does not open reads "cannot decrypt" instead.

import { openPicture } from "./room-crypto.js";
import { CANNOT_DECRYPT } from "./sealed-view.js";

/** {@code list}: the conversation's element. {@code keys}: the RoomKeys. {@code room()}: the open room, or null. */
export class SealedPictures {
  // Each picture of the open room opened (its URL and IV), as a promise of its blob: URL; a picture shown again is
  // not fetched again. Another room's are let go: their thumbnails left the page with it.
  #opened = new Map();
  #roomId = null;

  constructor({ list, keys, room, fetch = (url) => globalThis.fetch(url) }) {
    Object.assign(this, { keys, room, fetch });
    new MutationObserver(() => this.show(list)).observe(list, { childList: true, subtree: true });
  }

  /** Opens every sealed picture under {@code root} not being opened yet. */
  show(root) {
    for (const image of root.querySelectorAll("img[data-sealed-url]:not([data-opening])")) {
      image.dataset.opening = "";
      this.#open(image);
    }
  }

  async #open(image) {
    const { sealedUrl: url, sealedType: type, sealedIv: iv } = image.dataset;
    const room = this.room();
    const key = `${url} ${iv}`;
    try {
      if (!room || !url.startsWith(`/api/rooms/${room.id}/attachments/`)) {
        throw new Error("not a picture of the open room");
      }
      if (room.id !== this.#roomId) {
        this.#forget();
        this.#roomId = room.id;
      }
      if (!this.#opened.has(key)) {
        this.#opened.set(key, this.#download(room.id, url, type, iv));
      }
      const source = await this.#opened.get(key);
      image.src = source;
      image.closest("button.picture")?.setAttribute("data-url", source);
    } catch (error) {
      // A download that failed may work when the message is shown again.
      this.#opened.delete(key);
      const note = document.createElement("span");
      note.className = "picture-undecryptable";
      note.textContent = CANNOT_DECRYPT;
      note.title = `This picture could not be opened: ${error.message}`;
      (image.closest("button.picture") ?? image).replaceWith(note);
    }
  }

  #forget() {
    for (const opened of this.#opened.values()) {
      opened.then((source) => URL.revokeObjectURL(source), () => {});
    }
    this.#opened.clear();
  }

  async #download(roomId, url, type, iv) {
    const keys = await this.keys.keys(roomId);
    if (!keys) {
      throw new Error("this link is missing its key");
    }
    const response = await this.fetch(url);
    if (!response.ok) {
      throw new Error(`the gateway answered ${response.status}`);
    }
    const picture = await openPicture(keys, roomId, await response.arrayBuffer(), { iv });
    return URL.createObjectURL(new Blob([picture], { type }));
  }
}
