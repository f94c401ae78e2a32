// Cross-site request forgery: a browser attaches the session cookie to any
// request, including one a hostile page sends. Cookie-authenticated writes
// must therefore come from this site's own pages. Browsers say where a request
// comes from (Origin, and Sec-Fetch-Site), and a page cannot forge either.
// Requests with an API token are not at risk: browsers never add that header.
// Server actions make the same check themselves (action-caller.ts): Next.js's
// own lets a request without Origin through.
import { ApiError } from "../api/errors";
import { trustedOrigins } from "./settings";

function requestHost(headers: Headers, url?: string): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || (url ? new URL(url).host : null) || null;
}

function requestProtocol(headers: Headers, url?: string): string {
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || (url ? new URL(url).protocol.replace(":", "") : "http");
}

/** The origin the browser addressed: scheme and Host as they reached us (through a proxy, its forwarded ones). */
export function requestOrigin(request: Request): string {
  return `${requestProtocol(request.headers, request.url)}://${requestHost(request.headers, request.url)}`;
}

/** "https://Host:443" and "https://host" are one origin; anything unparsable is none. */
function normalOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Whether the headers of a request say it comes from this site. Scheme, host
 * and port must all match: http://host is another origin than https://host
 * (a page on plain HTTP, which anyone on the network can write, must not act
 * with the cookie of the HTTPS site). `url` is the request's own URL, when known.
 */
export function isSameOriginHeaders(headers: Headers, url?: string): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== "null") {
    const sent = normalOrigin(origin);
    if (!sent) return false;
    if (trustedOrigins().some((trusted) => normalOrigin(trusted) === sent)) return true;
    if (process.env.APP_URL && normalOrigin(process.env.APP_URL) === sent) return true;
    const host = requestHost(headers, url);
    return host !== null && normalOrigin(`${requestProtocol(headers, url)}://${host}`) === sent;
  }
  // No usable Origin: fall back on Fetch Metadata, which every current browser sends.
  return headers.get("sec-fetch-site") === "same-origin";
}

export function isSameOrigin(request: Request): boolean {
  return isSameOriginHeaders(request.headers, request.url);
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw new ApiError(
      "forbidden",
      "This request came from another site (or did not say where it came from), so it cannot use your sign-in cookie. Scripts should send an API token instead.",
    );
  }
}
