// Figures by source country or region. For each source the chart shows the
// most recently stated figure that gives a number; a source that reports only
// name, without a number, stays "named, no figure" — never zero. Figures from
// different reports are never added up.
//
// For each known source the index Observation_latest_by_source yields the
// winning observation first (figures before named-only, then latest statement).
import { Prisma } from "../generated/sqlite/client";
import { scopeName } from "../reference-data";
import { MAX_BARS, figureRows, filteredMetrics, toNumber, type Db } from "./common";
import type { DashboardFilters } from "./filters";
import { expandSources, observationFilterSql } from "./sql";
import type { BySourceData, SourceRow } from "./types";

/** Rows in chart order: figures from the largest down, then the sources named without one. */
function chartOrder(a: SourceRow, b: SourceRow): number {
  if (a.count === null || b.count === null) return a.count === null ? (b.count === null ? a.name.localeCompare(b.name) : 1) : -1;
  return b.count - a.count || a.name.localeCompare(b.name);
}

function candidateSources(filters: DashboardFilters, scope: "country" | "any"): Prisma.Sql {
  const countries = Prisma.sql`SELECT 'country' AS "scopeType", c."code" AS code FROM "Country" c`;
  const regions = Prisma.sql`SELECT 'region' AS "scopeType", g."code" AS code FROM "Region" g`;
  if (!filters.source?.length) return scope === "country" ? countries : Prisma.sql`${countries} UNION ALL ${regions}`;
  // Only the sources the filter selects: a region selects itself, its sub-regions and its countries.
  const selected = expandSources(filters.source);
  const parts = [
    selected.countries.length ? Prisma.sql`${countries} WHERE c."code" IN (${Prisma.join(selected.countries)})` : null,
    selected.regions.length && scope === "any" ? Prisma.sql`${regions} WHERE g."code" IN (${Prisma.join(selected.regions)})` : null,
  ].filter((part): part is Prisma.Sql => part !== null);
  return parts.length ? Prisma.join(parts, " UNION ALL ") : Prisma.sql`SELECT 'country' AS "scopeType", '' AS code WHERE 1 = 0`;
}

export async function countsBySource(db: Db, filters: DashboardFilters, options: { scope?: "country" | "any"; limit?: number } = {}): Promise<BySourceData> {
  // The scope restriction below already means "the report names this source".
  const mentions = Prisma.sql`o."scopeType" = s."scopeType" AND o."scopeCode" = s.code AND ${observationFilterSql(filters, "o", { skipSource: true })}`;
  const picks = await db.$queryRaw<Array<{ chosen: number | bigint | null; mentions: number | bigint }>>`
    SELECT chosen, mentions FROM (
      SELECT (SELECT o."id" FROM "Observation" o WHERE ${mentions}
               ORDER BY o."hasCount" DESC, o."reportStatedKey" DESC, o."reportId" DESC, o."id" ASC LIMIT 1) AS chosen,
             (SELECT COUNT(*) FROM "Observation" o WHERE ${mentions}) AS mentions
        FROM (${candidateSources(filters, options.scope ?? "any")}) s
    ) picked WHERE chosen IS NOT NULL`;
  const counts = new Map(picks.map((pick) => [Number(pick.chosen), toNumber(pick.mentions) ?? 0]));
  const figures = await figureRows(db, [...counts.keys()]);
  const all = figures
    .map(({ figure, row }): SourceRow => {
      const scopeType = row.scopeType as "country" | "region";
      return {
        ...figure,
        scopeType,
        code: row.scopeCode,
        name: scopeName(scopeType, row.scopeCode),
        note: row.note,
        targetCountry: row.target,
        mentions: counts.get(figure.observationId) ?? 0,
      };
    })
    .sort(chartOrder);
  const limit = options.limit ?? MAX_BARS;
  return { rows: all.slice(0, limit), hiddenRows: Math.max(0, all.length - limit), metrics: await filteredMetrics(db, filters) };
}
