// Where to send a visitor after signing in. `next` comes from the address bar,
// so it is an attacker's string: browsers strip tab, CR and LF from URLs before
// resolving them ("/\t/evil.example" becomes "//evil.example", another host),
// and a Location header with CR/LF or non-Latin-1 characters makes the server
// answer 500. So `next` is resolved the way a browser would, kept only when it
// stays on this origin, and given back as the normalised, ASCII-only path.
// Plain code without server imports: the sign-in form uses it too.

// A base that no real request uses: only the path of the result is ever returned.
const BASE = "http://next-path.invalid";
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * `value` as a path on this site ("/reports/7?x=1#a"), or `fallback` when it is
 * not a string, is too long, holds control characters, or resolves anywhere
 * but this origin (a full URL, "//host", "/\\host", "/\t/host", "javascript:").
 */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return fallback;
  if (!value.startsWith("/") || CONTROL.test(value) || value.includes("\\")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The WHATWG serialiser percent-encodes the path and query; this also holds for the fragment, but check.
  if (!path.startsWith("/") || path.startsWith("//") || /[^\x21-\x7e]/.test(path)) return fallback;
  // Signing in again would only send the visitor back here, in a loop.
  if (url.pathname === "/sign-in") return fallback;
  return path;
}

/** For the browser: the same check against the page's own origin, right before leaving the sign-in page. */
export function safeNextUrl(value: unknown, origin: string, fallback = "/"): string {
  const path = safeNextPath(value, fallback);
  try {
    const url = new URL(path, origin);
    return url.origin === new URL(origin).origin ? path : fallback;
  } catch {
    return fallback;
  }
}
