import assert from "node:assert/strict";
import { test } from "node:test";

import {
  authOf, DEFAULT_SIGN_IN, guestName, guestNameProblem, Identity, isGuest, isSignInRefusal, OPEN, sameOriginPath,
  SIGN_IN_FIRST, signInNeeded,
} from "../../static/identity/auth.js";
import { normalizeUsername, usernameProblem } from "../../static/identity/username.js";

test("signed in: the provider's name; a 401 naming oidc: how to sign in and whether guests may chat", () => {
  assert.deepEqual(authOf({ status: 200, body: { username: "alice", authMode: "oidc" } }),
    { mode: "oidc", signedIn: true, username: "alice", guests: false, signIn: null });
  const out = authOf({ status: 401, body: { authMode: "oidc", guests: true, signIn: "/oauth2/authorization/oidc" } });
  assert.deepEqual(out, { mode: "oidc", signedIn: false, username: null, guests: true, signIn: DEFAULT_SIGN_IN });
  assert.ok(isGuest(out) && !signInNeeded(out));
  const closed = authOf({ status: 401, body: { authMode: "oidc", guests: false, signIn: "/login/x" } });
  assert.equal(closed.signIn, "/login/x");
  assert.ok(signInNeeded(closed) && !isGuest(closed));
});

test("open mode, an older gateway or no answer at all: the page as it always was", () => {
  for (const answer of [{ status: 401, body: { authMode: "open", guests: false } }, { status: 404, body: null }, null,
    { status: 200, body: { username: "" } }, { status: 401, body: null }]) {
    assert.equal(authOf(answer), OPEN, JSON.stringify(answer));
  }
  assert.ok(!signInNeeded(OPEN) && !isGuest(OPEN));
});

test("the sign-in link only ever points at this gateway", () => {
  assert.equal(sameOriginPath("/oauth2/authorization/oidc"), "/oauth2/authorization/oidc");
  for (const path of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", 7, null]) {
    assert.equal(sameOriginPath(path), DEFAULT_SIGN_IN, String(path));
  }
});

test("a guest's name carries the server's mark, and leaves room for it", () => {
  assert.equal(guestName(" ada "), "ada (guest)");
  assert.equal(guestName(""), "");
  assert.equal(guestNameProblem("x".repeat(24)), null);
  assert.match(guestNameProblem("x".repeat(25)), /at most 24 characters/);
  assert.equal(guestNameProblem(""), usernameProblem(""));
});

test("only \"Sign in first\" ends the connection for good", () => {
  assert.ok(isSignInRefusal("Sign in first: this gateway lets only signed-in people chat."));
  assert.ok(!isSignInRefusal("A guest needs a username header"));
  assert.ok(!isSignInRefusal(undefined));
});

/** A UsernameField stand-in: what is typed in {@code input.value}, what was stored in {@code stored}. */
function field(typed = "", stored = "") {
  const calls = [];
  return {
    calls,
    input: { value: typed },
    stored,
    get value() {
      return normalizeUsername(this.input.value);
    },
    get committed() {
      return normalizeUsername(this.stored);
    },
    get problem() {
      return usernameProblem(this.input.value);
    },
    commit() {
      calls.push("commit");
      this.stored = this.value;
    },
    showProblem: (problem, options) => calls.push(["showProblem", problem, options]),
    focus: () => calls.push("focus"),
  };
}

test("open mode: the identity is the username field's, unchanged", () => {
  const typed = field("bob", "ada");
  const identity = new Identity(typed);
  assert.equal(identity.name, "ada");
  assert.equal(identity.connectName, "ada");
  assert.equal(identity.value, "bob");
  assert.equal(identity.problem, null);
  identity.commit();
  identity.focus();
  identity.showProblem("no", { focus: false });
  assert.deepEqual(typed.calls, ["commit", "focus", ["showProblem", "no", { focus: false }]]);
  assert.equal(identity.name, "bob");
});

test("signed in: the provider's name everywhere, nothing typed counts, nothing to commit", () => {
  const typed = field("mallory", "mallory");
  const identity = new Identity(typed);
  identity.auth = authOf({ status: 200, body: { username: "alice" } });
  assert.deepEqual([identity.name, identity.connectName, identity.value, identity.committed, identity.problem],
    ["alice", "alice", "alice", "alice", null]);
  identity.commit();
  identity.focus();
  assert.deepEqual(typed.calls, []);
});

test("a guest connects under the typed name and sends under the marked one; no sign-in, no name at all", () => {
  const typed = field("bob", "bob");
  const identity = new Identity(typed);
  identity.auth = authOf({ status: 401, body: { authMode: "oidc", guests: true } });
  assert.deepEqual([identity.name, identity.connectName, identity.value], ["bob (guest)", "bob", "bob (guest)"]);
  typed.input.value = "y".repeat(30);
  assert.match(identity.problem, /guest name/);
  identity.auth = authOf({ status: 401, body: { authMode: "oidc", guests: false } });
  assert.equal(identity.problem, SIGN_IN_FIRST);
  identity.showProblem(SIGN_IN_FIRST);
  assert.deepEqual(typed.calls.at(-1), ["showProblem", SIGN_IN_FIRST, { focus: false }], "the field is hidden");
});
