// The latest headline figure per target country. A report's headline is its
// all-sources figure over the report's own period. When several reports speak
// of the same target, the latest statement wins (ties: the later entry); the
// chart says so. Nothing is summed.
//
// For each target, the index Observation_latest_by_target hands over the
// winning headline first, so the query reads a few rows per target however
// many reports there are.
import { Prisma } from "../generated/sqlite/client";
import { findCountry } from "../reference-data";
import { MAX_BARS, figureRows, filteredMetrics, toNumber, type Db } from "./common";
import type { DashboardFilters } from "./filters";
import { observationFilterSql } from "./sql";
import type { ByTargetData, TargetRow } from "./types";

export async function latestByTarget(db: Db, filters: DashboardFilters): Promise<ByTargetData> {
  const headlines = Prisma.sql`o."isHeadline" = true AND o."hasCount" = true AND o."reportTarget" = t."code" AND ${observationFilterSql(filters)}`;
  const targets = filters.target?.length ? Prisma.sql`WHERE t."code" IN (${Prisma.join(filters.target)})` : Prisma.empty;
  const picks = await db.$queryRaw<Array<{ code: string; chosen: number | bigint | null; reports: number | bigint }>>`
    SELECT code, chosen, reports FROM (
      SELECT t."code" AS code,
             (SELECT o."id" FROM "Observation" o WHERE ${headlines}
               ORDER BY o."reportStatedKey" DESC, o."reportId" DESC, o."id" ASC LIMIT 1) AS chosen,
             (SELECT COUNT(*) FROM "Observation" o WHERE ${headlines}) AS reports
        FROM "Country" t ${targets}
    ) picked WHERE chosen IS NOT NULL`;
  const reports = new Map(picks.map((pick) => [Number(pick.chosen), toNumber(pick.reports) ?? 0]));
  const figures = await figureRows(db, [...reports.keys()]);
  const all = figures
    .map((f): TargetRow => {
      const code = f.target;
      return { ...f.figure, code, name: findCountry(code)?.name ?? code, reports: reports.get(f.figure.observationId) ?? 0 };
    })
    .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.name.localeCompare(b.name));
  return { rows: all.slice(0, MAX_BARS), hiddenRows: Math.max(0, all.length - MAX_BARS), metrics: await filteredMetrics(db, filters) };
}
