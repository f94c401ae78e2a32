import { readJsonBody } from "@/lib/api/body";
import { parseId } from "@/lib/api/ids";
import { respond, writeRoute } from "@/lib/api/write-route";
import { restoreReport } from "@/lib/writes/report-lifecycle";

/** {} or { reason } undeletes; { toVersion, version } makes an earlier version current again. */
export const POST = writeRoute<{ id: string }>(async (request, { actor, params }) => {
  return respond(await restoreReport(actor, parseId(params.id), await readJsonBody(request)));
});
