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
  /** a = b, where two NULLs are equal. */
  same(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql;
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
  same: (a, b) => Prisma.sql`${a} IS ${b}`,
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
  same: (a, b) => Prisma.sql`${a} IS NOT DISTINCT FROM ${b}`,
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
  if (countries.length) parts.push(Prisma.sql`(${alias}."scopeType" = 'country' AND ${alias}."scopeCountryCode" IN (${Prisma.join(countries)}))`);
  if (regions.length) parts.push(Prisma.sql`(${alias}."scopeType" = 'region' AND ${alias}."scopeRegionCode" IN (${Prisma.join(regions)}))`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`(1 = 0)`;
}

/**
 * The WHERE condition for reports matching the filters, on the alias `r`.
 * Periods overlap [from, to]; an open end runs to the statement date when it
 * is known and on without end when it is not.
 */
export function reportFilterSql(filters: DashboardFilters, r = "r"): Prisma.Sql {
  const a = Prisma.raw(r);
  const conditions: Prisma.Sql[] = [
    Prisma.sql`${a}."deletedAt" IS NULL`,
    Prisma.sql`${a}."status" IN (${Prisma.join(filters.status ?? ["published"])})`,
  ];
  if (filters.target?.length) conditions.push(Prisma.sql`${a}."targetCountryCode" IN (${Prisma.join(filters.target)})`);
  if (filters.metric?.length) conditions.push(Prisma.sql`${a}."metric" IN (${Prisma.join(filters.metric)})`);
  if (filters.to) conditions.push(Prisma.sql`${a}."periodStart" <= ${filters.to}`);
  if (filters.from) {
    conditions.push(
      Prisma.sql`(${a}."periodEnd" >= ${filters.from} OR (${a}."periodEnd" IS NULL AND (${a}."statedOn" IS NULL OR ${a}."statedOn" >= ${filters.from})))`,
    );
  }
  if (filters.source?.length) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Observation" so WHERE so."reportId" = ${a}."id" AND ${observationSourceSql(filters.source, "so")})`,
    );
  }
  if (filters.org?.length) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ReportSpeaker" rs JOIN "Speaker" sp ON sp."id" = rs."speakerId" WHERE rs."reportId" = ${a}."id" AND sp."organisation" IN (${Prisma.join(filters.org)}))`,
    );
  }
  if (filters.outlet?.length) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Citation" ci WHERE ci."reportId" = ${a}."id" AND ci."outletId" IN (${Prisma.join(filters.outlet)}))`,
    );
  }
  return Prisma.join(conditions, " AND ");
}
