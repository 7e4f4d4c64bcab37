// "Connect an MQTT client": issues the open room's MQTT credential (docs/api.md#mqtt-credentials) and shows a ready
// mosquitto_sub / mosquitto_pub line and a paho snippet with it. The snippets and the request are pure (fetch handed
// in); the view adds its own button to the strip "Copy link" opens (the header has no room for one more on a phone)
// and its own panel under it, text only.

import { fetchJson } from "../connection/api.js";
import { xsrfFetch } from "../connection/csrf.js";

/** A value as one single-quoted shell word. */
export function shellWord(value) {
  return `'${String(value).replaceAll("'", "'\\''")}'`;
}

/**
 * The command lines and the paho snippet for {@code credential} (the API's answer) on the broker at
 * {@code host}:{@code port}: {@code { topic, sub, pub, paho }}.
 */
export function credentialSnippets(credential, { host, port = 1883 }) {
  const topic = credential.topics[0];
  const login = (suffix) => `-h ${shellWord(host)} -p ${port} -u ${shellWord(credential.username)} `
    + `-P ${shellWord(credential.password)} -i ${shellWord(credential.clientIdPrefix + suffix)}`;
  const py = (value) => JSON.stringify(value);
  return {
    topic,
    sub: `mosquitto_sub ${login("sub")} -t ${shellWord(topic)} -v`,
    pub: `mosquitto_pub ${login("pub")} -t ${shellWord(topic)} -q 1 -m 'hello from a terminal'`,
    paho: [
      "import paho.mqtt.client as mqtt",
      "",
      `client = mqtt.Client(client_id=${py(credential.clientIdPrefix + "py")})  # paho 2.x: mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=...)`,
      `client.username_pw_set(${py(credential.username)}, ${py(credential.password)})`,
      `client.on_connect = lambda c, *_: c.subscribe(${py(topic)}, qos=1)`,
      "client.on_message = lambda c, u, msg: print(msg.payload.decode())",
      `client.connect(${py(host)}, ${port})`,
      "client.loop_forever()",
    ].join("\n"),
  };
}

/** The CSRF header a signed-in page's POST carries: the XSRF-TOKEN cookie's value, if there is one. */
/** Asks for a credential of room {@code roomId}: {@code { ok, body }} or {@code { ok: false, error }}. */
export function issueCredential(fetch, roomId) {
  return fetchJson(fetch, `/api/rooms/${encodeURIComponent(roomId)}/mqtt-credentials`, {
    method: "POST",
    headers: { Accept: "application/json" },
  });
}

/**
 * Adds "Connect an MQTT client" to the room link's strip: pressed, it issues a credential for {@code room()} (the open room, or
 * null) and shows how to connect with it; pressed again, it closes the panel.
 */
export function wireMqttConnect({ fetch, room, document = globalThis.document, location = globalThis.location }) {
  const share = document.getElementById("share");
  if (!share) {
    return;
  }
  const button = document.createElement("button");
  Object.assign(button, { type: "button", className: "secondary", textContent: "Connect an MQTT client" });
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "mqtt-connect");
  share.append(button);
  const panel = document.createElement("div");
  Object.assign(panel, { id: "mqtt-connect", className: "share", hidden: true });
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  panel.append(status);
  share.after(panel);
  let shownFor = null;
  // Closing the link's strip (or opening another room, which closes it) closes the credential with it.
  new globalThis.MutationObserver(() => {
    if (share.hidden) {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
    }
  }).observe(share, { attributes: true, attributeFilter: ["hidden"] });

  const block = (label, text) => {
    const heading = document.createElement("p");
    heading.textContent = label;
    const pre = document.createElement("pre");
    const code = document.createElement("code");
    code.className = "selectable";
    code.textContent = text;
    pre.append(code);
    panel.append(heading, pre);
  };

  button.addEventListener("click", async () => {
    const open = room();
    if (!panel.hidden && shownFor === open?.id) {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    panel.replaceChildren(status);
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    if (!open) {
      status.textContent = "Open a room first.";
      return;
    }
    shownFor = open.id;
    status.textContent = "Asking for a credential…";
    // A write: the CSRF token goes with it, as with every other write of the page (csrf.js).
    const result = await issueCredential(xsrfFetch(fetch, () => document.cookie), open.id);
    if (!result.ok) {
      status.textContent = `No credential: ${result.error}`;
      return;
    }
    const snippets = credentialSnippets(result.body, { host: location.hostname });
    status.textContent = `A credential for this room only, shown this once, valid until `
      + `${new Date(result.body.expiresAt).toLocaleString()}. The broker is assumed at ${location.hostname}:1883.`;
    block("Read the room:", snippets.sub);
    block("Say something:", snippets.pub);
    block("Python (paho-mqtt):", snippets.paho);
  });
}
