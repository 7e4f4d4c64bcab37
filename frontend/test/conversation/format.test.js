import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  avatarHue, dayKey, formatDay, formatTime, initials, isValidUsername, parseRoomLink, problemText,
  normalizeUsername, roomIdOfPath, senderLabel, shortId, titleWithUnread, usernameProblem,
} from "../../static/conversation/format.js";

const ID = "AbCdEfGhIjKlMnOpQrStUv";

describe("parseRoomLink", () => {
  test("accepts a bare id and full links, with or without trailing slash, query or fragment", () => {
    assert.equal(parseRoomLink(ID), ID);
    assert.equal(parseRoomLink(`  https://chat.example/rooms/${ID}  `), ID);
    assert.equal(parseRoomLink(`http://localhost:8080/rooms/${ID}/`), ID);
    assert.equal(parseRoomLink(`https://chat.example/rooms/${ID}?x=1#end`), ID);
    assert.equal(parseRoomLink(`/rooms/${ID}`), ID);
  });

  test("refuses anything that is not a room link", () => {
    for (const input of ["", null, undefined, "short", "https://chat.example/", `https://x/rooms/${ID}/extra`,
      `https://x/rooms/${ID.slice(0, 10)}`, "../../etc/passwd", `${ID}<script>`]) {
      assert.equal(parseRoomLink(input), null, String(input));
    }
  });
});

test("roomIdOfPath reads only the room page's own path", () => {
  assert.equal(roomIdOfPath(`/rooms/${ID}`), ID);
  assert.equal(roomIdOfPath("/"), null);
  assert.equal(roomIdOfPath(`/api/rooms/${ID}`), null);
});

describe("usernames", () => {
  test("1-32 characters, trimmed, not only spaces, no control characters", () => {
    assert.ok(isValidUsername("ada"));
    assert.ok(isValidUsername("  Ada Lovelace  "));
    assert.ok(isValidUsername("x".repeat(32)));
    assert.ok(isValidUsername("Zoë 🚀"));
    assert.ok(!isValidUsername(""));
    assert.ok(!isValidUsername("   "));
    assert.ok(!isValidUsername(null));
    assert.ok(!isValidUsername("x".repeat(33)));
    assert.ok(!isValidUsername("bell\u0007"));
    assert.ok(!isValidUsername("two\nlines"));
  });

  test("the problem is explained in words, and absent for a good name", () => {
    assert.match(usernameProblem(""), /Pick a username/);
    assert.match(usernameProblem("x".repeat(40)), /40 characters; the limit is 32/);
    assert.match(usernameProblem("a\tb"), /control characters/);
    assert.match(usernameProblem("ad\u200ba"), /invisible or text-direction characters \(it has U\+200B\): they let one name/);
    assert.match(usernameProblem("\u202enimda"), /U\+202E/);
    assert.match(usernameProblem("\ufeffada"), /U\+FEFF/);
    assert.match(usernameProblem("ada\u2066"), /U\+2066/);
    assert.ok(!isValidUsername("a\u200dda"));
    assert.ok(isValidUsername("\uff41\uff44\uff41"));
    assert.equal(normalizeUsername("  \uff41\uff44\uff41 "), "ada", "NFKC, as the server keeps it");
    assert.equal(usernameProblem("ada"), null);
  });
});

describe("times and days", () => {
  const iso = "2026-11-25T13:05:00Z";

  test("formatTime uses the reader's time zone", () => {
    assert.equal(formatTime(iso, { locale: "en-GB", timeZone: "UTC" }), "13:05");
    assert.equal(formatTime(iso, { locale: "en-GB", timeZone: "Europe/Berlin" }), "14:05");
    assert.equal(formatTime(iso, { locale: "en-GB", timeZone: "America/New_York" }), "08:05");
    assert.equal(formatTime("not a date"), "");
  });

  test("dayKey is the local calendar day", () => {
    assert.equal(dayKey("2026-11-25T23:30:00Z", { timeZone: "UTC" }), "2026-11-25");
    assert.equal(dayKey("2026-11-25T23:30:00Z", { timeZone: "Europe/Berlin" }), "2026-11-26");
  });

  test("formatDay says Today, Yesterday or the date", () => {
    const now = new Date("2026-11-25T20:00:00Z");
    const options = { now, locale: "en-GB", timeZone: "UTC" };
    assert.equal(formatDay("2026-11-25T01:00:00Z", options), "Today");
    assert.equal(formatDay("2026-11-24T23:59:00Z", options), "Yesterday");
    // ICU versions differ on the comma after the weekday.
    assert.match(formatDay("2026-11-20T10:00:00Z", options), /^Friday,? 20 November 2026$/);
    assert.equal(formatDay("2026-01-01T10:00:00Z", { ...options, now: new Date("2026-01-02T08:00:00Z") }), "Yesterday");
  });
});

test("a plain MQTT message without a username is labelled as from an MQTT client", () => {
  assert.equal(senderLabel({ username: null }), "MQTT client");
  assert.equal(senderLabel({ username: "ada" }), "ada");
});

describe("avatars", () => {
  test("initials take the first letters of up to two words", () => {
    assert.equal(initials("Ada Lovelace"), "AL");
    assert.equal(initials("ada"), "A");
    assert.equal(initials("grace_hopper"), "GH");
    assert.equal(initials("  élodie   martin dupont "), "ÉM");
    assert.equal(initials("🚀 launch"), "🚀L");
    assert.equal(initials(""), "?");
  });

  test("the hue is stable for a name and spreads over the colour wheel", () => {
    assert.equal(avatarHue("ada"), avatarHue("ada"));
    const hues = new Set(["ada", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"].map(avatarHue));
    assert.ok(hues.size >= 6, `hues ${[...hues]}`);
    for (const hue of hues) {
      assert.ok(Number.isInteger(hue) && hue >= 0 && hue < 360);
    }
  });
});

test("shortId shows the first eight characters", () => {
  assert.equal(shortId(ID), "AbCdEfGh");
});

test("the title counts unread messages", () => {
  assert.equal(titleWithUnread("Room · MQTT chat", 0), "Room · MQTT chat");
  assert.equal(titleWithUnread("Room · MQTT chat", 3), "(3) Room · MQTT chat");
  assert.equal(titleWithUnread("Room", 250), "(99+) Room");
});

test("a REST problem becomes its detail, else its title, else the status", () => {
  assert.equal(problemText({ title: "Room not found", detail: "No room has this id." }, 404), "No room has this id.");
  assert.equal(problemText({ title: "Room not found" }, 404), "Room not found");
  assert.equal(problemText(null, 502), "The server answered HTTP 502.");
  assert.equal(problemText({ detail: 42 }, 500), "The server answered HTTP 500.");
});
