// "Webhooks" for the room's owner (this browser holds its owner token, owned.js): lists the room's incoming webhooks
// (docs/api.md#incoming-webhooks), creates one and shows its secret URL once with a curl line, revokes one. The
// requests and the curl line are pure (fetch handed in); the view adds its own button to the strip "Copy link" opens,
// shown only to the owner, and its own panel under it, text only.

import { fetchJson } from "../connection/api.js";
import { xsrfFetch } from "../connection/csrf.js";
import { shellWord } from "./mqtt-connect.js";
import { ownerToken } from "./owned.js";

const path = (roomId) => `/api/rooms/${encodeURIComponent(roomId)}/webhooks`;

const init = (token, extra = {}) => ({ ...extra, headers: { Accept: "application/json",
  Authorization: `Bearer ${token}`, ...(extra.headers ?? {}) } });

/** The room's webhooks, {@code { ok, body: [{ id, name, createdAt }] }} or {@code { ok: false, error }}. */
export function listWebhooks(fetch, roomId, token) {
  return fetchJson(fetch, path(roomId), init(token));
}

/** Creates a webhook named {@code name} (or unnamed): {@code { ok, body: { id, url } }} or an error. */
export function createWebhook(fetch, roomId, token, name) {
  const body = JSON.stringify(name ? { name } : {});
  return fetchJson(fetch, path(roomId),
    init(token, { method: "POST", body, headers: { "Content-Type": "application/json" } }));
}

/** Revokes webhook {@code id}: {@code { ok }} or an error. */
export function revokeWebhook(fetch, roomId, token, id) {
  return fetchJson(fetch, `${path(roomId)}/${encodeURIComponent(id)}`, init(token, { method: "DELETE" }));
}

/** The curl line that posts a message through the webhook at {@code url}, as the README's CI example does. */
export function curlLine(url) {
  const body = JSON.stringify({ text: "Build #42 **passed**", username: "CI" });
  return `curl -X POST -H 'Content-Type: application/json' -d ${shellWord(body)} ${shellWord(url)}`;
}

/**
 * Adds "Webhooks" to the room link's strip, shown only while this browser holds the open room's owner token: pressed,
 * it lists {@code room()}'s webhooks with a Revoke each and a form for a new one; pressed again, it closes.
 */
export function wireWebhooks({ fetch, room, storage, document = globalThis.document }) {
  const share = document.getElementById("share");
  if (!share) {
    return;
  }
  const make = (tag, props = {}) => Object.assign(document.createElement(tag), props);
  const button = make("button", { type: "button", className: "secondary", textContent: "Webhooks", hidden: true });
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "webhooks");
  share.append(button);
  const panel = make("div", { id: "webhooks", className: "share", hidden: true });
  share.after(panel);
  const close = () => {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
  };
  new globalThis.MutationObserver(() => {
    const open = room();
    button.hidden = !(open && ownerToken(storage, open.id));
    if (share.hidden || button.hidden) {
      close();
    }
  }).observe(share, { attributes: true, attributeFilter: ["hidden"] });

  const authorised = (write) => (write ? xsrfFetch(fetch, () => document.cookie) : fetch);

  async function show(open, token, note = "", url = null) {
    const status = make("p", { textContent: note || "Loading the webhooks…" });
    status.setAttribute("role", "status");
    const name = make("input", { id: "webhook-name", type: "text", maxLength: 32, placeholder: "CI" });
    const label = make("label", { htmlFor: "webhook-name", textContent: "Name " });
    const create = make("button", { type: "button", textContent: "New webhook" });
    const list = make("ul", { className: "webhook-list" });
    const form = make("p");
    form.append(label, name, " ", create);
    panel.replaceChildren(status, list, form);
    if (url) {
      // Right under the note, before the list: this is the one time the URL can be read.
      const pre = make("pre");
      pre.append(make("code", { className: "selectable", textContent: curlLine(url) }));
      status.after(make("p", { textContent: "Post with:" }), pre);
    }
    create.addEventListener("click", async () => {
      const made = await createWebhook(authorised(true), open.id, token, name.value.trim());
      if (!made.ok) {
        status.textContent = `No webhook: ${made.error}`;
        return;
      }
      await show(open, token, "New webhook. Its URL is shown this once: keep it secret, it is all a job needs to post.",
        made.body.url);
    });
    const listed = await listWebhooks(authorised(false), open.id, token);
    if (!listed.ok) {
      status.textContent = `No webhooks listed: ${listed.error}`;
      return;
    }
    if (!note) {
      status.textContent = listed.body.length === 0 ? "No webhooks yet." : `${listed.body.length} webhooks.`;
    }
    for (const hook of listed.body) {
      const hookName = hook.name ?? "webhook";
      const revoke = make("button", { type: "button", className: "secondary", textContent: "Revoke" });
      revoke.setAttribute("aria-label", `Revoke ${hookName}`);
      revoke.addEventListener("click", async () => {
        const done = await revokeWebhook(authorised(true), open.id, token, hook.id);
        await show(open, token, done.ok ? `${hookName} revoked.` : `Not revoked: ${done.error}`);
      });
      const item = make("li", { textContent: `${hookName}, created ${new Date(hook.createdAt).toLocaleString()} ` });
      item.append(revoke);
      list.append(item);
    }
  }

  button.addEventListener("click", () => {
    const open = room();
    const token = open ? ownerToken(storage, open.id) : null;
    if (!panel.hidden || !token) {
      close();
      return;
    }
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    show(open, token);
  });
}
