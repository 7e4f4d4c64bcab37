// Builds the page's list items. Message content only ever reaches the DOM through textContent and href.

import { avatarHue, formatDateTime, formatTime, initials, senderLabel, shortId } from "./format.js";
import { markdownText } from "./markdown-view.js";
import { thumbnailSize } from "./picture-size.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** A button of type button with {@code text}, calling {@code onClick}. */
export function button(className, text, onClick) {
  const node = element("button", className, text);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

/** An avatar with the initials of {@code name}, coloured by a hue derived from the name. */
export function avatar(name, className = "avatar") {
  const node = element("span", className, initials(name));
  node.setAttribute("aria-hidden", "true");
  // A CSS variable set through the CSSOM is allowed under a strict style-src; the colour itself stays in chat.css.
  node.style.setProperty("--hue", String(avatarHue(name)));
  return node;
}

/** The message text, its Markdown (formatting, code, links, mentions) built into DOM nodes, never parsed as HTML. */
export function messageText(text) {
  return markdownText(text);
}

export function messageItem(message, { own, continued }) {
  const sender = senderLabel(message);
  const item = element("li", "message");
  item.dataset.id = message.id;
  if (Number.isSafeInteger(message.seq)) {
    item.dataset.seq = String(message.seq);
  }
  item.dataset.source = message.source;
  item.classList.toggle("own", own);
  item.classList.toggle("continued", continued);
  item.classList.toggle("from-mqtt", message.source === "mqtt");

  const meta = element("p", "meta");
  meta.append(element("span", "sender", own ? `${sender} (you)` : sender));
  if (message.source === "mqtt") {
    const badge = element("span", "badge", "MQTT");
    badge.title = "Sent by a plain MQTT client";
    meta.append(" ", badge);
  }
  const time = element("time", null, formatTime(message.sentAt));
  time.dateTime = message.sentAt;
  time.title = formatDateTime(message.sentAt);
  meta.append(" ", time);
  if (continued) {
    // Hidden from sight, not from screen readers: the live region announces each message with its sender.
    meta.classList.add("visually-hidden");
  }

  const bubble = element("div", "bubble");
  bubble.append(meta);
  if (typeof message.replyTo === "string") {
    bubble.append(replyQuote(message.replyTo));
  }
  const reply = element("button", "reply-action", "Reply");
  reply.type = "button";
  reply.title = `Reply to ${sender}`;
  bubble.append(messageText(message.text ?? ""));
  if (Array.isArray(message.attachments) && message.attachments.length > 0) {
    bubble.append(pictureList(message.attachments, sender));
  }
  bubble.append(reply);
  item.append(avatar(sender), bubble);
  return item;
}

/**
 * A message's pictures as thumbnails, each a button that opens it larger (PictureViewer). Only the gateway's own
 * picture URLs are shown: a picture elsewhere would tell another server who reads the room.
 */
function pictureList(attachments, sender) {
  const list = element("div", "pictures");
  for (const picture of attachments) {
    if (typeof picture?.url !== "string" || !picture.url.startsWith("/api/rooms/")) {
      continue;
    }
    const open = element("button", "picture");
    open.type = "button";
    const image = element("img");
    if (picture.sealed) {
      // Encrypted: SealedPictures downloads, opens and shows it.
      image.dataset.sealedUrl = picture.url;
      image.dataset.sealedType = picture.sealed.type;
      image.dataset.sealedIv = picture.sealed.iv;
    } else {
      open.dataset.url = picture.url;
      image.src = picture.url;
    }
    image.alt = `Picture from ${sender}`;
    image.loading = "lazy";
    const size = thumbnailSize(picture.width, picture.height);
    if (size) {
      // The space it takes is known before it loads: the list does not jump, and the end stays the end.
      image.width = size.width;
      image.height = size.height;
    }
    open.title = "Open larger";
    open.append(image);
    list.append(open);
  }
  return list;
}

/**
 * The quoted start of the message a reply answers: filled in by ReplyView once that message is on the page; a
 * click jumps to it.
 */
function replyQuote(target) {
  const quote = element("button", "reply-quote");
  quote.type = "button";
  quote.dataset.target = target;
  quote.append(element("span", "quote-sender"), element("span", "quote-text", "Reply to an earlier message"));
  return quote;
}

/** A day separator such as "Today". */
export function dayItem(label) {
  const item = element("li", "day");
  item.append(element("span", null, label));
  return item;
}

/** A line from the page itself, e.g. where missed messages could not all be loaded. */
export function systemItem(text) {
  return element("li", "system", text);
}

/** A quiet line where someone joined or left the room: no message, never stored, and not counted as unread. */
export function presenceItem(text) {
  return element("li", "presence-event", text);
}

/** What each outbox state (outbox.js) tells the reader; "failed" says why instead. */
export const DELIVERY = Object.freeze({
  queued: "Waiting for the connection; it will be sent when the chat reconnects.",
  sending: "Sending…",
  waiting: "Waiting for the server's broker; the server keeps it and will send it when the broker is back.",
  sent: "Sent",
});

/** Creates or updates the item of an outgoing message that the room does not show yet. */
export function pendingItem(entry, existing, { onRetry, onEdit }) {
  const item = existing ?? element("li", "message own continued pending");
  item.dataset.localId = entry.localId;
  item.dataset.state = entry.state;
  // Accepted, but not out yet, possibly for long: styled apart from "Sending…" (and worded apart, for all).
  item.classList.toggle("waiting", entry.state === "waiting");
  item.replaceChildren();
  const bubble = element("div", "bubble");
  bubble.append(messageText(entry.attachments?.length ? entry.text || "Picture" : entry.text));
  const delivery = element("p", "delivery");
  if (entry.state === "failed") {
    delivery.append(element("span", "delivery-text", `Not sent: ${entry.reason ?? "unknown error"}`));
    // Only what can help: no Retry where the same text can never pass (too long, the room deleted).
    const offer = entry.offer ?? ["retry", "edit"];
    for (const [action, label, handler] of [["retry", "Retry", onRetry], ["edit", "Edit", onEdit]]) {
      if (offer.includes(action)) {
        const button = element("button", "link-button", label);
        button.type = "button";
        button.addEventListener("click", () => handler(entry.localId));
        delivery.append(" ", button);
      }
    }
  } else {
    delivery.append(element("span", "delivery-text", DELIVERY[entry.state]));
  }
  bubble.append(delivery);
  item.append(element("span", "avatar-spacer"), bubble);
  return item;
}

/** A link to a room for the sidebar lists. */
export function roomItem(room, { current, onOpen }) {
  const item = element("li");
  const link = element("a", "room-link");
  link.href = `/rooms/${encodeURIComponent(room.id)}`;
  const name = room.name ?? "Unnamed room";
  link.append(avatar(name, "room-avatar"), element("span", "room-name", name),
    element("span", "room-short-id", `#${shortId(room.id)}`));
  if (current) {
    link.setAttribute("aria-current", "page");
  }
  link.addEventListener("click", (event) => {
    // Let modified clicks open a new tab as links normally do.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    onOpen(room.id);
  });
  item.append(link);
  return item;
}
