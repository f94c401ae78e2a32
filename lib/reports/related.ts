// Other reports on the same target whose periods overlap this one's: the
// claims a reader should weigh against it (competing or cumulative — never to
// be added up).
import type { Db } from "../db/client";
import type { ReportStatus } from "../domain";
import { reportFilterSql } from "../dashboard/sql";
import { reportInclude, toReportJson } from "./read";
import type { ReportJson } from "./types";

export async function overlappingReports(
  db: Db,
  report: ReportJson,
  statuses: ReportStatus[] = ["published", "retracted"],
  limit = 50,
): Promise<ReportJson[]> {
  // Open periods run to the statement date when known, else on without end.
  const end = report.periodEnd ?? report.statedOn ?? undefined;
  const where = reportFilterSql({ target: [report.targetCountry], from: report.periodStart, to: end, status: statuses });
  const ids = await db.$queryRaw<Array<{ id: number | bigint }>>`
    SELECT r."id" AS id FROM "Report" r WHERE ${where} AND r."id" <> ${report.id}
    ORDER BY r."statedOn" DESC NULLS LAST, r."id" DESC LIMIT ${limit}`;
  if (ids.length === 0) return [];
  const rows = await db.report.findMany({ where: { id: { in: ids.map((row) => Number(row.id)) } }, include: reportInclude });
  const order = new Map(ids.map((row, index) => [Number(row.id), index]));
  return rows.map(toReportJson).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
