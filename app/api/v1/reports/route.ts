import { getPrisma } from "@/lib/db/client";
import { apiRoute, json, parseQuery } from "@/lib/api/handler";
import { listReports } from "@/lib/reports/read";
import { reportListQuerySchema } from "@/lib/schemas/report-query";

export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, reportListQuerySchema);
  return json(await listReports(getPrisma(), query));
});
