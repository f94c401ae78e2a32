import { apiRoute } from "@/lib/api/handler";
import { requireReader } from "@/lib/auth/viewer";
import { importTemplateCsv } from "@/lib/import/template";

/** The columns of the full export, with an example report to replace. */
export const GET = apiRoute(async (request) => {
  await requireReader(request);
  return new Response(importTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="reports-import-template.csv"',
      "Cache-Control": "no-store",
    },
  });
});
