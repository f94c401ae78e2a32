// What "filtered by source" means for the figures a chart draws. A report
// that names the United States and gives 40 million for all sources says
// nothing about how many came from the United States: under a source filter
// every chart draws only observations scoped to the selected sources (a region
// selects itself, its sub-regions and its countries), so a source that is only
// named stays "named, no figure". A report's all-sources total may be shown for
// context, always labelled as such.
import { Prisma } from "../generated/sqlite/client";
import { findCountry, findRegion, scopeName } from "../reference-data";
import type { DashboardFilters } from "./filters";
import { observationSourceSql } from "./sql";

export function isSourceScoped(filters: DashboardFilters): boolean {
  return Boolean(filters.source?.length);
}

/**
 * The observations a chart may draw: the all-sources figures (`allSources`)
 * without a source filter, those scoped to the selected sources with one.
 */
export function drawnScopeSql(filters: DashboardFilters, allSources: Prisma.Sql, o = "o"): Prisma.Sql {
  return isSourceScoped(filters) ? observationSourceSql(filters.source!, o) : allSources;
}

/** "United States", "United States and Brazil", "Europe". */
export function selectedSourceNames(filters: DashboardFilters): string {
  const names = (filters.source ?? []).map((code) => findCountry(code)?.name ?? findRegion(code)?.name ?? code);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The label of an all-sources total shown beside source-scoped figures; null without a source filter. */
export function headlineContextLabel(filters: DashboardFilters): string | null {
  return isSourceScoped(filters) ? `total of all sources, in reports that name ${selectedSourceNames(filters)}` : null;
}

/** The source a drawn figure is attributed to: null for an all-sources figure. */
export function attributedSource(scopeType: string, scopeCode: string): string | null {
  return scopeType === "country" || scopeType === "region" ? scopeName(scopeType, scopeCode) : null;
}
