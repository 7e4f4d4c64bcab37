// Spring Security's cookie CSRF token (oidc mode): every write the page makes echoes the XSRF-TOKEN cookie in an
// X-XSRF-TOKEN header. Pure, no DOM: the caller hands in document.cookie. In open mode there is no such cookie and
// requests go out exactly as before.

export const XSRF_COOKIE = "XSRF-TOKEN";
export const XSRF_HEADER = "X-XSRF-TOKEN";

// Methods that change nothing: the server does not ask them for the token.
const SAFE = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** The raw value of the XSRF-TOKEN cookie in {@code cookies} (document.cookie's "a=1; b=2"), or null. */
export function xsrfToken(cookies) {
  for (const pair of String(cookies ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === XSRF_COOKIE) {
      const value = pair.slice(at + 1).trim();
      return value === "" ? null : value;
    }
  }
  return null;
}

/**
 * {@code init} for fetch with the X-XSRF-TOKEN header added when the request writes and the cookie exists;
 * otherwise {@code init} itself, untouched.
 */
export function withXsrf(init, cookies) {
  const method = (init?.method ?? "GET").toUpperCase();
  const token = SAFE.has(method) ? null : xsrfToken(cookies);
  if (token === null) {
    return init;
  }
  const headers = init.headers instanceof Headers ? Object.fromEntries(init.headers.entries()) : init.headers;
  return { ...init, headers: { ...headers, [XSRF_HEADER]: token } };
}

/** Wraps {@code fetch(url, init)} so that every write carries the token ({@code cookies()}: document.cookie). */
export function xsrfFetch(fetch, cookies = () => globalThis.document?.cookie ?? "") {
  return (url, init) => fetch(url, withXsrf(init, cookies()));
}
