import assert from "node:assert/strict";
import { test } from "node:test";

import { shownInOrder } from "../../static/actions/actions-wiring.js";
import { applied, isAction, isMessage } from "../../static/actions/message-actions.js";
import {
  isMute, memberActions, moderates, moderationRefusal, MUTE_CHOICES, muteBody, muteEnd, muteLine, mutedNotice,
  muteTime, myMute, roleOf, sortedMembers,
} from "../../static/actions/moderation.js";

const member = (username, role) => ({ username, role });

test("owners and moderators moderate; members and strangers do not", () => {
  assert.ok(moderates("owner") && moderates("moderator"));
  assert.ok(!moderates("member") && !moderates(null) && !moderates(undefined));
});

test("the reader's role is their entry's in the members list, or none", () => {
  const members = [member("ada", "owner"), member("bob", "moderator"), member("cy", "member"), member("eve", "king")];
  assert.equal(roleOf(members, "bob"), "moderator");
  assert.equal(roleOf(members, "ada"), "owner");
  assert.equal(roleOf(members, "dan"), null);
  assert.equal(roleOf(members, "eve"), null, "an unknown role is no role");
  assert.equal(roleOf(null, "ada"), null);
});

test("what each row offers: the owner makes and unmakes moderators and removes; moderators remove members", () => {
  const owner = member("ada", "owner");
  const mod = member("bob", "moderator");
  const plain = member("cy", "member");
  assert.deepEqual(memberActions({ me: "ada", role: "owner", member: owner }), []);
  assert.deepEqual(memberActions({ me: "ada", role: "owner", member: mod }), ["member", "remove"]);
  assert.deepEqual(memberActions({ me: "ada", role: "owner", member: plain }), ["moderator", "remove"]);
  assert.deepEqual(memberActions({ me: "bob", role: "moderator", member: owner }), []);
  assert.deepEqual(memberActions({ me: "bob", role: "moderator", member: mod }), ["leave"]);
  assert.deepEqual(memberActions({ me: "bob", role: "moderator", member: plain }), ["remove"]);
  assert.deepEqual(memberActions({ me: "bob", role: "moderator", member: member("dee", "moderator") }), []);
  assert.deepEqual(memberActions({ me: "cy", role: "member", member: plain }), ["leave"]);
  assert.deepEqual(memberActions({ me: "cy", role: "member", member: mod }), []);
  assert.deepEqual(memberActions({ me: "zed", role: null, member: plain }), []);
});

test("members are listed owner first, then moderators, then members, each by name; junk is left out", () => {
  assert.deepEqual(sortedMembers([member("zoe", "member"), member("bob", "moderator"), null, { role: "member" },
    member("ada", "member"), member("cy", "owner"), member("dan", "boss")]),
  [member("cy", "owner"), member("bob", "moderator"), member("ada", "member"), member("dan", "member"),
    member("zoe", "member")]);
  assert.deepEqual(sortedMembers(undefined), []);
});

test("a mute entry is a line, never a message or an action on one", () => {
  const entry = { type: "mute", username: "ada", target: "bob", until: "2026-12-06T15:00:00Z", seq: 4 };
  assert.ok(isMute(entry));
  assert.ok(!isMessage(entry) && !isAction(entry));
  assert.ok(!isMute({ type: "mute", target: "bob" }));
  assert.equal(muteLine(entry, (until) => until.toISOString()), "ada muted bob until 2026-12-06T15:00:00.000Z");
  assert.equal(muteLine({ ...entry, until: null }, () => "never"), "ada lifted bob's mute");
  assert.equal(muteLine({ ...entry, until: "soon" }, () => "never"), "ada lifted bob's mute");
  assert.equal(muteEnd({ until: 7 }), null);
});

test("the reader's own mute: until when, lifted, or about someone else", () => {
  const now = Date.parse("2026-12-06T14:00:00Z");
  const entry = { type: "mute", username: "ada", target: "bob", until: "2026-12-06T15:00:00Z" };
  assert.equal(myMute(entry, "bob", now).toISOString(), "2026-12-06T15:00:00.000Z");
  assert.equal(myMute({ ...entry, until: null }, "bob", now), null);
  assert.equal(myMute({ ...entry, until: "2026-12-06T13:00:00Z" }, "bob", now), null, "already over");
  assert.equal(myMute(entry, "cy", now), undefined);
  assert.equal(myMute(entry, "", now), undefined);
  assert.match(mutedNotice(new Date(now), () => "15:00"), /^You are muted in this room until 15:00/);
});

test("a mute's end reads as a time today, with the weekday on another day", () => {
  const now = new Date("2026-12-06T10:00:00Z");
  const today = muteTime(new Date("2026-12-06T10:15:00Z"), { now, locale: "en-GB", timeZone: "UTC" });
  assert.equal(today, "10:15");
  const tomorrow = muteTime(new Date("2026-12-07T10:00:00Z"), { now, locale: "en-GB", timeZone: "UTC" });
  assert.match(tomorrow, /^Mon/);
  assert.match(tomorrow, /10:00/);
});

test("mute choices and their SEND; 0 minutes lifts it", () => {
  assert.deepEqual(MUTE_CHOICES.map(({ minutes }) => minutes), [15, 60, 1440]);
  assert.deepEqual(MUTE_CHOICES.map(({ label }) => label), ["Mute for 15 min", "Mute for 1 h", "Mute for 1 day"]);
  assert.deepEqual(muteBody("bob", 0), { type: "mute", target: "bob", minutes: 0 });
});

test("refusals about membership and moderation, and none for the others", () => {
  assert.deepEqual(moderationRefusal({ code: "removed-from-room", roomId: "r1", message: "Removed" }),
    { kind: "removed", roomId: "r1" });
  assert.deepEqual(moderationRefusal({ code: "muted", message: " You are muted until 15:00. " }),
    { kind: "muted", roomId: undefined, text: "You are muted until 15:00." });
  assert.equal(moderationRefusal({ code: "not-a-moderator" }).kind, "not-moderator");
  assert.equal(moderationRefusal({ code: "unknown-room" }), null, "the composer's: the room is gone for the reader");
  assert.equal(moderationRefusal({ code: "rate-limited" }), null);
  assert.equal(moderationRefusal(null), null);
});

test("a moderator's delete leaves a tombstone marked as theirs; an own delete as before", () => {
  const message = { id: "m1", seq: 3, text: "spam", reactions: { "👍": ["ada"] } };
  const removed = applied(message, { type: "delete", target: "m1", seq: 9, moderated: true, username: "mod" });
  assert.equal(removed.moderated, true);
  assert.equal(removed.deleted, true);
  assert.equal(removed.text, "");
  assert.ok(!("moderated" in applied(message, { type: "delete", target: "m1", seq: 9 })));
});

test("the conversation shows messages in runs and each mute entry's line in its place; actions are no line", () => {
  const message = (id) => ({ id, type: "message", text: id });
  const mute = { id: "x", type: "mute", username: "ada", target: "bob", until: null };
  const entries = [message("a"), message("b"), mute, { id: "d", type: "delete", target: "a" }, message("c"),
    { id: "z", type: "future-thing" }, mute];
  assert.deepEqual(shownInOrder(entries), [[message("a"), message("b")], mute, [message("c")], mute]);
  assert.deepEqual(shownInOrder([message("a"), message("b")]), [[message("a"), message("b")]],
    "without mutes: one run, as before");
  assert.deepEqual(shownInOrder([]), []);
});
