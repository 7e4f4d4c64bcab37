import assert from "node:assert/strict";
import { test } from "node:test";

import { withXsrf, xsrfFetch, xsrfToken } from "../../static/connection/csrf.js";

test("the XSRF-TOKEN cookie's raw value, among others; null without it", () => {
  assert.equal(xsrfToken("a=1; XSRF-TOKEN=abc-123=; b=2"), "abc-123=");
  assert.equal(xsrfToken("XSRF-TOKEN=t"), "t");
  assert.equal(xsrfToken("MY-XSRF-TOKEN=x; b=2"), null);
  assert.equal(xsrfToken("XSRF-TOKEN="), null);
  assert.equal(xsrfToken(""), null);
  assert.equal(xsrfToken(undefined), null);
});

test("writes carry the token in X-XSRF-TOKEN beside their own headers; reads and cookieless pages are untouched", () => {
  const cookies = "XSRF-TOKEN=tok";
  assert.deepEqual(withXsrf({ method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }, cookies),
    { method: "POST", headers: { "Content-Type": "application/json", "X-XSRF-TOKEN": "tok" }, body: "{}" });
  assert.deepEqual(withXsrf({ method: "delete" }, cookies), { method: "delete", headers: { "X-XSRF-TOKEN": "tok" } });
  assert.deepEqual(withXsrf({ method: "PUT", headers: new Headers({ Accept: "x" }) }, cookies).headers,
    { accept: "x", "X-XSRF-TOKEN": "tok" });
  const read = { headers: { Accept: "application/json" } };
  assert.equal(withXsrf(read, cookies), read);
  assert.equal(withXsrf(undefined, cookies), undefined);
  const open = { method: "POST", body: "{}" };
  assert.equal(withXsrf(open, "other=1"), open, "open mode: exactly the request of before");
});

test("xsrfFetch reads the cookie at each call", async () => {
  let cookies = "";
  const seen = [];
  const fetch = xsrfFetch(async (url, init) => seen.push(init), () => cookies);
  await fetch("/api/rooms", { method: "POST" });
  cookies = "XSRF-TOKEN=later";
  await fetch("/api/rooms", { method: "POST" });
  assert.deepEqual(seen, [{ method: "POST" }, { method: "POST", headers: { "X-XSRF-TOKEN": "later" } }]);
});
