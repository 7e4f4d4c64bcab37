// What the server's refusals mean to the reader: the words the page shows and what it offers next.
// Pure, no DOM: the composer and the rooms pane hand in what the server answered.

import { RECEIPT_QUEUE } from "../connection/connection.js";

/** Opening a room this browser knew, which the server no longer has. */
export const ROOM_NO_LONGER_EXISTS = "This room no longer exists.";

/** Opening an id the server never issued (as far as this browser knows): most likely a mistyped link. */
export const NO_SUCH_ROOM = "No room has this id. Check the link, or ask for a new one.";

// Several server messages already start with "Not sent:" or "Message not sent:", and the page puts its own
// "Not sent:" in front of every reason; without this the reader gets "Not sent: Not sent: ...".
const LEADING_NOT_SENT = /^\s*(?:message\s+)?not\s+sent\s*[:.,-]\s*/i;

const RETRY_OR_EDIT = ["retry", "edit"];
const EDIT_ONLY = ["edit"];

/**
 * Per code of a refused SEND (docs/api.md): {@code reason} replaces the server's words where those are meant
 * for developers; {@code offer} leaves out Retry where sending the same text again cannot succeed.
 */
const SEND_REFUSALS = {
  "malformed": { reason: "the server could not read it. Reload the page, then send it again.", offer: EDIT_ONLY },
  "empty-text": { reason: "the message is empty.", offer: EDIT_ONLY },
  "text-too-long": { offer: EDIT_ONLY },
  "invalid-text": { reason: "it holds something that is not valid text (half of an emoji, or a control character). "
    + "Remove it, then send it again.", offer: EDIT_ONLY },
  "invalid-client-id": { reason: "the server refused this page's client id. Reload the page, then send it again.",
    offer: EDIT_ONLY },
  "send-refused": { reason: "the server does not take messages for this room.", offer: EDIT_ONLY },
  // The rest may pass later: after a pause, a reconnect (which renews the username) or once the broker is back
  // (a message the server can keep for later is answered with a "queued" receipt instead; this refusal means its
  // outbox is full).
  "invalid-username": { offer: RETRY_OR_EDIT },
  "username-mismatch": { offer: RETRY_OR_EDIT },
  "rate-limited": { offer: RETRY_OR_EDIT },
  "broker-unavailable": { offer: RETRY_OR_EDIT },
  "storage-unavailable": { offer: RETRY_OR_EDIT },
  "invalid-client-msg-id": { reason: "the server refused this page's message id. Reload the page, then send it again.",
    offer: EDIT_ONLY },
};

/** A server message without its own "Not sent:" in front, or null when it says nothing. */
export function reasonOf(message) {
  if (typeof message !== "string") {
    return null;
  }
  const reason = message.replace(LEADING_NOT_SENT, "").trim();
  return reason || null;
}

/**
 * A refusal from {@code /user/queue/errors} ({@code { code, message, roomId, clientMsgId }}), or of the connection
 * itself (code "stomp-error"), as the page shows it. {@code destination}: the open room's STOMP destination, if any.
 * {@code namedOnly}: every message the page sends carries a clientMsgId, so a refusal naming none is about one of
 * its typing or read signals (rate-limited, say), which the reader never asked for: "none", not a failed message.
 *
 * Returns {@code { kind, ... }}:
 * - "message": about the message whose SEND carried {@code clientMsgId} (undefined when the server names none: then
 *   the newest message in flight); it shows "Not sent: {reason}" and the buttons in {@code offer} ("retry",
 *   "edit"); {@code text} is the same sentence for the error line when no message was in flight.
 * - "room-gone": room {@code roomId} was deleted (undefined: the open room).
 * - "page": about no message; {@code text} goes in the error line.
 * - "none": nothing the reader needs to know.
 */
export function describeRefusal(error, { destination, namedOnly = false } = {}) {
  const code = typeof error?.code === "string" ? error.code : null;
  const roomId = typeof error?.roomId === "string" ? error.roomId : undefined;
  const clientMsgId = typeof error?.clientMsgId === "string" ? error.clientMsgId : undefined;
  if (code === "unknown-room") {
    return { kind: "room-gone", roomId };
  }
  if (code === "subscription-refused") {
    const refused = typeof error.message === "string" ? error.message : "";
    // Presence, typing or read markers of the open room refused by a gateway older than them: the room still works.
    if (destination && refused.includes(`${destination}/`)) {
      return { kind: "none" };
    }
    // The page subscribes only to its open room and its error and receipt queues, and the server refuses a room
    // only once it is not issued (any more): a refusal naming the open room means it was deleted.
    if (destination && refused.includes(destination)) {
      return { kind: "room-gone", roomId: undefined };
    }
    // A gateway older than receipts (met during a rolling upgrade): the room's copy of each message still confirms
    // it, so the reader loses nothing worth a sentence.
    if (refused.includes(RECEIPT_QUEUE)) {
      return { kind: "none" };
    }
    return { kind: "page", text: reasonOf(error.message) ?? "The server refused to follow this room." };
  }
  if (code === "stomp-error") {
    return { kind: "page", text: reasonOf(error.message) ?? "The server refused the connection." };
  }
  if (namedOnly && clientMsgId === undefined) {
    return { kind: "none" };
  }
  const known = SEND_REFUSALS[code] ?? { offer: RETRY_OR_EDIT };
  const reason = known.reason ?? reasonOf(error?.message) ?? "the server reported an error.";
  return { kind: "message", reason, offer: known.offer, roomId, clientMsgId, text: `Not sent: ${reason}` };
}

/**
 * Why a room could not be opened, from api.getRoom's {@code { status, error }}. {@code known}: this browser had
 * the room (Recent, or it saw it deleted), so a 404 means it is gone rather than a wrong link. Any other failure
 * is unexpected: the server's own words say more then.
 */
export function openRoomProblem(result, { known }) {
  if (result.status === 404) {
    return known ? ROOM_NO_LONGER_EXISTS : NO_SUCH_ROOM;
  }
  return result.error;
}
