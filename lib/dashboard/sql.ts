// The one place where filters become SQL. The dashboard's aggregates, the
// exports and the list API all select reports through reportFilterSql, so a
// filter means the same thing everywhere. Identifiers are quoted the way
// Prisma creates them, so the SQL runs on SQLite and PostgreSQL alike; the few
// expressions that differ between them live in Dialect.
import { Prisma } from "../generated/sqlite/client";
import { countriesInRegion, isRegionCode, regionWithDescendants } from "../reference-data";
import type { DatabaseProvider } from "../db/config";
import type { DashboardFilters } from "./filters";

export type Bucket = "day" | "week" | "month" | "year";

export interface Dialect {
  /** First day of the bucket holding a "YYYY-MM-DD" text column, as "YYYY-MM-DD". */
  bucketStart(column: Prisma.Sql, bucket: Bucket): Prisma.Sql;
}

/**
 * a = b, where two NULLs are equal and a NULL never equals a value: always
 * true or false, never NULL (a NOT NULL column may be set from it). Written
 * the same way on every database, where PostgreSQL would say IS NOT DISTINCT
 * FROM and SQLite IS. (`a = b OR (a IS NULL AND b IS NULL)` is NULL when
 * exactly one side is NULL.)
 */
export function sameOrBothNull(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${a} IS NULL AND ${b} IS NULL) OR (${a} IS NOT NULL AND ${b} IS NOT NULL AND ${a} = ${b}))`;
}

const sqlite: Dialect = {
  bucketStart(column, bucket) {
    switch (bucket) {
      case "day":
        return column;
      case "week": // back to Monday
        return Prisma.sql`date(${column}, '-' || ((CAST(strftime('%w', ${column}) AS INTEGER) + 6) % 7) || ' days')`;
      case "month":
        return Prisma.sql`(substr(${column}, 1, 7) || '-01')`;
      case "year":
        return Prisma.sql`(substr(${column}, 1, 4) || '-01-01')`;
    }
  },
};

const postgresql: Dialect = {
  bucketStart(column, bucket) {
    switch (bucket) {
      case "day":
        return column;
      case "week":
        return Prisma.sql`to_char(date_trunc('week', CAST(${column} AS date)), 'YYYY-MM-DD')`;
      case "month":
        return Prisma.sql`(substr(${column}, 1, 7) || '-01')`;
      case "year":
        return Prisma.sql`(substr(${column}, 1, 4) || '-01-01')`;
    }
  },
};

export function dialectFor(provider: DatabaseProvider): Dialect {
  return provider === "postgresql" ? postgresql : sqlite;
}

/** Countries and regions an observation's scope may have to match a source filter. */
export function expandSources(sources: readonly string[]): { countries: string[]; regions: string[] } {
  const countries = new Set<string>();
  const regions = new Set<string>();
  for (const source of sources) {
    if (isRegionCode(source)) {
      regionWithDescendants(source).forEach((code) => regions.add(code));
      countriesInRegion(source).forEach((code) => countries.add(code));
    } else {
      countries.add(source);
    }
  }
  return { countries: [...countries].sort(), regions: [...regions].sort() };
}

/** `o.scope… IN (…)` for an Observation alias; a region matches its sub-regions and countries. */
export function observationSourceSql(sources: readonly string[], o = "o"): Prisma.Sql {
  const { countries, regions } = expandSources(sources);
  const alias = Prisma.raw(o);
  const parts: Prisma.Sql[] = [];
  if (countries.length) parts.push(Prisma.sql`(${alias}."scopeType" = 'country' AND ${alias}."scopeCode" IN (${Prisma.join(countries)}))`);
  if (regions.length) parts.push(Prisma.sql`(${alias}."scopeType" = 'region' AND ${alias}."scopeCode" IN (${Prisma.join(regions)}))`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`(1 = 0)`;
}

/** Where a report's fields are read from: the Report row, or the facts copied onto an observation. */
interface ReportColumns {
  id: Prisma.Sql;
  notDeleted: Prisma.Sql;
  status: Prisma.Sql;
  target: Prisma.Sql;
  metric: Prisma.Sql;
  periodStart: Prisma.Sql;
  periodEnd: Prisma.Sql;
  /** "the statement date is unknown or on/after `from`" */
  statedOnOrAfter: (from: string) => Prisma.Sql;
}

function reportColumns(r: string): ReportColumns {
  const a = Prisma.raw(r);
  return {
    id: Prisma.sql`${a}."id"`,
    notDeleted: Prisma.sql`${a}."deletedAt" IS NULL`,
    status: Prisma.sql`${a}."status"`,
    target: Prisma.sql`${a}."targetCountryCode"`,
    metric: Prisma.sql`${a}."metric"`,
    periodStart: Prisma.sql`${a}."periodStart"`,
    periodEnd: Prisma.sql`${a}."periodEnd"`,
    statedOnOrAfter: (from) => Prisma.sql`(${a}."statedOn" IS NULL OR ${a}."statedOn" >= ${from})`,
  };
}

function observationFactColumns(o: string): ReportColumns {
  const a = Prisma.raw(o);
  return {
    id: Prisma.sql`${a}."reportId"`,
    notDeleted: Prisma.sql`${a}."reportDeleted" = false`,
    status: Prisma.sql`${a}."reportStatus"`,
    target: Prisma.sql`${a}."reportTarget"`,
    metric: Prisma.sql`${a}."reportMetric"`,
    periodStart: Prisma.sql`${a}."reportPeriodStart"`,
    periodEnd: Prisma.sql`${a}."reportPeriodEnd"`,
    statedOnOrAfter: (from) => Prisma.sql`(${a}."reportStatedKey" = '' OR ${a}."reportStatedKey" >= ${from})`,
  };
}

/**
 * The conditions for reports matching the filters. Periods overlap
 * [from, to]; an open end runs to the statement date when it is known and on
 * without end when it is not.
 */
function filterConditions(filters: DashboardFilters, c: ReportColumns, options: { skipSource?: boolean } = {}): Prisma.Sql {
  const conditions: Prisma.Sql[] = [c.notDeleted, Prisma.sql`${c.status} IN (${Prisma.join(filters.status ?? ["published"])})`];
  if (filters.target?.length) conditions.push(Prisma.sql`${c.target} IN (${Prisma.join(filters.target)})`);
  if (filters.metric?.length) conditions.push(Prisma.sql`${c.metric} IN (${Prisma.join(filters.metric)})`);
  if (filters.to) conditions.push(Prisma.sql`${c.periodStart} <= ${filters.to}`);
  if (filters.from) {
    conditions.push(Prisma.sql`(${c.periodEnd} >= ${filters.from} OR (${c.periodEnd} IS NULL AND ${c.statedOnOrAfter(filters.from)}))`);
  }
  // "The report names …" conditions are written as +id IN (subquery): the
  // database collects the matching reports once, from an index, and checks
  // each candidate row against that set. The unary + keeps SQLite from
  // driving the whole query from the set instead, which is slow when the set
  // is large (an organisation that speaks in half the reports).
  if (filters.source?.length && !options.skipSource) {
    conditions.push(Prisma.sql`+${c.id} IN (SELECT so."reportId" FROM "Observation" so WHERE ${observationSourceSql(filters.source, "so")})`);
  }
  if (filters.org?.length) {
    conditions.push(
      Prisma.sql`+${c.id} IN (SELECT rs."reportId" FROM "ReportSpeaker" rs JOIN "Speaker" sp ON sp."id" = rs."speakerId" WHERE sp."organisation" IN (${Prisma.join(filters.org)}))`,
    );
  }
  if (filters.outlet?.length) {
    conditions.push(Prisma.sql`+${c.id} IN (SELECT ci."reportId" FROM "Citation" ci WHERE ci."outletId" IN (${Prisma.join(filters.outlet)}))`);
  }
  return Prisma.join(conditions, " AND ");
}

/** Reports matching the filters, on a Report alias. */
export function reportFilterSql(filters: DashboardFilters, r = "r"): Prisma.Sql {
  return filterConditions(filters, reportColumns(r));
}

/**
 * Observations whose report matches the filters, read from the report facts
 * copied onto the observation (no join). `skipSource` leaves out the source
 * condition, for queries that already restrict the observation's own scope.
 */
export function observationFilterSql(filters: DashboardFilters, o = "o", options: { skipSource?: boolean } = {}): Prisma.Sql {
  return filterConditions(filters, observationFactColumns(o), options);
}
