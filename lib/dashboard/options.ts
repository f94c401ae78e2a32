// Choices offered by the filter bar.
import type { Db } from "../db/client";
import { COUNTRIES, REGIONS } from "../reference-data";
import { publicOutletWhere, publicSpeakerWhere, type SourceAudience } from "../sources/public";

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterChoices {
  countries: FilterOption[];
  sources: FilterOption[];
  organisations: FilterOption[];
  outlets: FilterOption[];
}

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label);

/** `audience: "public"` (anonymous readers): only organisations and outlets that public reports use. */
export async function filterChoices(db: Db, audience: SourceAudience): Promise<FilterChoices> {
  const [organisations, outlets] = await Promise.all([
    db.speaker.findMany({
      where: { organisation: { not: null }, deletedAt: null, ...publicSpeakerWhere(audience) },
      distinct: ["organisation"],
      select: { organisation: true },
      orderBy: { organisation: "asc" },
      take: 500,
    }),
    db.outlet.findMany({ where: publicOutletWhere(audience), select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 }),
  ]);
  const countries = COUNTRIES.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })).sort(byLabel);
  const regions = REGIONS.filter((r) => r.kind !== "world").map((r) => ({ value: r.code, label: `${r.name} (region ${r.code})` }));
  return {
    countries,
    sources: [...regions.sort(byLabel), ...countries],
    organisations: organisations.map((s) => ({ value: s.organisation!, label: s.organisation! })),
    outlets: outlets.map((o) => ({ value: String(o.id), label: o.name })),
  };
}
