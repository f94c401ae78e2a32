import { getPrisma } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { parseId } from "@/lib/api/ids";
import { getReport } from "@/lib/reports/read";

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const id = parseId((await params).id);
  const report = await getReport(getPrisma(), id);
  if (!report) throw notFound(`Report ${id}`);
  return json(report);
});
