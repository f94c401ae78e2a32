import type { Db } from "../db/client";
import { providerOf } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import { METRIC_KEYS, type Metric, type Qualifier } from "../domain";
import { formatQualified } from "../format";
import type { Figure } from "./types";
import type { DashboardFilters } from "./filters";
import { dialectFor, reportFilterSql, type Dialect } from "./sql";

/** The most points a chart is sent, whatever the database holds. */
export const MAX_POINTS = 2_000;

/** Rows of bar charts: beyond this the chart says how many are left out. */
export const MAX_BARS = 60;

export function dialect(db: Db): Dialect {
  return dialectFor(providerOf(db));
}

/** Raw SQL integers arrive as number or bigint depending on the driver. */
export function toNumber(value: number | bigint | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "bigint" ? Number(value) : value;
}

/** The columns every drawn figure needs, from an Observation alias and its report facts. */
export function figureColumns(o = "o"): Prisma.Sql {
  const a = Prisma.raw(o);
  return Prisma.sql`${a}."id" AS "observationId", ${a}."reportId" AS "reportId", ${a}."count" AS count, ${a}."qualifier" AS qualifier,
    ${a}."periodStart" AS "periodStart", ${a}."periodEnd" AS "periodEnd", ${a}."reportStatedKey" AS "statedKey",
    ${a}."reportMetric" AS metric, ${a}."reportTarget" AS target, ${a}."scopeType" AS "scopeType", ${a}."scopeCode" AS "scopeCode",
    ${a}."note" AS note, ${a}."isHeadline" AS "isHeadline"`;
}

export interface FigureRow {
  observationId: number | bigint;
  reportId: number | bigint;
  count: number | bigint | null;
  qualifier: string | null;
  periodStart: string;
  periodEnd: string | null;
  statedKey: string;
  metric: string;
  target: string;
  scopeType: string;
  scopeCode: string;
  note: string | null;
  isHeadline: boolean | number | bigint;
}

export function toFigure(row: FigureRow): Figure {
  const count = toNumber(row.count);
  const qualifier = row.qualifier as Qualifier | null;
  return {
    count,
    qualifier,
    display: formatQualified(count, qualifier, "symbol"),
    reportId: Number(row.reportId),
    observationId: Number(row.observationId),
    sourceNumber: null,
    statedOn: row.statedKey || null,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    metric: row.metric as Metric,
  };
}

/** The figures of these observations, in the order of the ids given. */
export async function figureRows(db: Db, ids: readonly number[]): Promise<Array<{ figure: Figure; row: FigureRow; target: string }>> {
  const rows: FigureRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    rows.push(...(await db.$queryRaw<FigureRow[]>`SELECT ${figureColumns()} FROM "Observation" o WHERE o."id" IN (${Prisma.join(slice)})`));
  }
  const byId = new Map(rows.map((row) => [Number(row.observationId), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ figure: toFigure(row), row, target: row.target }] : [];
  });
}

/** Gives each figure the number its report has in the sources panel. */
export function numberFigures<T extends Figure>(figures: T[], numbers: Map<number, number>): T[] {
  return figures.map((figure) => ({ ...figure, sourceNumber: numbers.get(figure.reportId) ?? null }));
}

/** Report ids in the order figures first use them, without repeats. */
export function reportOrder(figures: readonly Figure[]): number[] {
  return [...new Set(figures.map((figure) => figure.reportId))];
}

/**
 * The metrics of the selected reports: more than one means the chart compares
 * unlike counts, and says so. One round trip: an EXISTS per known metric.
 */
export async function filteredMetrics(db: Db, filters: DashboardFilters): Promise<Metric[]> {
  const candidates = filters.metric?.length ? filters.metric : METRIC_KEYS;
  const probes = candidates.map(
    (metric) =>
      Prisma.sql`SELECT ${metric} AS metric WHERE EXISTS (SELECT 1 FROM "Report" r WHERE r."metric" = ${metric} AND ${reportFilterSql(filters)})`,
  );
  const rows = await db.$queryRaw<Array<{ metric: string }>>`${Prisma.join(probes, " UNION ALL ")}`;
  const found = new Set(rows.map((row) => row.metric));
  return candidates.filter((metric) => found.has(metric));
}

export type { Db };
