import { getPrisma } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/body";
import { respond, writeRoute } from "@/lib/api/write-route";
import { getViewer, requireRole } from "@/lib/auth/viewer";
import { listApiTokens } from "@/lib/auth/token-list";
import { createApiToken } from "@/lib/writes/accounts";

/** Admins: every token (never the tokens themselves, only their first characters). */
export const GET = apiRoute(async (request) => {
  requireRole(await getViewer(request), "admin");
  return json({ data: await listApiTokens(getPrisma()) });
});

/** { name, email?, expiresInDays? } → 201 with the token, shown this once. */
export const POST = writeRoute(async (request, { actor }) => respond(await createApiToken(actor, await readJsonBody(request)), 201));
