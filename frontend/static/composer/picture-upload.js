// Pictures into the conversation: picked through "Attach picture", pasted into the message box or dropped on the
// conversation; each is checked, uploaded and then sent as a message of its own through the composer's outbox.

import { SealedPictures } from "../encryption/sealed-pictures.js";

/** The picture types the server takes; it reads the real type from the bytes and refuses anything else. */
export const PICTURE_TYPES = Object.freeze(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** Why {@code file} cannot be sent, or null: not one of the types, or larger than {@code maxBytes}. */
export function pictureProblem(file, { maxBytes, maxText }) {
  if (!PICTURE_TYPES.includes(file.type)) {
    return `${file.name || "That file"} is not a PNG, JPEG, GIF or WebP picture.`;
  }
  if (file.size > maxBytes) {
    return `${file.name || "The picture"} is too large: ${(file.size / 1048576).toFixed(1)} MB, the limit is ${maxText}.`;
  }
  return null;
}

/** The image files among what was pasted or dropped ({@code DataTransfer.files}, or the items' files). */
export function filesOf(transfer) {
  return [...(transfer?.files ?? [])].filter((file) => file.type.startsWith("image/") || file.type === "");
}

/**
 * {@code upload(roomId, file)}: the api's uploadPicture. {@code room()}: the open room, or null.
 * {@code send(attachments)}: the composer's sendPictures. {@code say(text)}: a line for the reader (an error, or
 * "Uploading…"), "" to clear it.
 */
export class PictureUpload {
  constructor({ upload, room, send, say, maxBytes, maxText, input, pasteTarget, dropTarget, seal }) {
    Object.assign(this, { upload, room, send, say, maxBytes, maxText, seal });
    input.addEventListener("change", () => {
      this.files([...input.files]);
      input.value = "";
    });
    pasteTarget.addEventListener("paste", (event) => {
      const files = filesOf(event.clipboardData);
      if (files.length > 0) {
        event.preventDefault();
        this.files(files);
      }
    });
    dropTarget.addEventListener("dragover", (event) => {
      if ([...(event.dataTransfer?.types ?? [])].includes("Files")) {
        event.preventDefault();
      }
    });
    dropTarget.addEventListener("drop", (event) => {
      const files = filesOf(event.dataTransfer);
      if (files.length > 0) {
        event.preventDefault();
        this.files(files);
      }
    });
  }

  /** Uploads each picture in turn and sends it; a file that cannot go says why and the others still go. */
  async files(files) {
    const room = this.room();
    if (!room || files.length === 0) {
      return;
    }
    for (const file of files) {
      const problem = pictureProblem(file, this);
      if (problem) {
        this.say(problem);
        continue;
      }
      let upload = { file, sealed: null };
      if (room.encrypted) {
        // Encrypted before it leaves: the gateway keeps bytes it cannot read.
        try {
          upload = await this.seal(room.id, file);
        } catch (error) {
          this.say(`Picture not sent: ${error.message}.`);
          continue;
        }
      }
      this.say("Uploading picture…");
      const result = await this.upload(room.id, upload.file);
      if (!result.ok) {
        this.say(`Picture not sent: ${result.error}`);
        continue;
      }
      this.say("");
      if (this.room()?.id === room.id) {
        const { width, height } = upload.sealed ?? result.body;
        this.send([upload.sealed ? { ...result.body, width, height, sealed: upload.sealed } : result.body]);
      }
    }
  }
}

/**
 * Wires pictures for app.js: the "Attach picture" input, paste into the message box, drop onto the chat, the limits
 * the server put on the page, the viewer that opens a thumbnail larger, and in encrypted rooms the sealing before
 * upload ({@code sealed}: the SealedView) and the opening of what is shown ({@code secrets}: the RoomKeys).
 */
export function wirePictures({ api, composer, room, list, viewer, sealed, secrets }) {
  const $ = (id) => document.getElementById(id);
  viewer(list.list);
  new SealedPictures({ list: list.list, keys: secrets, room });
  return new PictureUpload({
    seal: (roomId, file) => sealed.sealPicture(roomId, file),
    upload: (roomId, file) => api.uploadPicture(roomId, file),
    room,
    send: (attachments) => composer.sendPictures(attachments),
    say: (text) => {
      $("chat-error").textContent = text;
    },
    // The server tells the page its limit; 5 MB is the default.
    maxBytes: Number(document.body.dataset.maxPicture) || 5 * 1048576,
    maxText: document.body.dataset.maxPictureText || "5 MB",
    input: $("attach-picture"),
    pasteTarget: $("message"),
    dropTarget: list.list.closest("section") ?? list.list,
  });
}
