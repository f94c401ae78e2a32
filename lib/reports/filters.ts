// Turns the filters an analyst sets into a Prisma `where` for reports. Shared by
// the list API, the dashboard and the exports so they always agree on what a
// filter means.
import type { Prisma } from "../generated/sqlite/client";
import { countriesInRegion, isRegionCode, regionWithDescendants } from "../reference-data";
import type { ReportFilters } from "../schemas/report-query";

/** Observations whose scope falls under one of the given sources (a region includes its sub-regions and countries). */
export function observationScopeWhere(sources: string[]): Prisma.ObservationWhereInput {
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
  return {
    OR: [
      ...(countries.size ? [{ scopeType: "country", scopeCountryCode: { in: [...countries] } }] : []),
      ...(regions.size ? [{ scopeType: "region", scopeRegionCode: { in: [...regions] } }] : []),
    ],
  };
}

/**
 * A report's period overlaps [from, to]. An open end runs to the statement
 * date when it is known, and is unbounded when it is not.
 */
function periodOverlaps(from?: string, to?: string): Prisma.ReportWhereInput[] {
  const conditions: Prisma.ReportWhereInput[] = [];
  if (to) conditions.push({ periodStart: { lte: to } });
  if (from) {
    conditions.push({
      OR: [
        { periodEnd: { gte: from } },
        { periodEnd: null, statedOn: { gte: from } },
        { periodEnd: null, statedOn: null },
      ],
    });
  }
  return conditions;
}

export function reportWhere(filters: ReportFilters): Prisma.ReportWhereInput {
  const and: Prisma.ReportWhereInput[] = [
    { deletedAt: null },
    { status: { in: filters.status ?? ["published"] } },
    ...periodOverlaps(filters.from, filters.to),
  ];
  if (filters.target) and.push({ targetCountryCode: { in: filters.target } });
  if (filters.metric) and.push({ metric: { in: filters.metric } });
  if (filters.source) and.push({ observations: { some: observationScopeWhere(filters.source) } });
  return { AND: and };
}
