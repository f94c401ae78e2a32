import type { Db } from "../db/client";
import { databaseProvider } from "../db/client";
import type { Metric, Qualifier } from "../domain";
import { formatQualified } from "../format";
import type { Figure } from "./types";
import type { DashboardFilters } from "./filters";
import { dialectFor, reportFilterSql, type Dialect } from "./sql";

/** The most points a chart is sent, whatever the database holds. */
export const MAX_POINTS = 2_000;

/** Rows of bar charts: beyond this the chart says how many are left out. */
export const MAX_BARS = 60;

export function dialect(): Dialect {
  return dialectFor(databaseProvider());
}

/** Raw SQL integers arrive as number or bigint depending on the driver. */
export function toNumber(value: number | bigint | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "bigint" ? Number(value) : value;
}

export interface FigureRow {
  count: number | bigint | null;
  qualifier: string;
  reportId: number | bigint;
  observationId: number | bigint;
  statedOn: string | null;
  periodStart: string;
  periodEnd: string | null;
  metric: string;
}

export function toFigure(row: FigureRow): Figure {
  const count = toNumber(row.count);
  const qualifier = row.qualifier as Qualifier;
  return {
    count,
    qualifier,
    display: formatQualified(count, qualifier, "symbol"),
    reportId: Number(row.reportId),
    observationId: Number(row.observationId),
    sourceNumber: null,
    statedOn: row.statedOn,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    metric: row.metric as Metric,
  };
}

/** Gives each figure the number its report has in the sources panel. */
export function numberFigures<T extends Figure>(figures: T[], numbers: Map<number, number>): T[] {
  return figures.map((figure) => ({ ...figure, sourceNumber: numbers.get(figure.reportId) ?? null }));
}

/** Report ids in the order figures first use them, without repeats. */
export function reportOrder(figures: readonly Figure[]): number[] {
  return [...new Set(figures.map((figure) => figure.reportId))];
}

/** The metrics of the selected reports: more than one means the chart compares unlike counts, and says so. */
export async function filteredMetrics(db: Db, filters: DashboardFilters): Promise<Metric[]> {
  const rows = await db.$queryRaw<Array<{ metric: string }>>`
    SELECT DISTINCT r."metric" AS metric FROM "Report" r WHERE ${reportFilterSql(filters)} ORDER BY metric`;
  return rows.map((row) => row.metric as Metric);
}

export type { Db };
