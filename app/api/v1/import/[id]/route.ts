import { getPrisma } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/api/handler";
import { ApiError, notFound } from "@/lib/api/errors";
import { getViewer, requireRole } from "@/lib/auth/viewer";
import { getImportJob } from "@/lib/import/progress";

/** An import's progress and outcome, as stored in the database (any instance can answer). */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  requireRole(await getViewer(request), "admin");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApiError("validation_failed", "Import ids are UUIDs", [{ path: "id", message: "must be a UUID" }]);
  const job = await getImportJob(getPrisma(), id);
  if (!job) throw notFound(`Import ${id}`);
  return json(job);
});
