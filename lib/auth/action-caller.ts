// Server actions are POSTs to a page, and a browser sends the session cookie
// with any POST, including one a hostile page makes. Next.js checks Origin
// against Host only when Origin is present; a request without it (an old
// client, a stripped header) runs. Each action therefore checks the request
// itself, the same way the API does (csrf.ts), before it looks at who is asking.
import { headers } from "next/headers";
import { ApiError } from "../api/errors";
import type { Actor } from "../audit/record";
import { toWriteError, type WriteResult } from "../writes/result";
import { isSameOriginHeaders } from "./csrf";
import { actorOf, getViewer } from "./viewer";

export const CROSS_SITE_MESSAGE =
  "This form was sent from another site, or did not say where it came from, so it cannot act with your sign-in. Reload the page and try again.";

/** The refusal, or null when the headers say the request comes from this site. */
export function crossSiteRefusal(requestHeaders: Headers): WriteResult<never> | null {
  if (isSameOriginHeaders(requestHeaders)) return null;
  return { ok: false, error: toWriteError(new ApiError("forbidden", CROSS_SITE_MESSAGE)) };
}

/**
 * Runs `work` as the signed-in caller when the request comes from this site;
 * otherwise answers 403 (as a WriteResult) without running it.
 */
export async function asSameSiteCaller<T>(work: (actor: Actor | null) => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  const requestHeaders = await headers();
  const refused = crossSiteRefusal(requestHeaders);
  if (refused) return refused;
  return work(actorOf(await getViewer().catch(() => null)));
}
