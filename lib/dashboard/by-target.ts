// The latest headline figure per target country. A report's headline is its
// all-sources figure over the report's own period. When several reports speak
// of the same target, the latest statement wins (ties: the later entry); the
// chart says so. Nothing is summed.
import { Prisma } from "../generated/sqlite/client";
import { findCountry } from "../reference-data";
import { MAX_BARS, dialect, filteredMetrics, toFigure, toNumber, type Db, type FigureRow } from "./common";
import type { DashboardFilters } from "./filters";
import { reportFilterSql } from "./sql";
import type { ByTargetData, TargetRow } from "./types";

interface Row extends FigureRow {
  code: string;
  reports: number | bigint;
}

export async function latestByTarget(db: Db, filters: DashboardFilters): Promise<ByTargetData> {
  const d = dialect();
  const where = reportFilterSql(filters);
  const rows = await db.$queryRaw<Row[]>`
    SELECT code, count, qualifier, "reportId", "observationId", "statedOn", "periodStart", "periodEnd", metric, reports FROM (
      SELECT r."targetCountryCode" AS code, o."count" AS count, o."qualifier" AS qualifier, r."id" AS "reportId", o."id" AS "observationId",
             r."statedOn" AS "statedOn", o."periodStart" AS "periodStart", o."periodEnd" AS "periodEnd", r."metric" AS metric,
             ROW_NUMBER() OVER (PARTITION BY r."targetCountryCode" ORDER BY r."statedOn" DESC NULLS LAST, r."id" DESC, o."id" ASC) AS rank,
             COUNT(*) OVER (PARTITION BY r."targetCountryCode") AS reports
        FROM "Report" r JOIN "Observation" o
          ON o."reportId" = r."id" AND o."scopeType" = 'all' AND o."count" IS NOT NULL
         AND o."periodStart" = r."periodStart" AND ${d.same(Prisma.sql`o."periodEnd"`, Prisma.sql`r."periodEnd"`)}
       WHERE ${where}
    ) ranked WHERE rank = 1`;
  const all = rows
    .map((row): TargetRow => ({ ...toFigure(row), code: row.code, name: findCountry(row.code)?.name ?? row.code, reports: toNumber(row.reports) ?? 0 }))
    .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.name.localeCompare(b.name));
  return { rows: all.slice(0, MAX_BARS), hiddenRows: Math.max(0, all.length - MAX_BARS), metrics: await filteredMetrics(db, filters) };
}
