// Signs each SEND with the browser's author key before it leaves, in the order the page asked: signing takes a
// moment (WebCrypto is asynchronous), and the room must still get messages in the order they were sent.

/** The room id of a SEND destination {@code /app/rooms/{id}}. */
export function roomOfSend(destination) {
  return destination.split("/")[3] ?? "";
}

/**
 * {@code key}: a promise of the AuthorKey, or of null (then bodies go unsigned). {@code publish(destination, body)}:
 * the connection's; {@code connected()}: whether it is up now.
 */
export class SignedSend {
  #chain = Promise.resolve();

  constructor({ key, publish, connected, prepare = async (roomId, body) => body }) {
    Object.assign(this, { key, publishNow: publish, connected, prepare });
  }

  /**
   * Publishes {@code body} to {@code destination}, signed if it has a clientMsgId; false (and nothing sent) when
   * not connected. A connection lost while signing leaves it unsent: the outbox sends its entries again on the next.
   */
  publish(destination, body) {
    if (!this.connected()) {
      return false;
    }
    this.#chain = this.#chain.then(async () => {
      const key = await this.key;
      // Sealed first (in an encrypted room), so that the signature covers the ciphertext.
      const prepared = await this.prepare(roomOfSend(destination), body);
      const signed = key && prepared.clientMsgId ? await key.sign(roomOfSend(destination), prepared) : prepared;
      this.publishNow(destination, signed);
    }).catch((error) => console.warn("A message could not be signed", error));
    return true;
  }
}
