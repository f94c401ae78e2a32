import { getPrisma } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/body";
import { parseId } from "@/lib/api/ids";
import { respond, writeRoute } from "@/lib/api/write-route";
import { requireReader, visibleStatuses } from "@/lib/auth/viewer";
import { getReport } from "@/lib/reports/read";
import { updateReport } from "@/lib/writes/reports";
import { deleteReport } from "@/lib/writes/report-lifecycle";

type Params = { id: string };

export const GET = apiRoute<{ params: Promise<Params> }>(async (request, { params }) => {
  const viewer = await requireReader(request);
  const id = parseId((await params).id);
  // Drafts are not found for anonymous readers: their existence is not public either.
  const report = await getReport(getPrisma(), id, { statuses: visibleStatuses(viewer) });
  if (!report) throw notFound(`Report ${id}`);
  return json(report);
});

/** Any subset of the fields plus the `version` read; a stale version → 409 with what changed. */
export const PATCH = writeRoute<Params>(async (request, { actor, params }) => {
  const id = parseId(params.id);
  return respond(await updateReport(actor, id, await readJsonBody(request)));
});

/** Soft delete with { reason }: recoverable with POST …/restore. */
export const DELETE = writeRoute<Params>(async (request, { actor, params }) => {
  const id = parseId(params.id);
  return respond(await deleteReport(actor, id, await readJsonBody(request)));
});
