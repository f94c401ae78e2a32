// Who is asking: the signed-in user (session cookie) or the owner of an API
// token (Authorization: Bearer …). Use it in every page, route handler and
// server action that reads or writes:
//
//   const viewer = await getViewer(request);   // route handler
//   const viewer = await getViewer();          // server component or action
//
// It returns null for anonymous visitors and throws 401 for a bad token (a
// caller that sends credentials must learn they are wrong, not be served as
// anonymous).
import { cache } from "react";
import { headers as nextHeaders } from "next/headers";
import { ApiError } from "../api/errors";
import { getPrisma, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import type { Actor } from "../audit/record";
import { REPORT_STATUSES, type ReportStatus } from "../domain";
import { getAuth } from "./auth";
import { hasRole, isRole, type Role } from "./roles";
import { publicRead } from "./settings";
import { hashToken, looksLikeToken } from "./tokens-core";

export interface Viewer {
  user: { id: string; email: string; name: string };
  role: Role;
  via: "session" | "token";
  /** The API token used, when via is "token". */
  tokenId: string | null;
}

/** A token's last use is recorded at most this often: not a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

async function viewerFromToken(db: Db, authorization: string): Promise<Viewer> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new ApiError("unauthorized", "The Authorization header must be 'Bearer <token>'.");
  const token = match[1];
  const invalid = new ApiError("unauthorized", "The API token is not valid, has expired or has been revoked.");
  if (!looksLikeToken(token)) throw invalid;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !isRole(row.user.role)) throw invalid;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Bookkeeping only: a busy database must not fail the caller's request.
    await writeTransaction((tx) => tx.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } })).catch(() => undefined);
  }
  return {
    user: { id: row.user.id, email: row.user.email, name: row.user.name },
    role: row.user.role,
    via: "token",
    tokenId: row.id,
  };
}

/** The viewer from request headers: a Bearer token if one is sent, else the session cookie. */
export async function viewerFromHeaders(headers: Headers, db: Db = getPrisma()): Promise<Viewer | null> {
  const authorization = headers.get("authorization");
  if (authorization) return viewerFromToken(db, authorization);
  if (!headers.get("cookie")) return null;
  const auth = await getAuth(db);
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const role = (session.user as { role?: unknown }).role;
  if (!isRole(role)) return null;
  return {
    user: { id: session.user.id, email: session.user.email, name: session.user.name },
    role,
    via: "session",
    tokenId: null,
  };
}

/** Server components and actions call it without a request; it is computed once per request. */
const viewerOfThisRequest = cache(async () => viewerFromHeaders(await nextHeaders()));

export async function getViewer(request?: Request): Promise<Viewer | null> {
  return request ? viewerFromHeaders(request.headers) : viewerOfThisRequest();
}

/** 401 when nobody is signed in, 403 when the role is not enough. */
export function requireRole(viewer: Viewer | null, role: Role): Viewer {
  if (!viewer) throw new ApiError("unauthorized", "Sign in, or send an API token, to do this.");
  if (!hasRole(viewer.role, role)) {
    throw new ApiError("forbidden", `This needs the ${role} role; you are signed in as an ${viewer.role}.`);
  }
  return viewer;
}

/** For every read: anonymous readers pass unless PUBLIC_READ=false. */
export async function requireReader(request?: Request): Promise<Viewer | null> {
  const viewer = await getViewer(request);
  if (!viewer && !publicRead()) {
    throw new ApiError("unauthorized", "This dashboard is not public: sign in, or send an API token, to read it.");
  }
  return viewer;
}

/** Drafts are for analysts and admins; published and retracted reports are public. */
export function canSeeDrafts(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/** Refuses (401) a request for drafts from someone who may not see them. */
export function requireStatuses(viewer: Viewer | null, statuses: readonly ReportStatus[] | undefined): void {
  if (statuses?.includes("draft") && !canSeeDrafts(viewer)) {
    throw new ApiError("unauthorized", "Drafts are visible to signed-in analysts and admins: sign in, or send an API token.");
  }
}

export function visibleStatuses(viewer: Viewer | null): ReportStatus[] {
  return canSeeDrafts(viewer) ? [...REPORT_STATUSES] : REPORT_STATUSES.filter((status) => status !== "draft");
}

export function actorOf(viewer: Viewer | null): Actor | null {
  if (!viewer) return null;
  return { userId: viewer.user.id, email: viewer.user.email, role: viewer.role, via: viewer.via, tokenId: viewer.tokenId };
}
