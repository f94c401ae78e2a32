// The timeline: each report's headline figure placed on its own period, one
// series per target country; daily series as bars. When the filters select
// more marks than a chart can show, marks are bucketed by week, month or year
// and each bucket shows the figure of the latest statement in it — figures
// from different reports are never added up.
//
// Marks are all-sources observations with a count — under a source filter,
// the observations scoped to the selected sources instead (see source-scope.ts),
// and the ones that name a source without a figure are listed as "named, no
// figure". Their report facts (target, status, statement date) sit on the
// observation itself, so every query here reads one table through the index
// Observation_timeline. Only observations whose own period overlaps the
// filtered range are counted: a figure the legend counts is one the chart draws.
import { Prisma } from "../generated/sqlite/client";
import { findCountry } from "../reference-data";
import { MAX_BARS, MAX_POINTS, dialect, figureColumns, filteredMetrics, toFigure, toNumber, type Db, type FigureRow } from "./common";
import type { DashboardFilters } from "./filters";
import { observationFilterSql, type Bucket } from "./sql";
import { attributedSource, drawnScopeSql, isSourceScoped } from "./source-scope";
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

/** The finest bucket that keeps the marks under the point budget, given how many (series, kind) lines there are. */
export function chooseBucket(spanDays: number, lines: number): Bucket {
  for (const [bucket, size] of BUCKET_DAYS) {
    if (lines * (Math.floor(spanDays / size) + 1) <= MAX_POINTS) return bucket;
  }
  return "year";
}

interface MarkRow extends FigureRow {
  kind: "period" | "daily";
  others: number | bigint;
}

function toMark(row: MarkRow): TimelineMark {
  const figure = toFigure(row);
  return {
    ...figure,
    series: row.target,
    source: attributedSource(row.scopeType, row.scopeCode),
    kind: row.kind,
    drawEnd: row.periodEnd ?? figure.statedOn,
    others: toNumber(row.others) ?? 0,
  };
}

export async function reportTimeline(db: Db, filters: DashboardFilters): Promise<TimelineData> {
  const scoped = isSourceScoped(filters);
  // The observation's own period overlaps the range, as its report's does (an open end runs on).
  const ownPeriod: Prisma.Sql[] = [];
  if (filters.to) ownPeriod.push(Prisma.sql`o."periodStart" <= ${filters.to}`);
  if (filters.from) ownPeriod.push(Prisma.sql`(o."periodEnd" IS NULL OR o."periodEnd" >= ${filters.from})`);
  const inView = Prisma.sql`${drawnScopeSql(filters, Prisma.sql`o."scopeType" = 'all'`)} AND ${observationFilterSql(filters, "o", { skipSource: scoped })}${
    ownPeriod.length ? Prisma.sql` AND ${Prisma.join(ownPeriod, " AND ")}` : Prisma.empty
  }`;
  const marks = Prisma.sql`o."hasCount" = true AND ${inView}`;
  const kind = Prisma.sql`CASE WHEN o."isHeadline" = false AND o."periodEnd" = o."periodStart" THEN 'daily' ELSE 'period' END`;

  // Without a source filter only figures are in view, so "named" is 0.
  const seriesRows = await db.$queryRaw<Array<{ code: string; figures: number | bigint; named: number | bigint }>>`
    SELECT o."reportTarget" AS code, SUM(CASE WHEN o."hasCount" = true THEN 1 ELSE 0 END) AS figures,
           SUM(CASE WHEN o."hasCount" = true THEN 0 ELSE 1 END) AS named
      FROM "Observation" o WHERE ${scoped ? inView : marks}
    GROUP BY o."reportTarget" ORDER BY figures DESC, named DESC, code ASC`;
  const shown = seriesRows.slice(0, MAX_SERIES);
  const codes = shown.map((row) => row.code);
  const [events, metrics] = await Promise.all([
    db.event.findMany({ where: { deletedAt: null }, orderBy: { date: "asc" }, select: { id: true, date: true, label: true } }),
    filteredMetrics(db, filters),
  ]);
  const base = {
    series: shown.map((row) => ({
      code: row.code,
      name: findCountry(row.code)?.name ?? row.code,
      figures: toNumber(row.figures) ?? 0,
      named: toNumber(row.named) ?? 0,
    })),
    hiddenSeries: seriesRows.length - shown.length,
    events,
    metrics,
  };
  if (codes.length === 0) return { ...base, bucket: null, marks: [] };

  const inSeries = Prisma.sql`${marks} AND o."reportTarget" IN (${Prisma.join(codes)})`;
  // Sources named without a figure: listed beside the chart (and in its table and CSV), never drawn as a quantity.
  const named = scoped
    ? (
        await db.$queryRaw<MarkRow[]>`
          SELECT ${figureColumns()}, 'period' AS kind, 0 AS others FROM "Observation" o
           WHERE o."hasCount" = false AND ${inView} AND o."reportTarget" IN (${Prisma.join(codes)})
           ORDER BY o."reportStatedKey" DESC, o."reportId" DESC, o."id" ASC LIMIT ${MAX_BARS}`
      ).map(toMark)
    : [];
  if (base.series.every((series) => series.figures === 0)) return { ...base, bucket: null, marks: named };
  const [stats] = await db.$queryRaw<Array<{ marks: number | bigint; lines: number | bigint; first: string | null; last: string | null }>>`
    SELECT COUNT(*) AS marks, COUNT(DISTINCT o."reportTarget" || ':' || ${kind}) AS lines, MIN(o."periodStart") AS first,
           MAX(COALESCE(o."periodEnd", NULLIF(o."reportStatedKey", ''), o."periodStart")) AS last
      FROM "Observation" o WHERE ${inSeries}`;

  if (Number(stats.marks) <= MAX_POINTS) {
    const rows = await db.$queryRaw<MarkRow[]>`
      SELECT ${figureColumns()}, ${kind} AS kind, 0 AS others FROM "Observation" o WHERE ${inSeries}
      ORDER BY o."periodStart", o."reportId", o."id"`;
    return { ...base, bucket: null, marks: [...rows.map(toMark), ...named] };
  }

  const bucket = chooseBucket(days(stats.first!, stats.last!), Number(stats.lines));
  const bucketStart = dialect(db).bucketStart(Prisma.sql`o."periodStart"`, bucket);
  const rows = await db.$queryRaw<MarkRow[]>`
    SELECT * FROM (
      SELECT ${figureColumns()}, ${kind} AS kind,
             ROW_NUMBER() OVER (PARTITION BY o."reportTarget", ${kind}, ${bucketStart}
                                ORDER BY o."reportStatedKey" DESC, o."reportId" DESC, o."id" ASC) AS rank,
             COUNT(*) OVER (PARTITION BY o."reportTarget", ${kind}, ${bucketStart}) - 1 AS others
        FROM "Observation" o WHERE ${inSeries}
    ) ranked WHERE rank = 1
    ORDER BY "periodStart", "reportId", "observationId"`;
  return { ...base, bucket, marks: [...rows.map(toMark), ...named] };
}
