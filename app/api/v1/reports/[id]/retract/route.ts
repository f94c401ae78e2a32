import { readJsonBody } from "@/lib/api/body";
import { parseId } from "@/lib/api/ids";
import { respond, writeRoute } from "@/lib/api/write-route";
import { retractReport } from "@/lib/writes/report-lifecycle";

/** { reason } → the report is marked retracted; it stays public, with the reason. */
export const POST = writeRoute<{ id: string }>(async (request, { actor, params }) => {
  return respond(await retractReport(actor, parseId(params.id), await readJsonBody(request)));
});
