// Cross-site request forgery: a browser attaches the session cookie to any
// request, including one a hostile page sends. Cookie-authenticated writes
// must therefore come from this site's own pages. Browsers say where a request
// comes from (Origin, and Sec-Fetch-Site), and a page cannot forge either.
// Requests with an API token are not at risk: browsers never add that header.
// Server actions get the same check from Next.js itself.
import { ApiError } from "../api/errors";
import { trustedOrigins } from "./settings";

function requestHost(request: Request): string | null {
  return request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || new URL(request.url).host || null;
}

/** The origin the browser addressed: scheme and Host as they reached us (through a proxy, its forwarded ones). */
export function requestOrigin(request: Request): string {
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(request.url).protocol.replace(":", "");
  return `${proto}://${requestHost(request)}`;
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    if (trustedOrigins().includes(origin.replace(/\/+$/, ""))) return true;
    if (process.env.APP_URL && origin === new URL(process.env.APP_URL).origin) return true;
    try {
      return new URL(origin).host === requestHost(request);
    } catch {
      return false;
    }
  }
  // No usable Origin: fall back on Fetch Metadata, which every current browser sends.
  const site = request.headers.get("sec-fetch-site");
  return site === "same-origin";
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw new ApiError(
      "forbidden",
      "This request came from another site (or did not say where it came from), so it cannot use your sign-in cookie. Scripts should send an API token instead.",
    );
  }
}
