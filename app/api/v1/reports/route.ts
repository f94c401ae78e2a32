import { getPrisma } from "@/lib/db/client";
import { apiRoute, json, parseQuery } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/body";
import { respond, writeRoute } from "@/lib/api/write-route";
import { requireReader, requireStatuses } from "@/lib/auth/viewer";
import { listReports } from "@/lib/reports/read";
import { reportListQuerySchema } from "@/lib/schemas/report-query";
import { createReport } from "@/lib/writes/reports";

export const GET = apiRoute(async (request) => {
  const viewer = await requireReader(request);
  const query = parseQuery(request, reportListQuerySchema);
  requireStatuses(viewer, query.status);
  return json(await listReports(getPrisma(), query));
});

/** A whole report in one payload → 201 with the created report. */
export const POST = writeRoute(async (request, { actor }) => {
  const body = await readJsonBody(request);
  return respond(await createReport(actor, body), 201);
});
