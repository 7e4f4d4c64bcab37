// Where a message goes in the list: under a new day separator, and whether it joins the sender's previous group.

import { dayKey } from "./format.js";

export const GROUP_WINDOW_MS = 5 * 60 * 1000;

/**
 * Messages from the same sender share this key: source, name, client (two people may pick one name) and author key
 * (a client id is anyone's to claim: a message signed with another key under the same name is someone else, and
 * starts its own group so that its name and its "other key" mark show).
 */
export function senderKey(message) {
  const author = typeof message.author === "string" ? message.author : "";
  return [message.source ?? "", message.username ?? "", message.clientId ?? "", author].join("\u0000");
}

/**
 * How {@code message} is placed after {@code previous} (null for the first one):
 * {@code newDay} starts a day separator, {@code continued} groups it under the previous sender's name.
 */
export function placement(previous, message, { windowMs = GROUP_WINDOW_MS, timeZone } = {}) {
  const day = dayKey(message.sentAt, { timeZone });
  if (!previous) {
    return { newDay: true, continued: false, day };
  }
  const newDay = day !== dayKey(previous.sentAt, { timeZone });
  const gap = Date.parse(message.sentAt) - Date.parse(previous.sentAt);
  // A negative gap (an MQTT sender's clock running behind) still groups when small.
  const close = Number.isFinite(gap) && Math.abs(gap) <= windowMs;
  const continued = !newDay && close && senderKey(previous) === senderKey(message);
  return { newDay, continued, day };
}
