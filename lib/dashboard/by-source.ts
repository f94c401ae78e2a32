// Figures by source country or region. For each source the chart shows the
// most recently stated figure that gives a number; a source that reports only
// name, without a number, stays "named, no figure" — never zero. Figures from
// different reports are never added up.
import { Prisma } from "../generated/sqlite/client";
import { scopeName } from "../reference-data";
import { MAX_BARS, filteredMetrics, toFigure, toNumber, type Db, type FigureRow } from "./common";
import type { DashboardFilters } from "./filters";
import { observationSourceSql, reportFilterSql } from "./sql";
import type { BySourceData, SourceRow } from "./types";

interface Row extends FigureRow {
  scopeType: "country" | "region";
  code: string;
  note: string | null;
  targetCountry: string;
  mentions: number | bigint;
}

/** Rows in chart order: figures from the largest down, then the sources named without one. */
function chartOrder(a: SourceRow, b: SourceRow): number {
  if (a.count === null || b.count === null) return a.count === null ? (b.count === null ? a.name.localeCompare(b.name) : 1) : -1;
  return b.count - a.count || a.name.localeCompare(b.name);
}

export async function countsBySource(db: Db, filters: DashboardFilters, options: { scope?: "country" | "any"; limit?: number } = {}): Promise<BySourceData> {
  const onlySelected = filters.source?.length ? Prisma.sql`AND ${observationSourceSql(filters.source, "o")}` : Prisma.empty;
  const scopes = options.scope === "country" ? Prisma.sql`o."scopeType" = 'country'` : Prisma.sql`o."scopeType" IN ('country', 'region')`;
  const code = Prisma.sql`COALESCE(o."scopeCountryCode", o."scopeRegionCode")`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT "scopeType", code, count, qualifier, note, "reportId", "observationId", "statedOn", "periodStart", "periodEnd", metric, "targetCountry", mentions FROM (
      SELECT o."scopeType" AS "scopeType", ${code} AS code, o."count" AS count, o."qualifier" AS qualifier, o."note" AS note,
             r."id" AS "reportId", o."id" AS "observationId", r."statedOn" AS "statedOn", o."periodStart" AS "periodStart", o."periodEnd" AS "periodEnd",
             r."metric" AS metric, r."targetCountryCode" AS "targetCountry",
             ROW_NUMBER() OVER (PARTITION BY o."scopeType", ${code}
                                ORDER BY CASE WHEN o."count" IS NULL THEN 1 ELSE 0 END, r."statedOn" DESC NULLS LAST, r."id" DESC, o."id" ASC) AS rank,
             COUNT(*) OVER (PARTITION BY o."scopeType", ${code}) AS mentions
        FROM "Observation" o JOIN "Report" r ON r."id" = o."reportId"
       WHERE ${reportFilterSql(filters)} AND ${scopes} ${onlySelected}
    ) ranked WHERE rank = 1`;
  const all = rows
    .map(
      (row): SourceRow => ({
        ...toFigure(row),
        scopeType: row.scopeType,
        code: row.code,
        name: scopeName(row.scopeType, row.code),
        note: row.note,
        targetCountry: row.targetCountry,
        mentions: toNumber(row.mentions) ?? 0,
      }),
    )
    .sort(chartOrder);
  const limit = options.limit ?? MAX_BARS;
  return { rows: all.slice(0, limit), hiddenRows: Math.max(0, all.length - limit), metrics: await filteredMetrics(db, filters) };
}
