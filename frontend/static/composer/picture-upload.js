// Pictures and files into the conversation: picked through "Attach file or picture", pasted into the message box or
// dropped on the conversation; each is checked, uploaded and then sent as a message of its own through the composer's
// outbox.

import { attachmentProblem, kindOf } from "./file-attach.js";
import { SealedFiles } from "../encryption/sealed-files.js";
import { SealedPictures } from "../encryption/sealed-pictures.js";

export { PICTURE_TYPES } from "./file-attach.js";

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
  constructor({ upload, room, send, say, maxBytes, maxText, maxFileBytes, maxFileText, input, pasteTarget, dropTarget,
    seal, sealFile }) {
    Object.assign(this, { upload, room, send, say, maxBytes, maxText, maxFileBytes, maxFileText, seal, sealFile });
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
      // A dropped file of any kind goes, where the server takes files.
      const files = this.maxFileBytes > 0 ? [...(event.dataTransfer?.files ?? [])] : filesOf(event.dataTransfer);
      if (files.length > 0) {
        event.preventDefault();
        this.files(files);
      }
    });
  }

  /** Uploads each picture or file in turn and sends it; one that cannot go says why and the others still go. */
  async files(files) {
    const room = this.room();
    if (!room || files.length === 0) {
      return;
    }
    for (const file of files) {
      const problem = attachmentProblem(file, this);
      if (problem) {
        this.say(problem);
        continue;
      }
      const kind = kindOf(file, this);
      const what = kind === "file" ? "File" : "Picture";
      let upload = { file, sealed: null };
      if (room.encrypted) {
        // Encrypted before it leaves: the gateway keeps bytes it cannot read, and never learns a file's name.
        try {
          upload = await (kind === "file" ? this.sealFile(room.id, file) : this.seal(room.id, file));
        } catch (error) {
          this.say(`${what} not sent: ${error.message}.`);
          continue;
        }
      }
      this.say(`Uploading ${what.toLowerCase()}…`);
      const result = await this.upload(room.id, upload.file);
      if (!result.ok) {
        this.say(`${what} not sent: ${result.error}`);
        continue;
      }
      this.say("");
      if (this.room()?.id === room.id) {
        const { width, height } = upload.sealed?.kind === "file" ? result.body : upload.sealed ?? result.body;
        this.send([upload.sealed ? { ...result.body, width, height, sealed: upload.sealed } : result.body]);
      }
    }
  }
}

/**
 * Wires pictures and files for app.js: the "Attach file or picture" input, paste into the message box, drop onto the chat, the limits
 * the server put on the page, the viewer that opens a thumbnail larger, and in encrypted rooms the sealing before
 * upload ({@code sealed}: the SealedView) and the opening of what is shown ({@code secrets}: the RoomKeys).
 */
export function wirePictures({ api, composer, room, list, viewer, sealed, secrets }) {
  const $ = (id) => document.getElementById(id);
  viewer(list.list);
  const say = (text) => {
    $("chat-error").textContent = text;
  };
  new SealedPictures({ list: list.list, keys: secrets, room });
  new SealedFiles({ list: list.list, keys: secrets, room, say });
  return new PictureUpload({
    seal: (roomId, file) => sealed.sealPicture(roomId, file),
    sealFile: (roomId, file) => sealed.sealFile(roomId, file),
    upload: (roomId, file) => api.uploadPicture(roomId, file),
    room,
    send: (attachments) => composer.sendPictures(attachments),
    say,
    // The server tells the page its limit; 5 MB is the default.
    maxBytes: Number(document.body.dataset.maxPicture) || 5 * 1048576,
    maxText: document.body.dataset.maxPictureText || "5 MB",
    // 0 where the server takes no files: everything goes as a picture.
    maxFileBytes: Number(document.body.dataset.maxFile) || 0,
    maxFileText: document.body.dataset.maxFileText || "10 MB",
    input: $("attach-picture"),
    pasteTarget: $("message"),
    dropTarget: list.list.closest("section") ?? list.list,
  });
}
