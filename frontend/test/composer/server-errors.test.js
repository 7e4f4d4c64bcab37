import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  describeRefusal, NO_SUCH_ROOM, openRoomProblem, reasonOf, ROOM_NO_LONGER_EXISTS,
} from "../../static/composer/server-errors.js";

const ROOM = "r".repeat(22);
const refused = (code, message) => describeRefusal({ code, message, roomId: ROOM });

describe("describeRefusal", () => {
  test("a server message that already says \"Not sent:\" is not prefixed twice", () => {
    const slow = refused("rate-limited", "Not sent: slow down, at most 5 messages per second (bursts of 20).");
    assert.equal(slow.kind, "message");
    assert.equal(slow.reason, "slow down, at most 5 messages per second (bursts of 20).");
    assert.equal(slow.text, "Not sent: slow down, at most 5 messages per second (bursts of 20).");
    assert.deepEqual(slow.offer, ["retry", "edit"]);
    assert.equal(slow.roomId, ROOM);

    const broker = refused("broker-unavailable",
      "Message not sent: the MQTT broker cannot be reached right now. Try again in a moment.");
    assert.equal(broker.text, "Not sent: the MQTT broker cannot be reached right now. Try again in a moment.");
    assert.deepEqual(broker.offer, ["retry", "edit"]);

    const name = refused("invalid-username", "Not sent: a username is 1-32 characters.");
    assert.equal(name.reason, "a username is 1-32 characters.");
    const mismatch = refused("username-mismatch", "Not sent: this connection speaks as \"ada\"; reconnect.");
    assert.equal(mismatch.text, "Not sent: this connection speaks as \"ada\"; reconnect.");
  });

  test("no sentence of any code reads \"Not sent: Not sent\"", () => {
    for (const code of ["malformed", "invalid-username", "username-mismatch", "empty-text", "text-too-long",
      "invalid-client-id", "rate-limited", "broker-unavailable", "send-refused", "something-new"]) {
      for (const message of ["Not sent: x.", "Message not sent: x.", "not sent - x.", "x."]) {
        const refusal = refused(code, message);
        assert.doesNotMatch(refusal.text, /not sent.*not sent/i, `${code}: ${message}`);
      }
    }
  });

  test("a refusal names the SEND it is about by clientMsgId, when the server gives one", () => {
    const named = describeRefusal({ code: "rate-limited", message: "Not sent: slow down.", roomId: ROOM,
      clientMsgId: "5f0c1d2e-0000-4000-8000-000000000001" });
    assert.equal(named.kind, "message");
    assert.equal(named.clientMsgId, "5f0c1d2e-0000-4000-8000-000000000001");
    assert.equal(refused("rate-limited", "Not sent: slow down.").clientMsgId, undefined, "none: not about one SEND");
    assert.equal(describeRefusal({ code: "rate-limited", clientMsgId: 42 }).clientMsgId, undefined);
    assert.deepEqual(describeRefusal({ code: "unknown-room", roomId: ROOM, clientMsgId: "x" }),
      { kind: "room-gone", roomId: ROOM }, "a deleted room fails all its messages, not only the named one");
  });

  test("broker-unavailable (the server's outbox is full) offers Retry", () => {
    const full = describeRefusal({ code: "broker-unavailable", roomId: ROOM, clientMsgId: "x",
      message: "Message not sent: the MQTT broker cannot be reached and the gateway's outbox is full." });
    assert.equal(full.text, "Not sent: the MQTT broker cannot be reached and the gateway's outbox is full.");
    assert.deepEqual(full.offer, ["retry", "edit"]);
  });

  test("too long: the server's words, with Edit only since the same text can never pass", () => {
    const long = refused("text-too-long", "The message text has 4001 characters; the limit is 4000.");
    assert.equal(long.kind, "message");
    assert.equal(long.reason, "The message text has 4001 characters; the limit is 4000.");
    assert.deepEqual(long.offer, ["edit"]);
  });

  test("refusals meant for developers get words of the page's own, and no Retry", () => {
    for (const code of ["malformed", "invalid-client-id", "send-refused", "empty-text"]) {
      const refusal = refused(code, "The message body must be JSON like {\"username\": \"ada\"}.");
      assert.equal(refusal.kind, "message", code);
      assert.doesNotMatch(refusal.text, /JSON|\/app\/rooms|\{/, code);
      assert.deepEqual(refusal.offer, ["edit"], code);
    }
  });

  test("unknown-room means the room was deleted", () => {
    assert.deepEqual(refused("unknown-room", "No room has this id; messages were not sent."),
      { kind: "room-gone", roomId: ROOM });
    assert.deepEqual(describeRefusal({ code: "unknown-room", message: "x", roomId: null }),
      { kind: "room-gone", roomId: undefined });
  });

  test("a refused subscription to the open room means it was deleted; any other is shown as it is", () => {
    const destination = `/topic/rooms/${ROOM}`;
    const message = `Cannot subscribe to ${destination}: subscribe to /topic/rooms/{id} of an issued room`;
    assert.deepEqual(describeRefusal({ code: "subscription-refused", message, roomId: null }, { destination }),
      { kind: "room-gone", roomId: undefined });
    const other = describeRefusal({ code: "subscription-refused", message, roomId: null },
      { destination: "/topic/rooms/another" });
    assert.deepEqual(other, { kind: "page", text: message });
    assert.equal(describeRefusal({ code: "subscription-refused", message }).kind, "page", "no room open");
  });

  test("a refused subscription to the open room's presence, typing or read markers (an older gateway) is moot", () => {
    const destination = `/topic/rooms/${ROOM}`;
    for (const suffix of ["/presence", "/typing", "/read"]) {
      const message = `Cannot subscribe to ${destination}${suffix}: subscribe to /topic/rooms/{id} of an issued room`;
      assert.deepEqual(describeRefusal({ code: "subscription-refused", message, roomId: null }, { destination }),
        { kind: "none" }, suffix);
    }
    const deleted = `Cannot subscribe to ${destination}: subscribe to /topic/rooms/{id} (or its /presence, /typing or`
      + " /read) of an issued room";
    assert.deepEqual(describeRefusal({ code: "subscription-refused", message: deleted }, { destination }),
      { kind: "room-gone", roomId: undefined }, "the room's own topic refused still means it was deleted");
  });

  test("namedOnly: a refusal naming no message is about a typing or read signal, never shown as a failed message",
    () => {
      const named = { namedOnly: true, destination: `/topic/rooms/${ROOM}` };
      for (const [code, message] of [
        ["rate-limited", "Slow down: at most 1 typing signals per second (bursts of 3)."],
        ["rate-limited", "Slow down: at most 2 read markers per second (bursts of 5)."],
        ["broker-unavailable", "Not sent: the MQTT broker cannot be reached right now. Try again in a moment."],
        ["no-username", "Typing and read markers need a username: send it in the CONNECT frame's username header."],
        ["invalid-seq", "A read marker is JSON like {\"seq\": 42}."],
        ["unknown-seq", "Room x has no message 99."],
        ["malformed", "A read marker is JSON like {\"seq\": 42}."],
        ["send-refused", `Cannot send to /app/rooms/${ROOM}/typing: send to /app/rooms/{id} of an issued room`],
      ]) {
        assert.deepEqual(describeRefusal({ code, message, roomId: ROOM, clientMsgId: null }, named), { kind: "none" },
          `${code}: ${message}`);
      }
      const message = describeRefusal({ code: "rate-limited", message: "Not sent: slow down.", roomId: ROOM,
        clientMsgId: "5f0c1d2e-0000-4000-8000-000000000001" }, named);
      assert.equal(message.kind, "message", "a message's refusal names it");
      assert.equal(message.clientMsgId, "5f0c1d2e-0000-4000-8000-000000000001");
      assert.deepEqual(describeRefusal({ code: "unknown-room", message: "No room has this id.", roomId: ROOM }, named),
        { kind: "room-gone", roomId: ROOM }, "a signal to a deleted room says the room is gone all the same");
      assert.equal(describeRefusal({ code: "stomp-error", message: "Bad frame." }, named).kind, "page");
    });

  test("a refused subscription to the receipt queue (a gateway without receipts) is not worth a sentence", () => {
    const message = "Cannot subscribe to /user/queue/receipts: subscribe to /topic/rooms/{id} of an issued room";
    assert.deepEqual(describeRefusal({ code: "subscription-refused", message, roomId: null },
      { destination: `/topic/rooms/${ROOM}` }), { kind: "none" });
  });

  test("a refused connection is about no message", () => {
    assert.deepEqual(describeRefusal({ code: "stomp-error", message: "Invalid username header." }),
      { kind: "page", text: "Invalid username header." });
    assert.equal(describeRefusal({ code: "stomp-error" }).text, "The server refused the connection.");
  });

  test("an unreadable or unknown error still fails the message in flight, with Retry", () => {
    const unreadable = describeRefusal(null);
    assert.equal(unreadable.kind, "message");
    assert.equal(unreadable.text, "Not sent: the server reported an error.");
    assert.deepEqual(unreadable.offer, ["retry", "edit"]);
    assert.equal(refused("new-code", "Not sent: the moon is full.").text, "Not sent: the moon is full.");
  });
});

test("reasonOf strips only a leading \"Not sent\"", () => {
  assert.equal(reasonOf("Not sent: slow down."), "slow down.");
  assert.equal(reasonOf("  message NOT SENT: x"), "x");
  assert.equal(reasonOf("The message was not sent: x"), "The message was not sent: x");
  assert.equal(reasonOf("Not sent:"), null);
  assert.equal(reasonOf(42), null);
});

test("opening a room: a known room is gone, an unknown id is a wrong link, other failures keep the server's words",
  () => {
    const notFound = { ok: false, status: 404, error: "No room has this id. Room ids are issued by POST /api/rooms." };
    assert.equal(openRoomProblem(notFound, { known: true }), ROOM_NO_LONGER_EXISTS);
    assert.equal(ROOM_NO_LONGER_EXISTS, "This room no longer exists.");
    assert.equal(openRoomProblem(notFound, { known: false }), NO_SUCH_ROOM);
    assert.doesNotMatch(NO_SUCH_ROOM, /POST|api/);
    assert.match(NO_SUCH_ROOM, /^No room has this id\./);
    const busy = { ok: false, status: 503, error: "The database is restarting." };
    assert.equal(openRoomProblem(busy, { known: true }), "The database is restarting.");
    const offline = { ok: false, error: "The server cannot be reached." };
    assert.equal(openRoomProblem(offline, { known: false }), "The server cannot be reached.");
  });
