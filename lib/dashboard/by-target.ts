// The latest headline figure per target country. A report's headline is its
// all-sources figure over the report's own period. When several reports speak
// of the same target, the latest statement wins (ties: the later entry); the
// chart says so. Nothing is summed.
//
// Under a source filter a report's headline says nothing about the selected
// sources: for each target the chart then shows the latest figure attributed
// to them (or "named, no figure"), with the report's total as labelled context.
//
// For each target, the index Observation_latest_by_target hands over the
// winning headline first, so the query reads a few rows per target however
// many reports there are.
import { Prisma } from "../generated/sqlite/client";
import { findCountry } from "../reference-data";
import { MAX_BARS, figureRows, filteredMetrics, toNumber, type Db } from "./common";
import type { DashboardFilters } from "./filters";
import { observationFilterSql } from "./sql";
import { attributedSource, drawnScopeSql, headlineContextLabel, isSourceScoped } from "./source-scope";
import { formatQualified } from "../format";
import type { Qualifier } from "../domain";
import type { ByTargetData, TargetRow } from "./types";

export async function latestByTarget(db: Db, filters: DashboardFilters): Promise<ByTargetData> {
  const scoped = isSourceScoped(filters);
  const drawn = drawnScopeSql(filters, Prisma.sql`o."isHeadline" = true AND o."hasCount" = true`);
  const headlines = Prisma.sql`${drawn} AND o."reportTarget" = t."code" AND ${observationFilterSql(filters, "o", { skipSource: scoped })}`;
  // A figure for the selected sources wins over a report that only names them.
  const order = scoped ? Prisma.sql`o."hasCount" DESC, ` : Prisma.empty;
  const counted = scoped ? Prisma.sql`COUNT(DISTINCT o."reportId")` : Prisma.sql`COUNT(*)`;
  const targets = filters.target?.length ? Prisma.sql`WHERE t."code" IN (${Prisma.join(filters.target)})` : Prisma.empty;
  const picks = await db.$queryRaw<Array<{ code: string; chosen: number | bigint | null; reports: number | bigint }>>`
    SELECT code, chosen, reports FROM (
      SELECT t."code" AS code,
             (SELECT o."id" FROM "Observation" o WHERE ${headlines}
               ORDER BY ${order}o."reportStatedKey" DESC, o."reportId" DESC, o."id" ASC LIMIT 1) AS chosen,
             (SELECT ${counted} FROM "Observation" o WHERE ${headlines}) AS reports
        FROM "Country" t ${targets}
    ) picked WHERE chosen IS NOT NULL`;
  const reports = new Map(picks.map((pick) => [Number(pick.chosen), toNumber(pick.reports) ?? 0]));
  const figures = await figureRows(db, [...reports.keys()]);
  const context = scoped ? await headlineTotals(db, figures.map((f) => f.figure.reportId), headlineContextLabel(filters)!) : new Map<number, string>();
  const all = figures
    .map((f): TargetRow => {
      const code = f.target;
      return {
        ...f.figure,
        code,
        name: findCountry(code)?.name ?? code,
        reports: reports.get(f.figure.observationId) ?? 0,
        source: attributedSource(f.row.scopeType, f.row.scopeCode),
        context: context.get(f.figure.reportId) ?? null,
      };
    })
    // Figures from the largest down, then targets whose reports only name the sources.
    .sort((a, b) => (a.count === null) !== (b.count === null) ? (a.count === null ? 1 : -1) : (b.count ?? 0) - (a.count ?? 0) || a.name.localeCompare(b.name));
  return { rows: all.slice(0, MAX_BARS), hiddenRows: Math.max(0, all.length - MAX_BARS), metrics: await filteredMetrics(db, filters) };
}

/** "total of all sources, in reports that name …: > 40,000,000" for each report that has a headline. */
async function headlineTotals(db: Db, reportIds: readonly number[], label: string): Promise<Map<number, string>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ reportId: number | bigint; count: number | bigint | null; qualifier: string }>>`
    SELECT o."reportId" AS "reportId", o."count" AS count, o."qualifier" AS qualifier FROM "Observation" o
     WHERE o."isHeadline" = true AND o."hasCount" = true AND o."reportId" IN (${Prisma.join([...new Set(reportIds)])})`;
  return new Map(rows.map((row) => [Number(row.reportId), `${label}: ${formatQualified(toNumber(row.count), row.qualifier as Qualifier, "symbol")}`]));
}
