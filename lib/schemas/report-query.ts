import { z } from "zod";
import { METRIC_KEYS, REPORT_STATUSES } from "../domain";
import { commaList, countryCode, isoDate, sourceCode } from "./common";

const CURSOR_PREFIX = "r";

export function encodeCursor(lastId: number): string {
  return Buffer.from(`${CURSOR_PREFIX}:${lastId}`).toString("base64url");
}

function decodeCursor(cursor: string): number | null {
  const match = /^r:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

const outletId = z.coerce
  .number({ error: "must be an outlet id" })
  .int({ error: "must be a whole number" })
  .positive({ error: "must be a positive outlet id" });

/** Filters that every read of reports understands: the list API, the dashboard, the exports. */
export const reportFilterFields = z.strictObject({
  target: commaList(countryCode, { upperCase: true }),
  source: commaList(sourceCode, { upperCase: true }),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: commaList(z.enum(REPORT_STATUSES, { error: `must be one of ${REPORT_STATUSES.join(", ")}` })),
  metric: commaList(z.enum(METRIC_KEYS, { error: `must be one of ${METRIC_KEYS.join(", ")}` })),
  /** Speaker organisations, exactly as entered. */
  org: commaList(z.string().trim().min(1).max(200, { error: "must be at most 200 characters" })),
  outlet: commaList(outletId),
});

function checkDateRange(query: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (query.from && query.to && query.from > query.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `must be on or after from (${query.from})` });
  }
}

export const reportFiltersSchema = reportFilterFields.superRefine(checkDateRange);

export const reportListQuerySchema = reportFilterFields
  .extend({
    limit: z.coerce
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(500, { error: "must be at most 500" })
      .default(50),
    cursor: z
      .string()
      .transform((cursor, ctx) => {
        const id = decodeCursor(cursor);
        if (id === null) {
          ctx.addIssue({ code: "custom", message: "is not a cursor this API returned; use nextCursor from the previous page" });
          return z.NEVER;
        }
        return id;
      })
      .optional(),
  })
  .superRefine(checkDateRange);

export type ReportFilters = z.infer<typeof reportFiltersSchema>;
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;
