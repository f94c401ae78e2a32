import { apiRoute, json } from "@/lib/api/handler";
import { getViewer, requireRole } from "@/lib/auth/viewer";

/** Who the credentials sent belong to: handy to check a token. 401 when none. */
export const GET = apiRoute(async (request) => {
  const viewer = requireRole(await getViewer(request), "analyst");
  return json({ user: viewer.user, role: viewer.role, via: viewer.via });
});
