// The timeline: each report's headline figure placed on its own period, one
// series per target country; daily series as bars. When the filters select
// more marks than a chart can show, marks are bucketed by week, month or year
// and each bucket shows the figure of the latest statement in it — figures
// from different reports are never added up.
import { Prisma } from "../generated/sqlite/client";
import { findCountry } from "../reference-data";
import { MAX_POINTS, dialect, filteredMetrics, toFigure, toNumber, type Db, type FigureRow } from "./common";
import type { DashboardFilters } from "./filters";
import { reportFilterSql, type Bucket } from "./sql";
import type { TimelineData, TimelineMark } from "./types";

/** Series drawn at most: more lines than this cannot be told apart. */
export const MAX_SERIES = 8;

const BUCKET_DAYS: Array<[Bucket, number]> = [
  ["day", 1],
  ["week", 7],
  ["month", 30.44],
  ["year", 365.25],
];

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

/** The finest bucket that keeps every series under the point budget (two kinds of marks per bucket at most). */
export function chooseBucket(spanDays: number, series: number): Bucket {
  for (const [bucket, size] of BUCKET_DAYS) {
    if (series * 2 * (Math.floor(spanDays / size) + 1) <= MAX_POINTS) return bucket;
  }
  return "year";
}

interface MarkRow extends FigureRow {
  series: string;
  kind: "period" | "daily";
  others: number | bigint;
}

function toMark(row: MarkRow): TimelineMark {
  const figure = toFigure(row);
  return {
    ...figure,
    series: row.series,
    kind: row.kind,
    drawEnd: row.periodEnd ?? row.statedOn,
    others: toNumber(row.others) ?? 0,
  };
}

export async function reportTimeline(db: Db, filters: DashboardFilters): Promise<TimelineData> {
  const d = dialect();
  const where = reportFilterSql(filters);
  const kind = Prisma.sql`CASE WHEN o."periodStart" = r."periodStart" AND ${d.same(Prisma.sql`o."periodEnd"`, Prisma.sql`r."periodEnd"`)} THEN 'period'
                              WHEN o."periodEnd" = o."periodStart" THEN 'daily' ELSE 'period' END`;
  const figures = Prisma.sql`FROM "Observation" o JOIN "Report" r ON r."id" = o."reportId"
    WHERE ${where} AND o."scopeType" = 'all' AND o."count" IS NOT NULL`;

  const seriesRows = await db.$queryRaw<Array<{ code: string; reports: number | bigint }>>`
    SELECT r."targetCountryCode" AS code, COUNT(DISTINCT r."id") AS reports ${figures}
    GROUP BY r."targetCountryCode" ORDER BY reports DESC, code ASC`;
  const shown = seriesRows.slice(0, MAX_SERIES);
  const codes = shown.map((row) => row.code);
  const [events, metrics] = await Promise.all([
    db.event.findMany({ where: { deletedAt: null }, orderBy: { date: "asc" }, select: { id: true, date: true, label: true } }),
    filteredMetrics(db, filters),
  ]);
  const base = {
    series: shown.map((row) => ({ code: row.code, name: findCountry(row.code)?.name ?? row.code, reports: Number(row.reports) })),
    hiddenSeries: seriesRows.length - shown.length,
    events,
    metrics,
  };
  if (codes.length === 0) return { ...base, bucket: null, marks: [] };

  const inSeries = Prisma.sql`AND r."targetCountryCode" IN (${Prisma.join(codes)})`;
  const [stats] = await db.$queryRaw<Array<{ marks: number | bigint; first: string | null; last: string | null }>>`
    SELECT COUNT(*) AS marks, MIN(o."periodStart") AS first,
           MAX(COALESCE(o."periodEnd", r."statedOn", o."periodStart")) AS last
    ${figures} ${inSeries}`;
  const columns = Prisma.sql`r."targetCountryCode" AS series, ${kind} AS kind, o."count" AS count, o."qualifier" AS qualifier,
    r."id" AS "reportId", o."id" AS "observationId", r."statedOn" AS "statedOn", o."periodStart" AS "periodStart", o."periodEnd" AS "periodEnd", r."metric" AS metric`;

  if (Number(stats.marks) <= MAX_POINTS) {
    const rows = await db.$queryRaw<MarkRow[]>`
      SELECT ${columns}, 0 AS others ${figures} ${inSeries}
      ORDER BY o."periodStart", r."id", o."id"`;
    return { ...base, bucket: null, marks: rows.map(toMark) };
  }

  const bucket = chooseBucket(days(stats.first!, stats.last!), codes.length);
  const bucketStart = d.bucketStart(Prisma.sql`o."periodStart"`, bucket);
  const rows = await db.$queryRaw<MarkRow[]>`
    SELECT series, kind, count, qualifier, "reportId", "observationId", "statedOn", "periodStart", "periodEnd", metric, others FROM (
      SELECT ${columns},
             ROW_NUMBER() OVER (PARTITION BY r."targetCountryCode", ${kind}, ${bucketStart}
                                ORDER BY r."statedOn" DESC NULLS LAST, r."id" DESC) AS rank,
             COUNT(*) OVER (PARTITION BY r."targetCountryCode", ${kind}, ${bucketStart}) - 1 AS others
      ${figures} ${inSeries}
    ) ranked WHERE rank = 1
    ORDER BY "periodStart", "reportId"`;
  return { ...base, bucket, marks: rows.map(toMark) };
}
