import assert from "node:assert/strict";
import { test } from "node:test";

import { credentialSnippets, issueCredential, shellWord } from "../../static/room-list/mqtt-connect.js";
import { xsrfFetch } from "../../static/connection/csrf.js";

const CREDENTIAL = {
  username: "mqttabc",
  password: "p4ss-word_",
  clientIdPrefix: "mqttabc-",
  expiresAt: "2026-12-07T19:00:00Z",
  topics: ["chat/rooms/R1", "chat/rooms/R1/typing", "chat/rooms/R1/presence/+", "chat/rooms/R1/read/+"],
};

test("the command lines log in with the credential and a client id under its prefix", () => {
  const { topic, sub, pub, paho } = credentialSnippets(CREDENTIAL, { host: "chat.example" });
  assert.equal(topic, "chat/rooms/R1");
  assert.equal(sub, "mosquitto_sub -h 'chat.example' -p 1883 -u 'mqttabc' -P 'p4ss-word_' -i 'mqttabc-sub' "
    + "-t 'chat/rooms/R1' -v");
  assert.match(pub, /^mosquitto_pub .* -i 'mqttabc-pub' -t 'chat\/rooms\/R1' -q 1 -m /);
  assert.match(paho, /client_id="mqttabc-py"/);
  assert.match(paho, /username_pw_set\("mqttabc", "p4ss-word_"\)/);
  assert.match(paho, /subscribe\("chat\/rooms\/R1", qos=1\)/);
});

test("a single quote cannot end the shell word", () => {
  assert.equal(shellWord("a'b"), "'a'\\''b'");
});

test("issuing posts to the room's credentials and returns the problem text on refusal", async () => {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, init });
    return new Response(JSON.stringify({ title: "Not signed in", detail: "Sign in to get MQTT access." }), {
      status: 401, headers: { "Content-Type": "application/problem+json" },
    });
  };
  const result = await issueCredential(xsrfFetch(fetch, () => "XSRF-TOKEN=abc"), "R1");
  assert.equal(requests[0].url, "/api/rooms/R1/mqtt-credentials");
  assert.equal(requests[0].init.method, "POST");
  assert.equal(requests[0].init.headers["X-XSRF-TOKEN"], "abc");
  assert.equal(result.ok, false);
  assert.match(result.error, /Sign in/);
});
