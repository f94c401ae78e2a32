// GET /api/v1/export/{timeline|by-source|by-target|map|reports}.csv?<filters>&rows=displayed|full
// GET /api/v1/export/metadata.json
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { apiRoute, json, queryObject } from "@/lib/api/handler";
import { notFound, validationError } from "@/lib/api/errors";
import { reportFilterFields } from "@/lib/schemas/report-query";
import { EXPORT_CHARTS, csvStream, exportBatches, type ExportChart } from "@/lib/export/csv";
import { fileStem } from "@/lib/dashboard/describe";
import { exportMetadata } from "@/lib/export/metadata";
import { exportClient, exportSlots } from "@/lib/export/limits";
import { requireReader, requireStatuses } from "@/lib/auth/viewer";

const exportQuerySchema = reportFilterFields
  .extend({ rows: z.enum(["displayed", "full"], { error: "must be displayed or full" }).default("displayed") })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `must be on or after from (${query.from})` });
    }
  });

export const GET = apiRoute<{ params: Promise<{ file: string }> }>(async (request, { params }) => {
  const { file } = await params;
  const viewer = await requireReader(request);
  if (file === "metadata.json") return json(exportMetadata());
  const match = /^([a-z-]+)\.csv$/.exec(file);
  if (!match || !(EXPORT_CHARTS as readonly string[]).includes(match[1])) {
    throw notFound(`Export "${file.slice(0, 60)}" (use ${EXPORT_CHARTS.map((c) => `${c}.csv`).join(", ")} or metadata.json)`);
  }
  const chart = match[1] as ExportChart;
  const parsed = exportQuerySchema.safeParse(queryObject(request));
  if (!parsed.success) throw validationError(parsed.error, "query");
  const { rows, ...filters } = parsed.data;
  requireStatuses(viewer, filters.status);
  const filename = `${fileStem(chart, filters, rows)}.csv`;
  // Held while the file streams, released when it ends, fails or the client goes (lib/export/limits.ts).
  const release = exportSlots.acquire(exportClient(request));
  return new Response(await csvStream(exportBatches(getPrisma(), chart, filters, rows), release), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // no-transform: the server does not gzip exports of millions of rows
      // (it would cost it more than reading them); a proxy in front may.
      "Cache-Control": "no-store, no-transform",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
