import { getPrisma } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { parseId } from "@/lib/api/ids";
import { requireReader, visibleStatuses } from "@/lib/auth/viewer";
import { reportHistory } from "@/lib/audit/history";
import { getReport } from "@/lib/reports/read";

/** The report's changes, oldest first; who made them is named for signed-in readers only. */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const viewer = await requireReader(request);
  const id = parseId((await params).id);
  if (!(await getReport(getPrisma(), id, { statuses: visibleStatuses(viewer) }))) throw notFound(`Report ${id}`);
  return json({ data: await reportHistory(getPrisma(), id, { signedIn: viewer !== null }) });
});
