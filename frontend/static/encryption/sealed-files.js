// Encrypted rooms' files on the page: a file's chip is a button; pressed, it downloads the sealed bytes, opens them
// with the room's attachment key and saves the file under the name the sealed text gave it.

import { openPicture } from "./room-crypto.js";

/** {@code list}: the conversation's element. {@code keys}: the RoomKeys. {@code room()}: the open room, or null. */
export class SealedFiles {
  constructor({ list, keys, room, say, fetch = (url) => globalThis.fetch(url) }) {
    Object.assign(this, { keys, room, say, fetch });
    list.addEventListener("click", (event) => {
      const chip = event.target.closest?.("button.file-chip[data-sealed-url]");
      if (chip) {
        this.save(chip);
      }
    });
  }

  /** Downloads, opens and saves the file of {@code chip}; says why when it cannot. */
  async save(chip) {
    const { sealedUrl: url, sealedIv: iv, sealedName: name } = chip.dataset;
    const room = this.room();
    try {
      if (!room || !url.startsWith(`/api/rooms/${room.id}/attachments/`)) {
        throw new Error("not a file of the open room");
      }
      const keys = await this.keys.keys(room.id);
      if (!keys) {
        throw new Error("this link is missing its key");
      }
      const response = await this.fetch(url);
      if (!response.ok) {
        throw new Error(`the gateway answered ${response.status}`);
      }
      // Opened as opaque bytes: the page never shows a file, it only hands it to the browser to save.
      const bytes = await openPicture(keys, room.id, await response.arrayBuffer(), { iv });
      const source = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
      const link = document.createElement("a");
      link.href = source;
      link.download = name;
      link.rel = "noopener";
      link.click();
      setTimeout(() => URL.revokeObjectURL(source), 60000);
    } catch (error) {
      this.say(`${name} could not be opened: ${error.message}.`);
    }
  }
}
