// The gateway's Web Push API (docs/api.md): its public key, and this device's subscription. Writes carry the XSRF
// token as every other (csrf.js); answers come as api.js's fetchJson gives them: { ok, status, body | error }.

import { fetchJson } from "../connection/api.js";
import { xsrfFetch } from "../connection/csrf.js";

/** {@code plainFetch(url, init)}: the browser's fetch, or a test's fake server. */
export function createPushApi(plainFetch, { cookies } = {}) {
  const send = xsrfFetch(plainFetch, cookies);
  const call = (url, init) => fetchJson(send, url, init);
  const json = (method, body) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const path = (id) => `/api/push/subscriptions/${encodeURIComponent(id)}`;
  return {
    /** {@code { publicKey }} (base64url); a 404 or 503 when the gateway has push off. */
    key: () => call("/api/push/key", { headers: { Accept: "application/json" }, cache: "no-store" }),
    /** Registers {@code body} (subscriptionBody()); 201 {@code { id }}. */
    subscribe: (body) => call("/api/push/subscriptions", json("POST", body)),
    update: (id, body) => call(path(id), json("PUT", body)),
    unsubscribe: (id) => call(path(id), { method: "DELETE" }),
    /** The room this device's page shows (null: none), so the gateway pushes nothing for it here; kept alive on leaving. */
    showing: (id, roomId) => call(`${path(id)}/showing`, { ...json("PUT", { roomId }), keepalive: true }),
  };
}
