// Keeps the report facts copied onto observations (see the Observation model)
// equal to their reports. Every write that changes a report or its
// observations calls syncObservationFacts in the same transaction.
import { Prisma } from "../generated/sqlite/client";
import type { Db } from "../db/client";
import { sameOrBothNull } from "../dashboard/sql";

type Executor = Pick<Db, "$executeRaw">;

/**
 * Whether observation o is its report r's headline: all sources, over the
 * report's own period. Never NULL (the column is NOT NULL): the start columns
 * are NOT NULL and the ends are compared NULL-safely.
 */
const isHeadlineSql = Prisma.sql`(o."scopeType" = 'all' AND o."periodStart" = r."periodStart" AND ${sameOrBothNull(Prisma.sql`o."periodEnd"`, Prisma.sql`r."periodEnd"`)})`;

/** The UPDATE for some reports' observations, or for all of them (reportIds omitted). */
export function observationFactsSql(reportIds?: readonly number[]): Prisma.Sql {
  const only = reportIds === undefined ? Prisma.empty : Prisma.sql` AND o."reportId" IN (${Prisma.join(reportIds)})`;
  return Prisma.sql`
    UPDATE "Observation" AS o SET
      "scopeCode" = COALESCE(o."scopeCountryCode", o."scopeRegionCode", ''),
      "hasCount" = (o."count" IS NOT NULL),
      "isHeadline" = ${isHeadlineSql},
      "reportTarget" = r."targetCountryCode",
      "reportMetric" = r."metric",
      "reportStatus" = r."status",
      "reportDeleted" = (r."deletedAt" IS NOT NULL),
      "reportStatedKey" = COALESCE(r."statedOn", ''),
      "reportPeriodStart" = r."periodStart",
      "reportPeriodEnd" = r."periodEnd"
    FROM "Report" AS r
    WHERE r."id" = o."reportId"${only}`;
}

/** Brings the facts of these reports' observations up to date. Returns how many observations it touched. */
export async function syncObservationFacts(db: Executor, reportIds: readonly number[]): Promise<number> {
  if (reportIds.length === 0) return 0;
  let touched = 0;
  // Stay well under SQLite's limit on bound parameters.
  for (let i = 0; i < reportIds.length; i += 500) {
    touched += await db.$executeRaw(observationFactsSql(reportIds.slice(i, i + 500)));
  }
  return touched;
}

/** Recomputes every observation's facts (after a bulk load, or to repair). */
export async function syncAllObservationFacts(db: Executor): Promise<number> {
  return db.$executeRaw(observationFactsSql());
}

/** How many observations carry facts that differ from their report's: 0 unless a write forgot to sync. */
export async function staleObservationFacts(db: Pick<Db, "$queryRaw">): Promise<number> {
  // Every comparison is NULL-safe: a NULL here would hide a stale row (NOT NULL is NULL, not true).
  const [row] = await db.$queryRaw<Array<{ stale: number | bigint }>>(Prisma.sql`
    SELECT COUNT(*) AS stale FROM "Observation" o JOIN "Report" r ON r."id" = o."reportId"
     WHERE o."reportTarget" <> r."targetCountryCode" OR o."reportMetric" <> r."metric" OR o."reportStatus" <> r."status"
        OR o."reportDeleted" <> (r."deletedAt" IS NOT NULL) OR o."reportStatedKey" <> COALESCE(r."statedOn", '')
        OR o."reportPeriodStart" <> r."periodStart"
        OR NOT ${sameOrBothNull(Prisma.sql`o."reportPeriodEnd"`, Prisma.sql`r."periodEnd"`)}
        OR o."scopeCode" <> COALESCE(o."scopeCountryCode", o."scopeRegionCode", '') OR o."hasCount" <> (o."count" IS NOT NULL)
        OR o."isHeadline" IS NULL OR o."isHeadline" <> ${isHeadlineSql}`);
  return Number(row.stale);
}
