// Encrypted rooms on the page: seals what the reader sends, opens what arrives (in order, before it is shown), and
// says in the header when the key is missing or wrong; a text that does not open reads "cannot decrypt".

import { QUICK_REACTIONS } from "../actions/reaction-picker.js";
import { CannotOpen, isReactionTag, openSealed, reactionTag, seal, sealPicture } from "./room-crypto.js";

/** What a message shows in place of a text that does not open. */
export const CANNOT_DECRYPT = "cannot decrypt";

const $ = (id) => document.getElementById(id);

/** {@code keys}: the RoomKeys. {@code room()}: the open room. {@code author()}: this browser's key, or null. */
export class SealedView {
  #chain = Promise.resolve();
  #wrongKey = false;
  // Whether each room this page entered is encrypted: what it sends there is sealed (or not sent at all), and never
  // in a plain room, whatever key a pasted link may have brought for it.
  #encryptedRooms = new Map();
  // Each reaction tag seen or made, and the emoji it stands for.
  #emojiOfTag = new Map();

  constructor({ keys, room, author, lock = () => {} }) {
    Object.assign(this, { keys, room, author, lock });
  }

  /** Whether the open room is end-to-end encrypted. */
  get encrypted() {
    return this.room()?.encrypted === true;
  }

  /** A room opens: the lock in its header, and whether the page can read and write in it. */
  enter(room) {
    this.#wrongKey = false;
    this.#emojiOfTag.clear();
    $("room-lock").hidden = room.encrypted !== true;
    this.#encryptedRooms.set(room.id, room.encrypted === true);
    const missing = room.encrypted === true && !this.keys.secret(room.id, location.hash);
    this.#say(missing ? "Cannot decrypt: this link is missing its key. Ask for the whole link, with its #k= part." : "");
    if (missing) {
      this.lock("Cannot send: this link is missing its key");
    } else if (room.encrypted === true && !globalThis.crypto?.subtle) {
      // Browsers offer WebCrypto only to secure pages: https, or http on localhost.
      this.#say("Cannot decrypt: this page was opened over plain http; end-to-end encryption needs https.");
      this.lock("Cannot send: end-to-end encryption needs https");
    }
  }

  /**
   * {@code body} with its text (and what its pictures are) sealed, if room {@code roomId} is encrypted: one this page
   * entered or holds a key of, whichever room is open now (the outbox sends every room's messages). Without the key
   * it throws, and nothing is sent.
   */
  async seal(roomId, body) {
    if (!(this.#encryptedRooms.get(roomId) ?? this.keys.secret(roomId) !== null)) {
      return body;
    }
    const keys = await this.keys.keys(roomId);
    if (!keys) {
      throw new Error(`no key for encrypted room ${roomId}: not sent`);
    }
    if (body.type === "reaction") {
      return this.#sealReaction(keys, roomId, body);
    }
    if ((body.type ?? "message") === "delete") {
      return body;
    }
    const { text = "", pictures = [], ...rest } = body;
    const sealed = await seal(keys, { roomId, author: this.author(), clientMsgId: body.clientMsgId, text, pictures });
    return { ...rest, ...sealed };
  }

  /**
   * {@code file} sealed for room {@code roomId} before it is uploaded: {@code { file, sealed }}, the bytes to upload
   * and what the message says of them ({@code { type, width, height, iv }}).
   */
  async sealPicture(roomId, file) {
    const keys = await this.keys.keys(roomId);
    if (!keys) {
      throw new Error("this link is missing its key");
    }
    let size;
    try {
      size = await createImageBitmap(file);
      size.close();
    } catch {
      throw new Error(`${file.name || "That file"} is not a picture this browser can show`);
    }
    const { bytes, iv } = await sealPicture(keys, roomId, new Uint8Array(await file.arrayBuffer()));
    return {
      file: new File([bytes], "picture.bin", { type: "application/octet-stream" }),
      sealed: { type: file.type, width: size.width, height: size.height, iv },
    };
  }

  /** A reaction: its emoji as the room key's tag (for the count), and sealed (for those who read it). */
  async #sealReaction(keys, roomId, body) {
    if (isReactionTag(body.emoji)) {
      // A count whose emoji this page never learnt: switched as it is.
      return body;
    }
    const tag = await reactionTag(keys, body.emoji);
    this.#emojiOfTag.set(tag, body.emoji);
    const sealed = await seal(keys, { roomId, author: this.author(), clientMsgId: body.clientMsgId, text: body.emoji });
    return { ...body, emoji: tag, ...sealed };
  }

  /** {@code reactions} keyed by emoji where this page knows the tag's emoji, by tag otherwise. */
  #named(reactions) {
    return reactions && Object.fromEntries(Object.entries(reactions)
      .map(([tag, names]) => [this.#emojiOfTag.get(tag) ?? tag, names]));
  }

  /** Runs {@code then(entries)} with the sealed entries opened, after every earlier call's, in call order. */
  opened(entries, then) {
    this.#chain = this.#chain.then(async () => then(await this.open(entries)));
    this.#chain = this.#chain.catch((error) => console.warn("Messages could not be shown", error));
  }

  /** The entries with their sealed texts opened (or "cannot decrypt"). */
  async open(entries) {
    const room = this.room();
    if (!room?.encrypted) {
      return entries;
    }
    const keys = await this.keys.keys(room.id);
    if (keys && this.#emojiOfTag.size === 0) {
      for (const emoji of QUICK_REACTIONS) {
        this.#emojiOfTag.set(await reactionTag(keys, emoji), emoji);
      }
    }
    const opened = await Promise.all(entries.map(async (entry) => {
      if (typeof entry.ciphertext !== "string") {
        return entry;
      }
      if (!keys) {
        return { ...entry, text: CANNOT_DECRYPT, undecryptable: true, attachments: [] };
      }
      try {
        const { text, pictures } = await openSealed(keys, room.id, entry);
        if (entry.type === "reaction" && isReactionTag(entry.emoji)
          && await reactionTag(keys, text) === entry.emoji) {
          this.#emojiOfTag.set(entry.emoji, text);
        }
        return { ...entry, text, ...(entry.attachments ? { attachments: described(entry.attachments, pictures) } : {}) };
      } catch (error) {
        if (error instanceof CannotOpen && error.reason === "wrong-key") {
          this.#wrongKey = true;
          this.lock("Cannot send: wrong key");
          this.#say("Cannot decrypt: wrong key. This link's key is not the one the room's messages were sealed with.");
        }
        return { ...entry, text: CANNOT_DECRYPT, undecryptable: true, attachments: [] };
      }
    }));
    return opened.map((entry) => {
      const named = entry.reactions ? { ...entry, reactions: this.#named(entry.reactions) } : entry;
      // A reaction's change lands under its emoji's name where this page knows it, as the messages' reactions do.
      return entry.type === "reaction" && isReactionTag(entry.emoji)
        ? { ...named, tag: entry.emoji, emoji: this.#emojiOfTag.get(entry.emoji) ?? entry.emoji } : named;
    });
  }

  #say(text) {
    $("room-key-problem").textContent = text;
    $("room-key-problem").hidden = text === "";
  }
}

/**
 * The pictures of a sealed message as the gateway serves them, each with what the sealed text says it is
 * ({@code sealed}); a picture the sealed text does not describe is not shown.
 */
export function described(attachments, pictures) {
  return attachments.flatMap((attachment) => {
    const picture = pictures.find((candidate) => candidate.id === attachment.id);
    return picture ? [{ ...attachment, width: picture.width, height: picture.height, sealed: picture }] : [];
  });
}
